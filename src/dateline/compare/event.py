"""Stage `compare`: the reports of one event -> what they agree on, what one alone says, and
where they differ."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from dateline.claims.lexicon import load
from dateline.compare.context import EventContext, Member
from dateline.compare.records import Comparison, Fact
from dateline.compare.statements import statement_facts
from dateline.compare.values import (
    date_facts,
    number_facts,
    participant_facts,
    place_facts,
    role_facts,
)
from dateline.models import Entity

_KIND_ORDER = {"participant": 0, "role": 1, "date": 2, "place": 3, "number": 4, "statement": 5}


def compare_event(members: Sequence[Member], entities: Mapping[str, Entity] | None = None) -> Comparison:
    """``members``: (article, analysis, claims) of each report of the event. ``entities``
    (optional) gives canonical names and tells countries apart; without it, names are the
    first mention's text."""
    ctx = EventContext.build(members, entities)
    claims = [c for _, _, cs in members for c in cs]
    lex = load()
    # sentences saying something happened, where a place names the event's place
    event_sentences = {(c.article_id, c.sentence_start) for c in claims if c.kind == "statement"
                       and any(lex.group(k) in ("event", "violence", "casualty", "disaster", "ceremony")
                               for k in c.concepts)}
    facts: list[Fact] = [
        *participant_facts(ctx, claims),
        *role_facts(ctx, claims),
        *date_facts(ctx, claims),
        *place_facts(ctx, claims, event_sentences),
        *number_facts(ctx, claims),
        *statement_facts(ctx, claims),
    ]
    facts.sort(key=lambda f: _KIND_ORDER[f.kind])  # stable: each kind keeps its own order
    pick = lambda status: tuple(f for f in facts if f.status == status)
    return Comparison(tuple(ctx.sources), pick("agreed"), pick("single"), pick("differing"))

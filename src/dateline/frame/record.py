"""Stage ``frame``: one event's reports -> its event record (``build_record``).

The record says what happened (PLOVER type, mode, context), who did it to whom (source and target
actors as linked entities with their countries), where (a place entity with its coordinates),
when (a day or a range) and under which headline, each field decided across the reports and
traced to the sentences of each report that support it. The rules live in the modules named
below, one per field; the ``Event records`` section of docs/events.md sums them up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from dateline.frame.members import Member, ReportFrame, frame_members
from dateline.frame.record_actors import decide_actors
from dateline.frame.record_date import decide_date
from dateline.frame.record_place import decide_place
from dateline.frame.record_types import (
    ActorRecord,
    DateRecord,
    EventKind,
    EventRecord,
    Evidence,
    Headline,
    PlaceRecord,
)
from dateline.frame.vote import decide_kind, type_sentences
from dateline.models import Analysis, Article, Entity

__all__ = ["RECORD_REPORTS", "ActorRecord", "DateRecord", "EventKind", "EventRecord", "Evidence", "Headline",
           "PlaceRecord", "build_record"]

# An event's record is decided over its first RECORD_REPORTS reports by arrival. The first reports
# of a happening state what, who, where and when; a hot story's thousands of later ones add votes
# that rarely change a field, and deciding over all of them each time one joins costs time and
# memory that grow with the event without end. The event keeps all its members and counts them all.
RECORD_REPORTS = 1_000


def decide_headline(members: Sequence[Member], etype: str | None) -> Headline | None:
    """The report that states the event most clearly (its heaviest sentence of the event's type;
    a report with a title before one without) gives its title, or else its first sentence."""
    def strength(m: Member) -> float:
        own = type_sentences(m, etype)
        return own[0].weight if own else 0.0

    ranked = sorted(range(len(members)), key=lambda k: (not members[k].article.title, -strength(members[k]), k))
    for k in ranked:
        m = members[k]
        if m.article.title:
            return Headline(m.article.title.strip(), m.article.id, "title")
        if m.analysis.sentences:
            s = m.analysis.sentences[0]
            return Headline(m.article.text[s.start:s.end].strip(), m.article.id, "sentence", s.start, s.end)
    return None


def build_record(members: Sequence[tuple[Article, Analysis]], entities: Mapping[str, Entity],
                 reports: Sequence[ReportFrame] | None = None) -> EventRecord:
    """The event record of the given reports of one event. ``entities``: the linked entities of
    their mentions (``Analyzer.entities`` or the store), for names, countries and coordinates;
    ``reports``: each report framed (``frame_report``), when the caller has that already."""
    framed = frame_members(members, reports)
    kind = decide_kind(framed)
    sources, targets = decide_actors(framed, entities, kind.type)
    return EventRecord(
        members=tuple(m.article.id for m in framed),
        kind=kind,
        sources=sources,
        targets=targets,
        place=decide_place(framed, entities, kind.type),
        date=decide_date(framed, kind.type),
        headline=decide_headline(framed, kind.type),
    )

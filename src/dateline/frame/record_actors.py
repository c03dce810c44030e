"""Source and target actors of an event, merged across its reports by entity.

In each member the sentences of the event's type are taken heaviest first; the sources come from
the first of them that has a linked source, the targets from the first that has a linked target
(``find_actors`` on the sentence, places after a locative preposition left out). An organisation
inside a person's stated role on the same side (``the Commander of the Libyan National Army
(LNA), Field Marshal Khalifa Haftar``) is that person's affiliation, not an actor of its own.
Across members an actor is one entity; it is a source or a target as its summed sentence weights
say, ties to where it was first seen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from dateline.frame.actors import Actor
from dateline.frame.countries import CountryFinder
from dateline.frame.members import LeadSentence, Member
from dateline.frame.record_types import ActorRecord, Evidence
from dateline.frame.vote import type_sentences
from dateline.models import Entity


def display_name(eid: str, entities: Mapping[str, Entity], fallback: str) -> str:
    """An acronym organisation shows its longest written-out name (``Libyan National Army``)."""
    ent = entities.get(eid)
    if ent is None:
        return fallback
    if ent.kind == "acronym":  # English first, as canonical names are; then languages in order
        for lang in sorted(ent.aliases, key=lambda lg: (lg != "en", lg)):
            longer = [f for f in ent.aliases[lang] if len(f) > len(ent.name) and " " in f]
            if longer:
                return max(longer, key=len)
    return ent.name


@dataclass
class _Seen:
    actor: Actor
    order: int
    side_weight: dict[str, float] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    cited: set[tuple] = field(default_factory=set)  # (article, sentence, span) of each evidence: a lookup, not a scan


def _role_spans(member: Member, eid: str | None) -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in member.claims
            if c.kind == "participant" and c.value and eid and c.entities[:1] == (eid,)]


def _without_affiliations(member: Member, actors: list[Actor]) -> list[Actor]:
    roles = [span for a in actors if a.type == "PER" for span in _role_spans(member, a.entity)]
    return [a for a in actors if not (a.type == "ORG" and any(s <= a.start and a.end <= e for s, e in roles))]


def _side(sentences: list[LeadSentence], side: int) -> tuple[LeadSentence, list[Actor]] | None:
    for s in sentences:
        group = s.framed.sources if side == 0 else s.framed.targets
        linked = [s.absolute(a) for a in group if a.entity]
        if linked:
            return s, linked
    return None


def decide_actors(members: Sequence[Member], entities: Mapping[str, Entity],
                  etype: str | None) -> tuple[tuple[ActorRecord, ...], tuple[ActorRecord, ...]]:
    seen: dict[str, _Seen] = {}
    for member in members:
        sentences = type_sentences(member, etype)
        for side, name in ((0, "source"), (1, "target")):
            found = _side(sentences, side)
            if found is None:
                continue
            sent, actors = found
            for a in _without_affiliations(member, actors):
                rec = seen.setdefault(a.entity, _Seen(a, len(seen)))
                rec.side_weight[name] = rec.side_weight.get(name, 0.0) + sent.weight
                ev = member.sentence_evidence(sent.sentence.start, sent.sentence.end, a.start, a.end)
                if (key := (ev.article_id, ev.start, ev.span_start)) not in rec.cited:
                    rec.cited.add(key)
                    rec.evidence.append(ev)
    countries = CountryFinder(members, entities)
    sides: dict[str, list[tuple[float, int, ActorRecord]]] = {"source": [], "target": []}
    for eid, rec in seen.items():
        side = max(rec.side_weight, key=lambda k: rec.side_weight[k])
        ent = entities.get(eid)
        etype_ = ent.type if ent else rec.actor.type
        country, country_ev, affiliation = countries.country(eid, etype_)
        actor = ActorRecord(eid, display_name(eid, entities, rec.actor.text), etype_, country, affiliation,
                            display_name(affiliation, entities, affiliation) if affiliation else None,
                            tuple(rec.evidence), country_ev)
        sides[side].append((-sum(rec.side_weight.values()), rec.order, actor))
    return (tuple(a for *_, a in sorted(sides["source"], key=lambda t: t[:2])),
            tuple(a for *_, a in sorted(sides["target"], key=lambda t: t[:2])))

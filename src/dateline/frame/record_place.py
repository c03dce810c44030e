"""Where the event happened, chosen across its reports.

Candidates are located-event phrases, a place after a locative preposition (``in Benghazi``,
``a Bengasi``, ``à Lyon``: the ``place`` claims), each weighing ``member weight / (1 + sentence
index)``, doubled in a sentence of the event's type. A city or region takes the weight of its own
country's candidates (``in the city of Benghazi in eastern Libya`` is Benghazi), a city located
in the text, not a dateline city (``NAIROBI - ... in Kenya`` stays Kenya). A member's
dateline city weighs only ``DATELINE_WEIGHT``: a wire dateline names where the report was filed
(``RABAT``), often far from the event, so it decides only when the text locates nothing near its
lead. The heaviest candidate wins, ties to the first seen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from dateline.frame.members import Member
from dateline.frame.record_types import Evidence, PlaceRecord
from dateline.frame.vote import type_sentences
from dateline.link.gazetteer import load as load_gazetteer
from dateline.link.keys import fold
from dateline.models import Entity

DATELINE_WEIGHT = 0.15  # as much as a located phrase in a report's seventh sentence
_SPECIFIC = ("city", "region")


def dateline_place(member: Member) -> Entity | None:
    """The dateline's place as a gazetteer entity: a city or region, or a country written as its
    name (a loose match of a city name to some country's form is not trusted)."""
    d = member.article.dateline
    if d is None or not d.place:
        return None
    p = load_gazetteer().lookup(d.place, member.article.lang, strict=True)
    if p is None or p.type != "LOC" or (p.kind not in _SPECIFIC and fold(p.name) != fold(d.place)):
        return None
    return Entity(p.id, p.name, p.type, country=p.country, lat=p.lat, lon=p.lon, kind=p.kind, source="gazetteer")


def decide_place(members: Sequence[Member], entities: Mapping[str, Entity], etype: str | None) -> PlaceRecord | None:
    weights: dict[str, float] = {}
    evidence: dict[str, list[Evidence]] = {}
    known: dict[str, Entity] = dict(entities)
    located: set[str] = set()
    for member in members:
        event_starts = {s.sentence.start for s in type_sentences(member, etype)}
        for c in member.claims:
            if c.kind != "place":
                continue
            boost = 2.0 if c.sentence_start in event_starts else 1.0
            weights[c.value] = weights.get(c.value, 0.0) + member.weight * boost / (1 + member.sentence_index(c.start))
            evidence.setdefault(c.value, []).append(member.sentence_evidence(c.sentence_start, c.sentence_end,
                                                                             c.start, c.end))
            located.add(c.value)
        if (ent := dateline_place(member)) is not None:
            known.setdefault(ent.id, ent)
            weights[ent.id] = weights.get(ent.id, 0.0) + member.weight * DATELINE_WEIGHT
            text = member.article.dateline.text
            evidence.setdefault(ent.id, []).append(Evidence(member.article.id, 0, 0, text, member.article.dateline.place,
                                                            basis="dateline"))
    if not weights:
        return None
    scores = dict(weights)
    for eid, w in weights.items():  # a country's weight goes to the cities located in it
        ent = known.get(eid)
        if ent is None or ent.kind != "country":
            continue
        inside = [x for x in located if known.get(x) and known[x].kind in _SPECIFIC and known[x].country == ent.country]
        for x in inside:
            scores[x] += w
        if inside:
            scores[eid] = 0.0
    best = max(scores, key=lambda k: scores[k])
    ent = known.get(best)
    return PlaceRecord(best, ent.name if ent else best, ent.country if ent else None, ent.lat if ent else None,
                       ent.lon if ent else None, ent.kind if ent else None,
                       "located" if best in located else "dateline", tuple(evidence[best]))

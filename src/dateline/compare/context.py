"""What the comparison needs to know about the reports: their texts, sources and entity names."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dateline.claims.records import Claim
from dateline.compare.records import Evidence, Report, Source
from dateline.compare.sources import independent_sources
from dateline.models import Analysis, Article, Entity

Member = tuple[Article, Analysis, Sequence[Claim]]


@dataclass
class EventContext:
    articles: dict[str, Article]
    sources: list[Source]
    source_of: dict[str, str]  # article id -> source name
    names: dict[str, str]  # entity id -> name to show
    weights: dict[str, float]  # entity id -> how much sharing it says two sentences tell one fact

    @classmethod
    def build(cls, members: Sequence[Member], entities: Mapping[str, Entity] | None = None) -> EventContext:
        arts = [m[0] for m in members]
        sources, source_of = independent_sources(arts)
        names: dict[str, str] = {}
        types: dict[str, set[str]] = {}
        for _, analysis, _ in members:
            for m in analysis.mentions:
                if m.entity:
                    names.setdefault(m.entity, m.text)
                    types.setdefault(m.entity, set()).add(m.type)
        weights = {}
        for eid, ts in types.items():
            ent = entities.get(eid) if entities else None
            if ent:
                names[eid] = ent.name
            # a country or a nationality word is shared by most sentences about a country's
            # army; a person, an organisation or a city is the better sign of one fact
            if (ent and ent.kind == "country") or ts <= {"NORP", "MISC"}:
                weights[eid] = 0.5
            else:
                weights[eid] = 2.0
        return cls({a.id: a for a in arts}, sources, source_of, names, weights)

    def name(self, eid: str) -> str:
        return self.names.get(eid, eid)

    def evidence(self, claim: Claim) -> Evidence:
        art = self.articles[claim.article_id]
        if claim.basis == "dateline":
            text = art.dateline.text if art.dateline else claim.value
            return Evidence(art.id, art.lang, text, text, 0, 0, 0, 0)
        return Evidence(art.id, art.lang, art.text[claim.sentence_start:claim.sentence_end],
                        art.text[claim.start:claim.end], claim.sentence_start, claim.sentence_end,
                        claim.start, claim.end)

    def reports(self, claims: Sequence[Claim], value_of) -> tuple[Report, ...]:
        """One report per source, in source order; ``value_of`` turns a source's claims into
        the readable value shown for it."""
        by_source: dict[str, list[Claim]] = {}
        for c in claims:
            by_source.setdefault(self.source_of[c.article_id], []).append(c)
        out = []
        for src in self.sources:
            cs = by_source.get(src.name)
            if not cs:
                continue
            seen: dict[tuple, Evidence] = {}
            for c in cs:
                ev = self.evidence(c)
                seen.setdefault((ev.article_id, ev.start, ev.end, ev.sentence_start), ev)
            out.append(Report(src.name, tuple(dict.fromkeys(c.article_id for c in cs)), value_of(cs),
                              tuple(seen.values())))
        return tuple(out)

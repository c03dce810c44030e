"""The country of an actor, as the reports state it.

- a place, a country or a nationality word: its entity's country;
- an organisation: its entity's country if the gazetteer knows one, else a country name or
  nationality word inside its name in any report or language (``Libyan National Army``,
  ``Esercito Nazionale Libico``), else a nationality word right after it (``Forze Armate
  libiche``);
- a person: its entity's country if known, else the countries named in the roles the reports
  give them (``Commander-in-Chief of Pakistan's armed forces``, ``Capo di Stato Maggiore
  dell’esercito pakistano``, ``comandante militare libico``), an organisation in a role giving
  its own country and becoming the person's affiliation (``Commander of the Libyan National Army``),
  and a nationality word just before the name or its title (``die österreichische
  Außenministerin Anna Berger``, ``den slowenischen Regierungschef Marko Novak``).
Each statement votes with its member's weight; the heaviest country wins, ties to the first seen.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from dateline.frame.members import Member
from dateline.frame.record_types import Evidence
from dateline.link.gazetteer import load as load_gazetteer
from dateline.link.spotting import spot
from dateline.models import Entity, Mention

_WORD_BEFORE = re.compile(r"([^\W\d_][\w-]*)\s+$")
_WORDS_BEFORE = 3  # ``den slowenischen Regierungschef`` Marko Novak


@dataclass
class _Votes:
    weights: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)

    def add(self, key: str, weight: float, ev: Evidence) -> None:
        self.weights[key] = self.weights.get(key, 0.0) + weight
        evs = self.evidence.setdefault(key, [])
        if all((e.article_id, e.start) != (ev.article_id, ev.start) for e in evs):
            evs.append(ev)

    def best(self) -> tuple[str | None, tuple[Evidence, ...]]:
        if not self.weights:
            return None, ()
        key = max(self.weights, key=lambda k: self.weights[k])
        return key, tuple(self.evidence[key])


def word_country(word: str, lang: str | None) -> str | None:
    """Country of a country name or nationality word (``Pakistan``, ``pakistano``, ``Libyan``).
    Country names are looked up only as names are written, capitalised and not too short, so
    ``leading man`` is not the Isle of Man."""
    gaz = load_gazetteer()
    place = gaz.demonym_country(word)
    if place is None and word[:1].isupper() and (len(word) >= 4 or word.isupper()):
        place = gaz.lookup(word, lang, strict=True)
    return place.country if place is not None and place.kind == "country" else None


class CountryFinder:
    def __init__(self, members: Sequence[Member], entities: Mapping[str, Entity]) -> None:
        self.members = members
        self.entities = entities
        self._orgs: dict[str, tuple[str | None, tuple[Evidence, ...]]] = {}

    def mention_country(self, m: Mention, lang: str | None) -> str | None:
        """A country or nationality mention's country; None for any other mention."""
        ent = self.entities.get(m.entity) if m.entity else None
        if ent is not None and ent.country and (ent.kind == "country" or m.type == "NORP"):
            return ent.country
        if m.type == "NORP" or (ent is None and m.type in ("LOC", "MISC")):
            return word_country(m.text, lang)
        return None

    def _sentence_of(self, member: Member, pos: int) -> Evidence:
        i = member.sentence_index(pos)
        sents = member.analysis.sentences
        if not sents:
            return member.sentence_evidence(pos, pos)
        s = sents[min(i, len(sents) - 1)]
        return member.sentence_evidence(s.start, s.end)

    def org_country(self, eid: str) -> tuple[str | None, tuple[Evidence, ...]]:
        if eid not in self._orgs:
            self._orgs[eid] = self._org_country(eid)
        return self._orgs[eid]

    def _org_country(self, eid: str) -> tuple[str | None, tuple[Evidence, ...]]:
        ent = self.entities.get(eid)
        if ent is not None and ent.country:
            return ent.country, ()
        votes = _Votes()
        for member in self.members:
            lang, text = member.article.lang, member.article.text
            ments = sorted(member.analysis.mentions, key=lambda x: x.start)
            for k, m in enumerate(ments):
                if m.entity != eid:
                    continue
                ev = self._sentence_of(member, m.start)
                for word in spot(m.text, lang):
                    if (code := word_country(word.text, lang)) is not None:
                        votes.add(code, member.weight, ev)
                nxt = ments[k + 1] if k + 1 < len(ments) else None
                code = self.mention_country(nxt, lang) if nxt is not None and not text[m.end:nxt.start].strip() else None
                if code is not None:
                    votes.add(code, member.weight, ev)
        return votes.best()

    def person_country(self, eid: str) -> tuple[str | None, tuple[Evidence, ...], str | None]:
        """(country, evidence, affiliation entity id)."""
        ent = self.entities.get(eid)
        votes, orgs = _Votes(), _Votes()
        for member in self.members:
            lang = member.article.lang
            for c in member.claims:
                if c.kind != "participant" or not c.value or c.entities[:1] != (eid,):
                    continue
                ev = member.sentence_evidence(c.sentence_start, c.sentence_end, c.start, c.end)
                inside = [m for m in member.analysis.mentions if c.start <= m.start and m.end <= c.end]
                for m in inside:
                    if m.type == "ORG" and m.entity:
                        orgs.add(m.entity, member.weight, ev)
                        code, _ = self.org_country(m.entity)
                    else:
                        code = self.mention_country(m, lang)
                    if code:
                        votes.add(code, member.weight, ev)
                if not inside:  # a nationality word the tagger left alone
                    for word in spot(c.value, lang):
                        if (code := word_country(word.text, lang)) is not None:
                            votes.add(code, member.weight, ev)
            for m in member.analysis.mentions:
                if m.entity == eid:
                    self._nationality_before(member, m, votes)
        affiliation, _ = orgs.best()
        if ent is not None and ent.country:
            return ent.country, (), affiliation
        code, evidence = votes.best()
        return code, evidence, affiliation

    def _nationality_before(self, member: Member, m: Mention, votes: _Votes) -> None:
        text, lang = member.article.text, member.article.lang
        i = member.sentence_index(m.start)
        floor = member.analysis.sentences[i].start if i < len(member.analysis.sentences) else 0
        pos = m.role_start if m.role_start is not None else m.start
        for _ in range(_WORDS_BEFORE):
            w = _WORD_BEFORE.search(text, floor, pos)
            if w is None:
                return
            if (code := word_country(w.group(1), lang)) is not None:
                ev = self._sentence_of(member, m.start)
                votes.add(code, member.weight, Evidence(ev.article_id, ev.start, ev.end, ev.text, w.group(1),
                                                        w.start(1), w.end(1)))
                return
            pos = w.start(1)

    def country(self, eid: str, etype: str) -> tuple[str | None, tuple[Evidence, ...], str | None]:
        if etype == "PER":
            return self.person_country(eid)
        if etype == "ORG":
            code, ev = self.org_country(eid)
            return code, ev, None
        ent = self.entities.get(eid)
        return (ent.country if ent else None), (), None

"""Each report of an event, framed: its claims, its weight, and its lead sentences typed and
with their actors. The record's fields are all decided over these."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from dateline.claims import Claim, claims_version, extract_claims
from dateline.compare.sources import independent_sources
from dateline.frame.actors import Actor, find_actors
from dateline.frame.events import MODEL_NAME
from dateline.frame.lexicon import LEXICON_NAME
from dateline.frame.record_types import Evidence
from dateline.frame.sentence import FramedEvent, frame_sentence
from dateline.models import Analysis, Article, Mention, Sentence
from dateline.packaged import code_digest

LEAD_SENTENCES = 3  # a report states its event in its lead; later sentences give background
# German and Dutch put the participle last (``Berger hat ... Novak getroffen``): the finite
# auxiliary stands where an English verb would, between subject and object.
_AUXILIARY = {
    "de": re.compile(r"\b(?:hat|haben|hatte|hatten|ist|sind|war|waren)\b"),
    "nl": re.compile(r"\b(?:heeft|hebben|had|hadden|is|zijn|was|waren)\b"),
}


@dataclass(frozen=True)
class LeadSentence:
    index: int  # position in the article's sentences
    sentence: Sentence
    framed: FramedEvent  # offsets relative to the sentence
    weight: float  # member weight x type score / (1 + index)

    def evidence(self, article: Article) -> Evidence:
        s, ev = self.sentence, self.framed.event
        span = (s.start + ev.trigger_start, s.start + ev.trigger_end) if ev.trigger_start is not None else None
        return Evidence(article.id, s.start, s.end, article.text[s.start:s.end], ev.trigger,
                        span[0] if span else None, span[1] if span else None)

    def absolute(self, actor: Actor) -> Actor:
        return replace(actor, start=actor.start + self.sentence.start, end=actor.end + self.sentence.start)


@dataclass(frozen=True)
class Member:
    article: Article
    analysis: Analysis
    claims: tuple[Claim, ...]
    weight: float  # 1 / number of reports of its independent source (syndicated copies count once)
    lead: tuple[LeadSentence, ...]

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence holding character ``pos`` (the last one when none does)."""
        for i, s in enumerate(self.analysis.sentences):
            if s.start <= pos < s.end:
                return i
        return len(self.analysis.sentences)

    def sentence_evidence(self, start: int, end: int, span_start: int | None = None,
                          span_end: int | None = None) -> Evidence:
        text = self.article.text
        span = text[span_start:span_end] if span_start is not None and span_end is not None else None
        return Evidence(self.article.id, start, end, text[start:end], span, span_start, span_end)


def _located(claims: Sequence[Claim]) -> set[tuple[int, int]]:
    return {(c.start, c.end) for c in claims if c.kind == "place"}


def _sentence_mentions(analysis: Analysis, sent: Sentence, located: set[tuple[int, int]]) -> list[Mention]:
    """The sentence's mentions with sentence-relative offsets, less places governed by a locative
    preposition (``a Bengasi`` says where, and would otherwise be taken for the target) and
    mentions inside a time expression (``am Montag`` is no place)."""
    out = []
    for m in analysis.mentions:
        if not (sent.start <= m.start < sent.end) or (m.start, m.end) in located:
            continue
        if any(t.start < m.end and m.start < t.end for t in analysis.times):
            continue
        shift = sent.start
        out.append(replace(m, start=m.start - shift, end=m.end - shift,
                           role_start=None if m.role_start is None else m.role_start - shift,
                           role_end=None if m.role_end is None else m.role_end - shift))
    return out


def _verb_final(framed: FramedEvent, text: str, lang: str | None, mentions: list[Mention]) -> FramedEvent:
    """Where splitting at the trigger found no target, the actors either side of the first
    auxiliary that has one on each side."""
    aux = _AUXILIARY.get(lang or "")
    start = framed.event.trigger_start
    if aux is None or start is None or framed.targets:
        return framed
    for m in aux.finditer(text, 0, start):
        sources, targets = find_actors(text, mentions, m.start(), m.end())
        if sources and targets:
            return replace(framed, sources=tuple(sources), targets=tuple(targets))
    return framed


@dataclass(frozen=True)
class ReportFrame:
    """What framing finds in one report whatever event it is in: its claims and its lead
    sentences framed. The store keeps it (stored_events.report_frames): an event that grows is framed
    again with every new member, and most of that cost is here."""

    claims: tuple[Claim, ...]
    lead: tuple[FramedEvent, ...]  # one per lead sentence, in order

    def as_dict(self) -> dict:
        return {"claims": [c.as_dict() for c in self.claims], "lead": [f.as_dict() for f in self.lead]}

    @classmethod
    def from_dict(cls, d: dict) -> ReportFrame:
        return cls(tuple(Claim.from_dict(c) for c in d["claims"]), tuple(FramedEvent.from_dict(f) for f in d["lead"]))


@cache
def frame_version() -> str:
    """Which framing of a report this is: a hash of the claims' and the frame stage's code and
    data. Report frames kept under another are framed again."""
    return f"{claims_version()}-{code_digest('dateline.frame', (MODEL_NAME, LEXICON_NAME))}"


def frame_report(article: Article, analysis: Analysis) -> ReportFrame:
    claims = tuple(extract_claims(article, analysis))
    located = _located(claims)
    lead = []
    for sent in analysis.sentences[:LEAD_SENTENCES]:
        text = article.text[sent.start:sent.end]
        mentions = _sentence_mentions(analysis, sent, located)
        lead.append(_verb_final(frame_sentence(text, article.lang, mentions), text, article.lang, mentions))
    return ReportFrame(claims, tuple(lead))


def frame_members(pairs: Sequence[tuple[Article, Analysis]],
                  reports: Sequence[ReportFrame] | None = None) -> list[Member]:
    """Frame each report; ``reports`` (one per report, in order) saves framing them again when
    the caller has them already."""
    _, source_of = independent_sources([a for a, _ in pairs])
    group_size: dict[str, int] = {}
    for name in source_of.values():
        group_size[name] = group_size.get(name, 0) + 1
    members = []
    for k, (article, analysis) in enumerate(pairs):
        report = reports[k] if reports is not None else frame_report(article, analysis)
        weight = 1.0 / group_size[source_of[article.id]]
        lead = tuple(LeadSentence(i, sent, framed, weight * framed.event.score / (1 + i))
                     for i, (sent, framed) in enumerate(zip(analysis.sentences, report.lead)))
        members.append(Member(article, analysis, report.claims, weight, lead))
    return members

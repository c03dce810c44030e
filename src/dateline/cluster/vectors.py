"""What one article brings to clustering: sparse TF-IDF vectors per field, index keys, its day.

Built once per article from its similarity profile (:mod:`dateline.similarity.features`) with
the document frequencies of the stream so far, so IDF adapts to whatever languages arrive and
no vocabulary ships with the package. Fields:

- ``stems``: words of 4 letters or more cut to 4 characters (a crude stemmer for any language);
- ``entities``: linked entity ids (the same across languages and scripts);
- ``per``: the person entities alone (two similar events differ most in who);
- ``names``: capitalised words, for names the linker missed;
- ``lead_chars``: character 3-5-grams of title and lead, which related languages and
  transliterations share (what tells stories apart across the Slavic languages);
- ``lead_masked``: the same with the names and dates taken out: what happened, not where or when
  (left in, a town's name makes two happenings there on one day look alike; the event head
  leans on this one);
- ``numbers``: numbers written in digits outside time expressions (a count, an amount; not
  the day of the month or the year, which every report of the day shares).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from dateline.models import Analysis, Article
from dateline.similarity.features import Profile, SimilarityContext, build_profile, char_ngrams

# No field of resolved days: in a dated stream every article of the window shares them, so they
# cannot tell two events apart (the window and the day gap feature carry time instead).
FIELDS: tuple[str, ...] = ("stems", "entities", "per", "names", "lead_chars", "lead_masked", "numbers")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"\w+", re.UNICODE)
_LEAD_CHARS = 300


def numbers(text: str, analysis: Analysis) -> Counter[str]:
    spans = [(t.start, t.end) for t in analysis.times]
    found: Counter[str] = Counter()
    for m in _NUMBER.finditer(text):
        digits = re.sub(r"[.,]", "", m.group())
        # one-digit numbers (list markers, "3 people") are too common to be evidence
        if len(digits) > 1 and not any(s <= m.start() < e for s, e in spans):
            found[digits] += 1
    return found


def masked_lead(article: Article, analysis: Analysis, chars: int = _LEAD_CHARS) -> str:
    """Title and lead without the entity mentions and time expressions."""
    text = list(article.text[:chars])
    hidden: set[str] = set()
    for start, end, surface in ([(m.start, m.end, m.text) for m in analysis.mentions]
                                + [(t.start, t.end, t.text) for t in analysis.times]):
        hidden.update(w.casefold() for w in _WORD.findall(surface))
        for i in range(start, min(end, chars)):
            text[i] = " "
    title = " ".join(w for w in _WORD.findall(article.title or "") if w.casefold() not in hidden)
    return f"{title} {''.join(text)}"


def field_counts(p: Profile, field: str) -> Counter[str]:
    if field == "stems":
        # words under four letters are mostly function words ("del", "les", "und", "the"); early
        # in a stream their IDF is still high, and they made reports in one language look alike
        return Counter({s: c for s, c in p.stems.items() if len(s) >= 4})
    if field == "per":
        people = p.by_type.get("PER", frozenset())
        return Counter({e: c for e, c in p.entities.items() if e in people})
    return getattr(p, field)


@dataclass(frozen=True)
class ArticleVectors:
    id: str
    lang: str | None
    day: int | None  # publication day, else the dateline's (proleptic ordinal)
    vectors: dict[str, dict[str, float]]  # field -> L2-normalised sublinear TF-IDF
    keys: tuple[str, ...]  # index keys: "e:<entity id>" and "w:<stem>", most distinctive first
    top_entities: tuple[str, ...]  # the three entities that weigh most in this article


class Vectoriser:
    """Turns analysed articles into :class:`ArticleVectors`, counting document frequencies as
    the stream goes (``observe``). ``index_entities`` and ``index_terms`` bound the keys."""

    def __init__(self, context: SimilarityContext | None = None, *, index_entities: int = 12,
                 index_terms: int = 12) -> None:
        self.ctx = context or SimilarityContext()
        for field in FIELDS:
            self.ctx.df.setdefault(field, Counter())
        self.index_entities = index_entities
        self.index_terms = index_terms

    def observe(self, article: Article, analysis: Analysis) -> ArticleVectors:
        """Count the article into the document frequencies, then vectorise it."""
        # full-text character n-grams are the costliest part of a profile and clustering does
        # not use them
        p = build_profile(article, analysis, self.ctx.country_of, full_chars=False)
        own = {"numbers": lambda: numbers(article.text, analysis),
               "lead_masked": lambda: char_ngrams(masked_lead(article, analysis))}
        counts = {f: own[f]() if f in own else field_counts(p, f) for f in FIELDS}
        self.ctx.docs += 1
        for f in FIELDS:
            self.ctx.df[f].update(counts[f].keys())
        vectors = {f: self._weigh(f, c) for f, c in counts.items()}
        dated = article.dateline.as_date() if article.dateline else None
        day = p.published if p.published is not None else (dated.toordinal() if dated else None)
        ents = sorted(vectors["entities"].items(), key=lambda x: (-x[1], x[0]))
        stems = sorted(((w, v) for w, v in vectors["stems"].items() if len(w) >= 3),
                       key=lambda x: (-x[1], x[0]))
        keys = ([f"e:{e}" for e, _ in ents[:self.index_entities]]
                + [f"w:{w}" for w, _ in stems[:self.index_terms]])
        return ArticleVectors(p.id, p.lang, day, vectors, tuple(keys), tuple(e for e, _ in ents[:3]))

    def _weigh(self, field: str, counts: Counter[str]) -> dict[str, float]:
        raw = {t: (1.0 + math.log(c)) * self.ctx.idf(field, t) for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
        return {t: v / norm for t, v in raw.items()}

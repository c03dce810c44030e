"""Evidence that two analysed articles report the same event, as a fixed-order feature vector.

Three kinds of evidence, because no single one works for every language pair:
- across languages: linked entity ids (shared across spellings and scripts), places and their
  countries, resolved dates, numbers written in digits, dateline places;
- within a language: TF-IDF cosine of words;
- across related languages and transliterations: TF-IDF cosine of character 3-5-grams;
plus the time between publication dates when both are known.

Everything per article is computed once into a :class:`Profile` (cached by the context), so a
pair costs a few set intersections and two sparse dot products.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np

from dateline.text.ids import normalize_for_id
from dateline.models import Analysis, Article

# The order is the contract with the trained judge (its JSON stores these names and is
# checked against them on load): append new features, never reorder.
_BASE_NAMES: tuple[str, ...] = (
    "ent_jaccard",  # Jaccard of linked entity ids
    "ent_weighted",  # IDF-weighted Jaccard of entity ids (rare shared entities count more)
    "ent_top_overlap",  # overlap of each article's five most mentioned entities
    "per_jaccard",
    "org_jaccard",
    "loc_jaccard",  # places, nationality words linked to their country included
    "country_jaccard",  # countries of the places: "Benghazi" and "Libya" agree here
    "misc_jaccard",
    "ent_none",  # 1 when either article has no linked entity (the overlaps mean nothing then)
    "date_jaccard",  # resolved days named in the texts
    "range_overlap",  # any resolved date range of one overlaps one of the other
    "main_day_gap",  # log1p of days between the articles' main dates
    "main_day_missing",
    "number_jaccard",  # numbers written in digits (language-independent)
    "dateline_match",  # same dateline place
    "dateline_missing",
    "word_cosine",  # TF-IDF cosine of words
    "word_cosine_same_lang",  # the same, only when both articles are in one language
    "char_cosine",  # TF-IDF cosine of character 3-5-grams
    "char_cosine_same_lang",
    "lead_char_cosine",  # char n-gram cosine of the leads (title + first ~300 characters)
    "same_lang",
    "length_ratio",  # log of the longer over the shorter text length
    "published_gap",  # log1p of days between publication dates
    "published_missing",
    "name_weighted",  # IDF-weighted Jaccard of capitalised words: names the linker missed
    "stem_cosine",  # TF-IDF cosine of words cut to 4 characters: a crude stemmer for any language (4 beat 5 and 6 in CV)
    "entity_cosine",  # TF-IDF cosine of entity ids, weighted by how often each is mentioned
)
# Square roots of the overlaps and cosines: most related pairs share little, and the judge is
# linear, so a concave copy lets it value the first shared evidence most (+0.03 Pearson in CV).
_SQRT_OF: tuple[str, ...] = ("stem_cosine", "entity_cosine", "name_weighted", "ent_jaccard", "ent_weighted",
                             "ent_top_overlap", "per_jaccard", "org_jaccard", "loc_jaccard", "country_jaccard",
                             "number_jaccard", "word_cosine", "char_cosine", "lead_char_cosine")
_SQRT_INDEX = np.array([_BASE_NAMES.index(n) for n in _SQRT_OF])
FEATURE_NAMES: tuple[str, ...] = _BASE_NAMES + tuple(f"sqrt_{n}" for n in _SQRT_OF)

_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
LEAD_CHARS = 300  # title + this many characters of text: the lead (also what clustering masks)
_TOP_ENTITIES = 5


@dataclass(frozen=True)
class Profile:
    """What one article contributes to any comparison, computed once."""

    id: str
    lang: str | None
    length: int
    entities: Counter[str]
    by_type: dict[str, frozenset[str]]
    countries: frozenset[str]
    days: frozenset[int]  # proleptic ordinals of resolved single days
    ranges: tuple[tuple[int, int], ...]  # resolved ranges (first, last) as ordinals
    main_day: int | None
    numbers: frozenset[str]
    dateline_place: str | None
    published: int | None
    words: Counter[str]
    chars: Counter[str]
    lead_chars: Counter[str]
    names: Counter[str]
    stems: Counter[str]


def _ordinal(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


@functools.lru_cache(maxsize=1 << 13)
def _word_ngrams(word: str, low: int, high: int) -> tuple[str, ...]:
    padded = f" {word} "
    size = len(padded)
    return tuple(padded[i:i + n] for n in range(low, min(high, size) + 1) for i in range(size - n + 1))


def word_ngrams(word: str, low: int = 3, high: int = 5) -> tuple[str, ...]:
    """The character n-grams of one word (padded with a space each side), in order."""
    return _word_ngrams(word, low, high)


def char_ngrams(text: str, low: int = 3, high: int = 5) -> Counter[str]:
    """Character n-grams inside word boundaries, like scikit-learn's ``char_wb`` analyzer."""
    grams: list[str] = []  # one Counter built at the end: per-word updates cost twice as much
    for word in normalize_for_id(text).split():
        grams.extend(_word_ngrams(word, low, high))  # words recur: their n-grams are cached
    return Counter(grams)


def lead_text(article: Article) -> str:
    """Title and the start of the text: what the ``lead_chars`` n-grams are counted over."""
    return (article.title or "") + " " + article.text[:LEAD_CHARS]


def _country_of_id(entity_id: str) -> str | None:
    # ids such as LOC:country:LY carry their country; others need the linker's record
    parts = entity_id.split(":")
    return parts[2] if len(parts) == 3 and parts[1] == "country" else None


def linked_entities(analysis: Analysis) -> tuple[Counter[str], dict[str, frozenset[str]]]:
    """The linked entities an analysis mentions (with how often), and those of each type
    (places and demonyms together as LOC)."""
    entities: Counter[str] = Counter(m.entity for m in analysis.mentions if m.entity)
    types: dict[str, set[str]] = {}
    for m in analysis.mentions:
        if m.entity:
            kind = "LOC" if m.type in ("LOC", "NORP") or m.entity.startswith("LOC:") else m.type
            types.setdefault(kind, set()).add(m.entity)
    return entities, {k: frozenset(v) for k, v in types.items()}


def build_profile(article: Article, analysis: Analysis,
                  country_of: Callable[[str], str | None] = lambda _: None,
                  full_chars: bool = True, lead_chars: bool = True) -> Profile:
    """``full_chars=False`` leaves the full text's character n-grams empty (the costliest
    field; the pair judge needs it, clustering does not); ``lead_chars=False`` those of the lead
    (:func:`lead_text`), for a caller that counts them its own way."""
    entities, by_type = linked_entities(analysis)
    countries = {c for e in by_type.get("LOC", ()) if (c := _country_of_id(e) or country_of(e))}
    days: Counter[int] = Counter()
    ranges = []
    for t in analysis.times:
        first, last = _ordinal(t.first), _ordinal(t.last)
        if first is None or last is None:
            continue
        if first == last:
            days[first] += 1
        ranges.append((first, last))
    dl = article.dateline
    dl_day = _ordinal(dl.as_date().isoformat()) if dl and dl.as_date() else None
    # the dateline's date is the report's own date; otherwise the day the text names most
    main_day = dl_day or (min(days, key=lambda d: (-days[d], d)) if days else None)
    text = article.text
    tokens = [w for w in _WORD.findall(text.casefold()) if not w.isdigit()]
    words = Counter(tokens)
    stems = Counter([w[:4] for w in tokens])  # counted in C: a loop over the words costs more
    return Profile(
        id=article.id,
        lang=article.lang,
        length=len(text),
        entities=entities,
        by_type=by_type,
        countries=frozenset(countries),
        days=frozenset(days),
        ranges=tuple(sorted(set(ranges))),
        main_day=main_day,
        # one-digit numbers ("3 people", list markers) are too common to be evidence
        numbers=frozenset(n for x in _NUMBER.findall(text) if len(n := re.sub(r"[.,]", "", x)) > 1),
        dateline_place=normalize_for_id(dl.place) if dl and dl.place else None,
        published=_ordinal(article.published),
        words=words,
        chars=char_ngrams(text) if full_chars else Counter(),
        lead_chars=char_ngrams(lead_text(article)) if lead_chars else Counter(),
        stems=stems,
        names=Counter([w.casefold() for w in _WORD.findall(text) if len(w) > 2 and w[0].isupper()]),
    )


class SimilarityContext:
    """Document frequencies over the articles being compared (IDF for words, n-grams and
    entities), the country of linked places, and a cache of profiles and weighted vectors.

    Fit it on the corpus at hand (a file of pairs, a clustering window): IDF from the texts
    being compared needs no shipped vocabulary and adapts to any language.
    """

    def __init__(self, country_of: Callable[[str], str | None] = lambda _: None) -> None:
        self.country_of = country_of
        self.docs = 0
        self.df: dict[str, Counter[str]] = {"words": Counter(), "chars": Counter(),
                                             "lead_chars": Counter(), "entities": Counter(),
                                             "names": Counter(), "stems": Counter()}
        self._profiles: dict[str, Profile] = {}
        self._vectors: dict[tuple[str, str], dict[str, float]] = {}

    def forget(self, article_id: str) -> None:
        """Drop what is cached for one article (a long stream keeps only what it still compares)."""
        self._profiles.pop(article_id, None)
        for field in self.df:  # the vector cache is keyed by (article id, profile field)
            self._vectors.pop((article_id, field), None)

    def profile(self, article: Article, analysis: Analysis) -> Profile:
        found = self._profiles.get(article.id)
        if found is None:
            found = self._profiles[article.id] = build_profile(article, analysis, self.country_of)
        return found

    def fit(self, documents: Iterable[tuple[Article, Analysis]]) -> SimilarityContext:
        """Count document frequencies; each distinct article counts once."""
        seen: set[str] = set()
        for article, analysis in documents:
            if article.id in seen:
                continue
            seen.add(article.id)
            p = self.profile(article, analysis)
            self.docs += 1
            for field, df in self.df.items():
                df.update(getattr(p, field).keys())
        self._vectors.clear()
        return self

    def idf(self, field: str, term: str) -> float:
        # smoothed like scikit-learn (terms never seen get the highest weight)
        return math.log((1 + self.docs) / (1 + self.df[field][term])) + 1.0

    def vector(self, p: Profile, field: str) -> dict[str, float]:
        """L2-normalised sublinear TF-IDF vector of one profile field, cached."""
        key = (p.id, field)
        found = self._vectors.get(key)
        if found is None:
            raw = {t: (1.0 + math.log(c)) * self.idf(field, t) for t, c in getattr(p, field).items()}
            norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
            found = self._vectors[key] = {t: v / norm for t, v in raw.items()}
        return found

    def cosine(self, a: Profile, b: Profile, field: str) -> float:
        va, vb = self.vector(a, field), self.vector(b, field)
        if len(va) > len(vb):
            va, vb = vb, va
        return sum(v * vb[t] for t, v in va.items() if t in vb)


def _jaccard(a: Iterable[str] | frozenset, b: Iterable[str] | frozenset) -> float:
    sa, sb = set(a), set(b)
    union = len(sa | sb)
    return len(sa & sb) / union if union else 0.0


def _weighted_jaccard(a: set[str], b: set[str], ctx: SimilarityContext, field: str) -> float:
    # rare shared keys (a village, a minister) say more than common ones (a capital, "Monday")
    weight = sum(ctx.idf(field, k) for k in a | b)
    return sum(ctx.idf(field, k) for k in a & b) / weight if weight else 0.0


def _top(entities: Counter[str]) -> set[str]:
    return {e for e, _ in sorted(entities.items(), key=lambda x: (-x[1], x[0]))[:_TOP_ENTITIES]}


def _ranges_overlap(a: tuple[tuple[int, int], ...], b: tuple[tuple[int, int], ...]) -> float:
    return float(any(f1 <= l2 and f2 <= l1 for f1, l1 in a for f2, l2 in b))


def _gap(x: int | None, y: int | None) -> tuple[float, float]:
    # (log1p of the distance in days, missing flag); missing reads as "no evidence", 0 distance
    if x is None or y is None:
        return 0.0, 1.0
    return math.log1p(abs(x - y)), 0.0


def profile_features(a: Profile, b: Profile, ctx: SimilarityContext) -> np.ndarray:
    """The feature vector of two profiles, in FEATURE_NAMES order (symmetric in a and b)."""
    ea, eb = set(a.entities), set(b.entities)
    types = {k: _jaccard(a.by_type.get(k, ()), b.by_type.get(k, ())) for k in ("PER", "ORG", "LOC", "MISC")}
    main_gap, main_missing = _gap(a.main_day, b.main_day)
    pub_gap, pub_missing = _gap(a.published, b.published)
    same_lang = float(a.lang is not None and a.lang == b.lang)
    word_cos = ctx.cosine(a, b, "words")
    char_cos = ctx.cosine(a, b, "chars")
    dateline_missing = float(a.dateline_place is None or b.dateline_place is None)
    values = (
        _jaccard(ea, eb),
        _weighted_jaccard(ea, eb, ctx, "entities"),
        _jaccard(_top(a.entities), _top(b.entities)),
        types["PER"], types["ORG"], types["LOC"],
        _jaccard(a.countries, b.countries),
        types["MISC"],
        float(not ea or not eb),
        _jaccard(a.days, b.days),
        _ranges_overlap(a.ranges, b.ranges),
        main_gap, main_missing,
        _jaccard(a.numbers, b.numbers),
        float(not dateline_missing and a.dateline_place == b.dateline_place),
        dateline_missing,
        word_cos, word_cos * same_lang,
        char_cos, char_cos * same_lang,
        ctx.cosine(a, b, "lead_chars"),
        same_lang,
        math.log(max(a.length, b.length, 1) / max(min(a.length, b.length), 1)),
        pub_gap, pub_missing,
        _weighted_jaccard(set(a.names), set(b.names), ctx, "names"),
        ctx.cosine(a, b, "stems"),
        ctx.cosine(a, b, "entities"),
    )
    base = np.asarray(values, dtype=np.float64)
    return np.concatenate([base, np.sqrt(np.clip(base[_SQRT_INDEX], 0.0, None))])


def pair_features(a: tuple[Article, Analysis], b: tuple[Article, Analysis],
                  ctx: SimilarityContext) -> np.ndarray:
    """Features of two analysed articles. ``ctx`` should have been fitted on a corpus holding
    them (an unfitted context still works: every term then weighs the same)."""
    return profile_features(ctx.profile(*a), ctx.profile(*b), ctx)

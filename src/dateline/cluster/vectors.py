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

Terms are numbered by a :class:`Vocabulary` (one per vectoriser, saved with the clusterer's
state) that also holds their document frequencies; an article's vectors are numpy arrays of
term ids and weights (:class:`ArticleVectors`).
"""

from __future__ import annotations

import base64
import itertools
import operator
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, replace
from dataclasses import field as dc_field
from datetime import date

import numpy as np

from dateline.text.ids import normalize_for_id
from dateline.models import Analysis, Article
from dateline.similarity.features import (
    LEAD_CHARS,
    Profile,
    SimilarityContext,
    build_profile,
    linked_entities,
    lead_text,
    word_ngrams,
)

# No field of resolved days: in a dated stream every article of the window shares them, so they
# cannot tell two events apart (the window and the day gap feature carry time instead).
FIELDS: tuple[str, ...] = ("stems", "entities", "per", "names", "lead_chars", "lead_masked", "numbers")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"\w+", re.UNICODE)
_WORD_CACHE = 50_000  # words whose n-gram ids are remembered, per field (emptied when full)


def numbers(text: str, analysis: Analysis) -> Counter[str]:
    spans = [(t.start, t.end) for t in analysis.times]
    found: Counter[str] = Counter()
    for m in _NUMBER.finditer(text):
        digits = re.sub(r"[.,]", "", m.group())
        # one-digit numbers (list markers, "3 people") are too common to be evidence
        if len(digits) > 1 and not any(s <= m.start() < e for s, e in spans):
            found[digits] += 1
    return found


def written_year(day: int | None, analysis: Analysis) -> int | None:
    """The year an article was written in: its day's when it has one, else the latest year its
    text states outright ("Jul 07, 2012", "in 2009"; not "this year", which needs an anchor).
    Undated, that is a lower bound, often a good one: a report's date stamp or the date of what it
    reports is usually the latest year it names, while background years lie before it. Clustering
    compares these years only where neither side has a day (``year_gap`` in cluster.centroid)."""
    if day is not None:
        return date.fromordinal(day).year
    years = [int(t.first[:4]) for t in analysis.times if t.first and t.anchor is None]
    return max(years) if years else None


def masked_lead(article: Article, analysis: Analysis, chars: int = LEAD_CHARS) -> str:
    """Title and lead (as :func:`~dateline.similarity.features.lead_text` cuts it) without the
    entity mentions and time expressions."""
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
        return _people(p.entities, p.by_type)
    return getattr(p, field)


def _people(entities: Counter[str], by_type: dict[str, frozenset[str]]) -> Counter[str]:
    """The ``per`` field: the linked people among the entities, with their counts."""
    people = by_type.get("PER", frozenset())
    return Counter({e: c for e, c in entities.items() if e in people})


def pack(values: np.ndarray, dtype: str) -> str:
    """A numeric array as base64 text of its bytes in ``dtype`` (little-endian: ``"<i8"``), for
    the JSON state: written out number by number it takes about twice the room and several
    times the time to write."""
    return base64.b64encode(np.ascontiguousarray(values, dtype=dtype).tobytes()).decode("ascii")


def unpack(text: str, dtype: str, to: type) -> np.ndarray:
    """The array :func:`pack` wrote, as ``to``."""
    return np.frombuffer(base64.b64decode(text), dtype=dtype).astype(to)


def heaviest(vals: np.ndarray, ids: np.ndarray, n: int, terms: list[str]) -> np.ndarray:
    """Positions of the ``n`` heaviest entries, ties broken by term (as sorting by
    ``(-weight, term)`` would), in no particular order."""
    m = len(vals)
    if m <= n:
        return np.arange(m)
    threshold = np.partition(vals, m - n)[m - n]  # the n-th heaviest weight
    keep = vals > threshold
    tied = np.flatnonzero(vals == threshold)
    need = n - int(keep.sum())
    if len(tied) > need:
        tied_ids = ids[tied].tolist()
        tied = tied[sorted(range(len(tied)), key=lambda j: terms[tied_ids[j]])[:need]]
    keep[tied] = True
    return np.flatnonzero(keep)


def heaviest_ids(vals: np.ndarray, ids: np.ndarray, n: int, terms: list[str]) -> list[int]:
    """The ids of the ``n`` heaviest entries, heaviest first, ties by term: the first ``n`` of
    sorting all by ``(-weight, term)``, without sorting all."""
    pick = heaviest(vals, ids, n, terms)
    return [i for _, i in sorted(zip(vals[pick].tolist(), ids[pick].tolist()), key=lambda x: (-x[0], terms[x[1]]))]


class Vocabulary:
    """Integer ids for the terms of all fields (one id space, each id owned by one field) and
    the document frequency of each id.

    Ids are handed out in order of first sight, so the same stream gives the same ids. The
    vectors of articles and the sums of clusters are sorted id/value arrays, which numpy can
    compare and add without a Python loop per term. ``scratch`` is a zeroed work array, one slot
    per id, that scoring fills with an article's weights and clears again."""

    def __init__(self) -> None:
        self.ids: tuple[dict[str, int], ...] = tuple({} for _ in FIELDS)
        self.terms: list[str] = []
        self.fields: list[int] = []  # field index of each id
        self.df = np.zeros(1024, dtype=np.int64)
        self.scratch = np.zeros(1024, dtype=np.float64)
        self._buffers = (np.empty(0, dtype=np.int64), np.empty(0), np.empty(0, dtype=np.int64), np.empty(0))
        self._words: tuple[dict[str, tuple[int, ...]], ...] = tuple({} for _ in FIELDS)  # word -> n-gram ids

    def buffers(self, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Work arrays of ``size`` (ids, values, groups, weights), reused from call to call."""
        if size > len(self._buffers[0]):
            size2 = max(size, 2 * len(self._buffers[0]))
            self._buffers = (np.empty(size2, dtype=np.int64), np.empty(size2), np.empty(size2, dtype=np.int64),
                             np.empty(size2))
        return self._buffers[0][:size], self._buffers[1][:size], self._buffers[2][:size], self._buffers[3][:size]

    def __len__(self) -> int:
        return len(self.terms)

    def lookup(self, field: int, terms: Collection[str]) -> list[int]:
        """Ids of ``terms`` in ``field``, new terms getting the next ids (in order)."""
        index = self.ids[field]
        found = list(map(index.get, terms))
        if None not in found:
            return found
        terms = terms if isinstance(terms, list) else list(terms)
        # positions of the misses, found in C: most terms of a text are known, even in new words
        missing = list(itertools.compress(range(len(found)), map(operator.is_, found, itertools.repeat(None))))
        new = list(dict.fromkeys([terms[j] for j in missing]))  # in order of first sight
        index.update(zip(new, range(len(self.terms), len(self.terms) + len(new))))
        self.terms += new
        self.fields += [field] * len(new)
        self._reserve()
        for j in missing:
            found[j] = index[terms[j]]
        return found

    def _reserve(self) -> None:
        """Room for every id in ``df`` and ``scratch`` (doubling)."""
        if len(self.terms) > len(self.df):
            size = max(len(self.terms), 2 * len(self.df))
            self.df = np.concatenate([self.df, np.zeros(size - len(self.df), dtype=np.int64)])
            self.scratch = np.zeros(size, dtype=np.float64)

    def gram_ids(self, field: int, words: list[str]) -> Counter[int]:
        """The character 3-5-grams of a text's ``words`` (``normalize_for_id(text).split()``) as
        :func:`~dateline.similarity.features.char_ngrams` counts them, keyed by their ids in
        ``field`` (in the same order); a word's ids are remembered, so a known word costs one
        lookup instead of one per n-gram."""
        cache = self._words[field]
        distinct = list(dict.fromkeys(words))
        new = [w for w in distinct if w not in cache]
        if len(cache) + len(new) > _WORD_CACHE:
            cache.clear()
            new = distinct
        if new:
            # one lookup for the n-grams of all new words, in text order: the same ids in the same
            # order as a lookup per word, without its per-call cost (most words of a real stream
            # are new to the cache)
            grams = [word_ngrams(w) for w in new]
            found = self.lookup(field, list(itertools.chain.from_iterable(grams)))
            start = 0
            for w, g in zip(new, grams):
                cache[w] = tuple(found[start:start + len(g)])
                start += len(g)
        return Counter(itertools.chain.from_iterable(map(cache.__getitem__, words)))

    def to_dict(self) -> dict:
        """The whole vocabulary, JSON-able: every term in id order, and packed (base64 of
        little-endian arrays) the field and document frequency of each id."""
        n = len(self.terms)
        return {"terms": self.terms, "fields": pack(np.asarray(self.fields), "u1"), "df": pack(self.df[:n], "<i4")}

    def forget(self, drop: np.ndarray) -> np.ndarray:
        """Forget the terms ``drop`` marks (one bool per id) and number the others again, in
        the same order; returns each old id's new one (-1: forgotten). The order kept, id arrays
        sorted before stay sorted. A forgotten term seen again counts from one, as a new one."""
        n = len(self.terms)
        keep = ~drop[:n]
        remap = np.full(n, -1, dtype=np.int64)
        remap[keep] = np.arange(int(keep.sum()))
        self._set([t for t, k in zip(self.terms, keep.tolist()) if k], np.asarray(self.fields)[keep], self.df[:n][keep])
        self._words = tuple({} for _ in FIELDS)  # their n-gram ids are the old ones
        return remap

    def _set(self, terms: list[str], fields: np.ndarray, df: np.ndarray) -> None:
        """Hold exactly ``terms`` (in id order) with their fields and document frequencies."""
        self.terms, self.fields = terms, fields.tolist()
        self.ids = tuple({} for _ in FIELDS)
        for k in range(len(FIELDS)):  # a field's ids ascending, as a loop over all ids adds them
            ids = np.flatnonzero(fields == k).tolist()
            self.ids[k].update(zip([terms[i] for i in ids], ids))
        self.df, self.scratch = np.zeros(1024, dtype=np.int64), np.zeros(1024, dtype=np.float64)
        self._reserve()
        self.df[:len(terms)] = df

    def terms_from(self, start: int) -> dict:
        """The terms from id ``start`` on with their fields (packed), JSON-able: what a store
        that keeps the vocabulary incrementally appends (ids only ever grow)."""
        return {"first": start, "terms": self.terms[start:], "fields": pack(np.asarray(self.fields[start:]), "u1")}

    @classmethod
    def of(cls, terms: list[str], fields: np.ndarray, df: np.ndarray) -> Vocabulary:
        """A vocabulary of ``terms`` (in id order) with the field and document frequency of each."""
        out = cls()
        out._set(terms, fields, df)
        return out

    @classmethod
    def from_dict(cls, state: dict) -> Vocabulary:
        """Rebuild from :meth:`to_dict`: the same ids, fields and document frequencies."""
        return cls.of(list(state["terms"]), unpack(state["fields"], "u1", np.int64), unpack(state["df"], "<i4", np.int64))

    @classmethod
    def from_state(cls, vocab: dict | None, df: dict[str, dict[str, int]]) -> Vocabulary:
        """Rebuild from a state written before 2026-12-02: the field of each id
        (``{"fields": [...]}``) and the per-field document frequencies (``{field: {term: df}}``,
        each in id order); a state without the fields gets its ids in the order of its tables."""
        out = cls()
        if vocab is not None:
            terms = [iter(df.get(f, {})) for f in FIELDS]
            for k in vocab["fields"]:
                t = next(terms[k])
                out.ids[k][t] = len(out.terms)
                out.terms.append(t)
                out.fields.append(k)
            out._reserve()
        for k, name in enumerate(FIELDS):
            counts = df.get(name, {})
            ids = out.lookup(k, counts)
            out.df[ids] = list(counts.values())
        return out


GRAM_FIELDS = ("lead_chars", "lead_masked")  # counted as character n-grams of their words


@dataclass(frozen=True)
class ArticleTerms:
    """One article's terms per field (FIELDS order) before they have vocabulary ids: the words
    of an n-gram field (``normalize_for_id(text).split()``), the term counts of the others.

    A function of the article and its analysis alone (:func:`article_terms`), so that a worker
    process can take them while the one writer keeps the vocabulary; ``spans`` are the mentions
    the masked lead was cut around, to tell whether linking moved one (:func:`relinked`)."""

    id: str
    lang: str | None
    day: int | None
    year: int | None
    fields: tuple[Counter[str] | list[str], ...]
    spans: tuple[tuple[int, int, str], ...] = ()


def _spans(analysis: Analysis) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start, m.end, m.text) for m in analysis.mentions)


def article_terms(article: Article, analysis: Analysis) -> ArticleTerms:
    """The terms :meth:`Vectoriser.count` counts, without the vocabulary."""
    # full-text character n-grams are the costliest part of a profile and clustering does
    # not use them; no field uses the linked places' countries
    p = build_profile(article, analysis, full_chars=False, lead_chars=False)
    fields: list[Counter[str] | list[str]] = []
    for f in FIELDS:
        if f == "lead_chars":
            fields.append(normalize_for_id(lead_text(article)).split())
        elif f == "lead_masked":
            fields.append(normalize_for_id(masked_lead(article, analysis)).split())
        elif f == "numbers":
            fields.append(numbers(article.text, analysis))
        else:
            fields.append(field_counts(p, f))
    dated = article.dateline.as_date() if article.dateline else None
    day = p.published if p.published is not None else (dated.toordinal() if dated else None)
    return ArticleTerms(p.id, p.lang, day, written_year(day, analysis), tuple(fields), _spans(analysis))


def relinked(terms: ArticleTerms, article: Article, analysis: Analysis) -> ArticleTerms:
    """``terms`` taken before linking (a worker's), made those of the linked ``analysis``: the
    entity fields taken again, and the masked lead where linking moved or cut a mention (a role
    split off a name). Linking changes the mentions only, so nothing else differs."""
    fields = list(terms.fields)
    entities, by_type = linked_entities(analysis)
    fields[FIELDS.index("entities")] = entities
    fields[FIELDS.index("per")] = _people(entities, by_type)
    spans = _spans(analysis)
    if spans != terms.spans:
        fields[FIELDS.index("lead_masked")] = normalize_for_id(masked_lead(article, analysis)).split()
    return replace(terms, fields=tuple(fields), spans=spans)


@dataclass(frozen=True)
class ArticleCounts:
    """One article's raw term counts: per field (FIELDS order) its vocabulary ids and counts.
    JSON-able as a list (``as_list``/``from_list``)."""

    id: str
    lang: str | None
    day: int | None
    ids_of: list[list[int]]
    tf_of: list[list[int]]
    year: int | None = None  # written_year

    def as_list(self) -> list:
        return [self.id, self.lang, self.day, self.ids_of, self.tf_of, self.year]

    @classmethod
    def from_list(cls, x: list) -> ArticleCounts:
        return cls(*x)


@dataclass(frozen=True)
class ArticleVectors:
    """One article's vectors: per field L2-normalised sublinear TF-IDF weights, held as one
    array of vocabulary ids sorted ascending (all fields together), the weights and the field
    index of each id."""

    id: str
    lang: str | None
    day: int | None  # publication day, else the dateline's (proleptic ordinal)
    year: int | None  # written_year
    keys: tuple[str, ...]  # index keys: "e:<entity id>" and "w:<stem>", most distinctive first
    top_entities: tuple[str, ...]  # the three entities that weigh most in this article
    vocab: Vocabulary = dc_field(repr=False, compare=False)
    ids: np.ndarray = dc_field(repr=False, compare=False)  # int64, ascending
    vals: np.ndarray = dc_field(repr=False, compare=False)  # float64 weights
    fld: np.ndarray = dc_field(repr=False, compare=False)  # int64 field index of each id
    sq: np.ndarray = dc_field(repr=False, compare=False)  # per field: squared norm (1.0, or 0.0 when empty)
    top_ids: tuple[int, ...] = ()  # vocabulary ids of top_entities
    entity_ids: frozenset[int] = frozenset()
    has_per: bool = False


class Vectoriser:
    """Turns analysed articles into :class:`ArticleVectors`, counting document frequencies as
    the stream goes (``observe``) in its :class:`Vocabulary`. ``index_entities`` and
    ``index_terms`` bound the keys."""

    def __init__(self, context: SimilarityContext | None = None, *, index_entities: int = 12,
                 index_terms: int = 12) -> None:
        self.ctx = context or SimilarityContext()
        self.vocab = Vocabulary()
        self.index_entities = index_entities
        self.index_terms = index_terms

    def observe(self, article: Article, analysis: Analysis) -> ArticleVectors:
        """Count the article into the document frequencies, then vectorise it."""
        return self.weigh(self.count(article, analysis))

    def count(self, article: Article, analysis: Analysis) -> ArticleCounts:
        """The article's term counts per field, counted into the document frequencies."""
        return self.count_terms(article_terms(article, analysis))

    def count_terms(self, terms: ArticleTerms) -> ArticleCounts:
        """:meth:`count` of the article that ``terms`` were taken from."""
        vocab = self.vocab
        ids_of: list[list[int]] = []
        tf_of: list[list[int]] = []
        for k, f in enumerate(FIELDS):  # ids are handed out field by field, in FIELDS order
            if f in GRAM_FIELDS:
                counts: Counter = vocab.gram_ids(k, terms.fields[k])
                ids_of.append(list(counts))
            else:
                counts = terms.fields[k]
                ids_of.append(vocab.lookup(k, counts))
            tf_of.append(list(counts.values()))
        self.ctx.docs += 1
        # ids are distinct within an article
        vocab.df[np.fromiter(itertools.chain.from_iterable(ids_of), dtype=np.int64)] += 1
        return ArticleCounts(terms.id, terms.lang, terms.day, ids_of, tf_of, terms.year)

    def weigh(self, c: ArticleCounts) -> ArticleVectors:
        """Vectors of counted terms under the document frequencies as they are now (an article
        counted early in a stream can be weighed again once they have matured)."""
        vocab, ids_of = self.vocab, c.ids_of
        lengths = [len(x) for x in ids_of]
        total = sum(lengths)
        ids = np.fromiter(itertools.chain.from_iterable(ids_of), dtype=np.int64, count=total)
        tf = np.fromiter(itertools.chain.from_iterable(c.tf_of), dtype=np.int64, count=total).astype(np.float64)
        fld = np.repeat(np.arange(len(FIELDS), dtype=np.int64), lengths)
        # sublinear TF times IDF smoothed like scikit-learn's (as SimilarityContext.idf)
        raw = (1.0 + np.log(tf)) * (np.log((1 + self.ctx.docs) / (1.0 + vocab.df[ids])) + 1.0)
        sq = np.bincount(fld, weights=raw * raw, minlength=len(FIELDS))
        norm = np.sqrt(sq)
        norm[norm == 0.0] = 1.0
        vals = raw / norm[fld]
        sq = np.bincount(fld, weights=vals * vals, minlength=len(FIELDS))
        ends = np.cumsum(lengths).tolist()
        terms = vocab.terms

        def top(k: int, n: int) -> list[int]:  # ids of the field's n heaviest terms, heaviest first
            segment = slice(ends[k] - lengths[k], ends[k])
            return heaviest_ids(vals[segment], ids[segment], n, terms)

        ents = top(FIELDS.index("entities"), max(self.index_entities, 3))
        stems = top(FIELDS.index("stems"), self.index_terms)  # 4 letters or more already (field_counts)
        keys = [f"e:{terms[i]}" for i in ents[:self.index_entities]] + [f"w:{terms[i]}" for i in stems]
        order = np.argsort(ids, kind="stable")
        return ArticleVectors(c.id, c.lang, c.day, c.year, tuple(keys), tuple(terms[i] for i in ents[:3]), vocab,
                              ids[order], vals[order], fld[order], sq, tuple(ents[:3]),
                              frozenset(ids_of[FIELDS.index("entities")]), bool(lengths[FIELDS.index("per")]))

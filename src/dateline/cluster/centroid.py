"""A cluster (event or story) as running sums of its members' vectors, and the features of an
article against it.

Comparing an article with one centroid per field costs a few sparse dot products however many
members the cluster has, which keeps the cost per article flat; the centroid also smooths over
the member that happens to share little with the newcomer. Centroids are capped (the heaviest
``max_terms`` per field are kept, ties going to the smaller term) so a story that runs for months
stays small.

Vectors and sums are numpy arrays of vocabulary ids (:class:`~dateline.cluster.vectors.Vocabulary`)
with their weights, so adding an article is a sorted merge and :func:`feature_rows` scores all
candidates of a layer at once: the article's weights go into a scratch array indexed by id, every
candidate's sums pick theirs up in one gather, and one ``bincount`` sums the products per
(candidate, field). Sums are added in the same order as term-keyed dicts would add them, so they
are exact; dot products and norms are summed in another order than a dict loop, which moves them
by float rounding only (about 1e-15).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from dateline.cluster.vectors import FIELDS, ArticleVectors, Vocabulary, heaviest, heaviest_ids, pack, unpack

# The order is the contract with the trained heads (cluster-heads.json stores these names).
_PER_FIELD = ("cos", "sqrt_cos", "cos_other_lang", "sqrt_cos_other_lang")
FEATURE_NAMES: tuple[str, ...] = tuple(f"{f}_{k}" for f in FIELDS for k in _PER_FIELD) + (
    "top1_in_cluster",  # the article's heaviest entity is known to the cluster
    "top3_in_cluster",
    "cluster_top1_in_article",  # the cluster's heaviest entity is in the article
    "cluster_top3_in_article",
    "per_conflict",  # both name people and share none of them: two happenings at one place
    "day_gap",  # log1p of days outside the cluster's span
    "day_missing",
    # log1p of years between the article's written year and the cluster's commonest, where neither
    # has a day; 0 when they agree or either is unknown. Evidence against only: on ECB+ the two
    # events of a topic lie years apart, so a feature that rewarded a shared year taught the head
    # that two reports of one year tell one event (on an undated stream, a chess festival joined
    # a dam breach in the same town)
    "year_gap",
    # no feature of the cluster's size: in SlavicNER's seven huge stories size alone predicted
    # joining, which in a real stream turns big stories into catch-alls
    "same_lang_share",  # share of the cluster's articles in the article's language
    "no_entities",
    "key_share",  # share of the article's index key weight (IDF) that the cluster holds
)

# What says the same whatever the two articles' languages: linked entities, people and numbers
# are language-free; word stems, names as written, lead characters and the index keys (partly
# stems) are not. The event head's second model (cluster.head) weighs only these.
LANGUAGE_FREE: tuple[str, ...] = tuple(
    f"{f}_{k}" for f in ("entities", "per", "numbers") for k in ("cos", "sqrt_cos")) + (
    "top1_in_cluster", "top3_in_cluster", "cluster_top1_in_article", "cluster_top3_in_article",
    "per_conflict", "day_gap", "day_missing", "year_gap", "no_entities")

_NF = len(FIELDS)
_FIELD = {f: k for k, f in enumerate(FIELDS)}
_ENT, _PER = _FIELD["entities"], _FIELD["per"]


def _empty_ids() -> np.ndarray:
    return np.zeros(0, dtype=np.int64)


def _empty_vals() -> np.ndarray:
    return np.zeros(0, dtype=np.float64)


def _dot(ids_a: np.ndarray, vals_a: np.ndarray, ids_b: np.ndarray, vals_b: np.ndarray) -> float:
    """Dot product of two sparse vectors held as sorted id arrays and their values."""
    _, ia, ib = np.intersect1d(ids_a, ids_b, assume_unique=True, return_indices=True)
    return float(np.dot(vals_a[ia], vals_b[ib])) if len(ia) else 0.0


@dataclass
class Centroid:
    """Mutable running state of one cluster (the clusterer owns it).

    The per-field sums are held as one array of vocabulary ids sorted ascending (``ids``, all
    fields together), their summed weights (``vals``) and each id's field (``fld``); ``sums``
    gives them as ``{field: {term: weight}}``. ``norm2`` is the squared norm per field (in
    FIELDS order). The vocabulary is the one of the articles added (``vocab``)."""

    id: str
    index: int
    size: int = 0
    langs: Counter[str] = field(default_factory=Counter)
    first_day: int | None = None
    last_day: int | None = None
    last_pos: int = 0
    keys: Counter[str] = field(default_factory=Counter)  # index keys posted for this cluster
    years: Counter[int] = field(default_factory=Counter)  # members' written years (vectors.written_year)
    vocab: Vocabulary | None = field(default=None, repr=False, compare=False)
    ids: np.ndarray = field(default_factory=_empty_ids, repr=False, compare=False)
    vals: np.ndarray = field(default_factory=_empty_vals, repr=False, compare=False)
    fld: np.ndarray = field(default_factory=_empty_ids, repr=False, compare=False)
    norm2: np.ndarray = field(default_factory=lambda: np.zeros(_NF), repr=False, compare=False)
    _cache: dict = field(default_factory=dict, repr=False, compare=False)  # cleared on change
    changes: int = field(default=0, repr=False, compare=False)  # counts add and absorb: what to save again

    # -- reading --------------------------------------------------------------------------------

    def _field(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        sel = self.fld == k
        return self.ids[sel], self.vals[sel]

    def counts(self) -> np.ndarray:
        """Terms held per field (FIELDS order)."""
        found = self._cache.get("counts")
        if found is None:
            found = self._cache["counts"] = np.bincount(self.fld, minlength=_NF)
        return found

    def entity_ids(self) -> frozenset[int]:
        found = self._cache.get("entities")
        if found is None:
            found = self._cache["entities"] = frozenset(self.ids[self.fld == _ENT].tolist())
        return found

    @property
    def sums(self) -> dict[str, dict[str, float]]:
        """``{field: {term: summed weight}}`` (a copy; built on demand)."""
        out: dict[str, dict[str, float]] = {f: {} for f in FIELDS}
        terms = self.vocab.terms if self.vocab is not None else []
        for i, x, k in zip(self.ids.tolist(), self.vals.tolist(), self.fld.tolist()):
            out[FIELDS[k]][terms[i]] = x
        return out

    def centroid_cosine(self, other: Centroid, f: str) -> float:
        if self.vocab is not None:
            other._adopt(self.vocab)
        k = _FIELD[f]
        n2 = float(self.norm2[k]) * float(other.norm2[k])
        return _dot(*self._field(k), *other._field(k)) / math.sqrt(n2) if n2 > 0 else 0.0

    def top_ids(self, f: str, n: int) -> list[int]:
        """Ids of the ``n`` heaviest terms of field ``f``, heaviest first (ties by term)."""
        found = self._cache.get((f, n))
        if found is None:
            ids, vals = self._field(_FIELD[f])
            terms = self.vocab.terms if self.vocab is not None else []
            found = self._cache[(f, n)] = heaviest_ids(vals, ids, n, terms)
        return found

    def top(self, f: str, n: int) -> list[str]:
        terms = self.vocab.terms if self.vocab is not None else []
        return [terms[i] for i in self.top_ids(f, n)]

    def year(self) -> int | None:
        """The members' commonest written year (ties: the latest)."""
        return max(self.years.items(), key=lambda x: (x[1], x[0]))[0] if self.years else None

    def index_keys(self, n: int = 12) -> tuple[str, ...]:
        """Index keys of the cluster's ``n`` heaviest entities and stems, as an article's are made."""
        return tuple([f"e:{e}" for e in self.top("entities", n)] + [f"w:{w}" for w in self.top("stems", n)])

    def as_vectors(self) -> ArticleVectors:
        """The cluster as one article (its sums normalised per field, its commonest language and
        year, its last day), to be judged against another cluster as an article would be."""
        found = self._cache.get("vectors")  # a small event is judged again at every growth of its neighbours
        if found is not None:
            return found
        assert self.vocab is not None
        norm = np.sqrt(self.norm2)
        norm[norm == 0.0] = 1.0
        vals = self.vals / norm[self.fld]
        lang = self.langs.most_common(1)[0][0] if self.langs else ""
        found = self._cache["vectors"] = ArticleVectors(
            self.id, lang or None, self.last_day, self.year(), self.index_keys(), tuple(self.top("entities", 3)),
            self.vocab, self.ids, vals, self.fld, np.bincount(self.fld, weights=vals * vals, minlength=_NF),
            tuple(self.top_ids("entities", 3)), self.entity_ids(), bool(self.counts()[_PER]))
        return found

    # -- changing -------------------------------------------------------------------------------

    def _adopt(self, vocab: Vocabulary) -> None:
        """Hold the sums under ``vocab``'s ids (re-keyed when they were under another one's:
        same terms, same weights)."""
        if self.vocab is vocab:
            return
        if self.vocab is not None and len(self.ids):
            sums = self.sums
            ids = [i for k, f in enumerate(FIELDS) for i in vocab.lookup(k, sums[f])]
            order = np.argsort(np.asarray(ids, dtype=np.int64), kind="stable")
            self.ids = np.asarray(ids, dtype=np.int64)[order]
            self.vals = np.asarray([x for f in FIELDS for x in sums[f].values()], dtype=np.float64)[order]
            self.fld = np.repeat(np.arange(_NF, dtype=np.int64), [len(sums[f]) for f in FIELDS])[order]
        self.vocab = vocab
        self._cache.clear()

    def _merge(self, ids: np.ndarray, vals: np.ndarray, fld: np.ndarray) -> np.ndarray:
        """Add sparse weights (sorted distinct ids) to the sums; returns the per-field dot
        products of those weights with the sums before the addition."""
        counts = self._cache.get("counts")  # kept up to date: counting the new terms is cheaper
        self._cache.clear()
        n = len(self.ids)
        if n == 0:
            self.ids, self.vals, self.fld = ids.copy(), vals.copy(), fld.copy()
            return np.zeros(_NF)
        pos = np.searchsorted(self.ids, ids)
        hit = self.ids[np.minimum(pos, n - 1)] == ids
        at = pos[hit]
        dots = np.bincount(fld[hit], weights=vals[hit] * self.vals[at], minlength=_NF)
        self.vals[at] += vals[hit]
        new = ~hit
        added = int(new.sum())
        if added:
            # both sides are sorted: new id j goes before the old ids at or after pos[j]
            at = pos[new] + np.arange(added)
            old = np.ones(n + added, dtype=bool)
            old[at] = False
            for name, x in (("ids", ids), ("vals", vals), ("fld", fld)):
                merged = np.empty(n + added, dtype=x.dtype)
                merged[old] = getattr(self, name)
                merged[at] = x[new]
                setattr(self, name, merged)
            if counts is not None:
                counts = counts + np.bincount(fld[new], minlength=_NF)
        if counts is not None:
            self._cache["counts"] = counts
        return dots

    def _cap(self, max_terms: int, recount: bool) -> None:
        """Cut each field of more than ``2 * max_terms`` terms back to its heaviest
        ``max_terms`` (amortised) and recompute its norm; ``recount`` recomputes all norms."""
        counts = self.counts()
        over = np.flatnonzero(counts > 2 * max_terms)
        if len(over):
            keep = np.ones(len(self.ids), dtype=bool)
            terms = self.vocab.terms if self.vocab is not None else []
            for k in over.tolist():
                sel = np.flatnonzero(self.fld == k)
                keep[sel] = False
                keep[sel[heaviest(self.vals[sel], self.ids[sel], max_terms, terms)]] = True
            self.ids, self.vals, self.fld = self.ids[keep], self.vals[keep], self.fld[keep]
            counts = counts.copy()
            counts[over] = max_terms
        if recount or len(over):
            norms = np.bincount(self.fld, weights=self.vals * self.vals, minlength=_NF)
            fields = np.arange(_NF) if recount else over
            self.norm2[fields] = norms[fields]
        self._cache.clear()
        self._cache["counts"] = counts

    def add(self, v: ArticleVectors, pos: int, max_terms: int) -> None:
        self.changes += 1
        self._adopt(v.vocab)
        dots = self._merge(v.ids, v.vals, v.fld)
        # |c + v|^2 = |c|^2 + 2 c.v + |v|^2, so the norm needs no pass over the centroid
        self.norm2 += 2.0 * dots + v.sq
        self._cap(max_terms, recount=False)
        self.size += 1
        self.langs[v.lang or ""] += 1
        if v.year is not None:
            self.years[v.year] += 1
        self.last_pos = pos
        if v.day is not None:
            self.first_day = v.day if self.first_day is None else min(self.first_day, v.day)
            self.last_day = v.day if self.last_day is None else max(self.last_day, v.day)

    def absorb(self, other: Centroid, max_terms: int) -> None:
        """Merge another cluster's state into this one."""
        self.changes += 1
        if self.vocab is None and other.vocab is not None:
            self._adopt(other.vocab)
        elif self.vocab is not None and other.vocab is not None:
            other._adopt(self.vocab)
        self._merge(other.ids, other.vals, other.fld)
        self._cap(max_terms, recount=True)
        self.size += other.size
        self.langs.update(other.langs)
        self.years.update(other.years)
        self.last_pos = max(self.last_pos, other.last_pos)
        days = [d for d in (self.first_day, self.last_day, other.first_day, other.last_day) if d is not None]
        self.first_day, self.last_day = (min(days), max(days)) if days else (None, None)
        self.keys.update(other.keys)

    def renumber(self, remap: np.ndarray) -> None:
        """Hold the sums under the vocabulary's new ids (``remap`` from Vocabulary.forget), which
        must keep every term the cluster holds."""
        ids = remap[self.ids]
        if len(ids) and int(ids.min()) < 0:
            raise ValueError(f"cluster {self.id}: a term it holds was forgotten")
        self.ids = ids
        self._cache.clear()
        self.changes += 1

    # -- state ----------------------------------------------------------------------------------

    def to_dict(self, vocab: Vocabulary) -> dict:
        """The state (JSON-able), with the sums as packed arrays of ``vocab``'s ids, the vocabulary
        saved beside it: the state is written with every batch, and written out term by term and
        number by number it took twice the room and most of the writing time (docs/benchmarks.md)."""
        self._adopt(vocab)
        return {"id": self.id, "index": self.index, "size": self.size,
                "ids": pack(self.ids, "<i4"), "vals": pack(self.vals, "<f8"), "fld": pack(self.fld, "u1"),
                "norm2": self.norm2.tolist(),  # the running norms as they are: a resumed stream scores alike
                "langs": dict(self.langs), "first_day": self.first_day, "last_day": self.last_day,
                "last_pos": self.last_pos, "keys": dict(self.keys), "years": {str(y): n for y, n in self.years.items()}}

    @classmethod
    def from_dict(cls, d: dict, vocab: Vocabulary | None = None) -> Centroid:
        """Rebuild from :meth:`to_dict` with the vocabulary saved beside it; a state written before
        2026-12-02 holds the sums by term (``{field: {term: weight}}``), and ``vocab`` may then be
        a fresh one, as for the articles to come."""
        rest = dict(id=d["id"], index=d["index"], size=d["size"], langs=Counter(d["langs"]),
                    first_day=d["first_day"], last_day=d["last_day"], last_pos=d["last_pos"],
                    keys=Counter(d["keys"]), years=Counter({int(y): n for y, n in d.get("years", {}).items()}))
        if "ids" in d:
            if vocab is None:
                raise ValueError("a centroid saved by vocabulary ids needs the vocabulary saved with it")
            c = cls(**rest, vocab=vocab, ids=unpack(d["ids"], "<i4", np.int64),
                    vals=unpack(d["vals"], "<f8", np.float64), fld=unpack(d["fld"], "u1", np.int64))
            c.norm2 = np.asarray(d["norm2"], dtype=np.float64)
            return c
        vocab = vocab if vocab is not None else Vocabulary()
        sums = d["sums"]
        ids, vals, fld = [], [], []
        for k, f in enumerate(FIELDS):
            terms = sums.get(f, {})
            ids += vocab.lookup(k, terms)
            vals += terms.values()
            fld += [k] * len(terms)
        order = np.argsort(np.asarray(ids, dtype=np.int64), kind="stable")
        c = cls(**rest, vocab=vocab, ids=np.asarray(ids, dtype=np.int64)[order],
                vals=np.asarray(vals, dtype=np.float64)[order], fld=np.asarray(fld, dtype=np.int64)[order])
        c.norm2 = np.bincount(c.fld, weights=c.vals * c.vals, minlength=_NF)
        return c


def feature_rows(v: ArticleVectors, clusters: list[Centroid], key_shares: list[float]) -> np.ndarray:
    """The article's features against each of ``clusters`` (one row each, FEATURE_NAMES order).

    The cosines of all clusters and fields come from one pass: the article's weights are put in
    the vocabulary's scratch array, each cluster's sums pick theirs up by id, and the products
    are summed per (cluster, field)."""
    n = len(clusters)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    vocab = v.vocab
    for c in clusters:
        c._adopt(vocab)
    lengths = [len(c.ids) for c in clusters]
    ids, vals, group, weights = vocab.buffers(sum(lengths))  # reused: fresh big arrays cost page faults
    scratch = vocab.scratch
    scratch[v.ids] = v.vals
    try:
        np.concatenate([c.ids for c in clusters], out=ids)
        np.concatenate([c.vals for c in clusters], out=vals)
        np.concatenate([c.fld for c in clusters], out=group)
        end = 0
        for k, length in enumerate(lengths):
            if k:
                group[end:end + length] += k * _NF
            end += length
        np.take(scratch, ids, out=weights)
    finally:
        scratch[v.ids] = 0.0
    np.multiply(weights, vals, out=weights)
    dots = np.bincount(group, weights=weights, minlength=n * _NF).reshape(n, _NF)
    norm2 = np.array([c.norm2 for c in clusters])
    known = norm2 > 0
    cos = np.zeros((n, _NF))
    cos[known] = dots[known] / np.sqrt(norm2[known])
    cos = np.maximum(cos, 0.0)
    root = np.sqrt(cos)
    share = np.array([c.langs[v.lang or ""] / c.size if c.size else 0.0 for c in clusters])[:, None]
    rows = np.empty((n, len(FEATURE_NAMES)))
    rows[:, :4 * _NF] = np.stack([cos, root, cos * (1.0 - share), root * (1.0 - share)], axis=2).reshape(n, 4 * _NF)
    mine, top = v.entity_ids, v.top_ids
    no_per = (cos[:, _PER] == 0.0).tolist()
    extra = []
    for r, c in enumerate(clusters):
        held = c.entity_ids()
        top_c = c.top_ids("entities", 3)
        if v.day is not None and c.first_day is not None and c.last_day is not None:
            gap, missing = math.log1p(max(0, c.first_day - v.day, v.day - c.last_day)), 0.0
        else:
            gap, missing = 0.0, 1.0
        # where neither side has a day, the years written out stand in for it; a dated side's
        # year is certain while an undated one's is only a lower bound (a report that names no
        # later year than a 1998 earthquake is not from 1998), so the two are not compared
        undated = v.day is None and c.first_day is None
        year_gap = math.log1p(abs(v.year - c.year())) if undated and v.year is not None and c.years else 0.0
        extra.append((
            float(bool(top) and top[0] in held),
            sum(e in held for e in top) / 3.0,
            float(bool(top_c) and top_c[0] in mine),
            sum(e in mine for e in top_c) / 3.0,
            float(v.has_per and bool(c.counts()[_PER]) and no_per[r]),
            gap, missing, year_gap,
            share[r, 0],
            float(not mine),
            key_shares[r],
        ))
    rows[:, 4 * _NF:] = extra
    return rows


def features(v: ArticleVectors, c: Centroid, key_share: float) -> np.ndarray:
    """The article's features against one cluster, in FEATURE_NAMES order."""
    return feature_rows(v, [c], [key_share])[0]

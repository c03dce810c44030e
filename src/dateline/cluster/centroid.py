"""A cluster (event or story) as running sums of its members' vectors, and the features of an
article against it.

Comparing an article with one centroid per field costs a few sparse dot products however many
members the cluster has, which keeps the cost per article flat; the centroid also smooths over
the member that happens to share little with the newcomer. Centroids are capped (the heaviest
``max_terms`` per field are kept) so a story that runs for months stays small.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from dateline.cluster.vectors import FIELDS, ArticleVectors

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
    # no feature of the cluster's size: in SlavicNER's seven huge stories size alone predicted
    # joining, which in a real stream turns big stories into catch-alls
    "same_lang_share",  # share of the cluster's articles in the article's language
    "no_entities",
    "key_share",  # share of the article's index key weight (IDF) that the cluster holds
)


_PER_COS = FEATURE_NAMES.index("per_cos")


def dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[t] for t, v in a.items() if t in b)


@dataclass
class Centroid:
    """Mutable running state of one cluster (the clusterer owns it)."""

    id: str
    index: int
    sums: dict[str, dict[str, float]] = field(default_factory=lambda: {f: {} for f in FIELDS})
    norm2: dict[str, float] = field(default_factory=lambda: {f: 0.0 for f in FIELDS})
    size: int = 0
    langs: Counter[str] = field(default_factory=Counter)
    first_day: int | None = None
    last_day: int | None = None
    last_pos: int = 0
    keys: Counter[str] = field(default_factory=Counter)  # index keys posted for this cluster
    _top: dict[tuple[str, int], list[str]] = field(default_factory=dict, repr=False)  # cache, cleared on change

    def cosine(self, v: ArticleVectors, f: str) -> float:
        n2 = self.norm2[f]
        return dot(v.vectors[f], self.sums[f]) / math.sqrt(n2) if n2 > 0 else 0.0

    def centroid_cosine(self, other: Centroid, f: str) -> float:
        n2 = self.norm2[f] * other.norm2[f]
        return dot(self.sums[f], other.sums[f]) / math.sqrt(n2) if n2 > 0 else 0.0

    def top(self, f: str, n: int) -> list[str]:
        found = self._top.get((f, n))
        if found is None:
            found = self._top[(f, n)] = [t for t, _ in sorted(self.sums[f].items(), key=lambda x: (-x[1], x[0]))[:n]]
        return found

    def add(self, v: ArticleVectors, pos: int, max_terms: int) -> None:
        self._top.clear()
        for f in FIELDS:
            sums, vec = self.sums[f], v.vectors[f]
            # |c + v|^2 = |c|^2 + 2 c.v + |v|^2, so the norm needs no pass over the centroid
            self.norm2[f] += 2.0 * dot(vec, sums) + sum(x * x for x in vec.values())
            for t, x in vec.items():
                sums[t] = sums.get(t, 0.0) + x
            if len(sums) > 2 * max_terms:  # amortised: cut back to the heaviest max_terms
                self._cap(f, max_terms)
        self.size += 1
        self.langs[v.lang or ""] += 1
        self.last_pos = pos
        if v.day is not None:
            self.first_day = v.day if self.first_day is None else min(self.first_day, v.day)
            self.last_day = v.day if self.last_day is None else max(self.last_day, v.day)

    def absorb(self, other: Centroid, max_terms: int) -> None:
        """Merge another cluster's state into this one."""
        self._top.clear()
        for f in FIELDS:
            sums = self.sums[f]
            for t, x in other.sums[f].items():
                sums[t] = sums.get(t, 0.0) + x
            if len(sums) > 2 * max_terms:
                self._cap(f, max_terms)
            else:
                self.norm2[f] = sum(x * x for x in sums.values())
        self.size += other.size
        self.langs.update(other.langs)
        self.last_pos = max(self.last_pos, other.last_pos)
        days = [d for d in (self.first_day, self.last_day, other.first_day, other.last_day) if d is not None]
        self.first_day, self.last_day = (min(days), max(days)) if days else (None, None)
        self.keys.update(other.keys)

    def _cap(self, f: str, max_terms: int) -> None:
        """Keep the heaviest ``max_terms`` of one field and recompute its norm."""
        self.sums[f] = dict(sorted(self.sums[f].items(), key=lambda x: (-x[1], x[0]))[:max_terms])
        self.norm2[f] = sum(x * x for x in self.sums[f].values())

    def to_dict(self) -> dict:
        return {"id": self.id, "index": self.index, "sums": self.sums, "size": self.size,
                "langs": dict(self.langs), "first_day": self.first_day, "last_day": self.last_day,
                "last_pos": self.last_pos, "keys": dict(self.keys)}

    @classmethod
    def from_dict(cls, d: dict) -> Centroid:
        c = cls(id=d["id"], index=d["index"], sums={f: dict(d["sums"].get(f, {})) for f in FIELDS},
                size=d["size"], langs=Counter(d["langs"]), first_day=d["first_day"],
                last_day=d["last_day"], last_pos=d["last_pos"], keys=Counter(d["keys"]))
        c.norm2 = {f: sum(x * x for x in c.sums[f].values()) for f in FIELDS}
        return c


def features(v: ArticleVectors, c: Centroid, key_share: float) -> np.ndarray:
    """The article's features against one cluster, in FEATURE_NAMES order."""
    share = c.langs[v.lang or ""] / c.size if c.size else 0.0
    values: list[float] = []
    for f in FIELDS:
        cos = max(0.0, c.cosine(v, f))
        root = math.sqrt(cos)
        values += [cos, root, cos * (1.0 - share), root * (1.0 - share)]
    known, mine = c.sums["entities"], v.vectors["entities"]
    top_c = c.top("entities", 3)
    if v.day is not None and c.first_day is not None and c.last_day is not None:
        gap, missing = math.log1p(max(0, c.first_day - v.day, v.day - c.last_day)), 0.0
    else:
        gap, missing = 0.0, 1.0
    values += [
        float(bool(v.top_entities) and v.top_entities[0] in known),
        sum(e in known for e in v.top_entities) / 3.0,
        float(bool(top_c) and top_c[0] in mine),
        sum(e in mine for e in top_c) / 3.0,
        float(bool(v.vectors["per"]) and bool(c.sums["per"]) and values[_PER_COS] == 0.0),
        gap, missing,
        share,
        float(not mine),
        key_share,
    ]
    return np.asarray(values, dtype=np.float64)

"""Candidate retrieval for online clustering: an inverted index from keys to clusters.

Keys are linked entity ids (``e:<id>``) and an article's most distinctive word stems
(``w:<stem>``). A cluster (an event or a story) is posted under the keys of its members. A
lookup scores each cluster by the summed rarity (IDF over clusters) of the keys it shares with
the query and returns the best few, so the cost of a lookup depends on the length of the posting
lists it reads, not on the number of stored articles. Keys held by too many live clusters
("Russia", "Monday") are stop keys: they are skipped, and their postings are dropped.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable


class ClusterIndex:
    """Inverted index ``key -> {cluster id: count}`` with rarity-weighted top-k lookup.

    ``max_postings`` bounds a posting list: when a key reaches it, clusters that ``alive``
    rejects (outside the time window) are pruned; if it is still full, the key becomes a stop
    key for good. That keeps every lookup bounded as the stream grows.
    """

    def __init__(self, max_postings: int = 64) -> None:
        self.max_postings = max_postings
        self.postings: dict[str, dict[int, int]] = {}
        self.stop: set[str] = set()
        self.clusters = 0  # clusters ever posted, for IDF

    def idf(self, key: str) -> float:
        held = len(self.postings.get(key, ()))
        return math.log((1 + self.clusters) / (1 + held)) + 1.0

    def weight(self, keys: Iterable[str]) -> float:
        """The summed rarity of ``keys``: what a cluster sharing all of them would score."""
        return sum(self.idf(k) for k in keys if k not in self.stop)

    def add(self, cluster: int, keys: Iterable[str], alive: Callable[[int], bool],
            new_cluster: bool = False) -> None:
        if new_cluster:
            self.clusters += 1
        for key in keys:
            if key in self.stop:
                continue
            posting = self.postings.setdefault(key, {})
            if cluster in posting:
                posting[cluster] += 1
                continue
            if len(posting) >= self.max_postings:
                for old in [c for c in posting if not alive(c)]:
                    del posting[old]
                if len(posting) >= self.max_postings:
                    self.stop.add(key)
                    del self.postings[key]
                    continue
            posting[cluster] = 1

    def remove(self, cluster: int, keys: Iterable[str]) -> None:
        """Forget a cluster (it left the time window for good)."""
        for key in keys:
            posting = self.postings.get(key)
            if posting is not None:
                posting.pop(cluster, None)
                if not posting:
                    del self.postings[key]

    def merge(self, old: int, new: int, keys: Iterable[str]) -> None:
        """Post ``old``'s keys under ``new`` (two clusters became one)."""
        for key in keys:
            posting = self.postings.get(key)
            if posting is not None and old in posting:
                posting[new] = posting.get(new, 0) + posting.pop(old)

    def candidates(self, keys: Iterable[str], alive: Callable[[int], bool],
                   k: int) -> list[tuple[int, float, list[str]]]:
        """The ``k`` best live clusters for ``keys``: ``(cluster, score, shared keys by
        weight)``, best first; ties go to the older cluster (deterministic)."""
        scores: dict[int, float] = {}
        weighted: list[tuple[str, float]] = []  # the keys read, with their weights
        for key in keys:
            posting = self.postings.get(key)
            if not posting:
                continue
            weight = self.idf(key)
            weighted.append((key, weight))
            for cluster in posting:
                scores[cluster] = scores.get(cluster, 0.0) + weight
        ranked = sorted(scores.items(), key=lambda x: (-x[1], x[0]))
        out: list[tuple[int, float, list[str]]] = []
        for cluster, score in ranked:
            if not alive(cluster):
                continue
            # shared keys only for the clusters returned (a lookup reads hundreds of postings)
            shared = [(weight, key) for key, weight in weighted if cluster in self.postings[key]]
            out.append((cluster, score, [key for _, key in sorted(shared, key=lambda x: (-x[0], x[1]))]))
            if len(out) >= k:
                break
        return out

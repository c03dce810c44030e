"""Near-duplicates: the same wire story re-published with a new headline, a few edited words or
another byline. MinHash over word 3-shingles, candidates from LSH, every copy pointing to the
earliest one (earliest publication date, then earliest ingested).

The LSH index is our own (``_Bands``): datasketch's MinHashLSH offers the same candidates but
keeps about 9 KB of Python objects per article (935 MB at 100,000 articles, most of the writer's
memory); this one keeps the signatures in one array and 12 bytes per band."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from dateline.text.ids import normalize_for_id

NUM_PERM = 128
SHINGLE = 3
# Estimated Jaccard of word 3-shingles at or above which two texts are copies of one story.
# Editing ~5 words in a 150-word story keeps it near 0.8; two reports of one event by different
# writers share well under 0.2.
THRESHOLD = 0.6
_MIN_SHINGLES = 8  # shorter texts say too little to call them copies
_SEED = 1
_DTYPE = MinHash(num_perm=NUM_PERM, seed=_SEED).hashvalues.dtype.newbyteorder("<")


def signature(text: str) -> np.ndarray | None:
    words = normalize_for_id(text).split()
    if len(words) < _MIN_SHINGLES + SHINGLE - 1:
        return None
    shingles = {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}
    m = MinHash(num_perm=NUM_PERM, seed=_SEED)
    m.update_batch(list(shingles))
    return m.hashvalues


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype(_DTYPE).tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=_DTYPE)


@dataclass(frozen=True)
class Placement:
    """Where a new article stands among the copies of its story."""

    duplicate_of: str | None  # the earliest copy, or None when this article is the original
    score: float | None  # estimated Jaccard with the closest stored copy
    # When the new article is earlier than the copies already stored, it becomes the original:
    # each old original (and every copy pointing to it) must be re-pointed to it.
    repoint: dict[str, str]


class _Bands:
    """MinHash LSH: signatures that agree on all ``r`` rows of at least one of ``b`` bands are
    candidates, as in datasketch's MinHashLSH (whose band count and width this takes). Each band
    is keyed by a 64-bit hash of its rows, held in one sorted array with the signature's number
    beside it (the latest keys in a dict until MERGE of them are merged in); the signatures sit
    in one growing array, and a candidate's bands are compared row by row, so two bands whose
    keys collide offer no candidate."""

    MERGE = 4096  # signatures whose keys wait in the dict: merging costs a copy of the arrays

    def __init__(self, threshold: float, num_perm: int) -> None:
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.b, self.r = lsh.b, lsh.r
        self._mult = np.random.default_rng(7).integers(1, 2**63, (self.b, self.r), dtype=np.uint64) | np.uint64(1)
        self._sigs = np.empty((0, num_perm), dtype=_DTYPE)
        self._n = 0
        self._keys = np.empty(0, dtype=np.uint64)  # sorted
        self._owners = np.empty(0, dtype=np.int32)  # the signature of each key
        self._recent: dict[int, list[int]] = {}
        self._waiting = 0

    def __len__(self) -> int:
        return self._n

    def _band_keys(self, sigs: np.ndarray) -> np.ndarray:
        rows = sigs[:, :self.b * self.r].astype(np.uint64).reshape(len(sigs), self.b, self.r)
        with np.errstate(over="ignore"):  # multiplying modulo 2**64 is the point
            return (rows * self._mult).sum(axis=2, dtype=np.uint64)

    def add(self, sigs: np.ndarray) -> None:
        """Index signatures (one per row), numbered on from those indexed already."""
        if self._n + len(sigs) > len(self._sigs):
            grown = np.empty((max(2 * len(self._sigs), self._n + len(sigs), 1024), self._sigs.shape[1]), _DTYPE)
            grown[:self._n] = self._sigs[:self._n]
            self._sigs = grown
        self._sigs[self._n:self._n + len(sigs)] = sigs
        keys = self._band_keys(sigs)
        if len(sigs) >= self.MERGE:  # a store's rows at start: straight into the arrays
            self._merge(keys.ravel(), np.repeat(np.arange(self._n, self._n + len(sigs), dtype=np.int32), self.b))
        else:
            for k, row in enumerate(keys.tolist(), start=self._n):
                for key in row:
                    self._recent.setdefault(key, []).append(k)
            self._waiting += len(sigs)
        self._n += len(sigs)
        if self._waiting >= self.MERGE:
            keys = np.fromiter(self._recent, np.uint64, len(self._recent))
            sizes = [len(v) for v in self._recent.values()]
            owners = np.fromiter((k for v in self._recent.values() for k in v), np.int32, sum(sizes))
            self._merge(np.repeat(keys, sizes), owners)
            self._recent, self._waiting = {}, 0

    def _merge(self, keys: np.ndarray, owners: np.ndarray) -> None:
        order = np.argsort(keys, kind="stable")
        keys, owners = keys[order], owners[order]
        at = np.searchsorted(self._keys, keys)
        self._keys, self._owners = np.insert(self._keys, at, keys), np.insert(self._owners, at, owners)

    def signature(self, k: int) -> np.ndarray:
        return self._sigs[k]

    def candidates(self, sig: np.ndarray) -> np.ndarray:
        """Numbers of the indexed signatures that share a band with ``sig``."""
        keys = self._band_keys(sig[None, :])[0]
        lo, hi = np.searchsorted(self._keys, keys, "left"), np.searchsorted(self._keys, keys, "right")
        found = [self._owners[a:z] for a, z in zip(lo.tolist(), hi.tolist()) if z > a]
        found += [np.asarray(self._recent[key], np.int32) for key in keys.tolist() if key in self._recent]
        if not found:
            return np.empty(0, np.int32)
        near = np.unique(np.concatenate(found))
        width = self.b * self.r
        same = self._sigs[near, :width].reshape(len(near), self.b, self.r) == sig[:width].reshape(self.b, self.r)
        return near[same.all(axis=2).any(axis=1)]


class NearDuplicateIndex:
    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        # LSH band threshold a little below the decision threshold so that borderline pairs
        # are still offered as candidates; the estimated Jaccard decides.
        self._bands = _Bands(max(0.3, threshold - 0.1), NUM_PERM)
        self._ids: list[str] = []  # by number in the band index
        self._order: dict[str, tuple[str, int]] = {}
        self._root: dict[str, str] = {}
        self._next_seq = 0

    def load(self, rows: Iterable[tuple[str, int, str | None, str | None, bytes]]) -> None:
        """Rebuild from the store's (id, seq, published, duplicate_of, signature) rows."""
        sigs = []
        for article_id, seq, published, duplicate_of, blob in rows:
            self._note(article_id, published, seq, duplicate_of or article_id)
            sigs.append(from_bytes(blob))
            self._next_seq = max(self._next_seq, seq + 1)
        if sigs:
            self._bands.add(np.stack(sigs))

    def refresh(self, rows: Iterable[tuple[str, int, str | None, str | None, bytes]]) -> None:
        """Add the store's rows written since the last look (by this writer or another), skipping
        the articles this index holds already."""
        self.load(row for row in rows if row[0] not in self._order)

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, article_id: str, sig: np.ndarray, published: str | None) -> Placement:
        """Index a new article and say which earlier copy, if any, it duplicates."""
        sig = np.asarray(sig, dtype=_DTYPE)
        scored = [(float(np.mean(self._bands.signature(k) == sig)), self._ids[k])
                  for k in self._bands.candidates(sig).tolist()]
        scored = [sc for sc in scored if sc[0] >= self.threshold]
        mine = _order_key(published, self._next_seq)
        if not scored:
            self._insert(article_id, sig, published, self._next_seq, article_id)
            self._next_seq += 1
            return Placement(None, None, {})
        score = max(s for s, _ in scored)
        roots = {self._root[c] for _, c in scored}
        earliest = min(roots, key=lambda r: self._order[r])
        if mine < self._order[earliest]:
            original, duplicate_of = article_id, None
        else:
            original, duplicate_of = earliest, earliest
        repoint = {r: original for r in roots if r != original}
        if repoint:
            for member, r in self._root.items():
                if r in repoint:
                    self._root[member] = original
        self._insert(article_id, sig, published, self._next_seq, original)
        self._next_seq += 1
        return Placement(duplicate_of, score, repoint)

    def _note(self, article_id: str, published: str | None, seq: int, root: str) -> None:
        self._ids.append(article_id)
        self._order[article_id] = _order_key(published, seq)
        self._root[article_id] = root

    def _insert(self, article_id: str, sig: np.ndarray, published: str | None, seq: int, root: str) -> None:
        self._note(article_id, published, seq, root)
        self._bands.add(sig[None, :])


def _order_key(published: str | None, seq: int) -> tuple[str, int]:
    # Undated copies sort after dated ones: a stated date is better evidence of who was first.
    return (published[:10] if published else "9999-99-99", seq)

"""Near-duplicates: the same wire story re-published with a new headline, a few edited words or
another byline. MinHash over word 3-shingles, candidates from LSH, every copy pointing to the
earliest one (earliest publication date, then earliest ingested)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from dateline.text.ids import normalize_for_id

NUM_PERM = 128
SHINGLE = 3
# Estimated Jaccard of word 3-shingles at or above which two texts are copies of one story.
# Editing ~5 words in a 150-word story keeps it near 0.8; two reports of one event by different
# writers share well under 0.2.
THRESHOLD = 0.6
_MIN_SHINGLES = 8  # shorter texts say too little to call them copies
_SEED = 1
# datasketch 2 names its hashing scheme; hash values stored by one scheme only compare with the same.
_PROBE = MinHash(num_perm=NUM_PERM, seed=_SEED)
_SCHEME, _DTYPE = _PROBE.scheme, _PROBE.hashvalues.dtype.newbyteorder("<")


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


class NearDuplicateIndex:
    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        # LSH band threshold a little below the decision threshold so that borderline pairs
        # are still offered as candidates; the estimated Jaccard decides.
        self._lsh = MinHashLSH(threshold=max(0.3, threshold - 0.1), num_perm=NUM_PERM)
        self._sigs: dict[str, np.ndarray] = {}
        self._order: dict[str, tuple[str, int]] = {}
        self._root: dict[str, str] = {}
        self._next_seq = 0

    def load(self, rows: Iterable[tuple[str, int, str | None, str | None, bytes]]) -> None:
        """Rebuild from the store's (id, seq, published, duplicate_of, signature) rows."""
        for article_id, seq, published, duplicate_of, blob in rows:
            self._insert(article_id, from_bytes(blob), published, seq, duplicate_of or article_id)
            self._next_seq = max(self._next_seq, seq + 1)

    def refresh(self, rows: Iterable[tuple[str, int, str | None, str | None, bytes]]) -> None:
        """Add the store's rows written since the last look (by this writer or another), skipping
        the articles this index holds already."""
        self.load(row for row in rows if row[0] not in self._sigs)

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, article_id: str, sig: np.ndarray, published: str | None) -> Placement:
        """Index a new article and say which earlier copy, if any, it duplicates."""
        candidates = self._lsh.query(_lean(sig))
        scored = [(float(np.mean(self._sigs[c] == sig)), c) for c in candidates]
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

    def _insert(self, article_id: str, sig: np.ndarray, published: str | None, seq: int, root: str) -> None:
        self._sigs[article_id] = sig
        self._order[article_id] = _order_key(published, seq)
        self._root[article_id] = root
        self._lsh.insert(article_id, _lean(sig), check_duplication=False)


def _order_key(published: str | None, seq: int) -> tuple[str, int]:
    # Undated copies sort after dated ones: a stated date is better evidence of who was first.
    return (published[:10] if published else "9999-99-99", seq)


def _lean(sig: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=_SEED, hashvalues=sig, scheme=_SCHEME)

"""Word overlap through an English pivot as a similarity score on SemEval-style pairs (``eval
similarity --pivot DIR``): its own correlation with gold, reported beside the judge, never mixed
into it.

Both raw texts of a pair become bags of English stems (``dateline.similarity.bilingual.Pivot``), compared
by the cosine of sublinear TF-IDF vectors with document frequencies over the file's texts (as
the char n-gram baseline is). The cosine ``c`` is mapped to ``4 - 3c``; a pair with a language
that no installed dictionary covers scores 4 (no evidence) and is counted as uncovered.
"""

from __future__ import annotations

import math
import time

import numpy as np

from dateline.similarity.bilingual import Pivot
from dateline.eval.similarity import PairRecord, correlations, read_pairs, tfidf_cosines


def pivot_cosines(records: list[PairRecord], pivot: Pivot) -> tuple[np.ndarray, np.ndarray]:
    """Per pair, the TF-IDF cosine of the two English-stem bags, and whether both were covered."""
    bags = [(pivot.stems(r.text1, r.lang1), pivot.stems(r.text2, r.lang2)) for r in records]
    # sublinear tf; a count below one is a word's share among its translations
    cos = tfidf_cosines(bags, tf=lambda c: 1.0 + math.log(c) if c >= 1.0 else c,
                        idf=lambda d, n: math.log((1 + n) / d))
    return cos, np.asarray([a is not None and b is not None for a, b in bags], dtype=bool)


def evaluate_pivot(path: str, pivot: Pivot) -> dict:
    """Correlations of ``4 - 3 * cosine`` with gold ``overall``, overall and per language pair."""
    records = read_pairs(path)
    started = time.perf_counter()
    cos, covered = pivot_cosines(records, pivot)
    elapsed = time.perf_counter() - started
    scores = 4.0 - 3.0 * cos
    scored = [i for i, r in enumerate(records) if r.gold is not None]
    gold = np.asarray([records[i].gold for i in scored])
    result: dict = {
        "dictionaries": pivot.loaded(),  # headwords of each dictionary the file's languages used
        "uncovered_pairs": int((~covered).sum()),
        "cosine": correlations(scores[scored], gold),
        "note": "TF-IDF cosine c of English-stem bags (FreeDict X-eng, installed) mapped to 4 - 3c; not part of the judge",
        "by_lang_pair": {},
        "pairs_per_second": round(len(records) / elapsed, 1) if elapsed else None,
    }
    for lp in sorted({records[i].lang_pair for i in scored}):
        idx = [i for i in scored if records[i].lang_pair == lp]
        result["by_lang_pair"][lp] = {"pairs": len(idx), "uncovered": int((~covered[idx]).sum()),
                                      "cosine": correlations(scores[idx], np.asarray([records[i].gold for i in idx]))}
    return result

"""A sentence encoder's cosine as a similarity score on SemEval-style pairs (``eval similarity
--encoder``): its own correlation with gold, reported beside the judge, never mixed into it.

Each text is cleaned the way ``eval similarity`` cleans it (for its title), then embedded as
title + lead. The cosine ``c`` is mapped to ``4 - 3c`` like the char n-gram baseline, so the
correlations read the same way as the judge's (gold 1 = same story).
"""

from __future__ import annotations

import time

import numpy as np

from dateline.clean import clean
from dateline.encode import Encoder, article_text, cosines
from dateline.eval.similarity import PairRecord, correlations, read_pairs
from dateline.models import RawDocument


def _lead(record: PairRecord, n: int) -> str:
    text, lang = (record.text1, record.lang1) if n == 1 else (record.text2, record.lang2)
    return article_text(clean(RawDocument(f"{record.id}:{n}", data=text.encode("utf-8"), meta={"lang": lang})))


def evaluate_encoder(path: str, encoder: Encoder) -> dict:
    """Correlations of ``4 - 3 * cosine`` with gold ``overall``, overall and per language pair."""
    records = read_pairs(path)
    left = [_lead(r, 1) for r in records]
    right = [_lead(r, 2) for r in records]
    started = time.perf_counter()
    scores = 4.0 - 3.0 * cosines(encoder, left, right)
    elapsed = time.perf_counter() - started
    scored = [i for i, r in enumerate(records) if r.gold is not None]
    gold = np.asarray([records[i].gold for i in scored])
    result: dict = {
        "encoder": encoder.name,
        "dim": encoder.dim,
        "cosine": correlations(scores[scored], gold),
        "note": "cosine c of title + lead embeddings mapped to 4 - 3c; not part of the judge",
        "by_lang_pair": {},
        "leads_per_second": round(len(set(left + right)) / elapsed, 1) if elapsed else None,
    }
    for lp in sorted({records[i].lang_pair for i in scored}):
        idx = [i for i in scored if records[i].lang_pair == lp]
        result["by_lang_pair"][lp] = {"pairs": len(idx), "cosine": correlations(
            scores[idx], np.asarray([records[i].gold for i in idx]))}
    return result

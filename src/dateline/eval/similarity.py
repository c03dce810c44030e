"""``dateline eval similarity``: the judge against SemEval-2022 Task 8 gold scores.

Input: JSON Lines ``{id, lang1, lang2, text1, text2, overall, ...}`` (``overall``: 1 = same story
... 4 = unrelated). Each text is cleaned and analysed by one Analyzer in file order (so entity
ids are shared across the file), the similarity context is fitted on all the file's articles,
and each pair is scored by the shipped judge. A plain character n-gram TF-IDF cosine baseline is
computed in the same run: its score is mapped to the SemEval scale as ``4 - 3 * cosine`` (an
affine map of the negated cosine, so its correlations equal those of ``-cosine``).
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

import numpy as np

from dateline.clean import clean
from dateline.eval.parts import split_of
from dateline.models import Analysis, Article, RawDocument
from dateline.pipeline import Analyzer
from dateline.similarity.features import SimilarityContext, char_ngrams, pair_features
from dateline.similarity.judge import Judge


def pearson(x: np.ndarray, y: np.ndarray) -> float:
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if len(x) < 2:
        return float("nan")
    dx, dy = x - x.mean(), y - y.mean()
    denom = math.sqrt(float(dx @ dx) * float(dy @ dy))
    return float(dx @ dy / denom) if denom else float("nan")


def average_ranks(x: np.ndarray) -> np.ndarray:
    """Ranks from 1, ties sharing the average of their positions (as Spearman needs)."""
    x = np.asarray(x, dtype=np.float64)
    order = np.argsort(x, kind="stable")
    ranks = np.empty(len(x), dtype=np.float64)
    sorted_x = x[order]
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and sorted_x[j + 1] == sorted_x[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return ranks


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    return pearson(average_ranks(x), average_ranks(y))


@dataclass(frozen=True)
class PairRecord:
    id: str
    lang_pair: str
    gold: float | None
    text1: str
    text2: str
    lang1: str
    lang2: str


def read_pairs(path: str) -> list[PairRecord]:
    records = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            gold = r.get("overall")
            records.append(PairRecord(str(r["id"]), f"{r['lang1']}-{r['lang2']}",
                                      float(gold) if gold is not None else None,
                                      r["text1"], r["text2"], r["lang1"], r["lang2"]))
    return records


def analyse_pairs(records: list[PairRecord], analyzer: Analyzer | None = None
                  ) -> tuple[list[tuple[tuple[Article, Analysis], tuple[Article, Analysis]]], SimilarityContext]:
    """Clean and analyse both texts of every pair in order; a context fitted on all of them."""
    analyzer = analyzer or Analyzer()
    docs = []
    for r in records:
        pair = []
        for n, text, lang in ((1, r.text1, r.lang1), (2, r.text2, r.lang2)):
            article = clean(RawDocument(f"{r.id}:{n}", data=text.encode("utf-8"), meta={"lang": lang}))
            analysis, _ = analyzer.analyze(article)
            pair.append((article, analysis))
        docs.append((pair[0], pair[1]))

    def country_of(entity_id: str) -> str | None:
        try:
            return analyzer.linker.entity(entity_id).country
        except KeyError:
            return None

    ctx = SimilarityContext(country_of).fit(d for pair in docs for d in pair)
    return docs, ctx


def pair_feature_matrix(records: list[PairRecord], analyzer: Analyzer | None = None) -> np.ndarray:
    docs, ctx = analyse_pairs(records, analyzer)
    return np.vstack([pair_features(a, b, ctx) for a, b in docs])


def tfidf_cosines(bags: list[tuple[Counter | None, Counter | None]], tf: Callable[[float], float],
                  idf: Callable[[int, int], float]) -> np.ndarray:
    """Per pair, the cosine of the TF-IDF vectors of two term bags: ``tf(count)`` times
    ``idf(document frequency, bags)``, with document frequencies over every bag given (one per
    side of each pair). A pair with a missing bag (None) scores 0."""
    df: Counter = Counter()
    n = 0
    for pair in bags:
        for bag in pair:
            if bag is not None:
                df.update(bag.keys())
                n += 1

    def vector(bag: Counter) -> dict[str, float]:
        v = {t: tf(c) * idf(df[t], n) for t, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    out = []
    for a, b in bags:
        if a is None or b is None:
            out.append(0.0)
            continue
        v1, v2 = vector(a), vector(b)
        out.append(sum(x * v2[t] for t, x in v1.items() if t in v2))
    return np.asarray(out)


def char_tfidf_cosines(records: list[PairRecord]) -> np.ndarray:
    """The baseline: cosine of char 3-5-gram TF-IDF vectors of the raw texts (IDF on the file)."""
    return tfidf_cosines([(char_ngrams(r.text1), char_ngrams(r.text2)) for r in records],
                         tf=lambda c: c, idf=lambda d, n: math.log((1 + n) / (1 + d)) + 1.0)


def correlations(pred: np.ndarray, gold: np.ndarray) -> dict[str, float]:
    return {"pearson": round(pearson(pred, gold), 4), "spearman": round(spearman(pred, gold), 4)}


def evaluate_similarity(path: str, predictions: TextIO | None = None, judge: Judge | None = None) -> dict:
    judge = judge or Judge.load()
    records = read_pairs(path)
    started = time.perf_counter()
    features = pair_feature_matrix(records)
    scores = judge.semeval_scores(features)
    elapsed = time.perf_counter() - started
    baseline = 4.0 - 3.0 * char_tfidf_cosines(records)
    if predictions is not None:
        for r, s in zip(records, scores):
            predictions.write(json.dumps({"id": r.id, "score": round(float(s), 4)}) + "\n")
    scored = [i for i, r in enumerate(records) if r.gold is not None]
    gold = np.asarray([records[i].gold for i in scored])
    result: dict = {
        "pairs": len(records),
        "scored_pairs": len(scored),
        "judge": correlations(scores[scored], gold),
        "baseline_char_tfidf": correlations(baseline[scored], gold),
        "baseline_note": "char_wb 3-5-gram TF-IDF cosine c mapped to 4 - 3c (correlations equal those of -c)",
        "by_lang_pair": {},
        "pairs_per_second": round(len(records) / elapsed, 1) if elapsed else None,
        "seconds": round(elapsed, 2),
    }
    for lp in sorted({records[i].lang_pair for i in scored}):
        idx = [i for i in scored if records[i].lang_pair == lp]
        g = np.asarray([records[i].gold for i in idx])
        result["by_lang_pair"][lp] = {"pairs": len(idx), "judge": correlations(scores[idx], g),
                                      "baseline_char_tfidf": correlations(baseline[idx], g)}
    split = split_of(path, [{"id": r.id} for r in records])
    result["untouched"] = None
    if split is not None:
        # The baseline's IDF stays the whole file's: a judge feature sees the same document frequencies.
        part = [i for i in scored if split.mask[i]]
        g = np.asarray([records[i].gold for i in part])
        de_en = [i for i in part if records[i].lang_pair == "de-en"]
        g_de_en = np.asarray([records[i].gold for i in de_en])
        result["untouched"] = {
            "scored_pairs": len(part), "judge": correlations(scores[part], g),
            "baseline_char_tfidf": correlations(baseline[part], g),
            "de-en": {"pairs": len(de_en), "judge": correlations(scores[de_en], g_de_en),
                      "baseline_char_tfidf": correlations(baseline[de_en], g_de_en)} if len(de_en) > 2 else None,
            "split": split.summary()}
    return result

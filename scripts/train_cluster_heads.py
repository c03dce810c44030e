"""Train the clustering heads (src/dateline/data/cluster-heads.json) and choose their thresholds.

    python scripts/train_cluster_heads.py            # train, tune, write the file
    python scripts/train_cluster_heads.py --cv       # also 2-fold held-out figures (for the docs)
    python scripts/train_cluster_heads.py --check    # retrain and verify the shipped file is identical

The event head learns from ECB+ (`ecbplus_events.jsonl`: each topic holds two similar real
events) and from SemEval-2022 pairs (`semeval2022_pairs.jsonl`, the only data with same-event
pairs across languages, 13 of them); its second model, for an article in a language its
candidate cluster lacks, from the same rows with the language-free features only
(`LANGUAGE_FREE` in dateline.cluster.centroid). The story head learns from SlavicNER
(`slavicner_stories.jsonl`: 7 stories in 6 languages). Training replays each labelled stream
with the gold clusters ("teacher forcing"): every article is compared with the candidate
clusters the index returns, exactly as at run time, and each (article, candidate) pair is a row
labelled 1 when the candidate is the article's gold cluster. A logistic regression per head fits
those rows (the full event head without the ``*_other_lang`` features, see ``EVENT_FEATURES``).
Then the thresholds (event join, story join, story merge) are chosen by running the real online
clusterer over the same file, in file order and two shuffled orders: for events by the mean
BCubed F1 over the orders (the choice that keeps events apart most among those within 0.01 of
the best), for stories by the worst order. Needs scikit-learn (the `train` extra).

The story level is trained and tuned on SlavicNER in file order and in shuffled orders. The
file is sorted by story, so in file order each story grows alone and early mistakes are rare;
a real stream interleaves stories from its first article, when document frequencies are still
young. Trained on file order alone, the story head joined early mixed stories that then grew
into catch-alls (shuffled BCubed F1 0.65 against 0.87 in file order). The shuffle seeds used
here differ from the one the evaluation command reports (``--shuffle-seed 1``).

Only the tuning part of each file is read: the untouched quarter that ``dateline.eval.parts``
sets aside (ECB+ topics, SlavicNER documents, SemEval pairs) is left for ``dateline eval
clustering`` to score apart.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from dateline.cluster.centroid import FEATURE_NAMES, LANGUAGE_FREE, features
from dateline.cluster.head import Heads, model_path
from dateline.cluster.online import Layer
from dateline.cluster.vectors import Vectoriser
from dateline.eval.bcubed import bcubed
from dateline.eval.clustering import analyse_records, cluster_labels, read_records
from dateline.eval.parts import dataset_of, select, untouched_mask
from dateline.eval.similarity import analyse_pairs, read_pairs

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "dev"
EVENT_THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
STORY_THRESHOLDS = (0.2, 0.35, 0.5)
MERGE_COSINES = (0.3, 0.4)
EVENT_MERGES = (None, 0.6, 0.7, 0.8)  # event head probability at which a small event is absorbed; None: never
MERGE_MIN = 5
EVENT_FEATURES = tuple(n for n in FEATURE_NAMES if not n.endswith("_other_lang"))
STORY_TRAIN_ORDERS = (None, 11, 12)  # None: file order; numbers: shuffle seeds
TUNE_ORDERS = (None, 101, 102)  # event thresholds: the mean F1 over these arrival orders; story thresholds: the worst


def reorder(items: Sequence[Any], gold: Sequence[str], seed: int | None) -> tuple[list, list[str]]:
    order = list(range(len(items)))
    if seed is not None:
        random.Random(seed).shuffle(order)
    return [items[i] for i in order], [gold[i] for i in order]


def replay_layer() -> Layer:
    """A layer for replaying labelled streams: no head (the rows are what is wanted), no window,
    the run-time index and centroid settings."""
    return Layer(head=None, threshold=0.0, window_days=10**6, window_articles=10**9,  # type: ignore[arg-type]
                 max_postings=64, candidates=10, max_terms=400)


def replay_rows(items: Sequence[Any], gold: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Article-to-candidate feature rows of one labelled stream, replayed with the gold clusters."""
    vectoriser, layer = Vectoriser(), replay_layer()
    cluster_of: dict[str, int] = {}
    rows, labels = [], []
    for pos, (item, g) in enumerate(zip(items, gold)):
        if item is None:
            continue
        v = vectoriser.observe(*item)
        found = layer.index.candidates(v.keys, lambda i: i in layer.live, layer.k)
        total = layer.index.weight(v.keys) or 1.0
        target = cluster_of.get(g)
        for i, score, _ in found:
            rows.append(features(v, layer.live[i], score / total))
            labels.append(int(i == target))
        if target is None:
            cluster_of[g] = layer.new(v.id, v, pos).index
        else:
            layer.grow(layer.live[target], v, pos)
    return np.vstack(rows), np.asarray(labels)


def pair_rows(pairs: Sequence[tuple[Any, Any, float]]) -> tuple[np.ndarray, np.ndarray]:
    """Rows from SemEval pairs, the only cross-language same-event data: the first text of each
    pair starts a cluster; the second is compared with the candidates the index returns among
    all clusters so far, positive only for its own pair's cluster when gold says same story
    (overall <= 1.5). Pairs in between (1.5 < overall < 3) give no rows: neither clearly same
    nor clearly different."""
    vectoriser, layer = Vectoriser(), replay_layer()
    rows, labels = [], []
    for pos, (a, b, gold) in enumerate(pairs):
        own = layer.new(a[0].id, vectoriser.observe(*a), pos).index
        vb = vectoriser.observe(*b)
        if 1.5 < gold < 3.0:
            continue
        found = layer.index.candidates(vb.keys, lambda i: i in layer.live, layer.k)
        total = layer.index.weight(vb.keys) or 1.0
        for i, score, _ in found:
            rows.append(features(vb, layer.live[i], score / total))
            labels.append(int(i == own and gold <= 1.5))
    return np.vstack(rows), np.asarray(labels)


def fit_head(x: np.ndarray, y: np.ndarray, only: Sequence[str] | None = None) -> dict[str, Any]:
    """A logistic head on standardised rows; with ``only``, every other feature is held at zero
    (its weight stays exactly 0.0)."""
    mean, std = x.mean(axis=0), x.std(axis=0)
    std = np.where(std > 1e-9, std, 1.0)  # constant features (no dates in the data) weigh nothing
    z = (x - mean) / std
    if only is not None:
        z[:, [i for i, n in enumerate(FEATURE_NAMES) if n not in only]] = 0.0
    model = LogisticRegression(C=1.0, max_iter=5000).fit(z, y)
    r = lambda a: [round(float(v), 6) for v in a]  # noqa: E731  (rounded: byte-identical retrains)
    return {"mean": r(mean), "std": r(std), "weights": r(model.coef_[0]),
            "bias": round(float(model.intercept_[0]), 6), "rows": int(len(y)), "positives": int(y.sum())}


def cluster_f1(items: Sequence[Any], gold: Sequence[str], heads: Heads, level: str, **params: Any) -> float:
    order = list(range(len(items)))
    labels, _, _ = cluster_labels(items, order, level, heads=heads, **params)
    return bcubed(labels, gold)["f1"]


def heads_of(model: dict[str, Any]) -> Heads:
    return Heads.from_dict(model)


def train(ecb: tuple[list, list[str]], slav: tuple[list, list[str]], pairs: Sequence[tuple[Any, Any, float]],
          log: bool = True) -> dict[str, Any]:
    x_ecb, y_ecb = replay_rows(*ecb)
    x_pairs, y_pairs = pair_rows(pairs)
    x_event, y_event = np.vstack([x_ecb, x_pairs]), np.concatenate([y_ecb, y_pairs])
    # the full event head leaves out the cosines weighed by the cluster's share in other languages:
    # the labelled data hold almost no cross-language events, so their weights were guesses that a
    # quarter less data turned around (entities, other language: 0.34 -> 0.76; its root -0.12 ->
    # -1.16), and they joined different events across languages (docs/evaluation.md)
    event = fit_head(x_event, y_event, EVENT_FEATURES)
    # for an article in a language its candidate lacks: the same rows, language-free features only
    event["across_languages"] = {k: v for k, v in fit_head(x_event, y_event, LANGUAGE_FREE).items()
                                 if k not in ("rows", "positives")}
    story_rows = [replay_rows(*reorder(*slav, seed)) for seed in STORY_TRAIN_ORDERS]
    story = fit_head(np.vstack([x for x, _ in story_rows]), np.concatenate([y for _, y in story_rows]))
    model: dict[str, Any] = {"feature_names": list(FEATURE_NAMES),
                             "event": {**event, "threshold": 0.5}, "story": {**story, "threshold": 0.3},
                             "story_merge": {"cosine": 0.45, "min_articles": MERGE_MIN}}
    # the mean over orders: in one order the ECB+ curve is jagged (±0.01 between neighbours), and a
    # half of the data once chose 0.15 by it, which grew catch-all stories on SlavicNER
    scores = {t: float(np.mean([cluster_f1(*reorder(*ecb, seed), heads_of(model), "event", event_threshold=t)
                                for seed in TUNE_ORDERS])) for t in EVENT_THRESHOLDS}
    # the highest threshold within 0.01 of the best F1: when F1 is about equal, prefer keeping
    # events apart (a wrong merge hides an event; a split only shows it twice)
    best = max(scores.values())
    model["event"]["threshold"] = max(t for t in EVENT_THRESHOLDS if scores[t] >= best - 0.01)
    if log:
        print("event threshold -> ECB+ BCubed F1 (mean of orders):", {t: round(s, 4) for t, s in scores.items()}, file=sys.stderr)
    merge_scores = {m: float(np.mean([cluster_f1(*reorder(*ecb, seed), heads_of({**model, "event_merge": {"probability": m}}),
                                                 "event") for seed in TUNE_ORDERS])) for m in EVENT_MERGES}
    # ties go to absorbing less (a higher probability, or never)
    model["event_merge"] = {"probability": max(EVENT_MERGES, key=lambda m: (round(merge_scores[m], 4), m or 1.0))}
    if log:
        print("event merge probability -> ECB+ BCubed F1 (mean of orders):",
              {str(m): round(s, 4) for m, s in merge_scores.items()}, file=sys.stderr)
    # the worst of file order and shuffled orders: the thresholds must hold whatever the arrival
    # order. The mean hid a weak one: on the tuning part (2026-12-07) the mean's choice, 0.2 / 0.3,
    # gave 0.76 in file order (a story swallowed others) against 0.92 shuffled.
    per_order = {(t, c): [cluster_f1(*reorder(*slav, seed), heads_of(model), "story", story_threshold=t,
                                     story_merge=c) for seed in TUNE_ORDERS]
                 for t in STORY_THRESHOLDS for c in MERGE_COSINES}
    grid = {k: float(min(v)) for k, v in per_order.items()}
    # ties go to keeping stories apart (a higher join threshold, a higher merge cosine)
    t, c = max(grid, key=lambda k: (round(grid[k], 4), k[0], k[1]))
    model["story"]["threshold"], model["story_merge"]["cosine"] = t, c
    if log:
        print("story threshold, merge cosine -> SlavicNER BCubed F1 per order:",
              {f"{a},{b}": [round(x, 4) for x in v] for (a, b), v in per_order.items()}, file=sys.stderr)
    model["tuned_f1"] = {"ecbplus_event_mean_of_orders": round(merge_scores[model["event_merge"]["probability"]], 4),
                         "slavicner_story_worst_order": round(grid[(t, c)], 4),
                         "slavicner_story_mean_of_orders": round(float(np.mean(per_order[(t, c)])), 4)}
    return model


def load(name: str, cache: Path | None) -> tuple[list, list[str], str]:
    path = DATA / f"{name}.jsonl"
    records = read_records(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    stored = cache / f"{name}-{digest}.pickle" if cache else None
    if stored and stored.exists():  # analyses of this very file, from an earlier run
        with stored.open("rb") as fh:
            analysed = pickle.load(fh)
    else:
        analysed = analyse_records(records)
        if stored:
            cache.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
            with stored.open("wb") as fh:
                pickle.dump(analysed, fh)
    keep = [i for i, untouched in enumerate(untouched_mask(path, records) or [False] * len(records))
            if not untouched]  # the untouched quarter is never trained nor tuned on
    return [analysed[i] for i in keep], [records[i]["cluster"] for i in keep], digest


def load_pairs(cache: Path | None) -> tuple[list[tuple[Any, Any, float]], str]:
    path = DATA / "semeval2022_pairs.jsonl"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    stored = cache / f"semeval2022_pairs-tuning-{digest}.pickle" if cache else None
    if stored and stored.exists():
        with stored.open("rb") as fh:
            return pickle.load(fh), digest
    records = select(dataset_of(path), read_pairs(str(path)), "tuning", raw=lambda r: {"id": r.id})
    docs, _ = analyse_pairs(records)
    pairs = [(a, b, r.gold) for (a, b), r in zip(docs, records) if r.gold is not None]
    if stored:
        cache.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
        with stored.open("wb") as fh:
            pickle.dump(pairs, fh)
    return pairs, digest


def halves(items: list, gold: list[str], fold_of: list[int], f: int) -> tuple[list, list[str]]:
    keep = [i for i, x in enumerate(fold_of) if x == f]
    return [items[i] for i in keep], [gold[i] for i in keep]


def cross_validate(ecb: tuple[list, list[str]], slav: tuple[list, list[str]],
                   pairs: Sequence[tuple[Any, Any, float]]) -> dict[str, Any]:
    """2-fold: ECB+ split by topic (unseen topics), SlavicNER by document (seeded halves); each
    fold trains and tunes on one half and is scored on the other (the SemEval pairs, another
    task's data, stay in every fold's training)."""
    topics = [re.match(r"\d+", g).group() for g in ecb[1]]  # type: ignore[union-attr]
    order = sorted(set(topics))
    random.Random(0).shuffle(order)
    first = set(order[: len(order) // 2])
    ecb_fold = [int(t in first) for t in topics]
    rng = random.Random(0)
    slav_fold = [rng.randint(0, 1) for _ in slav[1]]
    out: dict[str, Any] = {"ecbplus_event": [], "slavicner_story": [], "slavicner_story_shuffled": []}
    for f in (0, 1):
        model = train(halves(*ecb, ecb_fold, f), halves(*slav, slav_fold, f), pairs, log=False)
        heads = heads_of(model)
        out["ecbplus_event"].append(round(cluster_f1(*halves(*ecb, ecb_fold, 1 - f), heads, "event"), 4))
        held = halves(*slav, slav_fold, 1 - f)
        out["slavicner_story"].append(round(cluster_f1(*held, heads, "story"), 4))
        out["slavicner_story_shuffled"].append(round(cluster_f1(*reorder(*held, 1), heads, "story"), 4))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cv", action="store_true", help="Also print 2-fold held-out BCubed F1.")
    parser.add_argument("--check", action="store_true", help="Retrain and compare with the shipped file.")
    parser.add_argument("--out", type=Path, default=model_path())
    parser.add_argument("--cache", type=Path, default=None,
                        help="Keep the analyses of the data files here between runs (they take minutes).")
    args = parser.parse_args()
    ecb_items, ecb_gold, ecb_hash = load("ecbplus_events", args.cache)
    slav_items, slav_gold, slav_hash = load("slavicner_stories", args.cache)
    pairs, pairs_hash = load_pairs(args.cache)
    model = train((ecb_items, ecb_gold), (slav_items, slav_gold), pairs)
    model["trained_on"] = {"ecbplus_events.jsonl": ecb_hash, "slavicner_stories.jsonl": slav_hash,
                           "semeval2022_pairs.jsonl": pairs_hash}
    text = json.dumps(model, indent=1, sort_keys=True) + "\n"
    if args.check:
        same = args.out.read_text(encoding="utf-8") == text
        print("identical" if same else f"DIFFERENT from {args.out}")
        sys.exit(0 if same else 1)
    args.out.write_text(text, encoding="utf-8")
    print(json.dumps({"written": str(args.out), "thresholds": {"event": model["event"]["threshold"],
                      "event_merge": model["event_merge"],
                      "story": model["story"]["threshold"], "story_merge": model["story_merge"]},
                      "tuned_f1": model["tuned_f1"]}, indent=1))
    if args.cv:
        print(json.dumps({"cv_2fold_bcubed_f1": cross_validate((ecb_items, ecb_gold), (slav_items, slav_gold), pairs)}, indent=1))


if __name__ == "__main__":
    main()

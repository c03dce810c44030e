"""Measure optional sentence encoders as judge evidence on SemEval-2022 pairs (docs/similarity.md).

For each encoder spec: the cosine of the title + lead embeddings of each pair's two articles
(``dateline.encode.article_text``), alone and as a 41st feature beside the judge's 40, scored
with the same 5-fold cross-validation as ``scripts/train_judge.py`` (its ``fit`` and folds grouped
by article) on the file's tuning part; then fitted on the whole tuning part and scored on the
untouched part (``dateline.eval.parts``), as the shipped judge is; plus the encoder's throughput
in leads/s (median of 3 runs over a sample).

    python scripts/measure_encoders.py                         # use and e5, when installed
    python scripts/measure_encoders.py --encoders onnx:DIR,st:DIR --threads 2
    python scripts/measure_encoders.py --encoders e5 --pivot /usr/share/dictd   # with the dictionary pivot too

With ``--pivot DIR`` the English-pivot cosine of ``scripts/measure_pivot.py`` (FreeDict dictionaries,
installed apart) is added as well: the judge with the pivot alone, and with each encoder and the
pivot together, so that all the optional evidence is measured in one run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold
from train_judge import DEFAULT_DATA, article_groups, fit

from dateline.similarity.bilingual import Pivot
from dateline.encode import (
    EncoderError,
    EncoderUnavailable,
    article_text,
    cosines,
    load_encoder,
)
from dateline.eval.parts import dataset_of, select
from dateline.eval.pivot import pivot_cosines
from dateline.eval.similarity import PairRecord, analyse_pairs, pearson, read_pairs
from dateline.similarity.features import pair_features
from dateline.similarity.judge import Judge


def _judge(model: dict) -> Judge:
    # built directly: Judge.from_dict rejects feature lists other than the shipped 40
    return Judge(mean=np.asarray(model["mean"]), std=np.asarray(model["std"]),
                 prob_weights=np.asarray(model["probability"]["weights"]), prob_bias=model["probability"]["bias"],
                 score_weights=np.asarray(model["score"]["weights"]), score_bias=model["score"]["bias"])


def out_of_fold_scores(records: list[PairRecord], features: np.ndarray, gold: np.ndarray, folds: int) -> np.ndarray:
    """SemEval scores predicted for each pair by a judge trained on the other folds; the same
    folds and training as train_judge.cross_validate, for any number of features."""
    scores = np.zeros(len(gold))
    for train, test in GroupKFold(n_splits=folds).split(features, gold, article_groups(records)):
        scores[test] = _judge(fit(features[train], gold[train])).semeval_scores(features[test])
    return scores


def untouched_scores(features: np.ndarray, gold: np.ndarray, tuning: np.ndarray) -> np.ndarray:
    """Scores of the untouched pairs by a judge fitted on all the tuning pairs."""
    return _judge(fit(features[tuning], gold[tuning])).semeval_scores(features[~tuning])


def pearsons(pred: np.ndarray, gold: np.ndarray, langs: np.ndarray) -> dict[str, float]:
    masks = {"all": np.ones(len(gold), dtype=bool)} | {lp: langs == lp for lp in sorted(set(langs))}
    return {name: round(pearson(pred[m], gold[m]), 4) for name, m in masks.items()}


def throughput(encoder, texts: list[str], runs: int = 3) -> float:
    """Leads per second, median of ``runs`` encodings of ``texts``."""
    rates = []
    for _ in range(runs):
        started = time.perf_counter()
        encoder.encode(texts)
        rates.append(len(texts) / (time.perf_counter() - started))
    return round(statistics.median(rates), 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--encoders", default="use,e5", help="comma-separated specs (use, e5, onnx:DIR, st:DIR)")
    parser.add_argument("--threads", type=int, default=1, help="2 threads ran slower on a shared 2-core machine")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--speed-sample", type=int, default=200, help="leads encoded per throughput run")
    parser.add_argument("--pivot", type=Path, action="append", default=None,
                        help="where FreeDict X-eng dictd files are (e.g. /usr/share/dictd); may repeat")
    args = parser.parse_args(argv)

    every = read_pairs(args.data)
    tuning_ids = {r.id for r in select(dataset_of(args.data), every, "tuning", raw=lambda r: {"id": r.id})}
    records = sorted((r for r in every if r.gold is not None), key=lambda r: r.id)
    tuning = np.asarray([r.id in tuning_ids for r in records])
    docs, ctx = analyse_pairs(records)
    features = np.vstack([pair_features(a, b, ctx) for a, b in docs])
    gold = np.asarray([r.gold for r in records])
    langs = np.asarray([r.lang_pair for r in records])
    left = [article_text(a[0]) for a, _ in docs]
    right = [article_text(b[0]) for _, b in docs]
    unique = list(dict.fromkeys(left + right))
    tune_records = [r for r, t in zip(records, tuning) if t]

    def measured(x: np.ndarray) -> dict:
        """CV on the tuning part (the whole file where it is no dev file), and the untouched part
        scored by a judge fitted on all of the tuning part."""
        return {"cv_tuning": pearsons(out_of_fold_scores(tune_records, x[tuning], gold[tuning], args.folds),
                                      gold[tuning], langs[tuning]),
                "untouched": pearsons(untouched_scores(x, gold, tuning), gold[~tuning], langs[~tuning])
                if (~tuning).sum() > 2 else None}

    without = measured(features)
    report: dict = {"data": args.data, "pairs": len(records), "tuning_pairs": int(tuning.sum()),
                    "untouched_pairs": int((~tuning).sum()), "articles": len(unique), "folds": args.folds,
                    "threads": args.threads, "judge_40_features": without, "encoders": {}}
    pivot = None
    if args.pivot:
        dictionaries = Pivot.load(dirs=args.pivot)  # each read on first use
        langs_needed = sorted({x for r in records for x in (r.lang1, r.lang2)} - {"en"})
        covered = [x for x in langs_needed if dictionaries.covers(x)]
        if not covered:
            print(f"--pivot: no FreeDict X-eng dictionary for {', '.join(langs_needed) or 'these pairs'} in "
                  f"{', '.join(map(str, args.pivot))} (see scripts/measure_pivot.py)", file=sys.stderr)
            return 2
        pivot, _ = pivot_cosines(records, dictionaries)
        with_pivot = measured(np.column_stack([features, pivot]))
        report["pivot"] = {"languages": covered, "judge_plus_pivot": with_pivot}
    for spec in filter(None, args.encoders.split(",")):
        try:
            started = time.perf_counter()
            encoder = load_encoder(spec, threads=args.threads)
            load_s = time.perf_counter() - started
        except (EncoderError, EncoderUnavailable) as exc:
            print(f"skipped: {exc}", file=sys.stderr)
            continue
        cos = cosines(encoder, left, right)
        with_enc = measured(np.column_stack([features, cos]))
        report["encoders"][spec] = {
            "dim": encoder.dim,
            "load_seconds": round(load_s, 2),
            "leads_per_second": throughput(encoder, unique[: args.speed_sample]),
            "cosine_alone": pearsons(-cos, gold, langs),  # gold 1 = same story: negate for a positive r
            "judge_41_features": with_enc,
            "gain": {part: {k: round(with_enc[part][k] - without[part][k], 4) for k in with_enc[part]}
                     for part in with_enc if with_enc[part] is not None},
        }
        if pivot is not None:
            report["encoders"][spec]["judge_plus_encoder_and_pivot"] = measured(np.column_stack([features, cos, pivot]))
    print(json.dumps(report, indent=1))
    # the markdown table of docs/similarity.md (on stderr: stdout stays one JSON document)
    def pair(d: dict | None, fmt: str = "{}") -> str:
        if d is None:
            return "—"
        return " / ".join(fmt.format(d[k]) if k in d else "—" for k in ("all", "de-en"))

    print("\n| encoder | leads/s | cosine alone, whole file | judge + cosine, CV tuning | judge + cosine, untouched | "
          "gain untouched |\n|---|---|---|---|---|---|", file=sys.stderr)
    print(f"| none (40 features) | — | — | {pair(without['cv_tuning'])} | {pair(without['untouched'])} | — |",
          file=sys.stderr)
    for spec, r in report["encoders"].items():
        j = r["judge_41_features"]
        print(f"| {spec} | {r['leads_per_second']} | {pair(r['cosine_alone'])} | {pair(j['cv_tuning'])} | "
              f"{pair(j['untouched'])} | {pair(r['gain'].get('untouched'), '{:+.3f}')} |", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

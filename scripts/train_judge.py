"""Train the similarity judge (src/dateline/data/similarity-judge.json) on SemEval-2022 pairs.

Reproducible: the pairs are sorted by id, the solvers are deterministic, and the weights are
rounded to 8 significant digits before writing, so retraining gives a byte-identical file
(``--check`` verifies that). Reports 5-fold cross-validated Pearson with folds grouped by
connected components of the article graph, so no article is in both a train and a test fold;
the shipped model is then trained on all the tuning pairs. The untouched quarter of the file
(``dateline.eval.parts``) is never read here: ``dateline eval similarity`` scores it apart.

    python scripts/train_judge.py                      # train, write JSON + provenance
    python scripts/train_judge.py --check              # retrain, verify the JSON is unchanged
    python scripts/train_judge.py --data F --out J --folds 0   # any file of pairs, no CV
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.model_selection import GroupKFold

from dateline.eval.parts import dataset_of, pair_components, select
from dateline.eval.similarity import (
    PairRecord,
    char_tfidf_cosines,
    pair_feature_matrix,
    pearson,
    read_pairs,
    spearman,
)
from dateline.similarity.features import FEATURE_NAMES
from dateline.similarity.judge import SCALE, Judge, model_path

DEFAULT_DATA = "../shared/data/dev/semeval2022_pairs.jsonl"
SAME_STORY = 1.5  # gold overall at or below this = "same event" for the probability head
PARAMS = {"ridge_alpha": 1.0, "logistic_C": 1.0}


def _round(values: np.ndarray) -> list[float]:
    # 8 significant digits: far below any effect on scores, far above float noise between runs
    return [float(f"{v:.8g}") for v in np.asarray(values, dtype=np.float64)]


def fit(features: np.ndarray, gold: np.ndarray) -> dict:
    """Both heads on standardised features; returns the JSON-ready model."""
    mean = features.mean(axis=0)
    std = features.std(axis=0)
    std[std == 0] = 1.0  # a constant feature (e.g. no publication dates in the data) stays inert
    z = (features - mean) / std
    same = (gold <= SAME_STORY).astype(int)
    logistic = LogisticRegression(C=PARAMS["logistic_C"], max_iter=5000).fit(z, same)
    ridge = Ridge(alpha=PARAMS["ridge_alpha"]).fit(z, gold)
    return {
        "format": 1,
        "feature_names": list(FEATURE_NAMES),
        "mean": _round(mean),
        "std": _round(std),
        "probability": {"target": f"overall <= {SAME_STORY}", "model": "logistic regression",
                        "weights": _round(logistic.coef_[0]), "bias": _round(logistic.intercept_)[0]},
        "score": {"target": "overall", "model": "ridge regression", "clip": list(SCALE),
                  "weights": _round(ridge.coef_), "bias": _round(np.atleast_1d(ridge.intercept_))[0]},
    }


def dumps(model: dict) -> str:
    return json.dumps(model, indent=1, sort_keys=True) + "\n"


def article_groups(records: list[PairRecord]) -> np.ndarray:
    """Connected components of the graph whose edges are pairs and nodes article ids."""
    return np.asarray(pair_components([r.id for r in records]))


def cross_validate(records: list[PairRecord], features: np.ndarray, gold: np.ndarray, folds: int) -> dict:
    score = np.zeros(len(gold))
    prob = np.zeros(len(gold))
    for train, test in GroupKFold(n_splits=folds).split(features, gold, article_groups(records)):
        judge = Judge.from_dict(fit(features[train], gold[train]))
        score[test] = judge.semeval_scores(features[test])
        prob[test] = judge.probabilities(features[test])
    baseline = 4.0 - 3.0 * char_tfidf_cosines(records)
    same = (gold <= SAME_STORY).astype(float)
    langs = np.asarray([r.lang_pair for r in records])

    def corr(pred: np.ndarray, mask: np.ndarray) -> dict:
        return {"pearson": round(pearson(pred[mask], gold[mask]), 4),
                "spearman": round(spearman(pred[mask], gold[mask]), 4)}

    everything = np.ones(len(gold), dtype=bool)
    return {
        "folds": folds,
        "judge": corr(score, everything),
        "baseline_char_tfidf": corr(baseline, everything),
        "probability_brier": round(float(np.mean((prob - same) ** 2)), 4),
        "probability_mean_vs_rate": [round(float(prob.mean()), 4), round(float(same.mean()), 4)],
        "by_lang_pair": {lp: {"pairs": int((langs == lp).sum()), "judge": corr(score, langs == lp),
                              "baseline_char_tfidf": corr(baseline, langs == lp)}
                         for lp in sorted(set(langs))},
    }


def provenance(data: str, records: int, cv: dict | None, out: Path) -> str:
    lines = [
        f"# {out.name}: provenance", "",
        "The similarity judge: logistic regression (probability of the same event, gold SemEval",
        f"`overall` <= {SAME_STORY}) and ridge regression (SemEval score) over the features of",
        "`dateline.similarity.features`, standardised. Scored with numpy alone (`dateline.similarity.judge`).", "",
        "## Data",
        f"- `{data}`: {records} pairs, its tuning part (the untouched quarter of `dateline.eval.parts` is",
        "  never trained on), from the SemEval-2022 Task 8 training release (news articles released for",
        "  research). The licence allows training internal models and shipping a model with this note,",
        "  **for research use**. No text from the data is in this repository.", "",
        "## Training",
        f"- Command (repository root, venv active): `python scripts/train_judge.py --data {data}`",
        f"- Date: {datetime.date.today().isoformat()}; scikit-learn {sklearn.__version__}, numpy {np.__version__}",
        f"- Parameters: `{json.dumps(PARAMS, sort_keys=True)}`; pairs sorted by id; weights rounded to 8 significant digits.",
        "- Check that retraining gives the same file: `python scripts/train_judge.py --check` (byte-identical",
        "  with the library versions above; other scikit-learn/numpy versions may move the 8th digit).", "",
    ]
    if cv:
        lines += [f"## {cv['folds']}-fold cross-validation, folds grouped by article (honest dev estimate)", "",
                  (f"Overall: judge Pearson {cv['judge']['pearson']} / Spearman {cv['judge']['spearman']}; "
                   f"char n-gram TF-IDF baseline Pearson {cv['baseline_char_tfidf']['pearson']} / "
                   f"Spearman {cv['baseline_char_tfidf']['spearman']}. Probability Brier score "
                   f"{cv['probability_brier']}."), "",
                  "| pair | n | judge Pearson | judge Spearman | baseline Pearson | baseline Spearman |",
                  "|---|---|---|---|---|---|"]
        for lp, row in cv["by_lang_pair"].items():
            lines.append(f"| {lp} | {row['pairs']} | {row['judge']['pearson']} | {row['judge']['spearman']} | "
                         f"{row['baseline_char_tfidf']['pearson']} | {row['baseline_char_tfidf']['spearman']} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=model_path())
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (0: none)")
    parser.add_argument("--check", action="store_true", help="retrain and verify --out is byte-identical")
    args = parser.parse_args(argv)

    tuning = select(dataset_of(args.data), read_pairs(args.data), "tuning", raw=lambda r: {"id": r.id})
    records = sorted((r for r in tuning if r.gold is not None), key=lambda r: r.id)
    features = pair_feature_matrix(records)
    gold = np.asarray([r.gold for r in records])
    text = dumps(fit(features, gold))
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'identical' if same else 'DIFFERS from a fresh training run'}")
        return 0 if same else 1
    cv = cross_validate(records, features, gold, args.folds) if args.folds > 1 else None
    args.out.write_text(text, encoding="utf-8")
    note = args.out.with_name(args.out.name.removesuffix(".json") + ".PROVENANCE.md")
    note.write_text(provenance(args.data, len(records), cv, args.out), encoding="utf-8")
    print(json.dumps({"out": str(args.out), "pairs": len(records), "cv": cv}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

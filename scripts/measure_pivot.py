"""Measure an English pivot through installed bilingual dictionaries as similarity evidence.

For every SemEval pair, the English-pivot cosine of ``dateline eval similarity --pivot``
(``dateline.eval.pivot.pivot_cosines``: both raw texts as bags of English stems through FreeDict
X-to-English dictionaries, TF-IDF over the file's texts) is scored alone and as a feature
beside the judge's (for every pair, and for pairs in two languages only), with the same 5-fold
cross-validation as ``scripts/train_judge.py`` (``measure_encoders.out_of_fold_scores``). A pair
with a language no dictionary covers gets cosine 0 and is counted in ``uncovered_pairs``.

The dictionaries are GPL and never shipped; install them first, for the dev file's languages:

    apt-get install dict-freedict-deu-eng dict-freedict-spa-eng dict-freedict-fra-eng \\
        dict-freedict-pol-eng dict-freedict-tur-eng dict-freedict-ara-eng
    python scripts/measure_pivot.py [--dict-dir /usr/share/dictd]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from measure_encoders import out_of_fold_scores, pearsons
from train_judge import DEFAULT_DATA

from dateline.similarity.bilingual import DICT_DIRS, Pivot, installed
from dateline.eval.pivot import pivot_cosines
from dateline.eval.similarity import analyse_pairs, read_pairs
from dateline.similarity.features import pair_features


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--dict-dir", type=Path, action="append", default=None,
                        help=f"where the dictd files are (default {DICT_DIRS[0]}); may repeat")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    dirs = args.dict_dir or list(DICT_DIRS)

    records = sorted((r for r in read_pairs(args.data) if r.gold is not None), key=lambda r: r.id)
    langs_needed = sorted({x for r in records for x in (r.lang1, r.lang2)} - {"en"})
    found = installed(dirs)
    started = time.perf_counter()
    pivot = Pivot({lang: found[lang] for lang in langs_needed if lang in found})
    for lang in pivot.languages:
        pivot.stems("", lang)  # reads the dictionary now, so the rate below is the pivot's alone
    load_s = time.perf_counter() - started
    if not pivot.languages:
        print(f"no FreeDict X-eng dictionary found in {', '.join(map(str, dirs))}; see this script's help", file=sys.stderr)
        return 2

    docs, ctx = analyse_pairs(records)
    features = np.vstack([pair_features(a, b, ctx) for a, b in docs])
    gold = np.asarray([r.gold for r in records])
    langs = np.asarray([r.lang_pair for r in records])

    started = time.perf_counter()
    cos, covered = pivot_cosines(records, pivot)
    pivot_s = time.perf_counter() - started
    without = pearsons(out_of_fold_scores(records, features, gold, args.folds), gold, langs)
    with_pivot = pearsons(out_of_fold_scores(records, np.column_stack([features, cos]), gold, args.folds), gold, langs)
    across = np.asarray([r.lang1 != r.lang2 for r in records])
    with_across = pearsons(out_of_fold_scores(records, np.column_stack([features, cos * across]), gold, args.folds),
                           gold, langs)
    report = {
        "data": args.data, "pairs": len(records), "folds": args.folds,
        "dictionaries": {lang: {"file": str(found[lang]), "headwords": n} for lang, n in pivot.loaded().items()},
        "languages_without_dictionary": [x for x in langs_needed if not pivot.covers(x)],
        "uncovered_pairs": int((~covered).sum()),
        "load_seconds": round(load_s, 1),
        "pairs_per_second": round(len(records) / pivot_s, 1) if pivot_s else None,
        "cosine_alone": pearsons(-cos, gold, langs),  # gold 1 = same story: negate for a positive r
        "judge": without,
        "judge_plus_pivot": with_pivot,
        "gain": {k: round(with_pivot[k] - without[k], 4) for k in with_pivot},
        "judge_plus_pivot_across_languages_only": with_across,
        "gain_across_languages_only": {k: round(with_across[k] - without[k], 4) for k in with_across},
    }
    print(json.dumps(report, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())

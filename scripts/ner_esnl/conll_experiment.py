#!/usr/bin/env python
"""Quick NER feature experiments: train on CoNLL train only (no SlavicNER), score on CoNLL dev.

About 15 minutes per run on one core of a loaded machine (the full model: about 35). Used to
compare feature variants of ``dateline.analyze.ner`` before a full retrain (see README.md here).

    PYTHONPATH=src:scripts python scripts/ner_esnl/conll_experiment.py /tmp/m.crfsuite [c1 c2 iterations]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import train_ner as T

from dateline.analyze.ner import CrfTagger
from dateline.eval.entities import evaluate_entities


def main() -> int:
    out = sys.argv[1]
    c1 = float(sys.argv[2]) if len(sys.argv) > 2 else T.PARAMS["c1"]
    c2 = float(sys.argv[3]) if len(sys.argv) > 3 else T.PARAMS["c2"]
    iterations = int(sys.argv[4]) if len(sys.argv) > 4 else T.PARAMS["max_iterations"]
    params = {**T.PARAMS, "c1": c1, "c2": c2, "max_iterations": iterations}
    info = T.train(Path(out), True, params, "conll")
    print(json.dumps(info), flush=True)
    sc = evaluate_entities(T.CONLL_DEV, tagger=CrfTagger(out))
    res = {k: v["f1"] for k, v in sc["per_language"].items()}
    res["all"] = sc["f1"]
    print("RESULT", out, json.dumps(res), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

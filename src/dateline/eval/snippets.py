"""``dateline eval snippets``: ACLED-style subtype of news snippets against gold labels.

Input: JSON Lines ``{id, lang, text, label}`` (the format of ``case2021_snippets.jsonl``)."""

from __future__ import annotations

import json
import time
from typing import TextIO

from dateline.eval.labels import per_label, summary, training_overlap
from dateline.eval.parts import split_of
from dateline.frame.snippets import default_model, label_snippet


def evaluate_snippets(path: str, predictions: TextIO | None = None) -> dict:
    with open(path, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    model = default_model()
    started = time.perf_counter()
    labelled = [label_snippet(r["text"], model) for r in records]
    elapsed = time.perf_counter() - started
    if predictions is not None:
        for r, p in zip(records, labelled, strict=True):
            predictions.write(json.dumps({"id": r["id"], "label": p.label, "score": p.score}) + "\n")
    split = split_of(path, records)
    untouched = None
    if split is not None:
        part = split.untouched
        untouched = {**_figures([records[i] for i in part], [labelled[i] for i in part]),
                     "split": split.summary(),
                     "model_trained_on": training_overlap(model.meta, [records[i]["text"] for i in part])
                     ["records_seen_in_training"]}
    return {
        **_figures(records, labelled),
        "untouched": untouched,
        "model": {**training_overlap(model.meta, [r["text"] for r in records]),
                  "cv_on_its_training_data": {k: v for k, v in model.meta.get("cv", {}).items()
                                              if k != "per_label"}},
        "records_per_second": round(len(records) / elapsed, 1) if elapsed else None,
        "seconds": round(elapsed, 2),
    }


def _figures(records: list[dict], labelled: list) -> dict:
    scored = [(r["label"], p.label) for r, p in zip(records, labelled, strict=True) if r.get("label")]
    gold, pred = [g for g, _ in scored], [p for _, p in scored]
    return {"records": len(records), **summary(gold, pred), "per_label": per_label(gold, pred)}

"""Single-label classification figures shared by the event evals and the training script."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence


def per_label(gold: Sequence[str], pred: Sequence[str | None]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support for every label seen in gold or predictions."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fn[g] += 1
            if p is not None:
                fp[p] += 1
    out = {}
    for label in sorted(set(gold) | {p for p in pred if p is not None}):
        prec = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        rec = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[label] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                      "support": tp[label] + fn[label]}
    return out


def accuracy(gold: Sequence[str], pred: Sequence[str | None]) -> float:
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 0.0


def macro_f1(gold: Sequence[str], pred: Sequence[str | None]) -> float:
    """Mean F1 over the gold labels (a label only ever predicted, never gold, is not averaged in)."""
    table = per_label(gold, pred)
    labels = sorted(set(gold))
    return sum(table[label]["f1"] for label in labels) / len(labels) if labels else 0.0


def summary(gold: Sequence[str], pred: Sequence[str | None]) -> dict:
    return {"accuracy": round(accuracy(gold, pred), 4), "macro_f1": round(macro_f1(gold, pred), 4)}


def text_key(text: str) -> str:
    """Short content hash of a record's text: models store these to tell what they were trained on."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:10]


def training_overlap(meta: dict, texts: Sequence[str]) -> dict:
    """How many of these texts the model was trained on (by the hashes its provenance keeps)."""
    seen = set(meta.get("trained_on", ()))
    hits = sum(text_key(t) in seen for t in texts)
    return {"trained_on_this_file": bool(texts) and hits >= len(texts) / 2, "records_seen_in_training": hits}

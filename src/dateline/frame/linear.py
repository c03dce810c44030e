"""A multi-class linear model over ``textfeatures.Vectorizer`` vectors, stored as plain JSON and
scored with numpy alone (scikit-learn only trains it, in ``scripts/train_event_types.py``)."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dateline.frame.textfeatures import Vectorizer
from dateline.packaged import data_path

__all__ = ["LinearModel", "data_path"]


@dataclass(frozen=True)
class LinearModel:
    vectorizer: Vectorizer
    classes: tuple[str, ...]
    weights: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)
    kind: str  # "logistic" (scores are log-odds, softmax gives probabilities) or "svm" (margins)
    meta: dict

    @classmethod
    def from_dict(cls, d: dict) -> LinearModel:
        vectorizer = Vectorizer.from_dict(d["vectorizer"])
        classes = tuple(d["classes"])
        weights = np.zeros((len(vectorizer.vocabulary), len(classes)), dtype=np.float64)
        for j, label in enumerate(classes):  # sparse per class: small weights were pruned
            sparse = d["weights"][label]
            weights[np.asarray(sparse["cols"], dtype=np.int64), j] = sparse["vals"]
        return cls(vectorizer, classes, weights, np.asarray(d["bias"], dtype=np.float64), d["kind"],
                   d.get("meta", {}))

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        opener = gzip.open if path.suffix == ".gz" else open  # large models ship gzipped
        with opener(path, "rt", encoding="utf-8") as fh:
            return cls.from_dict(json.load(fh))

    def scores(self, text: str, extra: dict[str, float] | None = None) -> np.ndarray:
        vec = self.vectorizer.transform(text, extra)
        if not vec:
            return self.bias.copy()
        cols = np.fromiter(vec.keys(), dtype=np.int64, count=len(vec))
        vals = np.fromiter(vec.values(), dtype=np.float64, count=len(vec))
        return vals @ self.weights[cols] + self.bias

    def probabilities(self, scores: np.ndarray) -> np.ndarray:
        """Softmax of the scores (for an SVM, a monotone squashing of the margins, not calibrated)."""
        z = scores - scores.max()
        e = np.exp(z)
        return e / e.sum()

"""The learned heads that decide whether an article joins a cluster: one for events, one for stories.

Each is a logistic model over :data:`~dateline.cluster.centroid.FEATURE_NAMES` (standardised),
stored as plain JSON with the threshold chosen for it, scored with numpy alone. They are trained
by ``scripts/train_cluster_heads.py`` on article-to-cluster decisions replayed from labelled
streams (ECB+ events, SlavicNER stories); scikit-learn is needed only there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dateline.cluster.centroid import FEATURE_NAMES
from dateline.packaged import ModelMismatch, check_features, data_path, sigmoid

MODEL_NAME = "cluster-heads.json"


def model_path() -> Path:
    return data_path(MODEL_NAME)


class HeadError(ModelMismatch):
    """The heads file does not match the features this version computes."""


@dataclass(frozen=True)
class Head:
    mean: np.ndarray
    std: np.ndarray
    weights: np.ndarray
    bias: float
    threshold: float

    @classmethod
    def from_dict(cls, d: dict) -> Head:
        return cls(np.asarray(d["mean"], dtype=np.float64), np.asarray(d["std"], dtype=np.float64),
                   np.asarray(d["weights"], dtype=np.float64), float(d["bias"]), float(d["threshold"]))

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        return sigmoid(((np.asarray(features, dtype=np.float64) - self.mean) / self.std) @ self.weights + self.bias)

    def contributions(self, features: np.ndarray) -> dict[str, float]:
        """Each feature's share of the logit for one row: what tied an article to its cluster."""
        parts = ((np.asarray(features, dtype=np.float64) - self.mean) / self.std) * self.weights
        return {n: float(x) for n, x in zip(FEATURE_NAMES, parts)}


@dataclass(frozen=True)
class Heads:
    event: Head
    story: Head
    story_merge: float  # entity-centroid cosine at which two stories merge
    story_merge_min: int  # ... when both have at least this many articles

    @classmethod
    def from_dict(cls, model: dict) -> Heads:
        check_features(model, FEATURE_NAMES, MODEL_NAME, "scripts/train_cluster_heads.py", HeadError)
        return cls(Head.from_dict(model["event"]), Head.from_dict(model["story"]),
                   float(model["story_merge"]["cosine"]), int(model["story_merge"]["min_articles"]))

    @classmethod
    def load(cls, path: Path | None = None) -> Heads:
        with open(path or model_path(), encoding="utf-8") as fh:
            return cls.from_dict(json.load(fh))

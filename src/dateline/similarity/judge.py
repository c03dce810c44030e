"""The learned judge: turns a feature vector into a probability of "same event" and a SemEval score.

Two linear heads over standardised features, stored as plain JSON and scored with numpy alone
(scikit-learn is only needed to train them, in ``scripts/train_judge.py``):
- ``probability``: logistic regression on "same story" (gold SemEval ``overall`` <= 1.5); a
  logistic model fitted by maximum likelihood is calibrated by construction on its training
  distribution, so its output is used as the probability directly;
- ``semeval_score``: ridge regression on ``overall`` itself, clipped to the 1-4 scale
  (1 = same story, 4 = unrelated).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dateline.packaged import ModelMismatch, check_features, data_path, sigmoid
from dateline.similarity.features import FEATURE_NAMES

MODEL_NAME = "similarity-judge.json"
SCALE = (1.0, 4.0)


def model_path() -> Path:
    return data_path(MODEL_NAME)


class JudgeError(ModelMismatch):
    """The judge file does not match the features this version computes."""


@dataclass(frozen=True)
class Judge:
    mean: np.ndarray
    std: np.ndarray
    prob_weights: np.ndarray
    prob_bias: float
    score_weights: np.ndarray
    score_bias: float

    @classmethod
    def from_dict(cls, model: dict) -> Judge:
        check_features(model, FEATURE_NAMES, MODEL_NAME, "scripts/train_judge.py", JudgeError)
        return cls(
            mean=np.asarray(model["mean"], dtype=np.float64),
            std=np.asarray(model["std"], dtype=np.float64),
            prob_weights=np.asarray(model["probability"]["weights"], dtype=np.float64),
            prob_bias=float(model["probability"]["bias"]),
            score_weights=np.asarray(model["score"]["weights"], dtype=np.float64),
            score_bias=float(model["score"]["bias"]),
        )

    @classmethod
    def load(cls, path: Path | None = None) -> Judge:
        with open(path or model_path(), encoding="utf-8") as fh:
            return cls.from_dict(json.load(fh))

    def _standardise(self, features: np.ndarray) -> np.ndarray:
        return (np.asarray(features, dtype=np.float64) - self.mean) / self.std

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """Probability of "same event" for one vector or a matrix of them (one row a pair)."""
        return sigmoid(self._standardise(features) @ self.prob_weights + self.prob_bias)

    def semeval_scores(self, features: np.ndarray) -> np.ndarray:
        return np.clip(self._standardise(features) @ self.score_weights + self.score_bias, *SCALE)

    def probability(self, features: np.ndarray) -> float:
        return float(self.probabilities(features))

    def semeval_score(self, features: np.ndarray) -> float:
        return float(self.semeval_scores(features))

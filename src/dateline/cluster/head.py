"""The learned heads that decide whether an article joins a cluster: one for events, one for stories.

Each is a logistic model over :data:`~dateline.cluster.centroid.FEATURE_NAMES` (standardised),
stored as plain JSON with the threshold chosen for it, scored with numpy alone. They are trained
by ``scripts/train_cluster_heads.py`` on article-to-cluster decisions replayed from labelled
streams (ECB+ events, SlavicNER stories); scikit-learn is needed only there.

The event head carries a second model for an article whose language none of the cluster's
articles is in (``across``): it weighs only the language-free features
(:data:`~dateline.cluster.centroid.LANGUAGE_FREE`). The labelled data hold almost no
cross-language events (13 German-English SemEval pairs against thousands of same-language
rows), so the full head's weights on word overlap across languages are guesses, and where words
cannot be compared it read their silence as another event. The second head is what the same
rows teach about entities, people and numbers alone: where words cannot be compared, judge on
what can. It judges only when both sides are dated (within the event window by construction):
shared entities say "same happening" only together with close days. Undated, the window is
thousands of articles long, and entities alone joined different happenings of one long story
(SlavicNER, undated: story BCubed F1 0.832 -> 0.814 in file order, 0.855 -> 0.820 shuffled).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dateline.cluster.centroid import FEATURE_NAMES
from dateline.packaged import ModelMismatch, check_features, data_path, sigmoid

MODEL_NAME = "cluster-heads.json"
_SHARE = FEATURE_NAMES.index("same_lang_share")  # 0.0: no article of the cluster is in the article's language
_UNDATED = FEATURE_NAMES.index("day_missing")  # 1.0: the article or the cluster has no day


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
    across: Head | None = None  # judges dated rows of an article in a language the cluster lacks

    @classmethod
    def from_dict(cls, d: dict) -> Head:
        across = d.get("across_languages")
        return cls(np.asarray(d["mean"], dtype=np.float64), np.asarray(d["std"], dtype=np.float64),
                   np.asarray(d["weights"], dtype=np.float64), float(d["bias"]), float(d["threshold"]),
                   cls.from_dict({**across, "threshold": d["threshold"]}) if across else None)

    def _own(self, x: np.ndarray) -> np.ndarray:
        return sigmoid(((x - self.mean) / self.std) @ self.weights + self.bias)

    @staticmethod
    def _across_rows(x: np.ndarray) -> np.ndarray:
        return (x[..., _SHARE] == 0.0) & (x[..., _UNDATED] == 0.0)

    def _judge(self, row: np.ndarray) -> Head:
        return self.across if self.across is not None and self._across_rows(row) else self

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        x = np.asarray(features, dtype=np.float64)
        p = self._own(x)
        if self.across is not None:
            p = np.where(self._across_rows(x), self.across._own(x), p)
        return p

    def contributions(self, features: np.ndarray) -> dict[str, float]:
        """Each feature's share of the logit for one row: what tied an article to its cluster."""
        x = np.asarray(features, dtype=np.float64)
        head = self._judge(x)
        parts = ((x - head.mean) / head.std) * head.weights
        return {n: float(v) for n, v in zip(FEATURE_NAMES, parts)}


@dataclass(frozen=True)
class Heads:
    event: Head
    story: Head
    story_merge: float  # entity-centroid cosine at which two stories merge
    story_merge_min: int  # ... when both have at least this many articles
    event_merge: float | None = None  # event head probability at which a small event joins a grown one

    @classmethod
    def from_dict(cls, model: dict) -> Heads:
        check_features(model, FEATURE_NAMES, MODEL_NAME, "scripts/train_cluster_heads.py", HeadError)
        merge = model.get("event_merge", {}).get("probability")
        return cls(Head.from_dict(model["event"]), Head.from_dict(model["story"]),
                   float(model["story_merge"]["cosine"]), int(model["story_merge"]["min_articles"]),
                   None if merge is None else float(merge))

    @classmethod
    def load(cls, path: Path | None = None) -> Heads:
        with open(path or model_path(), encoding="utf-8") as fh:
            return cls.from_dict(json.load(fh))

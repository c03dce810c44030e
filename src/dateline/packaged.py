"""Model files shipped inside the package (``dateline/data``), and the check that keeps a
feature-based model in step with the code that computes its features."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np


def data_path(name: str) -> Path:
    return Path(str(resources.files("dateline") / "data" / name))


def code_digest(package: str, data: Sequence[str] = ()) -> str:
    """A hash of a subpackage's code (its ``.py`` files) and of the named data files: results
    kept in the store are keyed by it, so that another version of the code computes them again,
    with no version number to remember to bump."""
    digest = hashlib.sha256()
    for entry in sorted(resources.files(package).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".py"):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    for name in data:
        digest.update(name.encode() + b"\0" + data_path(name).read_bytes())
    return digest.hexdigest()[:16]


class ModelMismatch(ValueError):
    """A model file was trained on other features than this version computes."""


def check_features(model: dict, expected: Sequence[str], name: str, script: str,
                   error: type[ModelMismatch] = ModelMismatch) -> None:
    """Refuse a model whose ``feature_names`` differ from ``expected``: its weights would be
    applied to the wrong columns without any error."""
    names = tuple(model["feature_names"])
    if names != tuple(expected):
        raise error(f"{name} was trained on other features ({len(names)} vs {len(expected)}); "
                    f"retrain it with {script}")


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0)))

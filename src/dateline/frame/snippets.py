"""ACLED-style subtype of a short English news snippet (the CASE 2021 label set: ARMED_CLASH,
PEACE_PROTEST, AIR_STRIKE, ...): ``label_snippet(text) -> SnippetLabel``.

A linear SVM over character n-grams of words (robust to the inflections and misspellings of news
snippets) plus a few event cues: PLOVER trigger-lexicon scores and whether people were reported
killed or injured. Weights in ``data/case-snippet-model.json.gz``, trained by
``scripts/train_event_types.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dateline.frame.events import lexicon_scores, trigger_hits
from dateline.frame.linear import LinearModel, data_path

MODEL_NAME = "case-snippet-model.json.gz"
_CASUALTIES = re.compile(r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|scores|hundreds)"
                         r"\s+(?:\w+\s+){0,3}?(killed|dead|died|injured|wounded|hurt)\b", re.IGNORECASE)


@dataclass(frozen=True)
class SnippetLabel:
    label: str
    score: float  # softmax of the SVM margins: an ordering, not a calibrated probability


def snippet_features(text: str, lang: str | None = "en") -> dict[str, float]:
    """Extra features beside the n-grams: lexicon score per PLOVER type, casualty mentions."""
    scores = lexicon_scores(trigger_hits(text, lang))
    extra = {f"lex:{t}": s / (1.0 + s) for t, s in scores.items() if s}
    for m in _CASUALTIES.finditer(text):
        kind = "killed" if m.group(1).lower() in ("killed", "dead", "died") else "injured"
        extra[f"casualties:{kind}"] = 1.0
    return extra


@lru_cache(maxsize=1)
def default_model() -> LinearModel:
    return LinearModel.load(data_path(MODEL_NAME))


def label_snippet(text: str, model: LinearModel | None = None, use_extra: bool = True) -> SnippetLabel:
    model = model or default_model()
    extra = snippet_features(text) if use_extra else None
    scores = model.scores(text, extra)
    best = int(scores.argmax())
    return SnippetLabel(model.classes[best], round(float(model.probabilities(scores)[best]), 4))

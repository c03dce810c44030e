"""PLOVER event typing of a sentence or short text: ``classify_event(text, lang) -> EventType``.

Two layers:
1. trigger lexicons (``lexicon.py``) in en, it, fr, es, de, ru, pt: every type scores the
   patterns it matched, a multi-word pattern counting for its length and a hit in a later sentence
   counting less (the lead sentence of a report states its event);
2. for English, the language it was trained on, a learned linear model
   (``data/plover-event-model.json``) over word n-grams plus the lexicon scores as features; it
   decides the type where it is available, the lexicon elsewhere.
Mode (e.g. CONSULT: meet, visit, phone, third-party) and context (military, economic, ...) come
from small language-independent pattern lists and are left empty when nothing matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dateline.frame.lexicon import Hit, context_patterns, mode_patterns, type_patterns
from dateline.frame.linear import LinearModel, data_path
from dateline.frame.plover import PLOVER_TYPES

MODEL_NAME = "plover-event-model.json"
_SENTENCE_END = re.compile(r"[.!?。]+[\"'”»)]*\s+(?=[\"'“«(]?[A-ZÀ-ÖØ-ÞА-ЯЁ])")


@dataclass(frozen=True)
class EventType:
    type: str | None  # a PLOVER type, None when no trigger and no model
    mode: str | None
    context: str | None
    score: float  # model probability, or the lexicon's share of trigger weight
    trigger_start: int | None  # span of the trigger in the text
    trigger_end: int | None
    trigger: str | None
    method: str  # "model" or "lexicon"


def _sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def _outermost(hits: list[Hit]) -> list[Hit]:
    """Drop hits inside a longer one (``called for sanctions`` hides ``sanction*``, ``call* for``)."""
    return [h for h in hits if not any(o is not h and o.start <= h.start and h.end <= o.end
                                       and (o.end - o.start) > (h.end - h.start) for o in hits)]


def trigger_hits(text: str, lang: str | None) -> list[tuple[Hit, float]]:
    """Type hits with their weight: pattern length, divided by 1 + the sentence's index."""
    return list(_trigger_hits(text, lang))


@lru_cache(maxsize=64)  # framing a sentence asks twice where the model's type has no trigger
def _trigger_hits(text: str, lang: str | None) -> tuple[tuple[Hit, float], ...]:
    hits = _outermost(type_patterns(lang).find(text))
    if not hits:
        return ()
    starts = _sentence_starts(text)
    weighted = []
    for hit in hits:
        sentence = sum(1 for s in starts if s <= hit.start) - 1
        weighted.append((hit, hit.words / (1.0 + sentence)))
    return tuple(weighted)


def lexicon_scores(hits: list[tuple[Hit, float]]) -> dict[str, float]:
    scores = dict.fromkeys(PLOVER_TYPES, 0.0)
    for hit, weight in hits:
        scores[hit.label] += weight
    return scores


def lexicon_features(scores: dict[str, float], hits: list[tuple[Hit, float]]) -> dict[str, float]:
    """The lexicon's view as extra model features: squashed score per type, and the first hit's type."""
    extra = {f"lex:{t}": s / (1.0 + s) for t, s in scores.items() if s}
    if hits:
        extra[f"first:{min(hits, key=lambda hw: hw[0].start)[0].label}"] = 1.0
    return extra


@lru_cache(maxsize=1)
def default_model() -> LinearModel | None:
    path = data_path(MODEL_NAME)
    return LinearModel.load(path) if path.exists() else None


def _best_trigger(hits: list[tuple[Hit, float]], etype: str) -> Hit | None:
    own = [(h, w) for h, w in hits if h.label == etype]
    return max(own, key=lambda hw: (hw[1], -hw[0].start))[0] if own else None


def _nearest_label(found: list[Hit], position: int) -> str | None:
    return min(found, key=lambda h: abs(h.start - position)).label if found else None


def classify_event(text: str, lang: str | None = "en", model: LinearModel | None = None,
                   use_model: bool = True) -> EventType:
    hits = trigger_hits(text, lang)
    scores = lexicon_scores(hits)
    model = model or (default_model() if use_model else None)
    if model is not None and (lang or "en") in model.meta.get("langs", ("en",)):
        probs = model.probabilities(model.scores(text, lexicon_features(scores, hits)))
        best = int(probs.argmax())
        etype, score, method = model.classes[best], float(probs[best]), "model"
    elif any(scores.values()):
        first: dict[str, int] = {}  # where each type's first hit starts
        for h, _ in hits:
            if h.start < first.get(h.label, len(text) + 1):
                first[h.label] = h.start
        etype = max(PLOVER_TYPES, key=lambda t: (scores[t], -first.get(t, len(text))))
        score, method = scores[etype] / sum(scores.values()), "lexicon"
    else:
        return EventType(None, None, None, 0.0, None, None, None, "lexicon")
    trigger = _best_trigger(hits, etype)
    anchor = trigger.start if trigger else 0
    modes = mode_patterns().get(etype)
    mode = _nearest_label(modes.find(text), anchor) if modes else None
    contexts = context_patterns().find(text)
    context = None
    if contexts:  # the most frequent context, ties to the one nearest the trigger
        counts: dict[str, int] = {}
        for h in contexts:
            counts[h.label] = counts.get(h.label, 0) + 1
        top = max(counts.values())
        context = _nearest_label([h for h in contexts if counts[h.label] == top], anchor)
    return EventType(etype, mode, context, round(score, 4), trigger.start if trigger else None,
                     trigger.end if trigger else None, text[trigger.start:trigger.end] if trigger else None,
                     method)

"""``dateline eval events``: PLOVER event type and source/target actors against gold records.

Input: JSON Lines ``{id, lang, text, event, source: [actor text], target: [actor text]}`` (the
format of ``plover_events.jsonl``). Mentions come from ``Analyzer().mentions`` (as in ``dateline
analyze``), the event from ``dateline.frame``.

Actor token F1: per record, the predicted and gold actor texts of one role are each turned into a
bag (multiset) of lowercased word tokens; overlaps and sizes are summed over all records (micro
average) before precision, recall and F1 are computed. A record with no gold and no predicted actor
of a role adds nothing.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

from dateline.eval.labels import per_label, summary, training_overlap
from dateline.eval.parts import split_of
from dateline.frame.events import default_model
from dateline.frame.plover import canonical_type
from dateline.frame.sentence import frame_sentence
from dateline.pipeline import Analyzer

ACTOR_F1_NOTE = ("bag of lowercased word tokens of all actor texts of a role per record; overlaps and "
                 "sizes summed over records (micro-averaged) before P/R/F1")
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class EventRecord:
    id: str
    lang: str
    text: str
    event: str | None
    source: tuple[str, ...]
    target: tuple[str, ...]


def read_raw(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_events(path: str, raw: list[dict] | None = None) -> list[EventRecord]:
    return [EventRecord(str(r["id"]), r.get("lang") or "en", r["text"],
                        canonical_type(r["event"]) if r.get("event") else None,
                        tuple(r.get("source") or ()), tuple(r.get("target") or ()))
            for r in (raw if raw is not None else read_raw(path))]


def _tokens(texts: Iterable[str]) -> Counter[str]:
    return Counter(t for text in texts for t in _TOKEN.findall(text.lower()))


class TokenF1:
    """Micro-averaged bag-of-tokens precision/recall/F1 (see the module docstring)."""

    def __init__(self) -> None:
        self.overlap = self.predicted = self.gold = 0

    def add(self, predicted: Iterable[str], gold: Iterable[str]) -> None:
        p, g = _tokens(predicted), _tokens(gold)
        self.overlap += sum((p & g).values())
        self.predicted += sum(p.values())
        self.gold += sum(g.values())

    def result(self) -> dict[str, float]:
        prec = self.overlap / self.predicted if self.predicted else 0.0
        rec = self.overlap / self.gold if self.gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4)}


def evaluate_events(path: str, predictions: TextIO | None = None, analyzer: Analyzer | None = None,
                    use_model: bool = True) -> dict:
    """``use_model=False``: trigger lexicons alone, the honest figure on the model's own training data."""
    raw = read_raw(path)
    records = read_events(path, raw)
    analyzer = analyzer or Analyzer()
    shipped = default_model()  # loaded before timing; reported even when --lexicon-only leaves it unused
    started = time.perf_counter()
    framed = [frame_sentence(r.text, r.lang, analyzer.mentions(r.text, r.lang), use_model=use_model)
              for r in records]
    elapsed = time.perf_counter() - started
    if predictions is not None:
        for r, f in zip(records, framed, strict=True):
            predictions.write(json.dumps({"id": r.id, "event": f.event.type, "mode": f.event.mode,
                                          "context": f.event.context, "score": f.event.score,
                                          "trigger": f.event.trigger, "source": [a.text for a in f.sources],
                                          "target": [a.text for a in f.targets]}, ensure_ascii=False) + "\n")
    split = split_of(path, raw)
    meta = shipped.meta if shipped else {}
    untouched = None
    if split is not None:
        part_records, part_framed = [records[i] for i in split.untouched], [framed[i] for i in split.untouched]
        untouched = {**_figures(part_records, part_framed), "split": split.summary(),
                     "baseline_tfidf_words_svm": plain_baseline(records, split.mask),
                     "model_trained_on": training_overlap(meta, [r.text for r in part_records])["records_seen_in_training"]}
    return {
        **_figures(records, framed),
        "untouched": untouched,
        "typing": "learned model where it applies, else lexicon" if use_model else "lexicon only",
        "model": {**training_overlap(meta, [r.text for r in records]),
                  "cv_on_its_training_data": {k: v for k, v in meta.get("cv", {}).items() if k != "per_label"},
                  "applies_to_langs": meta.get("langs", [])},
        "records_per_second": round(len(records) / elapsed, 1) if elapsed else None,
        "seconds": round(elapsed, 2),
    }


def plain_baseline(records: list[EventRecord], mask: list[bool]) -> dict:
    """The plain baseline in the same run: TF-IDF words + linear SVM (scikit-learn defaults, as the
    training script's CV baseline), fitted on the tuning part and scored on the untouched part."""
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.svm import LinearSVC
    except ImportError:
        return {"unavailable": "needs scikit-learn (the `train` extra)"}
    train = [r for r, m in zip(records, mask, strict=True) if not m and r.event]
    test = [r for r, m in zip(records, mask, strict=True) if m and r.event]
    if not test or len({r.event for r in train}) < 2:
        return {"unavailable": "too few labelled records in a part"}
    tfidf = TfidfVectorizer()
    clf = LinearSVC(random_state=0).fit(tfidf.fit_transform([r.text for r in train]), [r.event for r in train])
    predicted = [str(p) for p in clf.predict(tfidf.transform([r.text for r in test]))]
    return summary([r.event for r in test], predicted)


def _figures(records: list[EventRecord], framed: list) -> dict:
    """Type accuracy and actor token F1 of these records' frames."""
    sources, targets, both = TokenF1(), TokenF1(), TokenF1()
    for r, f in zip(records, framed, strict=True):
        src, tgt = [a.text for a in f.sources], [a.text for a in f.targets]
        sources.add(src, r.source)
        targets.add(tgt, r.target)
        both.add(src, r.source)
        both.add(tgt, r.target)
    typed = [(r.event, f.event.type) for r, f in zip(records, framed, strict=True) if r.event]
    gold, pred = [g for g, _ in typed], [p for _, p in typed]
    return {"records": len(records),
            "event_type": {**summary(gold, pred), "per_type": per_label(gold, pred)},
            "actors": {"source_token": sources.result(), "target_token": targets.result(),
                       "all_token": both.result(), "token_f1": ACTOR_F1_NOTE}}

"""``dateline eval entities``: entity mentions against CoNLL / SlavicNER-style labelled files.

Records are ``{id, lang, text, mentions: [{start, end, type, entity}]}`` with character offsets.
Scores are strict: a predicted mention counts only when its start, end and type all equal a gold
mention's. Types are mapped onto the file's own type set before matching (the mapping used is
part of the output):

* a file whose gold types include MISC (CoNLL): predicted EVT and PRO count as MISC;
* a file with EVT/PRO but no MISC (SlavicNER): predictions are scored as they are (a predicted
  MISC is always wrong), and a second, ``collapsed`` score maps EVT, PRO and MISC to MISC on
  both sides.

Cross-document linking (BCubed over the mentions whose spans were found, against gold ``entity``
ids) is computed when an ``entity_linker`` is given and the file carries entity ids.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TextIO

from dateline.eval.bcubed import bcubed
from dateline.eval.parts import split_of

# entity_linker(records, mentions) -> one list of entity ids (or None) per record, aligned with
# that record's predicted mentions. ``mentions`` items have .start .end .type .text.
EntityLinker = Callable[[Sequence[dict], Sequence[Sequence]], Sequence[Sequence[str | None]]]

_MISC_LIKE = ("EVT", "PRO", "MISC")


def load_records(path: Path, only_ids: Iterable[str] | None = None) -> list[dict]:
    keep = set(only_ids) if only_ids is not None else None
    records = []
    with Path(path).open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            if keep is None or rec["id"] in keep:
                records.append(rec)
    return records


def type_mapping(gold_types: set[str]) -> dict[str, str]:
    """How predicted types are mapped onto a file whose gold mentions use ``gold_types``."""
    if "MISC" in gold_types:
        return {"EVT": "MISC", "PRO": "MISC"}
    return {}


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "predicted": n_pred, "gold": n_gold}


class _Counts:
    def __init__(self) -> None:
        self.tp: Counter = Counter()
        self.pred: Counter = Counter()
        self.gold: Counter = Counter()

    def add(self, key, gold: list[tuple[int, int, str]], pred: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        g = Counter(gold)
        p = Counter(pred)
        matched = list((g & p).elements())
        for s, e, t in matched:
            self.tp["all"] += 1
            self.tp[("lang", key)] += 1
            self.tp[("type", t)] += 1
        for s, e, t in pred:
            self.pred["all"] += 1
            self.pred[("lang", key)] += 1
            self.pred[("type", t)] += 1
        for s, e, t in gold:
            self.gold["all"] += 1
            self.gold[("lang", key)] += 1
            self.gold[("type", t)] += 1
        return matched

    def report(self) -> dict:
        keys = {k for k in list(self.gold) + list(self.pred) if k != "all"}
        per_language = {k[1]: _prf(self.tp[k], self.pred[k], self.gold[k]) for k in sorted(x for x in keys if x[0] == "lang")}
        langs = [v["f1"] for v in per_language.values()]
        return {
            **_prf(self.tp["all"], self.pred["all"], self.gold["all"]),
            "mean_f1_of_languages": round(sum(langs) / len(langs), 4) if langs else None,
            "per_type": {k[1]: _prf(self.tp[k], self.pred[k], self.gold[k]) for k in sorted(x for x in keys if x[0] == "type")},
            "per_language": per_language,
        }


def _baseline(records: list[dict], mapping: dict[str, str], mask: Sequence[bool] | None, train: Path) -> dict:
    """The plain CRF trained on ``train`` and scored as the tagger is (strict, same type mapping)."""
    from dateline.eval.ner_baseline import train_plain_crf

    tagger, info = train_plain_crf(load_records(train))
    whole, part = _Counts(), _Counts()
    for i, rec in enumerate(records):
        gold = [(m["start"], m["end"], m["type"]) for m in rec["mentions"]]
        pred = [(m.start, m.end, mapping.get(m.type, m.type)) for m in tagger.tag(rec["text"], rec.get("lang"))]
        whole.add(rec.get("lang") or "?", gold, pred)
        if mask is not None and mask[i]:
            part.add(rec.get("lang") or "?", gold, pred)
    return {**_brief(whole.report()), "untouched": _brief(part.report()) if mask is not None else None,
            "trained_on": str(train), **info}


def _brief(report: dict) -> dict:
    """Precision, recall, F1 overall and F1 per language (and their mean)."""
    langs = {k: v["f1"] for k, v in report["per_language"].items()}
    return {k: report[k] for k in ("precision", "recall", "f1", "mean_f1_of_languages")} | {"f1_per_language": langs}


def evaluate_entities(
    path: Path,
    predictions: TextIO | None = None,
    *,
    tagger=None,
    only_ids: Iterable[str] | None = None,
    entity_linker: EntityLinker | None = None,
    baseline_train: Path | None = None,
) -> dict:
    """Strict span-and-type P/R/F1 (overall, per type, per language) of ``tagger`` on ``path``.

    ``tagger`` needs ``tag(text, lang) -> [Mention]`` (default: the shipped :class:`CrfTagger`).
    ``predictions``, when given, receives one ``{id, mentions: [{start, end, type, entity}]}``
    line per record. ``only_ids`` restricts the evaluation to those record ids.
    ``baseline_train``: a labelled file to train the plain CRF of :mod:`dateline.eval.ner_baseline`
    on; its scores on the same records (and on the untouched part) join the output.
    """
    if tagger is None:
        from dateline.analyze.ner import CrfTagger

        tagger = CrfTagger()
    records = load_records(path, only_ids)
    gold_types = {m["type"] for r in records for m in r["mentions"]}
    mapping = type_mapping(gold_types)
    collapse = bool(gold_types & {"EVT", "PRO"}) and not mapping

    started = time.perf_counter()
    predicted = [tagger.tag(r["text"], r.get("lang")) for r in records]
    elapsed = time.perf_counter() - started

    entity_ids: Sequence[Sequence[str | None]] | None = None
    link_seconds = None
    if entity_linker is not None:
        t0 = time.perf_counter()
        entity_ids = entity_linker(records, predicted)
        link_seconds = time.perf_counter() - t0

    strict = _Counts()
    collapsed = _Counts()
    link_pred: list[str | None] = []
    link_gold: list[str] = []
    split = split_of(path, records) if only_ids is None else None
    mask = split.mask if split is not None else None
    untouched = _Counts()
    untouched_links: list[int] = []  # indices into link_pred of the untouched records' links
    n_pred = 0
    for i, (rec, mentions) in enumerate(zip(records, predicted)):
        lang = rec.get("lang") or "?"
        n_pred += len(mentions)
        gold = [(m["start"], m["end"], m["type"]) for m in rec["mentions"]]
        pred = [(m.start, m.end, mapping.get(m.type, m.type)) for m in mentions]
        matched = strict.add(lang, gold, pred)
        if mask is not None and mask[i]:
            untouched.add(lang, gold, pred)
        if collapse:
            c = lambda t: "MISC" if t in _MISC_LIKE else t
            collapsed.add(lang, [(s, e, c(t)) for s, e, t in gold], [(s, e, c(t)) for s, e, t in pred])
        ids = entity_ids[i] if entity_ids is not None else [None] * len(mentions)
        if entity_ids is not None:
            gold_entity = {(m["start"], m["end"], m["type"]): m.get("entity") for m in rec["mentions"]}
            for m, eid in zip(pred, ids):
                if m in matched and gold_entity.get(m):
                    if mask is not None and mask[i]:
                        untouched_links.append(len(link_pred))
                    link_pred.append(eid)
                    link_gold.append(gold_entity[m])
        if predictions is not None:
            out = {
                "id": rec["id"],
                "mentions": [
                    {"start": m.start, "end": m.end, "type": m.type, "entity": eid} for m, eid in zip(mentions, ids)
                ],
            }
            predictions.write(json.dumps(out, ensure_ascii=False) + "\n")

    by_lang: dict[str, int] = defaultdict(int)
    for r in records:
        by_lang[r.get("lang") or "?"] += 1
    result = {
        "file": str(path),
        "records": len(records),
        "records_per_language": dict(sorted(by_lang.items())),
        "type_mapping": {
            "predicted_to_file": mapping,
            "note": (
                "strict span-and-type match; predicted types mapped onto the file's types as shown"
                + ("; 'collapsed' maps EVT, PRO and MISC to MISC on both sides" if collapse else "")
            ),
        },
        **strict.report(),
    }
    if collapse:
        result["collapsed"] = collapsed.report()
    if entity_linker is not None:
        link = bcubed(link_pred, link_gold)
        result["linking"] = {
            "bcubed_precision": round(link["precision"], 4),
            "bcubed_recall": round(link["recall"], 4),
            "bcubed_f1": round(link["f1"], 4),
            "mentions": link["items"],
            "note": "over predicted mentions that strictly match a gold mention with an entity id",
            "seconds": round(link_seconds or 0.0, 2),
        }
    if split is not None:
        result["untouched"] = {"records": sum(split.mask), **untouched.report(), "split": split.summary()}
        if entity_linker is not None:
            link = bcubed([link_pred[j] for j in untouched_links], [link_gold[j] for j in untouched_links])
            result["untouched"]["linking"] = {"bcubed_f1": round(link["f1"], 4), "mentions": link["items"],
                                              "note": "the file's links, scored on the untouched part's mentions"}
    if baseline_train is not None:
        result["baseline_plain_crf"] = _baseline(records, mapping, mask, baseline_train)
        if split is not None:
            result["untouched"]["baseline_plain_crf"] = result["baseline_plain_crf"].pop("untouched")
    chars = sum(len(r["text"]) for r in records)
    result.update(
        {
            "predicted_mentions": n_pred,
            "seconds": round(elapsed, 3),
            "mentions_per_second": round(n_pred / elapsed, 1) if elapsed else None,
            "records_per_second": round(len(records) / elapsed, 1) if elapsed else None,
            "characters_per_second": round(chars / elapsed) if elapsed else None,
        }
    )
    return result

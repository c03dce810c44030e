#!/usr/bin/env python
"""Train the shipped CRF entity tagger (src/dateline/data/ner-crf.crfsuite) and score it.

Reproducible: fixed parameters, inputs read in sorted order, a deterministic split, L-BFGS.

Training data (read by path, never copied into the repository):
  * ../shared/data/train/conll_ner_train.jsonl  (CoNLL 2002/2003 train, en, es, nl)
  * ../shared/data/dev/slavicner_entities.jsonl, only the documents of the stories in
    TRAIN_STORIES (the story is the first part of the document id), so the SlavicNER score
    below is cross-topic: the evaluation stories never occur in training; and never a document
    of the untouched quarter that dateline.eval.parts sets aside.
Evaluation: ../shared/data/dev/conll_ner.jsonl (not trained on) and the SlavicNER documents of
the other stories.

    python scripts/train_ner.py                       # train, evaluate, write model + scores
    python scripts/train_ner.py --no-eval --out /tmp/m.crfsuite
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import pycrfsuite

from dateline.analyze.ner import PLACES_NAME, CrfTagger, bio_labels, document_sequences
from dateline.analyze.tokens import tokenize
from dateline.eval.entities import evaluate_entities, load_records
from dateline.eval.parts import untouched_mask

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CONLL_TRAIN = DATA / "train" / "conll_ner_train.jsonl"
CONLL_DEV = DATA / "dev" / "conll_ner.jsonl"
SLAVIC = DATA / "dev" / "slavicner_entities.jsonl"
MODEL = ROOT / "src" / "dateline" / "data" / "ner-crf.crfsuite"
PLACES = ROOT / "src" / "dateline" / "data" / PLACES_NAME
# CLDR locales whose territory names feed the place gazetteer feature.
PLACE_LOCALES = (
    "ar", "bg", "bs", "ca", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it",
    "lt", "lv", "mk", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sr_Latn", "sv", "tr", "uk",
)

# SlavicNER stories: train on these, evaluate on the rest (about half of the documents each way).
TRAIN_STORIES = ("asia_bibi", "brexit", "ryanair")

PARAMS = {
    "c1": 0.1,  # L1: keeps the model sparse and small
    "c2": 0.1,
    "max_iterations": 200,
    "feature.minfreq": 2,
    "feature.possible_transitions": True,
}


def story(doc_id: str) -> str:
    return doc_id.split("/", 1)[0]


SPLIT = "story"  # "story": cross-topic (default); "doc": by a hash of the document id, in-topic


def in_train_half(doc_id: str) -> bool:
    if SPLIT == "all":
        return True
    if SPLIT == "doc":
        return hashlib.sha1(doc_id.encode("utf-8")).digest()[0] % 2 == 0
    return story(doc_id) in TRAIN_STORIES


def slavic_ids(train: bool) -> list[str]:
    """The training or evaluation documents; the untouched quarter (dateline.eval.parts) is never
    trained on, whatever its story."""
    records = load_records(SLAVIC)
    untouched = untouched_mask(SLAVIC, records) or [False] * len(records)
    return sorted(r["id"] for r, u in zip(records, untouched) if in_train_half(r["id"]) == train and not (train and u))


def map_type(t: str, keep_evt_pro: bool) -> str:
    return t if keep_evt_pro or t not in ("EVT", "PRO") else "MISC"


def record_sequences(rec: dict, keep_evt_pro: bool):
    """(features, labels) per sentence of one labelled record; BIO labels from character spans."""
    toks = tokenize(rec["text"])
    labels = bio_labels(toks, [(m["start"], m["end"], map_type(m["type"], keep_evt_pro)) for m in rec["mentions"]])
    pos = 0
    for sent, feats in document_sequences(toks, rec.get("lang")):
        yield feats, labels[pos : pos + len(sent)]
        pos += len(sent)


def build_places(path: Path) -> int:
    """Write the one-word CLDR territory names of PLACE_LOCALES (lower case, sorted) to ``path``."""
    from babel import Locale

    names = set()
    for loc in PLACE_LOCALES:
        for name in Locale.parse(loc).territories.values():
            if " " not in name and len(name) >= 3:
                names.add(name.lower())
    path.write_text("\n".join(sorted(names)) + "\n", encoding="utf-8")
    return len(names)


def train(out: Path, keep_evt_pro: bool, params: dict, part: str = "all") -> dict:
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(params)
    recs = []
    if part in ("all", "conll"):
        recs += load_records(CONLL_TRAIN)
    if part in ("all", "slavic"):
        recs += load_records(SLAVIC, slavic_ids(train=True))
    recs.sort(key=lambda r: r["id"])
    n_seq = n_tok = 0
    t0 = time.perf_counter()
    for rec in recs:
        for xseq, yseq in record_sequences(rec, keep_evt_pro):
            trainer.append(xseq, yseq)
            n_seq += 1
            n_tok += len(yseq)
    t1 = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    t2 = time.perf_counter()
    last = trainer.logparser.last_iteration
    return {
        "records": len(recs),
        "sequences": n_seq,
        "tokens": n_tok,
        "feature_seconds": round(t1 - t0, 1),
        "train_seconds": round(t2 - t1, 1),
        "iterations": last.get("num") if last else None,
        "active_features": last.get("active_features") if last else None,
        "model_bytes": out.stat().st_size,
    }


def evaluate(model: Path) -> dict:
    tagger = CrfTagger(model)
    conll = evaluate_entities(CONLL_DEV, tagger=tagger)
    if SPLIT == "all":  # every SlavicNER document was trained on: no honest score from this model
        return {"conll_dev": conll}
    slavic = evaluate_entities(SLAVIC, tagger=tagger, only_ids=slavic_ids(train=False))
    return {"conll_dev": conll, "slavicner_eval_stories": slavic}


def provenance(info: dict, command: str) -> str:
    """The provenance note written next to the model."""
    import datetime
    from importlib.metadata import version

    tr = info["training"]
    lines = [
        "# ner-crf.crfsuite: provenance",
        "",
        (
            "A linear-chain CRF (CRFsuite through python-crfsuite "
            f"{version('python-crfsuite')}) tagging PER, ORG, LOC, MISC, EVT, PRO in BIO form; "
            "features in `dateline.analyze.ner.sentence_features` and `document_hints`."
        ),
        (
            "`ner-crf.places.txt` is its place-name feature list: one-word territory and region names "
            "from the Unicode CLDR (through babel) in the locales listed in `scripts/train_ner.py`."
        ),
        "",
        "## Data",
        (
            "- `../shared/data/train/conll_ner_train.jsonl`: CoNLL-2002 (es, nl) and CoNLL-2003 (en) training "
            "sentences, types PER LOC ORG MISC."
        ),
        "- `../shared/data/dev/slavicner_entities.jsonl` (SlavicNER, Piskorski et al. 2024; bg cs pl ru sl uk), "
        + (
            f"only the documents of the stories {', '.join(info['train_stories'])}; "
            if info["split"] == "story"
            else "all documents of its tuning part (the untouched quarter of `dateline.eval.parts` is never "
            "trained on; its SlavicNER scores come from models trained on part of them: "
            "`--split doc` and `--split story`, see docs/entities.md); "
            if info["split"] == "all"
            else "only the documents whose id hashes into the training half (sha1, first byte even); "
        )
        + "types PER LOC ORG EVT PRO "
        + ("kept as they are." if info["keep_evt_pro"] else "with EVT and PRO trained as MISC."),
        (
            "- The data are news texts released for research; the licences allow training internal models and "
            "shipping a model with this note, **for research use**. No text from them is in this repository."
        ),
        "",
        "## Training",
        f"- Command (from the repository root, venv active): `{command}`",
        f"- Date: {datetime.date.today().isoformat()}",
        f"- Parameters: `{json.dumps(info['params'])}` (L-BFGS)",
        (
            f"- {tr['records']} records, {tr['sequences']} sentences, {tr['tokens']} tokens; "
            f"{tr['active_features']} active features; {tr['model_bytes']} bytes; "
            f"{tr['feature_seconds']} s features + {tr['train_seconds']} s training on one core."
        ),
        "",
    ]
    if "scores" in info:
        lines += ["## Scores (strict span and type, `dateline.eval.entities`)", ""]
        for name, sc in info["scores"].items():
            where = (
                "CoNLL dev sentences (never trained on)"
                if name == "conll_dev"
                else "SlavicNER documents of the other stories (cross-topic, never trained on)"
                if info["split"] == "story"
                else "SlavicNER documents of the other half (same stories, never trained on)"
            )
            lines.append(f"### {where}: F1 {sc['f1']} (P {sc['precision']}, R {sc['recall']}), {sc['records']} records")
            lines.append("")
            lines.append("| | P | R | F1 | gold |")
            lines.append("|---|---|---|---|---|")
            for group in ("per_language", "per_type"):
                for k, v in sc[group].items():
                    lines.append(f"| {k} | {v['precision']} | {v['recall']} | {v['f1']} | {v['gold']} |")
            if "collapsed" in sc:
                lines.append("")
                lines.append(f"With EVT, PRO and MISC collapsed to MISC on both sides: F1 {sc['collapsed']['f1']}.")
            lines.append(f"Type mapping: {sc['type_mapping']['note']} {sc['type_mapping']['predicted_to_file']}.")
            lines.append(
                f"Speed during this evaluation: {sc['records_per_second']} records/s, "
                f"{sc['characters_per_second']} characters/s (one core of a shared machine)."
            )
            lines.append("")
    lines += [
        "## Known limits",
        "- Types are learned per data set: en/es/nl text gets MISC, the Slavic languages EVT and PRO; other",
        "  languages get a mixture. Map EVT and PRO to MISC where one coarse type is wanted.",
        "- No German (or other noun-capitalising) training data: capitalised common nouns next to names are",
        "  tagged as names (`Bundeskanzler Friedrich Merz`, `Montag`).",
        "- Cross-topic SlavicNER recall is low for story-specific entities: lower-case events (`koronawirus`),",
        "  parties (`demokratów`) and new names of unseen type (`Байден` tagged LOC).",
        "- Titles and ranks before names are sometimes tagged (`Field Marshal` as ORG); linking strips them.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=MODEL, help="model file to write")
    ap.add_argument("--collapse-misc", action="store_true", help="train SlavicNER EVT and PRO as MISC")
    ap.add_argument("--no-eval", action="store_true")
    ap.add_argument("--provenance", action="store_true", help="write ner-crf.PROVENANCE.md next to the model")
    ap.add_argument("--build-places", action="store_true", help="rebuild the place gazetteer from babel first")
    ap.add_argument("--part", choices=("all", "conll", "slavic"), default="all", help="training data (experiments)")
    ap.add_argument("--scores", type=Path, help="write the scores JSON here")
    ap.add_argument("--max-iterations", type=int, default=PARAMS["max_iterations"])
    ap.add_argument("--c1", type=float, default=PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=PARAMS["c2"])
    ap.add_argument("--split", choices=("story", "doc", "all"), default="story",
                    help="SlavicNER halves: by story (cross-topic), by a hash of the document id (in-topic), "
                         "or all documents for training (the shipped model; no SlavicNER score)")
    args = ap.parse_args(argv)
    global SPLIT
    SPLIT = args.split
    params = {**PARAMS, "max_iterations": args.max_iterations, "c1": args.c1, "c2": args.c2}
    info = {
        "params": params,
        "keep_evt_pro": not args.collapse_misc,
        "split": SPLIT,
        "train_stories": TRAIN_STORIES if SPLIT == "story" else "all" if SPLIT == "all" else "half of every story (sha1 of the id)",
    }
    if args.build_places:
        info["places"] = build_places(PLACES)
    info["training"] = train(args.out, not args.collapse_misc, params, args.part)
    print(json.dumps(info["training"]), file=sys.stderr)
    if not args.no_eval:
        info["scores"] = evaluate(args.out)
    text = json.dumps(info, indent=2, ensure_ascii=False)
    if args.provenance:
        cmd = "python scripts/train_ner.py " + " ".join(argv if argv is not None else sys.argv[1:])
        (args.out.parent / "ner-crf.PROVENANCE.md").write_text(provenance(info, cmd.strip()) + "\n", encoding="utf-8")
    if args.scores:
        args.scores.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Linking quality on SlavicNER-style data, isolated from tagging: the Linker gets the GOLD mention
spans and types, and its entity ids are scored against the gold ``entity`` ids with BCubed.

    python scripts/measure_linking.py [FILE.jsonl] [--errors N]

Gold EVT and PRO mentions are passed as MISC (the linker's type set). Prints JSON: BCubed precision,
recall, F1 overall, per type and per language; mentions and documents per second.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from dateline.eval.bcubed import bcubed
from dateline.link.gazetteer import load as load_gazetteer
from dateline.link.linker import Linker
from dateline.models import Mention

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev" / "slavicner_entities.jsonl"
TYPE_MAP = {"EVT": "MISC", "PRO": "MISC"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default=str(DEFAULT))
    ap.add_argument("--errors", type=int, default=0, help="show the N worst split and merged gold entities")
    args = ap.parse_args()
    records = [json.loads(line) for line in open(args.file, encoding="utf-8") if line.strip()]
    t0 = time.perf_counter()
    load_gazetteer()
    load_s = time.perf_counter() - t0
    linker = Linker()
    pred: list[str | None] = []
    gold: list[str] = []
    meta: list[tuple[str, str, str]] = []  # (lang, gold type, surface)
    t0 = time.perf_counter()
    for rec in records:
        text = rec["text"]
        ms = [Mention(m["start"], m["end"], text[m["start"]:m["end"]], TYPE_MAP.get(m["type"], m["type"]))
              for m in rec["mentions"]]
        linked, _ = linker.link_document(text, rec.get("lang"), ms)
        for m, lm in zip(rec["mentions"], linked):
            pred.append(lm.entity)
            gold.append(m["entity"])
            meta.append((rec.get("lang") or "?", m["type"], text[m["start"]:m["end"]]))
    secs = time.perf_counter() - t0

    def score(idx: list[int]) -> dict:
        # BCubed of a subset scores that subset's clusters on their own.
        r = bcubed([pred[i] for i in idx], [gold[i] for i in idx])
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in r.items()}

    by_type, by_lang = defaultdict(list), defaultdict(list)
    for i, (lang, t, _) in enumerate(meta):
        by_type[t].append(i)
        by_lang[lang].append(i)
    out = {
        "file": args.file, "documents": len(records), "mentions": len(gold),
        "bcubed": score(list(range(len(gold)))),
        "per_type": {t: score(ix) for t, ix in sorted(by_type.items())},
        "per_language": {lang: score(ix) for lang, ix in sorted(by_lang.items())},
        "entities_predicted": len(set(pred)), "entities_gold": len(set(gold)),
        "gazetteer_load_s": round(load_s, 3),
        "mentions_per_s": round(len(gold) / secs), "documents_per_s": round(len(records) / secs),
    }
    print(json.dumps(out, indent=2, ensure_ascii=False))
    if args.errors:
        show_errors(pred, gold, meta, args.errors)


def show_errors(pred, gold, meta, n: int) -> None:
    """Gold entities split over several predicted ids, and predicted ids merging several gold ones,
    weighted by the mentions they cost."""
    g2p: dict[str, Counter] = defaultdict(Counter)
    p2g: dict[str, Counter] = defaultdict(Counter)
    forms: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for p, g, (lang, _, s) in zip(pred, gold, meta):
        g2p[g][p] += 1
        p2g[p][g] += 1
        forms[(g, p)][f"{lang}:{s}"] += 1
    splits = sorted(g2p.items(), key=lambda x: -(sum(x[1].values()) - x[1].most_common(1)[0][1]))[:n]
    print("\n# split gold entities", file=sys.stderr)
    for g, c in splits:
        print(g, sum(c.values()), file=sys.stderr)
        for p, k in c.most_common(6):
            print("   ", k, p, forms[(g, p)].most_common(5), file=sys.stderr)
    merges = sorted(p2g.items(), key=lambda x: -(sum(x[1].values()) - x[1].most_common(1)[0][1]))[:n]
    print("\n# merged predicted entities", file=sys.stderr)
    for p, c in merges:
        print(p, sum(c.values()), file=sys.stderr)
        for g, k in c.most_common(4):
            print("   ", k, g, forms[(g, p)].most_common(4), file=sys.stderr)


if __name__ == "__main__":
    main()

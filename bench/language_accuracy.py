"""Accuracy and speed of ``dateline.clean.language.detect_language`` on the labelled dev data.

Reads the texts that carry a language label in ../shared/data/dev/ by path (never copies them)
and prints JSON: accuracy overall and per language, texts per second, and accuracy on short
texts (fewer than 100 characters).

    python bench/language_accuracy.py [--data ../shared/data/dev] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from dateline.clean.language import detect_language

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev"
SHORT = 100


def labelled_texts(data: Path) -> Iterator[tuple[str, str, str]]:
    """(file, language, text) for every labelled text in the dev files."""
    def records(name: str) -> Iterator[dict]:
        path = data / name
        if path.exists():
            with path.open(encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        yield json.loads(line)

    for rec in records("slavicner_stories.jsonl"):
        text = "\n\n".join(part for part in (rec.get("title"), rec.get("text")) if part)
        yield "slavicner_stories", rec["lang"], text
    for rec in records("conll_ner.jsonl"):
        yield "conll_ner", rec["lang"], rec["text"]
    for rec in records("ecbplus_events.jsonl"):
        yield "ecbplus_events", rec["lang"], rec["text"]
    for rec in records("semeval2022_pairs.jsonl"):
        yield "semeval2022_pairs", rec["lang1"], rec["text1"]
        yield "semeval2022_pairs", rec["lang2"], rec["text2"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=0, help="at most N texts per file (0: all)")
    args = parser.parse_args()

    detect_language("warm up the model before timing, with enough letters")
    totals: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    decided_per_lang: Counter[str] = Counter()
    per_file: dict[str, Counter[str]] = defaultdict(Counter)
    confusions: Counter[tuple[str, str]] = Counter()
    abstained = 0
    short_total = short_correct = short_decided = 0
    seen: Counter[str] = Counter()
    chars = 0
    elapsed = 0.0
    for source, lang, text in labelled_texts(args.data):
        if args.limit and seen[source] >= args.limit:
            continue
        seen[source] += 1
        start = time.perf_counter()
        guess, _ = detect_language(text)
        elapsed += time.perf_counter() - start
        chars += len(text)
        hit = guess == lang
        totals[lang] += 1
        correct[lang] += hit
        per_file[source]["total"] += 1
        per_file[source]["correct"] += hit
        abstained += guess is None
        decided_per_lang[lang] += guess is not None
        if not hit:
            confusions[(lang, guess or "none")] += 1
        if len(text) < SHORT:
            short_total += 1
            short_correct += hit
            short_decided += guess is not None
    n = sum(totals.values())
    decided = n - abstained
    report = {
        "texts": n,
        "accuracy": round(sum(correct.values()) / n, 4) if n else None,
        # detect_language abstains (None) below MIN_LETTERS letters; an abstention counts as an
        # error above, and is left out here.
        "coverage": round(decided / n, 4) if n else None,
        "accuracy_when_decided": round(sum(correct.values()) / decided, 4) if decided else None,
        "per_language": {
            lang: {
                "texts": totals[lang],
                "accuracy": round(correct[lang] / totals[lang], 4),
                "accuracy_when_decided": (round(correct[lang] / decided_per_lang[lang], 4)
                                          if decided_per_lang[lang] else None),
            }
            for lang in sorted(totals)
        },
        "per_file": {
            name: {"texts": c["total"], "accuracy": round(c["correct"] / c["total"], 4)}
            for name, c in sorted(per_file.items())
        },
        "short_texts": {
            "max_chars": SHORT, "texts": short_total,
            "accuracy": round(short_correct / short_total, 4) if short_total else None,
            "coverage": round(short_decided / short_total, 4) if short_total else None,
            "accuracy_when_decided": (round(short_correct / short_decided, 4)
                                      if short_decided else None),
        },
        "abstained": abstained,
        "top_confusions": [
            {"gold": gold, "guess": guess, "count": count}
            for (gold, guess), count in confusions.most_common(12)
        ],
        "texts_per_second": round(n / elapsed, 1) if elapsed else None,
        "chars_per_second": round(chars / elapsed) if elapsed else None,
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

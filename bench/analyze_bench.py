"""Analysis throughput (stages analyze + link) on one core, with the time per step.

Generates N articles from examples/ (the same generator as ingest_bench.py), cleans them, then
runs the analyzer over them in order, in this one process, timing each step:

    python bench/analyze_bench.py                 # 1,000 articles, 3 runs
    python bench/analyze_bench.py --n 2000 --repeats 5 --json

Articles/s counts the analysis only (cleaning and start-up excluded); the model and gazetteer
load is reported apart.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest_bench import generate, load_examples  # noqa: E402

from dateline.analyze.article import find_mentions  # noqa: E402
from dateline.analyze.sentences import split_sentences  # noqa: E402
from dateline.analyze.times import find_times  # noqa: E402
from dateline.clean import clean  # noqa: E402
from dateline.link import find_gazetteer_mentions  # noqa: E402  (warm-up)
from dateline.models import RawDocument  # noqa: E402
from dateline.pipeline import Analyzer, gazetteer_mentions  # noqa: E402


def articles(n: int):
    out = []
    for rec in generate(load_examples(), n):
        meta = {k: str(v) for k, v in rec.items() if k != "text" and v is not None}
        out.append(clean(RawDocument(origin=rec.get("id", "bench"), data=rec["text"].encode(), meta=meta)))
    return out


def run(arts) -> dict:
    t0 = time.perf_counter()
    analyzer = Analyzer()
    analyzer.tagger.tag("Warm up.", "en")  # loads the model
    find_gazetteer_mentions("Warm up.", "en")  # loads the gazetteer
    load = time.perf_counter() - t0
    steps = {"sentences": 0.0, "tagger+merge": 0.0, "gazetteer": 0.0, "times": 0.0, "link": 0.0}
    started = time.perf_counter()
    for a in arts:
        t = time.perf_counter()
        split_sentences(a.text, a.lang)
        t1 = time.perf_counter()
        extra = gazetteer_mentions(a.text, a.lang)
        t2 = time.perf_counter()
        found = find_mentions(a.text, a.lang, analyzer.tagger, extra)
        t3 = time.perf_counter()
        find_times(a.text, a.lang, a.published, a.dateline)
        t4 = time.perf_counter()
        analyzer.linker.link_document(a.text, a.lang, found)
        t5 = time.perf_counter()
        steps["sentences"] += t1 - t
        steps["gazetteer"] += t2 - t1
        steps["tagger+merge"] += t3 - t2
        steps["times"] += t4 - t3
        steps["link"] += t5 - t4
    total = time.perf_counter() - started
    return {"articles_per_second": len(arts) / total, "load_seconds": load,
            "ms_per_article": {k: 1000 * v / len(arts) for k, v in steps.items()}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    arts = articles(args.n)
    words = statistics.mean(len(a.text.split()) for a in arts)
    runs = [run(arts) for _ in range(args.repeats)]
    rates = [r["articles_per_second"] for r in runs]
    result = {
        "articles": len(arts), "mean_words": round(words), "median_articles_per_second": round(statistics.median(rates), 1),
        "runs": [round(r, 1) for r in rates], "load_seconds": round(statistics.median(r["load_seconds"] for r in runs), 2),
        "ms_per_article": {k: round(statistics.median(r["ms_per_article"][k] for r in runs), 3) for k in runs[0]["ms_per_article"]},
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['articles']} articles, {result['mean_words']} words on average, one core")
        print(f"median {result['median_articles_per_second']} articles/s (runs: {result['runs']}); load {result['load_seconds']} s")
        for k, v in result["ms_per_article"].items():
            print(f"  {k:<14} {v:7.3f} ms/article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

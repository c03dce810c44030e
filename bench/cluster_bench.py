"""Clustering cost per article as the stream grows (stages cluster + story), on one core.

A synthetic stream of analysed articles stands in for a real one (analysing 100,000 real
reports would take this machine ten minutes before the clustering even starts): events of
1-12 articles, each with its own people, places and organisations drawn from large pools, its
own topic words plus common words, in four languages, published over a calendar at about 300
articles a day. Articles and analyses are built directly, so only clustering is timed.

    python bench/cluster_bench.py                          # 1,000 / 10,000 / 100,000 articles
    python bench/cluster_bench.py --sizes 1000,10000 --repeats 3 --json

Reports, per size: articles/s over the whole run (median of repeats), the cost per article in
each tenth of the stream (flat = the index keeps the work per article bounded), live clusters
at the end, candidates judged per article, peak memory of the process.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import time
from datetime import date, timedelta

from dateline.cluster import OnlineClusterer
from dateline.models import Analysis, Article, Mention, Sentence, TimeExpression

_SYL = ["ka", "lo", "mer", "vi", "tan", "dro", "sel", "pu", "ren", "gos", "fi", "bar", "tul", "nek", "zo",
        "ash", "quin", "ber", "lat", "om", "sti", "vra", "hel", "dun"]
_LANGS = ("en", "de", "fr", "es")
_START = date(2026, 1, 1)


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYL) for _ in range(parts))


def stream(n: int, seed: int = 1) -> list[tuple[Article, Analysis]]:
    rng = random.Random(seed)
    common = [_word(rng, 2) for _ in range(300)]
    people = [f"{_word(rng, 2).capitalize()} {_word(rng, 3).capitalize()}" for _ in range(20000)]
    places = [_word(rng, 3).capitalize() for _ in range(5000)]
    orgs = [_word(rng, 3).upper()[:5] for _ in range(2000)]
    out: list[tuple[Article, Analysis]] = []
    event = 0
    while len(out) < n:
        event += 1
        day = _START + timedelta(days=len(out) // 300)
        cast = [(p, "PER") for p in rng.sample(people, 2)] + [(rng.choice(places), "LOC"), (rng.choice(orgs), "ORG")]
        topic = [_word(rng, 3) for _ in range(8)]
        for _ in range(min(rng.randint(1, 12), n - len(out))):
            lang = rng.choice(_LANGS)
            words = [rng.choice(topic) for _ in range(25)] + [rng.choice(common) for _ in range(90)]
            rng.shuffle(words)
            names = [c for c in cast if rng.random() < 0.8] or cast[:1]
            head = " ".join(f"{name} {rng.choice(common)}" for name, _ in names)
            text = f"{head}. " + " ".join(words) + f". {rng.randint(2, 999)} {rng.choice(topic)}."
            mentions, cursor = [], 0
            for name, kind in names:
                start = text.index(name, cursor)
                mentions.append(Mention(start, start + len(name), name, kind, entity=f"{kind}:{name.lower()}"))
                cursor = start + len(name)
            published = (day + timedelta(days=rng.randint(0, 1))).isoformat()
            aid = f"{len(out):016x}"
            article = Article(id=aid, text=text, origin="bench", lang=lang, title=head, published=published)
            analysis = Analysis(aid, (Sentence(0, len(text)),), tuple(mentions),
                                (TimeExpression(0, 0, "", published, published, "day", "published"),))
            out.append((article, analysis))
    return out


def _peak_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run(items: list[tuple[Article, Analysis]]) -> dict:
    clusterer = OnlineClusterer()
    tenth = max(1, len(items) // 10)
    per_tenth: list[float] = []
    started = chunk = time.perf_counter()
    for i, item in enumerate(items, 1):
        clusterer.add(*item)
        if i % tenth == 0:
            now = time.perf_counter()
            per_tenth.append(round((now - chunk) / tenth * 1000, 3))
            chunk = now
    seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 2), "articles_per_second": round(len(items) / seconds, 1),
            "ms_per_article_by_tenth": per_tenth, "events": clusterer.event_count,
            "live_events": len(clusterer.events.live), "live_stories": len(clusterer.stories.live),
            "judged_per_article": round(clusterer.mean_judged, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        items = stream(size)
        runs = [run(items) for _ in range(args.repeats)]
        best = sorted(runs, key=lambda r: r["articles_per_second"])[len(runs) // 2]  # the median run
        results.append({"articles": size, "repeats": args.repeats,
                        "articles_per_second_median": statistics.median(r["articles_per_second"] for r in runs),
                        "articles_per_second_runs": [r["articles_per_second"] for r in runs],
                        **{k: v for k, v in best.items() if k not in ("articles_per_second", "seconds")},
                        "peak_memory_mib": _peak_mib()})
        if not args.json:
            r = results[-1]
            print(f"{size:>7} articles: {r['articles_per_second_median']:>7.1f} articles/s (runs {r['articles_per_second_runs']}), "
                  f"ms/article by tenth {r['ms_per_article_by_tenth']}, live events {r['live_events']}, "
                  f"judged/article {r['judged_per_article']}, peak {r['peak_memory_mib']} MiB", flush=True)
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

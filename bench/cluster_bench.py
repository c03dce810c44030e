"""Clustering cost per article as the stream grows (stages cluster + story), on one core.

A synthetic stream of analysed articles stands in for a real one (analysing 100,000 real
reports would take this machine ten minutes before the clustering even starts). It is built
to be clustered the way a real one is (see ``stream``): four languages with their own words
drawn by Zipf's law, events of 1-12 reports of 120-500 words that share a cast and topic
words, interleaved at about 300 articles a day. Articles and analyses are built directly, so
only clustering is timed. The run reports how well the events were found (BCubed F1 against
the generator's events): a speed measured on a stream that the clusterer lumps into a few
giant events would say nothing (until 2026-12-02 the stream was of 115 words from one shared
pool of 300, and 98 % of it joined one event).

    python bench/cluster_bench.py                          # 1,000 / 10,000 / 100,000 articles
    python bench/cluster_bench.py --sizes 1000,10000 --repeats 3 --json

Reports, per size: articles/s over the whole run (median of repeats), the cost per article in
each tenth of the stream (flat = the index keeps the work per article bounded), events found
against events written, BCubed F1, live clusters at the end, candidates judged per article,
peak memory of the process.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import time
from datetime import date, timedelta

import numpy as np

from dateline.cluster import OnlineClusterer
from dateline.eval.bcubed import bcubed
from dateline.models import Analysis, Article, Mention, Sentence, TimeExpression

_LANGS = ("en", "de", "fr", "es")
_START = date(2026, 1, 1)
_PER_DAY = 300
_FUNCTION, _CONTENT = 120, 20_000  # words per language
_TOPIC = 8  # concepts per event, each written in every language (its translations)
_CONS, _VOW = "bcdfghjklmnprstvwz", "aeiou"


def _syllables(rng: random.Random, n: int) -> list[str]:
    """``n`` distinct syllables (consonant, vowel, sometimes a consonant): each language draws its
    words from its own, so languages share some character n-grams, as related ones do."""
    out: set[str] = set()
    while len(out) < n:
        out.add(rng.choice(_CONS) + rng.choice(_VOW) + (rng.choice(_CONS) if rng.random() < 0.5 else ""))
    return sorted(out)


def _word(rng: random.Random, syl: list[str], parts: int) -> str:
    return "".join(rng.choice(syl) for _ in range(parts))


def _zipf(size: int) -> np.ndarray:
    """Cumulative probabilities of ranks 1..size under Zipf's law (what word frequencies follow)."""
    p = 1.0 / np.arange(1, size + 1)
    return np.cumsum(p / p.sum())


def stream(n: int, seed: int = 1) -> tuple[list[tuple[Article, Analysis]], list[int]]:
    """``n`` analysed articles in arrival order and the event each was written for.

    Each language has its own function words and content words, drawn by Zipf's law; an event
    has its cast (two people, a place, an organisation), eight topic concepts written in each
    language's words, and a number. Its 1-12 reports, in any of four languages, arrive over about
    a day after it starts, interleaved with every other event's, at about 300 articles a day;
    each is 120-500 words: 45 % function words, 35 % other content words, 20 % topic words, the
    cast named in the title and the text."""
    rng, draw = random.Random(seed), np.random.default_rng(seed)
    syl = {lang: _syllables(rng, 150) for lang in _LANGS}
    names = _syllables(rng, 300)
    function = {lang: [_word(rng, syl[lang], rng.randint(1, 2)) for _ in range(_FUNCTION)] for lang in _LANGS}
    content = {lang: [_word(rng, syl[lang], rng.randint(2, 4)) for _ in range(_CONTENT)] for lang in _LANGS}
    f_cdf, c_cdf = _zipf(_FUNCTION), _zipf(_CONTENT)
    people = [f"{_word(rng, names, 2).capitalize()} {_word(rng, names, 3).capitalize()}" for _ in range(20000)]
    places = [_word(rng, names, 3).capitalize() for _ in range(5000)]
    orgs = [_word(rng, names, 3).upper()[:5] for _ in range(2000)]
    planned: list[tuple[float, int, int]] = []  # (arrival in days, event, report) until n are planned
    events: list[tuple] = []
    while len(planned) < n:
        start = len(planned) / _PER_DAY
        cast = [(p, "PER") for p in rng.sample(people, 2)] + [(rng.choice(places), "LOC"), (rng.choice(orgs), "ORG")]
        topic = rng.sample(range(500, _CONTENT), _TOPIC)  # mid-frequency words: what the event is about
        events.append((cast, topic, str(rng.randint(10, 9999))))
        for r in range(rng.randint(1, 12)):
            planned.append((start + rng.expovariate(1.0), len(events) - 1, r))
    planned = sorted(planned[:n])
    out: list[tuple[Article, Analysis]] = []
    for when, e, _ in planned:
        cast, topic, number = events[e]
        lang = rng.choice(_LANGS)
        size = rng.randint(120, 500)
        kinds = draw.random(size)
        fw = np.searchsorted(f_cdf, draw.random(size)).tolist()
        cw = np.searchsorted(c_cdf, draw.random(size)).tolist()
        words = [function[lang][fw[i]] if k < 0.45 else content[lang][cw[i]] if k < 0.8
                 else content[lang][rng.choice(topic)] for i, k in enumerate(kinds.tolist())]
        named = [c for c in cast if rng.random() < 0.8] or cast[:1]
        title = " ".join(f"{name} {content[lang][rng.choice(topic)]}" for name, _ in named)
        sentences = [" ".join(words[i:i + 20]).capitalize() for i in range(0, size, 20)]
        for name, _ in named:  # each named one opens a sentence of the text as well
            j = rng.randrange(len(sentences))
            sentences[j] = f"{name} {sentences[j]}"
        if rng.random() < 0.5:
            sentences[-1] += f" {number}"
        text = ". ".join(sentences) + "."
        mentions = []
        for name, kind in named:
            at = text.index(name)
            mentions.append(Mention(at, at + len(name), name, kind, entity=f"{kind}:{name.lower()}"))
        mentions.sort(key=lambda m: m.start)
        published = (_START + timedelta(days=int(when))).isoformat()
        aid = f"{len(out):016x}"
        article = Article(id=aid, text=text, origin="bench", lang=lang, title=title, published=published)
        analysis = Analysis(aid, (Sentence(0, len(text)),), tuple(mentions),
                            (TimeExpression(0, 0, "", published, published, "day", "published"),))
        out.append((article, analysis))
    return out, [e for _, e, _ in planned]


def _peak_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run(items: list[tuple[Article, Analysis]], gold: list[int]) -> dict:
    clusterer = OnlineClusterer()
    tenth = max(1, len(items) // 10)
    per_tenth: list[float] = []
    events: list[str] = []
    started = chunk = time.perf_counter()
    for i, item in enumerate(items, 1):
        events.append(clusterer.add(*item).event)
        if i % tenth == 0:
            now = time.perf_counter()
            per_tenth.append(round((now - chunk) / tenth * 1000, 3))
            chunk = now
    seconds = time.perf_counter() - started
    found = [clusterer.event_id(e) for e in events]  # events absorbed later go by the absorbing one's id
    return {"seconds": round(seconds, 2), "articles_per_second": round(len(items) / seconds, 1),
            "ms_per_article_by_tenth": per_tenth, "events": len(set(found)), "events_written": len(set(gold)),
            "bcubed_f1": round(bcubed(found, [str(g) for g in gold])["f1"], 3),
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
        items, gold = stream(size)
        runs = [run(items, gold) for _ in range(args.repeats)]
        best = sorted(runs, key=lambda r: r["articles_per_second"])[len(runs) // 2]  # the median run
        results.append({"articles": size, "repeats": args.repeats,
                        "articles_per_second_median": statistics.median(r["articles_per_second"] for r in runs),
                        "articles_per_second_runs": [r["articles_per_second"] for r in runs],
                        **{k: v for k, v in best.items() if k not in ("articles_per_second", "seconds")},
                        "peak_memory_mib": _peak_mib()})
        if not args.json:
            r = results[-1]
            print(f"{size:>7} articles: {r['articles_per_second_median']:>7.1f} articles/s "
                  f"(runs {r['articles_per_second_runs']}), "
                  f"ms/article by tenth {r['ms_per_article_by_tenth']}, events {r['events']} for {r['events_written']} "
                  f"(BCubed F1 {r['bcubed_f1']}), live events {r['live_events']}, "
                  f"judged/article {r['judged_per_article']}, peak {r['peak_memory_mib']} MiB", flush=True)
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

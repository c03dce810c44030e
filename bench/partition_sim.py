#!/usr/bin/env python3
"""How the one sequential step (clustering) scales past one writer: a simulation on the dev files.

    python bench/partition_sim.py                       # SlavicNER stories (story level) and ECB+ (event level)
    python bench/partition_sim.py --inputs ecb --partitions 2,4,8 --json /tmp/partition.json

For each input (JSON Lines with a gold ``cluster`` per record) it analyses every record once (as
``dateline eval clustering`` does), then clusters the stream in arrival order three ways:

- sequential: one :class:`OnlineClusterer` over the whole stream, as ``dateline`` does today. Its
  rate (articles/s of the clustering step alone, and by tenth of the stream) is where one writer
  saturates.
- partitioned: P clusterers, each over the articles of one partition, in arrival order. An
  article's partition is a blocking key: its most mentioned linked entity (ties: the smaller id),
  hashed; an article with no linked entity goes by its id. Partitions never see each other's
  articles, so P writers could run them at once; the rate is then the slowest partition's.
- partitioned + merge: the same, then a cross-partition pass: one more clusterer over each
  partition event's first article, in arrival order; partition events whose first articles land
  in one event of that pass are one event (and their stories one story). The pass sees one article
  per event, not per article: its load is the stream's divided by the articles per event.

Figures: BCubed F1 of each against the gold labels, and BCubed F1 *between* each and the
sequential labels (1.0: the same clustering); the largest partition's share of the stream; the
seconds of each step. Nothing is tuned here: the clusterer's parameters are its defaults.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

from dateline.cluster.online import OnlineClusterer
from dateline.eval.bcubed import bcubed
from dateline.eval.clustering import analyse_records, cluster_labels, read_records

INPUTS = {"slavic": ("slavicner_stories.jsonl", "story"), "ecb": ("ecbplus_events.jsonl", "event")}


def blocking_key(item) -> str:
    article, analysis = item
    counts = Counter(m.entity for m in analysis.mentions if m.entity)
    if not counts:
        return "id:" + article.id
    return min(counts, key=lambda e: (-counts[e], e))


def partition_of(item, partitions: int) -> int:
    return zlib.crc32(blocking_key(item).encode()) % partitions


def run_partitioned(analysed, level: str, partitions: int) -> tuple[list[str], list[str], dict]:
    """Labels without and with the merge pass (record order), and the timings."""
    n = len(analysed)
    parts: list[list[int]] = [[] for _ in range(partitions)]
    for i, item in enumerate(analysed):
        if item is not None:
            parts[partition_of(item, partitions)].append(i)
    labels = [f"__unclustered_{i}" for i in range(n)]
    event_labels = list(labels)
    seconds = []
    for p, order in enumerate(parts):
        part_events, _, s = cluster_labels(analysed, order, "event")
        part_labels, _, _ = cluster_labels(analysed, order, level) if level == "story" else (part_events, None, 0)
        seconds.append(s)
        for i in order:
            labels[i] = f"p{p}:{part_labels[i]}"
            event_labels[i] = f"p{p}:{part_events[i]}"
    # the merge pass: each partition event's first article, in arrival order, through one clusterer
    firsts: dict[str, int] = {}
    for i in range(n):
        if analysed[i] is not None:
            firsts.setdefault(event_labels[i], i)
    order = sorted(firsts.values())
    started = time.perf_counter()
    merged_of_first, _, _ = cluster_labels(analysed, order, level)
    merge_s = time.perf_counter() - started
    parent = {}  # partition label -> merged label, through the events' first articles

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    first_label = {i: merged_of_first[i] for i in order}
    by_merged: dict[str, str] = {}
    for event, i in firsts.items():
        cluster = labels[i]  # the partition's story (or event) of this event
        target = by_merged.setdefault(first_label[i], cluster)
        a, b = find(cluster), find(target)
        if a != b:
            parent[a] = b
    merged = [find(x) if analysed[i] is not None else x for i, x in enumerate(labels)]
    sizes = [len(o) for o in parts]
    return labels, merged, {"partition_seconds": [round(s, 2) for s in seconds], "merge_seconds": round(merge_s, 2),
                            "merge_items": len(order), "largest_share": round(max(sizes) / max(1, sum(sizes)), 3)}


def tenths(analysed, level: str) -> list[float]:
    """ms per article of the sequential clusterer, by tenth of the stream."""
    clusterer = OnlineClusterer()
    n = len(analysed)
    out = []
    for t in range(10):
        chunk = [analysed[i] for i in range(t * n // 10, (t + 1) * n // 10) if analysed[i] is not None]
        started = time.perf_counter()
        for item in chunk:
            clusterer.add(*item)
            clusterer.drain_moves()
            clusterer.drain_event_merges()
        out.append(round(1000 * (time.perf_counter() - started) / max(1, len(chunk)), 2))
    return out


def simulate(path: Path, level: str, partitions: list[int], cache: Path | None) -> dict:
    records = read_records(path)
    gold = [r["cluster"] for r in records]
    started = time.perf_counter()
    analysed = None
    if cache and cache.exists():
        import pickle

        analysed = pickle.loads(cache.read_bytes())
    if analysed is None or len(analysed) != len(records):
        analysed = analyse_records(records)
        if cache:
            import pickle

            cache.write_bytes(pickle.dumps(analysed))
    analyse_s = time.perf_counter() - started
    sequential, clusterer, seq_s = cluster_labels(analysed, range(len(records)), level)
    usable = sum(1 for a in analysed if a is not None)
    result = {
        "file": str(path), "level": level, "articles": len(records), "analyse_seconds": round(analyse_s, 1),
        "sequential": {"bcubed_f1_gold": round(bcubed(sequential, gold)["f1"], 4), "seconds": round(seq_s, 2),
                       "articles_per_second": round(usable / seq_s, 1), "events": clusterer.event_count,
                       "ms_per_article_by_tenth": tenths(analysed, level)},
        "partitioned": {},
    }
    for p in partitions:
        alone, merged, timing = run_partitioned(analysed, level, p)
        slowest = max(timing["partition_seconds"])
        result["partitioned"][p] = {
            "bcubed_f1_gold": round(bcubed(alone, gold)["f1"], 4),
            "bcubed_f1_vs_sequential": round(bcubed(alone, sequential)["f1"], 4),
            "merged_bcubed_f1_gold": round(bcubed(merged, gold)["f1"], 4),
            "merged_bcubed_f1_vs_sequential": round(bcubed(merged, sequential)["f1"], 4),
            **timing,
            # P writers at once: the slowest partition, then the merge pass (which can follow the
            # partitions as they go: its items are one per event)
            "articles_per_second_p_writers": round(usable / slowest, 1) if slowest else None,
        }
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", default="slavic,ecb")
    parser.add_argument("--partitions", default="2,4,8")
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data" / "dev")
    parser.add_argument("--cache", type=Path, default=None, help="a folder to keep the analyses in between runs")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    partitions = [int(p) for p in args.partitions.split(",")]
    out = {}
    for name in args.inputs.split(","):
        filename, level = INPUTS[name]
        path = args.data / filename
        cache = None
        if args.cache:
            args.cache.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
            cache = args.cache / f"{name}-{digest}.pickle"
        out[name] = r = simulate(path, level, partitions, cache)
        s = r["sequential"]
        print(f"== {name} ({r['articles']} articles, {level} level)")
        print(f"   sequential     gold F1 {s['bcubed_f1_gold']:.4f}   {s['articles_per_second']:.0f} art/s "
              f"({s['seconds']} s); ms/article by tenth {s['ms_per_article_by_tenth']}")
        for p, q in r["partitioned"].items():
            print(f"   P={p:<2} alone     gold F1 {q['bcubed_f1_gold']:.4f}   vs sequential {q['bcubed_f1_vs_sequential']:.4f}"
                  f"   largest share {q['largest_share']:.2f}   {q['articles_per_second_p_writers']:.0f} art/s with {p} writers")
            print(f"        + merge   gold F1 {q['merged_bcubed_f1_gold']:.4f}   vs sequential "
                  f"{q['merged_bcubed_f1_vs_sequential']:.4f}   merge pass {q['merge_items']} items, {q['merge_seconds']} s")
        sys.stdout.flush()
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

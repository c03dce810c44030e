#!/usr/bin/env python3
"""The cluster stage of the pipeline on real reports: clustering, the saved state and the store.

`bench/cluster_bench.py` times the clusterer alone on a synthetic stream. This script times
what `dateline cluster` does per batch on a file of real reports: place each analysed article
(`OnlineClusterer.add`), write the clusterer's whole state and the batch's placements in one
transaction (`pipeline.cluster_pending`). The reports are read once, by path, ingested and
analysed into a temporary store; each repeat then clusters a fresh copy of that store.

    python bench/cluster_stage_bench.py ../shared/data/dev/slavicner_stories.jsonl
    python bench/cluster_stage_bench.py FILE.jsonl --limit 1000 --repeats 3 --batch-size 500

Any JSON Lines file that `dateline ingest` reads will do (`text`, and any of `id, title, lang,
published, ...`). Reported per repeat: seconds and articles/s of the stage, the batches it took
and its seconds spent in their writes (the stage doubles a batch whose writes took more than a
fifth of its placing time, up to ``--max-batch-size``); at the end the state's size (as one JSON
document, compressed, and as the store keeps it in parts), the time to write it whole (export,
JSON, zlib: what every batch did before the state was kept in parts), to write the core a batch
writes whatever changed, and to load the kept state.
Numbers are for comparing runs on one machine; nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import statistics
import sys
import tempfile
import time
import zlib
from pathlib import Path

from dateline.cluster import OnlineClusterer
from dateline.pipeline import analyze_pending, cluster_pending, ingest, kept_changes, load_clusterer
from dateline.store import open_store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="only the first N reports of the file")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=500, help="as `cluster_pending` (default 500)")
    parser.add_argument("--max-batch-size", type=int, default=8000,
                        help="as `cluster_pending` (default 8000; the batch size: fixed batches)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        with args.file.open(encoding="utf-8") as fh, source.open("w", encoding="utf-8") as out:
            out.writelines(itertools.islice(fh, args.limit))
        analysed = Path(tmp) / "analysed.db"
        started = time.perf_counter()
        with open_store(analysed) as store:
            ingest([str(source)], store)
            summary = analyze_pending(store)
        prepare_s = time.perf_counter() - started
        runs = []
        for _ in range(args.repeats):
            run = Path(tmp) / "run.db"
            shutil.copyfile(analysed, run)
            with open_store(run) as store:
                clusterer = OnlineClusterer()
                done = cluster_pending(store, batch_size=args.batch_size, max_batch_size=args.max_batch_size,
                                       clusterer=clusterer)
                kept = store.cluster_state()
                started = time.perf_counter()
                load_clusterer(store, OnlineClusterer())
                load_s = time.perf_counter() - started
            runs.append((done.seconds, done.clustered, done.batches, done.write_seconds))
        stored = len(kept.core) + sum(map(len, kept.terms)) + sum(len(c) for rows in kept.clusters.values() for c in rows)
        started = time.perf_counter()
        state = clusterer.export_state()
        raw = json.dumps(state, separators=(",", ":")).encode()
        packed = zlib.compress(raw, 1)
        write_s = time.perf_counter() - started
        started = time.perf_counter()
        kept_changes(clusterer)  # nothing changed since the last batch: the core alone
        core_s = time.perf_counter() - started

    seconds = [s for s, _, _, _ in runs]
    report = {
        "file": str(args.file), "reports": summary.analyzed, "clustered": runs[0][1],
        "batch_size": args.batch_size, "max_batch_size": args.max_batch_size, "prepare_seconds": round(prepare_s, 1),
        "stage_seconds": [round(s, 2) for s in seconds],
        "batches": [b for _, _, b, _ in runs], "write_seconds": [round(w, 2) for _, _, _, w in runs],
        "median_articles_per_second": round(runs[0][1] / statistics.median(seconds), 1) if seconds else None,
        "state_mb": {"json": round(len(raw) / 1e6, 1), "compressed": round(len(packed) / 1e6, 1),
                     "stored": round(stored / 1e6, 1)},
        "whole_state_write_seconds": round(write_s, 2), "core_write_seconds": round(core_s, 2),
        "state_load_seconds": round(load_s, 2),
    }
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

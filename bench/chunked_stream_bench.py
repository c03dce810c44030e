#!/usr/bin/env python3
"""The stages as a feed runs them: a stream arrives in chunks, and after each chunk the reports
are ingested, analysed, placed in events (`cluster_pending`) and the events they touched framed
again (`frame_pending`), each run starting from what the store keeps.

`cluster_stage_bench.py` times one run over a whole file. Run chunk by chunk, each cluster run
also loads the clusterer's kept state and writes its core again, and each frame run rebuilds the
record of every event that gained a member (old members from their kept frames); both costs grow
with the stream and the events, which this script shows per chunk.

    python bench/chunked_stream_bench.py ../shared/data/dev/slavicner_stories.jsonl
    python bench/chunked_stream_bench.py FILE.jsonl --chunk 200 --limit 2000

Any JSON Lines file that `dateline ingest` reads will do. Reported per chunk: seconds of the
cluster and frame runs, the events framed and their members; at the end the totals. Ingest and
analysis are not timed. Numbers are for comparing runs on one machine; nothing here asserts a
timing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

from dateline.pipeline import analyze_pending, cluster_pending, frame_pending, ingest
from dateline.store import open_store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--chunk", type=int, default=500, help="reports per chunk (default 500)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N reports of the file")
    args = parser.parse_args(argv)

    with args.file.open(encoding="utf-8") as fh:
        lines = list(itertools.islice(fh, args.limit))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "stream.db"
        for start in range(0, len(lines), args.chunk):
            source = Path(tmp) / "chunk.jsonl"
            source.write_text("".join(lines[start:start + args.chunk]), encoding="utf-8")
            with open_store(db) as store:
                ingest([str(source)], store)
                analyze_pending(store)
                started = time.perf_counter()
                clustered = cluster_pending(store)
                cluster_s = time.perf_counter() - started
                stale = store.stale_events()
                members = sum(s.articles for e in stale if (s := store.event_summary(e)) is not None)
                started = time.perf_counter()
                framed = frame_pending(store)
                frame_s = time.perf_counter() - started
            rows.append({"reports": min(start + args.chunk, len(lines)), "clustered": clustered.clustered,
                         "cluster_seconds": round(cluster_s, 2), "events_framed": framed,
                         "members_framed": members, "frame_seconds": round(frame_s, 2)})
            print(json.dumps(rows[-1]), flush=True)
    print(json.dumps({"file": str(args.file), "chunk": args.chunk, "chunks": len(rows),
                      "cluster_seconds": round(sum(r["cluster_seconds"] for r in rows), 1),
                      "frame_seconds": round(sum(r["frame_seconds"] for r in rows), 1),
                      "members_framed": sum(r["members_framed"] for r in rows)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

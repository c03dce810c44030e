#!/usr/bin/env python3
"""Fingerprints of what a store holds, to show that a change to how the pipeline runs (worker
processes, faster code) changed nothing in what it finds.

    python bench/store_digest.py STORE.db [--json]

Prints one SHA-256 per part, over a canonical JSON form of it:

- articles: each article's id, language, title, published date and duplicate_of, in ingest order;
- analyses: each article's mentions (span, type, entity), time expressions and sentence count;
- placements: each article's event, story, basis, probability and evidence;
- events: each event's summary (story, days, headline, place, languages, counts);
- records: each event's stored record;
- comparisons: each event's comparison of its sources (agreed, one source, differing), as the
  event page and ``GET /api/events/{id}`` give it.

Ids are content hashes, so two stores built from the same input by the same code agree part by
part; the first part that differs says where to look.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import asdict
from pathlib import Path

from dateline.store import open_store
from dateline.store.base import EventFilter


def _digest(items) -> str:
    h = hashlib.sha256()
    for item in items:
        h.update(json.dumps(item, sort_keys=True, ensure_ascii=False, default=str).encode())
        h.update(b"\n")
    return h.hexdigest()


def store_digest(path: str | Path, comparisons: bool = True) -> dict:
    """The parts' fingerprints and counts of the store at ``path``; ``comparisons=False`` skips
    the slowest part (each event's comparison is computed over all its members)."""
    from dateline.service.queries import event_detail

    store = open_store(str(path))
    with store:
        stored = list(store.articles())
        summaries = sorted(store.event_summaries(EventFilter()), key=lambda s: s.id)
        events = [s.id for s in summaries]

        def analysis_rows():
            for s in stored:
                a = store.analysis(s.article.id)
                if a is None:
                    yield [s.article.id, None]
                    continue
                yield [s.article.id, [[m.start, m.end, m.type, m.entity] for m in a.mentions],
                       [asdict(t) for t in a.times], len(a.sentences)]

        def placement_rows():
            for s in stored:
                p = store.placement(s.article.id)
                summary = store.event_summary(p.event_id) if p else None
                yield [s.article.id, p and p.event_id, summary and summary.story_id, p and p.basis,
                       p and p.probability, p and p.evidence]

        a = [[s.article.id, s.article.lang, s.article.title, s.article.published, s.article.duplicate_of]
             for s in stored]
        out = {
            "articles": {"n": len(a), "sha256": _digest(a)},
            "analyses": {"sha256": _digest(analysis_rows())},
            "placements": {"sha256": _digest(placement_rows())},
            "events": {"n": len(events), "sha256": _digest(asdict(s) for s in summaries)},
            "records": {"sha256": _digest([e, store.event_record(e)] for e in events)},
        }
        if comparisons:
            out["comparisons"] = {"sha256": _digest([e, event_detail(store, e)["comparison"]] for e in events)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-comparisons", action="store_true", help="skip the comparisons (minutes on a large store)")
    args = ap.parse_args(argv)
    d = store_digest(args.store, comparisons=not args.no_comparisons)
    if args.json:
        print(json.dumps(d, indent=2))
    else:
        for part, v in d.items():
            n = f" ({v['n']})" if "n" in v else ""
            print(f"{part:<12} {v['sha256'][:16]}{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

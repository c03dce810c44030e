"""The clusterer on a long synthetic stream with known events: the stream of
``bench/cluster_bench.py``, whose throughput figures mean something only if the events in it are
found. Its earlier version (one shared pool of 300 words) was lumped into one event, and nothing
failed: this test would have."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

from dateline.cluster import OnlineClusterer
from dateline.eval.bcubed import bcubed

BENCH = Path(__file__).resolve().parents[1] / "bench" / "cluster_bench.py"


def _bench():
    spec = importlib.util.spec_from_file_location("cluster_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_the_benchmark_stream_is_clustered_into_its_events():
    items, gold = _bench().stream(600, seed=3)
    clusterer = OnlineClusterer()
    found = [clusterer.add(*item).event for item in items]
    found = [clusterer.event_id(e) for e in found]
    scores = bcubed(found, [str(g) for g in gold])
    assert scores["f1"] >= 0.95, scores
    written, made = len(set(gold)), len(set(found))
    assert 0.85 * written <= made <= 1.25 * written, (made, written)
    # no catch-all: the largest event found is no larger than the largest written
    assert max(Counter(found).values()) <= max(Counter(gold).values())
    # reports of one event come in several languages and interleave with other events'
    assert len({a.lang for a, _ in items}) == 4
    assert any(gold[i] != gold[i + 1] and gold[i] in gold[i + 2:i + 20] for i in range(len(gold) - 2))

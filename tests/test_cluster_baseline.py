"""The plain clustering baseline beside the clusterer: a cut tuned on one part, scored on the other.

The texts are written for this test."""

from __future__ import annotations

import json

from dateline.eval.cluster_baseline import tfidf_average_linkage
from dateline.eval.clustering import evaluate_clustering

TOPICS = {
    "ferry": "The river ferry stopped after the landing stage cracked; the operator promised repairs to the ferry.",
    "orchard": "Frost killed the apple blossom in the valley orchards; growers counted the orchard losses.",
    "museum": "Thieves took two paintings from the city museum at night; the museum guard saw a van.",
}


def _records(copies: int) -> list[dict]:
    return [{"id": f"{name}-{k}", "title": name.title(), "text": f"{text} Report {k}.", "cluster": name}
            for k in range(copies) for name, text in TOPICS.items()]


def test_the_cut_tuned_on_one_part_separates_the_topics_of_the_other():
    records = _records(6)
    mask = [i % 3 == 0 or i % 4 == 0 for i in range(len(records))]
    result = tfidf_average_linkage(records, [r["cluster"] for r in records], mask)
    assert result["bcubed"]["f1"] == 1.0 and result["clusters"] == 3
    assert 0.1 <= result["cut_tuned_on_tuning_part"] <= 0.95
    # one part empty: nothing to tune or to score, and it says so
    assert "unavailable" in tfidf_average_linkage(records, [r["cluster"] for r in records], [False] * len(records))


def test_eval_clustering_prints_the_baseline_on_the_untouched_part(tmp_path):
    path = tmp_path / "ecbplus_events.jsonl"  # the name makes it split as ECB+ is: by topic, from the id
    rows = [{"id": f"{t}_{k}ecbplus", "lang": "en", "title": name.title(), "text": f"{text} Report {k}.",
             "cluster": name} for t, (name, text) in enumerate(TOPICS.items(), start=1) for k in range(4)]
    rows += [{"id": f"{t + 3}_{k}ecb", "lang": "en", "title": r["title"], "text": r["text"], "cluster": r["cluster"] + "-b"}
             for t, r in enumerate(rows[:: 4], start=1) for k in range(3)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = evaluate_clustering(path, level="event")
    part = result["untouched"]
    assert part is not None and part["articles"] == part["split"]["untouched_records"] > 0
    assert set(part["baseline"]["bcubed"]) == {"precision", "recall", "f1"}

"""``eval clustering``: online event/story clustering against gold clusters.

Input: JSON Lines ``{id, lang, title, text, cluster}`` (the format of ``slavicner_stories.jsonl``
and ``ecbplus_events.jsonl``). Each record is cleaned, analysed and added to an
:class:`~dateline.cluster.online.OnlineClusterer` in file order; the chosen level's ids (story
or event) are scored with BCubed and pairwise precision/recall/F1. With ``shuffle_seed`` the
same analysed articles are clustered again in a shuffled order and the two clusterings are
compared (BCubed F1 of one against the other, adjusted Rand index), which measures order
dependence.
"""

from __future__ import annotations

import json
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from math import comb
from pathlib import Path
from typing import Any

from dateline.clean import CleanError, clean
from dateline.cluster.online import OnlineClusterer
from dateline.eval.bcubed import bcubed
from dateline.eval.cluster_baseline import tfidf_average_linkage
from dateline.eval.parts import Split, split_of
from dateline.models import Analysis, Article, RawDocument
from dateline.pipeline import Analyzer

LEVELS = ("story", "event")


def pairwise(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> dict[str, float]:
    """Pairwise precision, recall and F1: over all unordered item pairs, a pair is predicted
    positive when both items share a predicted cluster and gold positive when they share a gold
    cluster. Computed from cluster sizes, without enumerating pairs."""
    if len(predicted) != len(gold):
        raise ValueError(f"predicted has {len(predicted)} labels but gold has {len(gold)}")
    both = sum(comb(c, 2) for c in Counter(zip(predicted, gold)).values())
    pred_pairs = sum(comb(c, 2) for c in Counter(predicted).values())
    gold_pairs = sum(comb(c, 2) for c in Counter(gold).values())
    precision = both / pred_pairs if pred_pairs else 0.0
    recall = both / gold_pairs if gold_pairs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def adjusted_rand(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """Adjusted Rand index of two labelings (1 = identical, about 0 = chance)."""
    n = len(a)
    if n != len(b):
        raise ValueError("labelings differ in length")
    if n < 2:
        return 1.0
    index = sum(comb(c, 2) for c in Counter(zip(a, b)).values())
    sa = sum(comb(c, 2) for c in Counter(a).values())
    sb = sum(comb(c, 2) for c in Counter(b).values())
    expected = sa * sb / comb(n, 2)
    top = (sa + sb) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


def read_records(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _article(record: dict[str, Any]) -> Article | None:
    text, title, lang = record.get("text") or "", record.get("title") or "", record.get("lang")
    meta = {"lang": lang} if lang else {}
    attempts = [(text, {**meta, "title": title} if title else meta)]
    if title:  # a record whose body cleans away still has its title to compare
        attempts.append((f"{title}\n\n{text}", meta))
    for data, m in attempts:
        try:
            return clean(RawDocument(str(record["id"]), data=data.encode("utf-8"), meta=m))
        except CleanError:
            continue
    return None


def analyse_records(records: Iterable[dict[str, Any]]) -> list[tuple[Article, Analysis] | None]:
    """Clean and analyse each record in order (one Analyzer for the run); ``None`` where a
    record has no usable text (it is then scored as a cluster of its own)."""
    analyzer = Analyzer()
    out: list[tuple[Article, Analysis] | None] = []
    for record in records:
        article = _article(record)
        out.append(None if article is None else (article, analyzer.analyze(article)[0]))
    return out


def cluster_labels(analysed: Sequence[tuple[Article, Analysis] | None], order: Sequence[int],
                   level: str, **params: Any) -> tuple[list[str], OnlineClusterer, float]:
    """Cluster the analysed records in ``order``; labels in record order and seconds spent."""
    clusterer = OnlineClusterer(**params)
    labels: list[str] = [""] * len(analysed)
    events: dict[int, str] = {}
    story_of: dict[str, str] = {}  # event -> its story, as the store keeps it
    started = time.perf_counter()
    for i in order:
        item = analysed[i]
        if item is None:
            labels[i] = f"__unclustered_{i}"
            continue
        placed = clusterer.add(*item)
        events[i] = event = clusterer.event_id(placed.event)
        story_of[event] = clusterer.story_of(event) or placed.story
        story_of.update(clusterer.drain_moves())  # the warm-up's second look
        clusterer.drain_event_merges()  # the clusterer keeps their aliases (event_id)
    seconds = time.perf_counter() - started
    for i, event in events.items():  # events absorbed, stories merged after an article was placed
        event = clusterer.event_id(event)
        labels[i] = clusterer.story_id(story_of[event]) if level == "story" else event
    return labels, clusterer, seconds


def _peak_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)


def _untouched(records: Sequence[dict[str, Any]], analysed: Sequence[tuple[Article, Analysis] | None],
               gold: Sequence[str], split: Split, level: str, shuffle_seed: int | None,
               params: dict[str, Any]) -> dict[str, Any]:
    """The untouched part clustered alone, in file order (and shuffled with the seed), and the
    plain baseline beside it."""
    keep = split.untouched
    part, part_gold = [analysed[i] for i in keep], [gold[i] for i in keep]
    labels, _, _ = cluster_labels(part, range(len(part)), level, **params)
    out: dict[str, Any] = {
        "articles": len(part),
        "bcubed": {k: round(v, 4) for k, v in bcubed(labels, part_gold).items() if k != "items"},
        "clusters": {"predicted": len(set(labels)), "gold": len(set(part_gold))},
        "split": split.summary(),
    }
    if shuffle_seed is not None:
        order = list(range(len(part)))
        random.Random(shuffle_seed).shuffle(order)
        shuffled, _, _ = cluster_labels(part, order, level, **params)
        out["bcubed_f1_shuffled"] = round(bcubed(shuffled, part_gold)["f1"], 4)
    out["baseline"] = tfidf_average_linkage(records, gold, split.mask)
    return out


def evaluate_clustering(path: str | Path, level: str = "story", predictions: str | Path | None = None,
                        shuffle_seed: int | None = None, limit: int | None = None,
                        **params: Any) -> dict[str, Any]:
    """Metrics of online clustering on one file; ``params`` go to :class:`OnlineClusterer`."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    records = read_records(path)[:limit]
    started = time.perf_counter()
    analysed = analyse_records(records)
    analyse_s = time.perf_counter() - started
    labels, clusterer, cluster_s = cluster_labels(analysed, range(len(records)), level, **params)
    gold = [r["cluster"] for r in records]
    n = len(records)
    result: dict[str, Any] = {
        "file": str(path), "level": level, "articles": n,
        "unusable": sum(1 for a in analysed if a is None),
        "bcubed": {k: round(v, 4) for k, v in bcubed(labels, gold).items() if k != "items"},
        "pairwise": {k: round(v, 4) for k, v in pairwise(labels, gold).items()},
        "clusters": {"predicted": len(set(labels)), "gold": len(set(gold))},
        "events": clusterer.event_count, "stories": clusterer.story_count,
        "judged_per_article": round(clusterer.mean_judged, 2),
        "articles_per_second": {"clustering": round(n / cluster_s, 1) if cluster_s else None,
                                "end_to_end": round(n / (analyse_s + cluster_s), 1)},
        "params": {"event_threshold": clusterer.events.threshold,
                   "story_threshold": clusterer.stories.threshold,
                   "story_merge": clusterer.story_merge, "event_merge": clusterer.event_merge,
                   "window_days": clusterer.events.window_days, "candidates": clusterer.events.k},
    }
    if shuffle_seed is not None:
        order = list(range(n))
        random.Random(shuffle_seed).shuffle(order)
        shuffled, _, _ = cluster_labels(analysed, order, level, **params)
        result["order"] = {
            "shuffle_seed": shuffle_seed,
            "bcubed_f1_shuffled": round(bcubed(shuffled, gold)["f1"], 4),
            "agreement_bcubed_f1": round(bcubed(shuffled, labels)["f1"], 4),
            "agreement_ari": round(adjusted_rand(shuffled, labels), 4),
        }
    split = split_of(path, records) if limit is None else None
    result["untouched"] = _untouched(records, analysed, gold, split, level, shuffle_seed, params) if split else None
    result["peak_memory_mib"] = _peak_mib()
    if predictions is not None:
        with open(predictions, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps({"id": record["id"], "cluster": label}, ensure_ascii=False) + "\n"
                          for record, label in zip(records, labels))
    return result

"""Runs the stages in order over batches: read -> clean -> dedupe -> store, then analyze -> link,
then cluster -> story, then frame.

The names are loaded on first use: ``dateline.pipeline.members`` (an event as the store keeps
it) is read by every look at an event, which must not pay for the ingest stages' imports."""

from __future__ import annotations

import importlib

_STAGES = ("BATCH_SIZE", "AnalyzeSummary", "Analyzer", "ClusterSummary", "IngestSummary", "analyze_pending",
           "clean_document", "cluster_pending", "frame_pending", "gazetteer_mentions", "ingest", "ingest_documents", "kept_changes",
           "load_clusterer", "load_models", "Warm")

__all__ = list(_STAGES)


def __getattr__(name: str):
    if name in _STAGES:
        return getattr(importlib.import_module("dateline.pipeline.stages"), name)
    raise AttributeError(f"module 'dateline.pipeline' has no attribute {name!r}")

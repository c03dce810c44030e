"""The writing commands every face shares: take reports in and run them through the whole
pipeline (clean, dedupe, store, analyze, link, cluster, frame).

``dateline ingest``, ``dateline watch`` and ``POST /api/reports`` all end here, so one store
may be written by several of them at once: each stage holds the store's writer lock per batch
(see ``Store.writing``), and a ``Warm`` keeps a long-running writer's analyzer and clusterer
between calls, reloaded only when another writer changed their state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from dateline.models import RawDocument, Rejection
from dateline.pipeline import IngestSummary, Warm, ingest_documents
from dateline.pipeline.process import Processed, process_pending
from dateline.pipeline.workers import INLINE, Workers
from dateline.store import Store


@dataclass
class Taken:
    """Reports taken in: the ingest summary, the stages run after it (None with ``process=False``)
    and, per document that cleaned, where it was stored and placed."""

    ingest: IngestSummary
    processed: Processed | None
    articles: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        out = self.ingest.as_dict()
        out.pop("rejections")
        out["rejections"] = [{"input": r.origin, "reason": r.reason} for r in self.ingest.rejections]
        out["articles"] = self.articles
        if self.processed is not None:
            out.update(self.processed.as_dict())
        return out


def take_reports(store: Store, items: Iterable[RawDocument | Rejection], *, warm: Warm | None = None,
                 process: bool = True, batch_size: int = 200,
                 on_rejection: Callable[[Rejection], None] | None = None,
                 workers: Workers = INLINE) -> Taken:
    """Store documents already read and, unless ``process`` is False, run them through the rest
    of the pipeline; says for each where it went (its article id, whether it was new or a copy,
    and its event and story once placed)."""
    summary = ingest_documents(items, store, batch_size=batch_size, on_rejection=on_rejection, workers=workers)
    processed = process_pending(store, warm=warm, batch_size=batch_size, workers=workers) if process else None
    return Taken(summary, processed, [placed(store, origin, article_id, status)
                                      for origin, article_id, status in summary.outcomes])


def placed(store: Store, origin: str, article_id: str, status: str) -> dict:
    """Where one stored report went: its event and story (None while not yet placed)."""
    placement = store.placement(article_id)
    event = store.event_summary(placement.event_id) if placement else None
    stored = store.get(article_id)
    return {"input": origin, "article": article_id, "status": status,
            "duplicate_of": stored.article.duplicate_of if stored else None,
            "event": placement.event_id if placement else None,
            "story": event.story_id if event else None,
            "basis": placement.basis if placement else None,
            "probability": placement.probability if placement else None}

"""The stages after storing (analyze and link, cluster and story, frame) run together, so that
both cores stay busy: the workers tag the articles ahead of the one writer and frame the reports
it has linked, while the writer links and, every CLUSTER_EVERY articles, places them in events.

The writer's part is sequential either way: it links and places the articles in ingest order,
one after another, so what is found is the same as running the stages one after the other (a
test holds it to that), only the waiting is gone. With one worker nothing runs alongside, and
the stages interleave the same way.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from dateline.pipeline.stages import (
    BATCH_SIZE,
    AnalyzeSummary,
    ClusterSummary,
    Warm,
    analyze_pending,
    cluster_pending,
    frame_pending,
)
from dateline.pipeline.workers import INLINE, Workers
from dateline.store import Store

# Articles analysed before the writer places them: under what the workers are given ahead
# (stages.TAG_AHEAD), so that they go on tagging while the writer clusters.
CLUSTER_EVERY = 1_000


@dataclass
class Processed:
    """What one run of the stages after storing did."""

    analyzed: AnalyzeSummary
    clustered: ClusterSummary
    framed: int
    frame_seconds: float = 0.0

    def as_dict(self) -> dict:
        return {"analyzed": self.analyzed.as_dict(), "clustered": self.clustered.as_dict(), "framed": self.framed}


def process_pending(store: Store, *, warm: Warm | None = None, batch_size: int = BATCH_SIZE,
                    on_analyzed: Callable[[int], None] | None = None,
                    on_clustered: Callable[[int], None] | None = None,
                    workers: Workers = INLINE, cluster: bool = True,
                    cluster_every: int = CLUSTER_EVERY) -> Processed:
    """Analyse, link, cluster and frame whatever is stored but not yet done (only analyse and
    link with ``cluster=False``). ``warm``: a long-running writer's analyzer and clusterer."""
    warm = warm if warm is not None else Warm()
    clustered = ClusterSummary()
    terms: dict = {}  # analysed articles' terms for the clusterer, taken by the workers
    waiting = 0  # analysed since the writer last clustered

    def between(analysed: int) -> None:
        nonlocal waiting
        waiting += analysed
        if cluster and waiting >= cluster_every:
            # all of them in one transaction: each writes the clusterer's core whole
            clustered.add(cluster_pending(store, batch_size=max(waiting, 500), on_article=on_clustered, warm=warm,
                                          terms=terms))
            waiting = 0

    analyzed = analyze_pending(store, batch_size=batch_size, on_article=on_analyzed, warm=warm,
                               workers=workers, between=between, terms=terms if cluster else None)
    if not cluster:
        return Processed(analyzed, clustered, 0)
    clustered.add(cluster_pending(store, on_article=on_clustered, warm=warm, terms=terms))
    started = time.perf_counter()
    framed = frame_pending(store, workers=workers)  # the records give each event its date, place and headline
    return Processed(analyzed, clustered, framed, time.perf_counter() - started)

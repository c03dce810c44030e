"""Where Dateline keeps what the stages produce.

``Store`` is the interface every backend implements; ``open_store`` picks one from a path or
URL. SQLite (a file, the default) is the only backend so far; a PostgreSQL backend slots in
behind the same interface.
"""

from __future__ import annotations

import os
from pathlib import Path

from dateline.store.base import (
    ArticleFilter,
    ClusterStateChanges,
    EntityFilter,
    EntitySummary,
    EventFilter,
    EventRecordRow,
    EventSummary,
    FeedState,
    KeptClusterState,
    PlacementRow,
    Store,
    StoredArticle,
    StorySummary,
)
from dateline.store.sqlite import SQLiteStore

DEFAULT_DB = "dateline.db"

__all__ = ["ArticleFilter", "ClusterStateChanges", "EntityFilter", "EntitySummary", "EventFilter", "EventRecordRow",
           "EventSummary", "FeedState", "KeptClusterState", "PlacementRow", "StoredArticle", "Store", "StorySummary", "SQLiteStore",
           "open_store", "default_db"]


def default_db() -> str:
    return os.environ.get("DATELINE_DB") or DEFAULT_DB


def open_store(location: str | os.PathLike[str] | None = None) -> Store:
    location = str(location or default_db())
    if location.startswith(("postgres://", "postgresql://")):
        raise NotImplementedError("the PostgreSQL store is not built yet; use a SQLite file path")
    return SQLiteStore(Path(location))

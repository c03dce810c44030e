"""Where Dateline keeps what the stages produce.

``Store`` is the interface every backend implements; ``open_store`` picks one from a path or
URL: a SQLite file (the default, embedded), or a PostgreSQL database for a team
(``postgresql://...``, pg.py; needs the ``postgres`` extra).
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
           "open_store", "default_db", "is_postgres"]


def default_db() -> str:
    return os.environ.get("DATELINE_DB") or DEFAULT_DB


def open_store(location: str | os.PathLike[str] | None = None) -> Store:
    location = str(location or default_db())
    if is_postgres(location):
        try:
            from dateline.store.pg import PostgresStore
        except ImportError as exc:
            raise RuntimeError("a PostgreSQL store needs psycopg: pip install 'dateline[postgres]'") from exc
        return PostgresStore(location)
    return SQLiteStore(Path(location))


def is_postgres(location: str | os.PathLike[str]) -> bool:
    return str(location).startswith(("postgres://", "postgresql://"))

"""One write transaction on a SQLite connection opened with ``isolation_level=None``."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` (take the write lock now, not at the first write, so two writers
    queue instead of failing mid-batch), ``COMMIT`` on success, ``ROLLBACK`` on any exception,
    including KeyboardInterrupt: a batch lands whole or not at all."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise

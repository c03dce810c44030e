"""The default store: one SQLite file, WAL journal, one transaction per batch."""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path

from dateline.store.migrations import LATEST, MIGRATIONS
from dateline.store.sql_store import Dialect, SQLStore
from dateline.store.sqlite_lock import WriterLock
from dateline.store.sqlite_search import backfill, index_articles, match_expression, search_seqs
from dateline.store.sqlite_tx import transaction
from dateline.store.sqlite_upgrade import upgrade_to_6


class SchemaTooNewError(RuntimeError):
    pass


class SQLiteStore(SQLStore):
    dialect = Dialect(contains="instr({0}, {1}) > 0", concat="group_concat({0})",
                      concat_distinct="group_concat(DISTINCT {0})", join_in_order="CROSS JOIN")

    def __init__(self, path: Path) -> None:
        self.path = path
        self._writer = WriterLock(path)
        # isolation_level=None: we open transactions ourselves, so a batch is exactly one.
        self._db = sqlite3.connect(str(path), isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable at checkpoint, never corrupt
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.execute("PRAGMA busy_timeout=60000")  # a writer waits for another's batch to commit
        if self.schema_version() != LATEST:
            with self._writer.hold():  # two processes opening a new store must not both create its tables
                self._migrate()

    def __str__(self) -> str:
        return str(self.path)

    # -- schema ----------------------------------------------------------------------------
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > LATEST:
            raise SchemaTooNewError(
                f"{self.path}: schema version {version} is newer than this Dateline ({LATEST}); upgrade Dateline"
            )
        for number in range(version + 1, LATEST + 1):
            with transaction(self._db):
                # executescript would commit on its own; run statements one by one inside our transaction
                for statement in _statements(MIGRATIONS[number - 1]):
                    self._db.execute(statement)
                if number in _AFTER_MIGRATION:
                    _AFTER_MIGRATION[number](self._db)
                self._db.execute(f"PRAGMA user_version = {number}")
        if 0 < version < 6:
            # schema 6 packed the rows of a store made before it: give the pages it freed back
            self._db.execute("VACUUM")

    # -- writers ---------------------------------------------------------------------------
    def writing(self, timeout: float | None = None) -> AbstractContextManager[None]:
        return self._writer.hold(timeout)

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        return transaction(self._db)

    # -- full-text search (FTS5, sqlite_search.py) -----------------------------------------
    def _index(self, rows: list[tuple[int, str | None, str]]) -> None:
        index_articles(self._db, rows)

    def _search_seqs(self, query: str, limit: int, offset: int) -> list[int]:
        return search_seqs(self._db, query, limit, offset)

    def _matching_seqs(self, query: str) -> tuple[str, list]:
        return ("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", [match_expression(query) or '""'])

    def _after_copy(self) -> None:
        backfill(self._db)  # INTEGER PRIMARY KEY columns go on from the largest id by themselves


# Python steps that complete a migration inside its transaction: 5 indexes the articles stored
# before it, 6 converts the rows of schema 5
_AFTER_MIGRATION = {5: backfill, 6: upgrade_to_6}


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]

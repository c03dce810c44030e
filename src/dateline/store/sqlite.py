"""The default store: one SQLite file, WAL journal, one transaction per batch."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from pathlib import Path

from dateline.store.base import ArticleFilter, Store, StoredArticle
from dateline.store.migrations import LATEST, MIGRATIONS
from dateline.store.sqlite_analyses import AnalysisTables
from dateline.store.sqlite_events import EventTables
from dateline.store.sqlite_feeds import FeedTables
from dateline.store.sqlite_lock import WriterLock
from dateline.store.sqlite_search import backfill, index_articles, search_seqs
from dateline.store.sqlite_rows import ARTICLE_COLUMNS, article_row, rows_in, stored_article
from dateline.store.sqlite_tx import transaction
from dateline.store.sqlite_upgrade import upgrade_to_6


class SchemaTooNewError(RuntimeError):
    pass


class SQLiteStore(AnalysisTables, EventTables, FeedTables, Store):
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

    def state_version(self, name: str) -> int:
        row = self._db.execute("SELECT version FROM state_versions WHERE name = ?", (name,)).fetchone()
        return row[0] if row else 0

    # -- writes ----------------------------------------------------------------------------
    def add_batch(self, articles: list[StoredArticle], repoints: dict[str, str]) -> None:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        placeholders = ",".join("?" * len(ARTICLE_COLUMNS))
        with transaction(self._db):
            for stored in articles:
                cur = self._db.execute(
                    f"INSERT INTO articles ({','.join(ARTICLE_COLUMNS)}) VALUES ({placeholders}) ON CONFLICT(id) DO NOTHING",
                    article_row(stored.article, now),
                )
                if not cur.rowcount:
                    continue
                index_articles(self._db, [(cur.lastrowid, stored.article.title, stored.article.text)])
                if stored.signature is not None:
                    self._db.execute(
                        "INSERT OR REPLACE INTO minhash (article_id, signature) VALUES (?, ?)",
                        (stored.article.id, stored.signature),
                    )
            for old, new in repoints.items():
                self._db.execute(
                    "UPDATE articles SET duplicate_of = ? WHERE (duplicate_of = ? OR id = ?) AND id != ?",
                    (new, old, old, new),
                )

    # -- reads -----------------------------------------------------------------------------
    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        return {r[0] for r in rows_in(self._db, "SELECT id FROM articles WHERE id IN ({marks})", list(ids))}

    def signatures(self) -> Iterator[tuple[str, int, str | None, str | None, bytes]]:
        rows = self._db.execute(
            "SELECT a.id, a.seq, a.published, a.duplicate_of, m.signature "
            "FROM minhash m JOIN articles a ON a.id = m.article_id ORDER BY a.seq"
        )
        for row in rows:
            yield row[0], row[1], row[2], row[3], row[4]

    def get(self, article_id: str) -> StoredArticle | None:
        row = self._db.execute(
            "SELECT a.*, m.signature FROM articles a LEFT JOIN minhash m ON m.article_id = a.id WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        return stored_article(row) if row else None

    def find(self, id_prefix: str) -> list[str]:
        escaped = id_prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._db.execute(
            "SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' ORDER BY seq LIMIT 20", (escaped + "%",)
        )
        return [r[0] for r in rows]

    def articles(self, flt: ArticleFilter = ArticleFilter()) -> Iterator[StoredArticle]:
        where, params = [], []
        if flt.lang:
            where.append("a.lang = ?")
            params.append(flt.lang)
        if flt.source:
            where.append("(lower(a.source) = lower(?) OR lower(a.site_name) = lower(?))")
            params += [flt.source, flt.source]
        if flt.since:
            where.append("substr(a.published, 1, 10) >= ?")
            params.append(flt.since)
        if flt.until:
            where.append("substr(a.published, 1, 10) <= ?")
            params.append(flt.until)
        if not flt.include_duplicates:
            where.append("a.duplicate_of IS NULL")
        sql = "SELECT a.*, m.signature FROM articles a LEFT JOIN minhash m ON m.article_id = a.id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.seq"
        if flt.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [flt.limit, flt.offset]
        for row in self._db.execute(sql, params):
            yield stored_article(row)

    def search_articles(self, query: str, limit: int = 20, offset: int = 0) -> list[StoredArticle]:
        seqs = search_seqs(self._db, query, limit, offset)
        rows = {r["seq"]: r for r in rows_in(
            self._db, "SELECT a.*, NULL AS signature FROM articles a WHERE a.seq IN ({marks})", seqs)}
        return [stored_article(rows[s]) for s in seqs if s in rows]

    def signatures_after(self, seq: int) -> Iterator[tuple[str, int, str | None, str | None, bytes]]:
        rows = self._db.execute(
            "SELECT a.id, a.seq, a.published, a.duplicate_of, m.signature "
            "FROM minhash m JOIN articles a ON a.id = m.article_id WHERE a.seq > ? ORDER BY a.seq", (seq,)
        ).fetchall()
        for row in rows:
            yield row[0], row[1], row[2], row[3], row[4]

    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def close(self) -> None:
        self._db.close()


# Python steps that complete a migration inside its transaction: 5 indexes the articles stored
# before it, 6 converts the rows of schema 5
_AFTER_MIGRATION = {5: backfill, 6: upgrade_to_6}


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]

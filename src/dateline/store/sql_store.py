"""What the SQLite and the PostgreSQL stores share: the tables' SQL, written once.

The queries are in the common dialect of the two (``?`` placeholders, ``ON CONFLICT`` upserts,
``RETURNING``); the PostgreSQL connection (pg_conn.py) turns ``?`` into psycopg's ``%s``. Where
the two differ (string functions, join hints, full-text search) a backend fills in
:class:`Dialect` and the hooks below.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from dateline.store.base import ArticleFilter, Store, StoredArticle
from dateline.store.sql_analyses import AnalysisTables
from dateline.store.sql_events import EventTables
from dateline.store.sql_feeds import FeedTables
from dateline.store.sql_rows import ARTICLE_COLUMNS, article_row, rows_in, stored_article


@dataclass(frozen=True)
class Dialect:
    contains: str  # "{0} contains {1}" as a condition, both strings
    concat: str  # the strings of a group joined with commas
    concat_distinct: str  # the same, each distinct string once
    join_in_order: str  # a join the planner must take in the order written (SQLite: CROSS JOIN)


class SQLStore(AnalysisTables, EventTables, FeedTables, Store):
    """The articles' side of the store, and the hooks the tables' mixins call."""

    _db: Any  # a DB-API connection whose rows are read by name and by index
    dialect: Dialect

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[Any]:
        """One write transaction: committed whole, or rolled back on any exception."""

    @abstractmethod
    def _index(self, rows: list[tuple[int, str | None, str]]) -> None:
        """Add (seq, title, text) rows to the full-text index, inside the caller's transaction."""

    @abstractmethod
    def _search_seqs(self, query: str, limit: int, offset: int) -> list[int]:
        """Ingest positions of the articles matching ``query``, best first."""

    @abstractmethod
    def _matching_seqs(self, query: str) -> tuple[str, list]:
        """A subquery giving the ingest positions of the articles matching ``query``, and its parameters."""

    @abstractmethod
    def _after_copy(self) -> None:
        """Complete a copy of another store's rows into this one (store/copy.py), inside its
        transaction: the full-text index, counters of ids."""

    def state_version(self, name: str) -> int:
        row = self._db.execute("SELECT version FROM state_versions WHERE name = ?", (name,)).fetchone()
        return row[0] if row else 0

    # -- writes ----------------------------------------------------------------------------
    def add_batch(self, articles: list[StoredArticle], repoints: dict[str, str]) -> None:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        placeholders = ",".join("?" * len(ARTICLE_COLUMNS))
        with self._transaction():
            for stored in articles:
                row = self._db.execute(
                    f"INSERT INTO articles ({','.join(ARTICLE_COLUMNS)}) VALUES ({placeholders}) "
                    "ON CONFLICT(id) DO NOTHING RETURNING seq",
                    article_row(stored.article, now),
                ).fetchone()
                if row is None:  # stored already
                    continue
                self._index([(row[0], stored.article.title, stored.article.text)])
                if stored.signature is not None:
                    self._db.execute(
                        "INSERT INTO minhash (article_id, signature) VALUES (?, ?) "
                        "ON CONFLICT(article_id) DO UPDATE SET signature = excluded.signature",
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
        seqs = self._search_seqs(query, limit, offset)
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

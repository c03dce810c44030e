"""A store on a PostgreSQL server, for a team: many readers and writers, on many machines.

``open_store("postgresql://user@host/db")`` (or ``--db``, ``DATELINE_DB``). The tables, their
queries and the packed values are the SQLite store's (sql_store.py, pg_schema.py); what differs is
here: the connection (psycopg 3, pg_conn.py), one transaction per batch, full-text search on a
``tsvector`` table (pg_search.py), and the writer lock.

The writer lock is a PostgreSQL advisory lock of the session: it serializes the writers of one
database wherever they run (``ingest`` and ``watch`` on several machines), is held from reading
the shared state (signatures, the linker's and the clusterer's state) to committing what was built
on it, as the SQLite store's file lock is, and the server drops it when the writer's connection
ends, so a writer that dies never leaves the store locked.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from dateline.store.migrations import LATEST
from dateline.store.pg_conn import PgConnection
from dateline.store.pg_schema import FIRST, PG_MIGRATIONS
from dateline.store.pg_search import RANK_WEIGHTS, index_rows, query_expression
from dateline.store.pg_url import redact
from dateline.store.sql_store import Dialect, SQLStore
from dateline.store.writer_lock import HeldLock

# one key for "the writer of this database" (advisory locks are per database)
WRITER_KEY = zlib.crc32(b"dateline writer")


class SchemaTooNewError(RuntimeError):
    pass


class AdvisoryLock(HeldLock):
    """The database's writer lock: a session advisory lock on the store's own connection."""

    def __init__(self, db: PgConnection, name: str) -> None:
        super().__init__()
        self._db, self.name = db, name

    def _wait(self) -> None:
        self._db.execute("SELECT pg_advisory_lock(?)", (WRITER_KEY,))

    def _try(self) -> bool:
        return self._db.execute("SELECT pg_try_advisory_lock(?)", (WRITER_KEY,)).fetchone()[0]

    def _release(self) -> None:
        if not self._db.raw.closed:  # a lost connection took its lock along
            self._db.execute("SELECT pg_advisory_unlock(?)", (WRITER_KEY,))


class PostgresStore(SQLStore):
    dialect = Dialect(contains="strpos({0}, {1}) > 0", concat="string_agg({0}, ',')",
                      concat_distinct="string_agg(DISTINCT {0}, ',')", join_in_order="JOIN")

    def __init__(self, url: str) -> None:
        self.url = url
        self._db = PgConnection(url)
        self._writer = AdvisoryLock(self._db, redact(url))
        if self.schema_version() != LATEST:
            with self.writing():  # two processes opening a new store must not both create its tables
                self._migrate()

    def __str__(self) -> str:
        return redact(self.url)

    # -- schema ----------------------------------------------------------------------------
    def schema_version(self) -> int:
        if self._db.execute("SELECT to_regclass('dateline_schema')").fetchone()[0] is None:
            return 0
        row = self._db.execute("SELECT version FROM dateline_schema").fetchone()
        return row[0] if row else 0

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > LATEST:
            raise SchemaTooNewError(f"{self}: schema version {version} is newer than this Dateline ({LATEST}); "
                                    "upgrade Dateline")
        if version == 0 and self._db.execute("SELECT to_regclass('articles')").fetchone()[0] is not None:
            raise RuntimeError(f"{self}: the database has an articles table but no Dateline schema version; "
                               "use an empty database")
        with self._transaction():
            if version == 0:
                self._db.execute("CREATE TABLE dateline_schema (version INTEGER NOT NULL)")
                self._db.execute(PG_MIGRATIONS[FIRST])
                self._db.execute("INSERT INTO dateline_schema (version) VALUES (?)", (FIRST,))
                version = FIRST
            for number in range(version + 1, LATEST + 1):
                self._db.execute(PG_MIGRATIONS[number])
                self._db.execute("UPDATE dateline_schema SET version = ?", (number,))

    # -- writers ---------------------------------------------------------------------------
    def writing(self, timeout: float | None = None) -> AbstractContextManager[None]:
        return self._writer.hold(timeout)

    @contextmanager
    def _transaction(self) -> Iterator[PgConnection]:
        self._db.execute("BEGIN")
        try:
            yield self._db
            self._db.execute("COMMIT")
        except BaseException:
            if not self._db.raw.closed:
                self._db.execute("ROLLBACK")
            raise

    # -- full-text search (pg_search.py) ------------------------------------------------------
    def _index(self, rows: list[tuple[int, str | None, str]]) -> None:
        self._db.executemany("INSERT INTO articles_fts (seq, doc) VALUES (?, ?::tsvector) "
                             "ON CONFLICT(seq) DO UPDATE SET doc = excluded.doc", index_rows(rows))

    def _search_seqs(self, query: str, limit: int, offset: int) -> list[int]:
        expression = query_expression(query)
        if expression is None:
            return []
        rows = self._db.execute(
            "SELECT seq FROM articles_fts, CAST(? AS tsquery) q WHERE doc @@ q "
            "ORDER BY ts_rank(CAST(? AS real[]), doc, q) DESC, seq LIMIT ? OFFSET ?",
            (expression, RANK_WEIGHTS, limit, offset))
        return [r[0] for r in rows]

    def _matching_seqs(self, query: str) -> tuple[str, list]:
        expression = query_expression(query)
        if expression is None:
            return "SELECT seq FROM articles_fts WHERE false", []
        return "SELECT seq FROM articles_fts WHERE doc @@ CAST(? AS tsquery)", [expression]

    def _after_copy(self) -> None:
        cur = self._db.execute("SELECT seq, title, text FROM articles ORDER BY seq")
        while rows := cur.fetchmany(500):
            self._index([tuple(r) for r in rows])
        # identity columns given explicit values: their sequences go on after the largest
        for table, column in _IDENTITY:
            self._db.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                             f"(SELECT COALESCE(MAX({column}), 0) + 1 FROM {table}), false)")


_IDENTITY = (("articles", "seq"), ("mention_keys", "key"), ("report_frames", "id"))

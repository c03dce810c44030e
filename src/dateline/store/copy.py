"""``dateline copy``: move a whole store to another backend (a SQLite file to PostgreSQL, or back).

Both stores hold the same tables at the same schema version (pg_schema.py), so rows move as they
are, ingest positions and ids included: nothing is analysed or clustered again. The copy is one
transaction on the target, made while holding both stores' writer locks (no writer changes the
source mid-copy), into a target that must be empty. The full-text index is rebuilt on the target
from the articles (its form differs between backends). Then every table's row count and the ids
of the articles and events, in order, are compared between the two.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from dateline.store.pg_schema import TABLES
from dateline.store.sql_store import SQLStore

_CHUNK = 1000  # rows read and written at a time
# columns whose order the ids are compared in (the ingest position, the event id)
_ID_ORDERS = {"articles": "SELECT id FROM articles ORDER BY seq", "events": "SELECT id FROM events ORDER BY id"}


class CopyError(RuntimeError):
    pass


@dataclass
class CopyReport:
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows copied
    verified: bool = False

    def as_dict(self) -> dict:
        return {"rows": self.rows, "verified": self.verified}


def copy_store(source: SQLStore, target: SQLStore, progress: Callable[[str, int], None] | None = None) -> CopyReport:
    """Copy every row of ``source`` into the empty ``target``, then verify (:class:`CopyError` if
    the two differ)."""
    if source.schema_version() != target.schema_version():
        raise CopyError(f"schema versions differ: {source} {source.schema_version()}, "
                        f"{target} {target.schema_version()}")
    report = CopyReport()
    with source.writing(), target.writing():
        filled = [t for t in TABLES if _count(target, t)]
        if filled:
            raise CopyError(f"{target} is not empty ({', '.join(filled)}); copy into a new store")
        with target._transaction():
            for table in TABLES:
                report.rows[table] = _copy_table(source, target, table, progress)
            target._after_copy()
        report.verified = _verify(source, target, report)
    return report


def _columns(store: SQLStore, table: str) -> list[str]:
    cur = store._db.execute(f"SELECT * FROM {table} LIMIT 0")
    return [d[0] for d in cur.description]


def _copy_table(source: SQLStore, target: SQLStore, table: str,
                progress: Callable[[str, int], None] | None) -> int:
    columns = _columns(source, table)
    missing = set(columns) - set(_columns(target, table))
    if missing:
        raise CopyError(f"{target} has no column {', '.join(sorted(missing))} in {table}")
    names = ",".join(f'"{c}"' for c in columns)
    insert = f"INSERT INTO {table} ({names}) VALUES ({','.join('?' * len(columns))})"
    # the rows in the order they were written, so that a table's pages fill as they did
    cur = source._db.execute(f"SELECT {names} FROM {table} ORDER BY {_order(table, columns)}")
    # an article may name as its original one stored after it (a copy published earlier than the
    # original, re-pointed): the references are set once all the articles are in
    later = columns.index("duplicate_of") if table == "articles" else None
    repoints: list[tuple[str, str]] = []
    copied = 0
    while rows := cur.fetchmany(_CHUNK):
        rows = [tuple(r) for r in rows]
        if later is not None:
            repoints += [(r[later], r[columns.index("id")]) for r in rows if r[later] is not None]
            rows = [r[:later] + (None,) + r[later + 1:] for r in rows]
        target._db.executemany(insert, rows)
        copied += len(rows)
        if progress:
            progress(table, copied)
    target._db.executemany("UPDATE articles SET duplicate_of = ? WHERE id = ?", repoints)
    return copied


def _order(table: str, columns: list[str]) -> str:
    for key in ("seq", "key", "id", "first_id", "article"):
        if key in columns:
            return f'"{key}"'
    return ", ".join(f'"{c}"' for c in columns[:2])


def _count(store: SQLStore, table: str) -> int:
    return store._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _digest(store: SQLStore, sql: str) -> str:
    h = hashlib.sha256()
    for row in store._db.execute(sql):
        h.update(row[0].encode() + b"\n")
    return h.hexdigest()


def _verify(source: SQLStore, target: SQLStore, report: CopyReport) -> bool:
    for table in TABLES:
        theirs = _count(target, table)
        if theirs != report.rows[table] or _count(source, table) != theirs:
            raise CopyError(f"{table}: {report.rows[table]} rows copied, {theirs} in {target}")
    for name, sql in _ID_ORDERS.items():
        if _digest(source, sql) != _digest(target, sql):
            raise CopyError(f"the {name}' ids differ between {source} and {target}")
    return True

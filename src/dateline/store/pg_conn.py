"""A psycopg 3 connection that the store's shared SQL (sql_store.py) runs on unchanged.

The shared queries use ``?`` placeholders and read rows by column name and by index, as Python's
sqlite3 does; psycopg takes ``%s`` and gives tuples. :class:`PgConnection` translates the one and
gives :class:`Row` for the other. It runs in autocommit mode: the store opens its transactions
itself (``BEGIN`` ... ``COMMIT``), as the SQLite store does, so a batch is exactly one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import psycopg


class Row(tuple):
    """A row read by index, by column name (the first column of that name) or unpacked."""

    __slots__ = ()
    _names: dict[str, int]

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor: psycopg.Cursor) -> Any:
    description = cursor.description
    if description is None:
        return tuple
    return _row_class(tuple(column.name for column in description))


@lru_cache(maxsize=256)
def _row_class(columns: tuple[str, ...]) -> type[Row]:
    names: dict[str, int] = {}
    for i, name in enumerate(columns):
        names.setdefault(name, i)
    return type("Row", (Row,), {"__slots__": (), "_names": names})


@lru_cache(maxsize=1024)
def translate(sql: str) -> str:
    """``sql`` with psycopg's placeholders: ``?`` outside quotes becomes ``%s``, ``%`` becomes ``%%``."""
    out, quote = [], None
    for ch in sql:
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            out.append("%s")
            continue
        if ch == "%":
            out.append("%%")
            continue
        out.append(ch)
    return "".join(out)


class PgConnection:
    """The part of sqlite3's connection the store uses: execute, executemany, close."""

    def __init__(self, url: str) -> None:
        self.raw = psycopg.connect(url, autocommit=True, row_factory=_row_factory)

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> psycopg.Cursor:
        if params is None or not len(params):
            return self.raw.execute(sql)
        return self.raw.execute(translate(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            with self.raw.cursor() as cur:
                cur.executemany(translate(sql), rows)

    def close(self) -> None:
        self.raw.close()

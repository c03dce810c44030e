"""The store's side of the feed watcher and the API: feed states, items seen, API key hashes
(SQL shared by the SQLite and PostgreSQL stores, sql_store.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import astuple, fields
from datetime import datetime, timezone

from dateline.store.base import FeedState
from dateline.store.sql_rows import rows_in

_FEED_COLUMNS = [f.name for f in fields(FeedState)]


class FeedTables:
    def feed_states(self) -> dict[str, FeedState]:
        rows = self._db.execute(f"SELECT {','.join(_FEED_COLUMNS)} FROM feeds ORDER BY url")
        return {r["url"]: FeedState(**{k: r[k] for k in _FEED_COLUMNS}) for r in rows}

    def save_feed(self, state: FeedState, items: list[tuple[str, str | None]] = ()) -> None:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        updates = ",".join(f"{c}=excluded.{c}" for c in _FEED_COLUMNS if c not in ("url", "added"))
        with self._transaction():
            self._db.execute(f"INSERT INTO feeds ({','.join(_FEED_COLUMNS)}) VALUES ({','.join('?' * len(_FEED_COLUMNS))}) "
                             f"ON CONFLICT(url) DO UPDATE SET {updates}", astuple(state))
            self._db.executemany("INSERT INTO feed_items (feed_url, item_key, article_id, seen) VALUES (?,?,?,?) "
                                 "ON CONFLICT(feed_url, item_key) DO UPDATE SET "
                                 "article_id = COALESCE(excluded.article_id, feed_items.article_id)",
                                 [(state.url, key, article, now) for key, article in items])

    def seen_items(self, feed_url: str, keys: Iterable[str] | None = None) -> set[str]:
        if keys is None:
            return {r[0] for r in self._db.execute("SELECT item_key FROM feed_items WHERE feed_url = ?", (feed_url,))}
        return {r[0] for r in rows_in(self._db, "SELECT item_key FROM feed_items WHERE feed_url = ? AND item_key IN ({marks})",
                                      list(keys), feed_url)}

    def add_api_key(self, key_hash: str, name: str) -> None:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._transaction():
            self._db.execute("INSERT INTO api_keys (hash, name, created) VALUES (?,?,?) "
                             "ON CONFLICT(hash) DO UPDATE SET name = excluded.name", (key_hash, name, now))

    def api_key_name(self, key_hash: str) -> str | None:
        row = self._db.execute("SELECT name FROM api_keys WHERE hash = ?", (key_hash,)).fetchone()
        return row[0] if row else None

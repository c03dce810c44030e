"""One open store per worker thread.

SQLite connections belong to the thread that opened them, and FastAPI runs sync handlers in a
thread pool, so each thread opens its own store on first use and keeps it. Opening an
up-to-date store is cheap and takes no lock; readers never block (WAL).
"""

from __future__ import annotations

import threading
from pathlib import Path

from dateline.store import Store, open_store


class ThreadStores:
    """A thread-local cache of ``open_store(db)``."""

    def __init__(self, db: str | Path) -> None:
        self.db = str(db)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Store] = []

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close_all(self) -> None:
        """Close every store opened so far (at shutdown; threads are done by then)."""
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            close = getattr(store, "close", None)
            if close is not None:
                try:
                    close()
                except Exception:  # a connection owned by a finished thread may refuse; shutdown goes on
                    pass

"""One open store per worker thread.

SQLite connections belong to the thread that opened them, and FastAPI runs sync handlers, sync
dependencies and each step of a streamed response on whichever worker thread is free: a
dependency may run on one thread and its handler on another. So the handlers get a
``ThreadLocalStore``: every call on it goes to the calling thread's own store, opened on first
use and kept. Opening an up-to-date store is cheap and takes no lock; readers never block (WAL).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from dateline.store import Store, open_store


class ThreadStores:
    """A thread-local cache of ``open_store(db)``."""

    def __init__(self, db: str | Path) -> None:
        self.db = str(db)
        self._local = threading.local()

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db)
            self._local.store = store
        return store


class ThreadLocalStore:
    """Stands for a Store: each method call goes to the calling thread's store."""

    def __init__(self, stores: ThreadStores) -> None:
        self._stores = stores

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stores.get(), name)

    # The thread's store stays open for the thread's next request: closing it here would take it
    # from under whatever that thread runs next, so ``close`` and ``with`` do nothing.
    def close(self) -> None:
        pass

    def __enter__(self) -> "ThreadLocalStore":
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def __repr__(self) -> str:
        return f"ThreadLocalStore({self._stores.db!r})"

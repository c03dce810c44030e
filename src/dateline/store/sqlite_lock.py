"""One writer at a time on a SQLite store, across processes.

SQLite's own write lock covers one transaction. The pipeline needs more: a writer loads the
linker's or the clusterer's state, works on a batch, and writes the batch with the new state; a
second writer doing the same in between would write a state built on an old one (two
``dateline ingest`` runs ended in ``UNIQUE constraint failed: cluster_terms.first_id``). So a
writer holds this lock from reading the state to committing the batch, and other writers wait.

The lock is ``flock`` on a file beside the database: the kernel drops it when the process dies,
even by ``kill -9``, so a crashed writer never leaves the store locked. Readers take no lock
(WAL: they read the last committed state while a batch is written).
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class WriterBusyError(TimeoutError):
    """Another writer held the store for longer than the caller would wait."""


class WriterLock:
    """Re-entrant within a thread of one process; exclusive between processes and threads."""

    def __init__(self, db_path: Path) -> None:
        self.path = Path(f"{db_path}.writer-lock")
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    @contextmanager
    def hold(self, timeout: float | None = None) -> Iterator[None]:
        """Wait (up to ``timeout`` seconds, or for as long as it takes) for the store's writer
        lock, hold it for the block, release it after."""
        deadline = None if timeout is None else time.monotonic() + timeout
        if not self._thread_lock.acquire(timeout=-1 if timeout is None else timeout):
            raise WriterBusyError(f"another writer held {self.path.name} for over {timeout:g} s")
        try:
            if self._depth == 0:
                self._acquire_file(deadline)
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._release_file()
        finally:
            self._thread_lock.release()

    def _acquire_file(self, deadline: float | None) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if deadline is None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            else:
                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() >= deadline:
                            raise WriterBusyError(f"another process is writing {self.path.stem}; try again") from None
                        time.sleep(0.05)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def _release_file(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

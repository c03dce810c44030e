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
from pathlib import Path

from dateline.store.writer_lock import HeldLock, WriterBusyError

__all__ = ["WriterBusyError", "WriterLock"]


class WriterLock(HeldLock):
    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.path = Path(f"{db_path}.writer-lock")
        self.name = self.path.stem
        self._fd: int | None = None

    def _open(self) -> int:
        return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)

    def _wait(self) -> None:
        fd = self._open()
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def _try(self) -> bool:
        fd = self._open()
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return True

    def _release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

"""The store's one writer lock, whatever holds it underneath (a file lock, an advisory lock).

A writer holds it from reading the shared state it works from (the near-duplicate signatures, the
linker's or the clusterer's state) to committing what it built on it; other writers wait. It is
re-entrant within a thread of one process (a stage that holds it may call a store method that
takes it again) and exclusive between processes and threads.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class WriterBusyError(TimeoutError):
    """Another writer held the store for longer than the caller would wait."""


class HeldLock:
    """Re-entrant, thread-safe holding of a lock between processes; a backend gives
    :meth:`_try` (take it now or say no) and :meth:`_release`, and may give :meth:`_wait` (block
    until it is had)."""

    name = "the store"  # for messages

    def __init__(self) -> None:
        self._thread_lock = threading.RLock()
        self._depth = 0

    @contextmanager
    def hold(self, timeout: float | None = None) -> Iterator[None]:
        """Wait (up to ``timeout`` seconds, or for as long as it takes) for the lock, hold it for
        the block, release it after."""
        deadline = None if timeout is None else time.monotonic() + timeout
        if not self._thread_lock.acquire(timeout=-1 if timeout is None else timeout):
            raise WriterBusyError(f"another writer held {self.name} for over {timeout:g} s")
        try:
            if self._depth == 0:
                self._acquire(deadline)
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._release()
        finally:
            self._thread_lock.release()

    def _acquire(self, deadline: float | None) -> None:
        if deadline is None:
            self._wait()
            return
        while not self._try():
            if time.monotonic() >= deadline:
                raise WriterBusyError(f"another process is writing {self.name}; try again")
            time.sleep(0.05)

    def _wait(self) -> None:
        while not self._try():
            time.sleep(0.05)

    def _try(self) -> bool:
        raise NotImplementedError

    def _release(self) -> None:
        raise NotImplementedError

"""The per-article work of the stages (cleaning, tagging, framing a report) in a pool of worker
processes, its results handed back in input order.

Only work whose result depends on the one article alone goes to the workers; whatever carries
state from one article to the next (the near-duplicate index, the linker, the clusterer) and every
store write stays in the calling process, the one writer. So the results are the same with one
worker or many, and a test holds them to it (tests/test_workers.py).

Workers are forked (where the platform can) before any writer lock is taken, so that no child
holds a copy of the lock's file; each loads the tagger and gazetteer it needs on first use.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

CHUNK = 16  # articles per task: large enough that a task's overhead is small, small for balance
AHEAD = 4  # tasks in flight per worker: enough that none waits for the caller to take results


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_chunk(fn: Callable[[Any], Any], items: list) -> list:
    return [fn(x) for x in items]


class Workers:
    """``workers`` processes (1: no processes, everything in the caller). Use as a context
    manager, or call :meth:`close`."""

    def __init__(self, workers: int | None = None, *, preload: Callable[[], object] | None = None) -> None:
        """``preload``: run here before the workers are forked, so that what it loads (a model,
        a gazetteer) is loaded once and shared, not once per worker."""
        self.workers = default_workers() if workers is None else max(1, workers)
        self._pool = None
        if self.workers > 1:
            if preload is not None:
                preload()
            methods = multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            self._pool = ctx.Pool(self.workers)

    def map(self, fn: Callable[[T], R], items: Iterable[T], *, chunk: int = CHUNK) -> Iterator[R]:
        """``fn`` of each item, in order. ``fn`` must be a module-level function (it is sent
        by name). At most ``AHEAD`` tasks per worker are in flight, so a long input is never
        read ahead whole; an input of under two tasks per worker is run here, where handing it
        out would cost more than it saves."""
        items = iter(items)
        head = list(islice(items, 2 * chunk * self.workers))
        if self._pool is None or len(head) < 2 * chunk * self.workers:
            yield from map(fn, head)
            yield from map(fn, items)  # nothing left but where the pool is None
            return
        pending: deque = deque()
        batch: list = []
        for item in chain(head, items):
            batch.append(item)
            if len(batch) == chunk:
                pending.append(self._pool.apply_async(run_chunk, (fn, batch)))
                batch = []
                while len(pending) > AHEAD * self.workers:
                    yield from pending.popleft().get()
        if batch:
            pending.append(self._pool.apply_async(run_chunk, (fn, batch)))
        while pending:
            yield from pending.popleft().get()

    def start(self, fn: Callable[[T], R], items: list[T], *, chunk: int = CHUNK) -> Callable[[], Iterator[R]]:
        """Hand out ``fn`` of every item now, without waiting; returns what gives the results,
        in order, when called. With no processes the work is done when the results are asked
        for. So the caller can do its own part of one batch while the workers do the next."""
        if self._pool is None or len(items) < 2 * chunk * self.workers:
            return lambda: self.map(fn, items, chunk=chunk)
        tasks = [self._pool.apply_async(run_chunk, (fn, items[i:i + chunk])) for i in range(0, len(items), chunk)]
        return lambda: (r for task in tasks for r in task.get())

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is not None and self._pool is not None:
            self._pool.terminate()
        self.close()


INLINE = Workers(1)  # the default of every stage: no processes

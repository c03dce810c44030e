"""The per-article work of the stages on a Dask cluster (``--engine dask --address ADDR``).

The same work as the local pool (workers.py), the same worker functions sent the same way (by
name, in chunks), the results taken back in input order; only where they run differs: on the
cluster's workers, on as many machines as it has. The one writer stays here, so the results are
those of a local run, whatever the cluster's size (tests/test_engine.py holds them to it).

A deployment runs ``dask scheduler`` on one machine and ``dask worker tcp://SCHEDULER:8786
--nthreads 1`` on each of the others (one process per core: the tagger is Python, and a process
with several threads would run them one at a time), every machine with the same Dateline
installed (``pip install 'dateline[dask]'``): a worker imports the functions it is sent from its
own copy. Each worker loads the tagger and gazetteer on its first task.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

from dateline.pipeline.workers import AHEAD, CHUNK, run_chunk

T = TypeVar("T")
R = TypeVar("R")


class EngineError(RuntimeError):
    pass


class DaskWorkers:
    """:class:`~dateline.pipeline.workers.Workers`' interface on a Dask cluster."""

    def __init__(self, address: str, timeout: float = 10.0) -> None:
        try:
            from distributed import Client
        except ImportError as exc:
            raise EngineError("--engine dask needs Dask distributed: pip install 'dateline[dask]'") from exc
        try:
            self._client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"no Dask scheduler at {address}: {exc}") from exc
        self.address = address
        self.workers = max(1, sum(w.get("nthreads", 1) for w in self._client.scheduler_info()["workers"].values()))
        if not self._client.scheduler_info()["workers"]:
            self._client.close()
            raise EngineError(f"the Dask scheduler at {address} has no workers")

    def _submit(self, fn: Callable[[Any], Any], batch: list):
        # pure=False: two equal batches are still two tasks (their results are not shared by key)
        return self._client.submit(run_chunk, fn, batch, pure=False)

    def map(self, fn: Callable[[T], R], items: Iterable[T], *, chunk: int = CHUNK) -> Iterator[R]:
        """``fn`` of each item, in order; at most ``AHEAD`` tasks per worker in flight."""
        items = iter(items)
        pending: deque = deque()
        while batch := list(islice(items, chunk)):
            pending.append(self._submit(fn, batch))
            while len(pending) > AHEAD * self.workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

    def start(self, fn: Callable[[T], R], items: list[T], *, chunk: int = CHUNK) -> Callable[[], Iterator[R]]:
        """Hand out ``fn`` of every item now; returns what gives the results, in order."""
        tasks = [self._submit(fn, items[i:i + chunk]) for i in range(0, len(items), chunk)]
        return lambda: (r for task in tasks for r in task.result())

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "DaskWorkers":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

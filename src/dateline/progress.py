"""Progress display for long ingests (rich), and the one-line-per-rejection messages."""

from __future__ import annotations

import sys
from collections import Counter

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from dateline.models import Rejection


class IngestProgress:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.counts: Counter[str] = Counter()
        self._console = Console(stderr=True, soft_wrap=True, highlight=False, emoji=False)
        self._progress: Progress | None = None
        self._task = None

    def __enter__(self) -> "IngestProgress":
        if self.enabled:
            self._progress = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                                      TimeElapsedColumn(), console=self._console, transient=True)
            self._progress.__enter__()
            self._task = self._progress.add_task(self._describe(), total=None)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)

    def _describe(self) -> str:
        c = self.counts
        return (f"ingesting: {c['new']} new, {c['duplicate']} duplicate, "
                f"{c['near_duplicate']} near-duplicate, {c['rejected']} rejected")

    def advance(self, kind: str) -> None:
        self.counts[kind] += 1
        if self._progress is not None:
            self._progress.update(self._task, description=self._describe())

    def rejected(self, rejection: Rejection) -> None:
        self.counts["rejected"] += 1
        line = f"rejected: {rejection}"
        if self._progress is not None:
            self._progress.console.print(line, markup=False)
            self._progress.update(self._task, description=self._describe())
        else:
            print(line, file=sys.stderr, flush=True)


class CountProgress:
    """A spinner with a running count, for stages that work through the store."""

    def __init__(self, label: str, enabled: bool) -> None:
        self.label = label
        self.enabled = enabled
        self.done = 0
        self._progress: Progress | None = None
        self._task = None

    def __enter__(self) -> "CountProgress":
        if self.enabled:
            self._progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                      console=Console(stderr=True), transient=True)
            self._progress.__enter__()
            self._task = self._progress.add_task(f"{self.label}: 0", total=None)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self._progress is not None:
            self._progress.update(self._task, description=f"{self.label}: {self.done}")

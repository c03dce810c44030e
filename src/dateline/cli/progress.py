"""Progress display for long work (rich spinners), and the one-line-per-rejection messages."""

from __future__ import annotations

import sys
from collections import Counter

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from dateline.models import Rejection


class _Spinner:
    """A transient spinner on standard error whose description says how far the work is."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._console = Console(stderr=True, soft_wrap=True, highlight=False, emoji=False)
        self._progress: Progress | None = None
        self._task = None

    def _describe(self) -> str:
        raise NotImplementedError

    def __enter__(self):
        if self.enabled:
            self._progress = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                                      TimeElapsedColumn(), console=self._console, transient=True)
            self._progress.__enter__()
            self._task = self._progress.add_task(self._describe(), total=None)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)

    def _refresh(self) -> None:
        if self._progress is not None:
            self._progress.update(self._task, description=self._describe())


class IngestProgress(_Spinner):
    def __init__(self, enabled: bool) -> None:
        super().__init__(enabled)
        self.counts: Counter[str] = Counter()

    def _describe(self) -> str:
        c = self.counts
        return (f"ingesting: {c['new']} new, {c['duplicate']} duplicate, "
                f"{c['near_duplicate']} near-duplicate, {c['rejected']} rejected")

    def advance(self, kind: str) -> None:
        self.counts[kind] += 1
        self._refresh()

    def rejected(self, rejection: Rejection) -> None:
        self.counts["rejected"] += 1
        line = f"rejected: {rejection}"
        if self._progress is not None:
            self._progress.console.print(line, markup=False)
            self._refresh()
        else:
            print(line, file=sys.stderr, flush=True)


class CountProgress(_Spinner):
    """A spinner with a running count, for stages that work through the store."""

    def __init__(self, label: str, enabled: bool) -> None:
        super().__init__(enabled)
        self.label = label
        self.done = 0

    def _describe(self) -> str:
        return f"{self.label}: {self.done}"

    def advance(self, n: int = 1) -> None:
        self.done += n
        self._refresh()


class StagesProgress(_Spinner):
    """Articles analysed and placed so far, for the stages that run together (pipeline.process)."""

    def __init__(self, enabled: bool) -> None:
        super().__init__(enabled)
        self.analyzed = self.clustered = 0

    def _describe(self) -> str:
        return f"analyzing: {self.analyzed}, clustering: {self.clustered}"

    def advance_analyzed(self, n: int = 1) -> None:
        self.analyzed += n
        self._refresh()

    def advance_clustered(self, n: int = 1) -> None:
        self.clustered += n
        self._refresh()

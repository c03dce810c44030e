"""Poll rounds: every due source polled (hosts in parallel, one request at a time per host), the
new items run through the whole pipeline, then each source's state kept, one log line a round.

Order is what makes ``kill -9`` harmless: a round's articles are committed (``take_reports``)
before the sources' validators and seen items are (``save_feed``). A crash between the two
re-reads those items on restart; their content ids are stored already, so they come back as
duplicates and nothing is stored or placed twice, and nothing is lost.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timezone

from dateline.pipeline import Warm
from dateline.read import ReadOptions
from dateline.service.commands import take_reports
from dateline.store import FeedState, Store
from dateline.watch.poll import Polled, now_iso, poll
from dateline.watch.schedule import HostGate, host_of


@dataclass
class Round:
    number: int
    polled: int = 0
    new: int = 0
    near_duplicate: int = 0
    duplicate: int = 0
    failed: int = 0  # items rejected and sources whose poll failed
    not_modified: int = 0
    skipped: int = 0  # sources in backoff
    failing: tuple[str, ...] = ()
    events_touched: int = 0
    seconds: float = 0.0
    problems: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        d = dict(self.__dict__)
        d["round"] = d.pop("number")
        d["seconds"] = round(self.seconds, 2)
        d["failing"], d["problems"] = list(self.failing), list(self.problems)
        return d

    def line(self) -> str:
        failing = f"; failing: {', '.join(self.failing)}" if self.failing else ""
        return (f"round {self.number}: {self.polled} polled, {self.new} new, {self.near_duplicate} near-duplicate, "
                f"{self.duplicate} duplicate, {self.failed} failed, {self.not_modified} not modified, "
                f"{self.skipped} in backoff, {self.events_touched} events touched, {self.seconds:.2f} s{failing}")


class Watcher:
    """Polls ``sources`` into ``store``; one ``Warm`` analyzer and clusterer for all rounds."""

    def __init__(self, store: Store, sources: list[str], options: ReadOptions, *, every: float,
                 delay: float = 1.0, workers: int = 4) -> None:
        self.store, self.sources, self.options, self.every = store, sources, options, every
        self.gate = HostGate(delay)
        self.warm = Warm()
        self.workers = workers
        self.rounds = 0

    def round(self) -> Round:
        started = time.perf_counter()
        self.rounds += 1
        report = Round(self.rounds)
        states = self.store.feed_states()
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        due: list[FeedState] = []
        for url in self.sources:
            state = states.get(url) or FeedState(url=url, added=now_iso())
            if state.next_poll and state.next_poll > now:
                report.skipped += 1
            else:
                due.append(state)
        by_host: dict[str, list[FeedState]] = defaultdict(list)
        for state in due:
            by_host[host_of(state.url)].append(state)
        seen = {s.url: self.store.seen_items(s.url) for s in due}
        with ThreadPoolExecutor(max_workers=max(1, min(self.workers, len(by_host)))) as pool:
            results = [r for rs in pool.map(lambda feeds: [poll(f, self.options, self.gate, seen[f.url], self.every)
                                                           for f in feeds], by_host.values()) for r in rs]
        report.polled = len(results)
        documents = [d for r in results for d in r.documents]
        problems = [f"{r.url}: {r.error}" for r in results if r.error]
        problems += [f"{x.origin}: {x.reason}" for r in results for x in r.rejections]
        taken = take_reports(self.store, documents, warm=self.warm) if documents else None
        if taken is not None:
            report.new, report.near_duplicate = taken.ingest.new, taken.ingest.near_duplicate
            report.duplicate = taken.ingest.duplicate
            problems += [f"{x.origin}: {x.reason}" for x in taken.ingest.rejections]
            report.events_touched = len({a["event"] for a in taken.articles if a["event"]})
            by_origin = {a["input"]: a["article"] for a in taken.articles}
        else:
            by_origin = {}
        for r in results:  # after the articles are committed: see the module's docstring
            self.store.save_feed(r.state, [(k, by_origin.get(k)) for k in r.keys])
        report.not_modified = sum(r.not_modified for r in results)
        report.failed = len(problems)
        report.problems = tuple(problems)
        report.failing = tuple(r.url for r in results if r.state.failing)
        report.seconds = time.perf_counter() - started
        return report

    def run(self, *, once: bool, log: Callable[[str], None], as_json: bool,
            stop: Callable[[], bool] = lambda: False) -> int:
        """Rounds until ``stop()`` (or one with ``once``); returns 1 if the last round had failures."""
        while True:
            report = self.round()
            log(json.dumps(report.as_dict(), ensure_ascii=False) if as_json else report.line())
            if not as_json:
                for p in report.problems[:20]:
                    log(f"  {p}")
            if once:
                return 1 if report.failed else 0
            deadline = time.monotonic() + self.every
            while time.monotonic() < deadline:
                if stop():
                    return 0
                time.sleep(min(0.2, max(0.0, deadline - time.monotonic())))
            if stop():
                return 0

"""When to poll: the interval, backoff after failures, and one request at a time per host."""

from __future__ import annotations

import re
import threading
import time
from urllib.parse import urlsplit

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h)?\s*$", re.IGNORECASE)
MAX_BACKOFF_S = 3600.0


def parse_every(text: str) -> float:
    """Seconds in ``30s``, ``5m``, ``1h`` or a plain number of seconds."""
    m = _EVERY.match(str(text))
    if not m:
        raise ValueError(f"{text!r} is not an interval such as 30s, 5m or 1h")
    unit = (m.group(2) or "s").lower()[0]
    return float(m.group(1)) * {"s": 1, "m": 60, "h": 3600}[unit]


def backoff(failures: int, every: float) -> float:
    """Seconds to wait after ``failures`` failures in a row: the interval doubled per failure, capped."""
    return min(every * 2 ** max(0, failures - 1), max(MAX_BACKOFF_S, every))


class HostGate:
    """At most one request at a time to one host, and ``delay`` seconds between its requests."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._guard = threading.Lock()

    def hold(self, url: str):
        host = (urlsplit(url).hostname or "").lower()
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        gate = self

        class _Held:
            def __enter__(self):
                lock.acquire()
                wait = gate._last.get(host, 0.0) + gate.delay - time.monotonic()
                if wait > 0:
                    time.sleep(wait)

            def __exit__(self, *exc):
                gate._last[host] = time.monotonic()
                lock.release()

        return _Held()


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()

"""Limits on what one client may ask: requests per minute (a token bucket per key or address)
and the size of a request body."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from fastapi import Request

from dateline.api.errors import ApiError
from dateline.read.options import format_size

DEFAULT_RATE = 3000  # requests per minute per key (or per client address for open reads)
DEFAULT_MAX_BODY = 20 * 1024 * 1024  # as ingest's --max-bytes
MAX_BUCKETS = 10_000  # beyond this many clients, full (idle) buckets are forgotten


class RateLimiter:
    """A token bucket per identity: ``per_minute`` tokens at most (a minute's worth may come at
    once), refilled at ``per_minute / 60`` a second; a request takes one. ``per_minute`` 0: no limit."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.refill = per_minute / 60.0
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # identity -> (tokens, when counted)
        self._lock = threading.Lock()

    def take(self, identity: str) -> float:
        """0 when the request may go on, else the seconds until it may."""
        if self.capacity <= 0:
            return 0.0
        now = self._clock()
        with self._lock:
            tokens, then = self._buckets.get(identity, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - then) * self.refill)
            if tokens >= 1.0:
                self._buckets[identity] = (tokens - 1.0, now)
                wait = 0.0
            else:
                self._buckets[identity] = (tokens, now)
                wait = (1.0 - tokens) / self.refill
            if len(self._buckets) > MAX_BUCKETS:
                self._forget_full(now)
        return wait

    def check(self, identity: str, who: str) -> None:
        wait = self.take(identity)
        if wait > 0:
            seconds = max(1, math.ceil(wait))
            raise ApiError(429, f"too many requests from {who}: the limit is {self.capacity:g} a minute; "
                                f"retry in {seconds} s", {"Retry-After": str(seconds)})

    def _forget_full(self, now: float) -> None:
        full = [k for k, (tokens, then) in self._buckets.items()
                if tokens + (now - then) * self.refill >= self.capacity]
        for k in full:
            del self._buckets[k]


def too_large(limit: int) -> ApiError:
    return ApiError(413, f"the request body is over the {format_size(limit)} limit; send fewer reports per "
                         "request (or start the server with a larger --max-bytes)")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is over ``limit`` bytes: by its
    Content-Length before reading, or while reading a body sent without one (chunked)."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise too_large(limit)
        except ValueError:
            raise ApiError(400, "the Content-Length header is not a number") from None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)

"""One poll of one source: a conditional GET, then the items not seen before as documents."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone

import feedparser

from dateline.models import RawDocument, Rejection
from dateline.read import ReadOptions, read_data
from dateline.read.feed import item_key
from dateline.read.fetch import FetchError, fetch
from dateline.read.sniff import sniff
from dateline.store import FeedState
from dateline.watch.schedule import HostGate, backoff


@dataclass
class Polled:
    """What one poll found: documents to take in, per-item rejections, and the feed's next state
    (kept only after the documents are stored, so a crash in between loses nothing)."""

    url: str
    state: FeedState
    documents: list[RawDocument] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # every item key in the answer, to mark seen
    not_modified: bool = False
    error: str | None = None  # the whole poll failed: why


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def poll(state: FeedState, options: ReadOptions, gate: HostGate, seen: set[str], every: float) -> Polled:
    """GET the source (conditionally), and read the items of its answer not in ``seen``."""
    polled_at = now_iso()
    try:
        with gate.hold(state.url):
            answer = fetch(state.url, options, etag=state.etag, last_modified=state.last_modified)
    except FetchError as exc:
        return _failed(state, polled_at, exc.reason, every)
    if answer.status == 304:
        return Polled(state.url, replace(state, last_polled=polled_at, last_ok=polled_at, failures=0,
                                         last_error=None, next_poll=None), not_modified=True)
    kind = sniff(answer.data, answer.content_type)
    if kind == "binary":
        return _failed(state, polled_at, f"binary answer ({answer.content_type}), not a feed or page", every)
    keys: list[str] = []
    if kind == "feed":
        parsed = feedparser.parse(answer.data)
        keys = [k for e in parsed.entries if (k := item_key(e, answer.final_url))]
    meta = {"url": answer.final_url, **({"charset": answer.charset} if answer.charset else {})}
    documents, rejections = [], []
    for item in read_data(state.url, answer.data, kind, options, what="response", meta=meta, url=answer.final_url,
                          content_type=answer.content_type, skip=seen.__contains__):
        (rejections if isinstance(item, Rejection) else documents).append(item)
    if kind != "feed":
        keys = [answer.final_url]  # a page is one report; its content id tells a changed page apart
    if kind == "feed" and not keys and rejections:
        return _failed(state, polled_at, rejections[0].reason, every)
    rejections = [r for r in rejections if r.reason != "feed has no items"]  # empty for now is not an error
    return Polled(state.url, replace(state, etag=answer.etag, last_modified=answer.last_modified,
                                     last_polled=polled_at, last_ok=polled_at, failures=0, last_error=None,
                                     next_poll=None), documents, rejections, keys)


def _failed(state: FeedState, polled_at: str, reason: str, every: float) -> Polled:
    failures = state.failures + 1
    wait = backoff(failures, every)
    next_poll = (datetime.now(timezone.utc) + timedelta(seconds=wait)).isoformat(timespec="seconds")
    return Polled(state.url, replace(state, last_polled=polled_at, failures=failures, last_error=reason,
                                     next_poll=next_poll), error=reason)

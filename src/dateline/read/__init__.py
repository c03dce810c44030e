"""Readers: turn files, folders, URLs and standard input into RawDocuments.

``read_inputs`` is the one entry point. It never raises for bad input: each problem becomes a
``Rejection`` naming the input and what is wrong, and the good documents beside it still come.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from dateline.models import RawDocument, Rejection
from dateline.read.feed import read_feed
from dateline.read.fetch import FetchError
from dateline.read.fetch import fetch as fetch_url  # keeps dateline.read.fetch the module
from dateline.read.files import load, os_reason, text_document, walk
from dateline.read.html import html_document
from dateline.read.jsonl import read_jsonl_bytes, read_jsonl_file
from dateline.read.options import ReadOptions
from dateline.read.sniff import Kind, is_report_file, kind_from_name, sniff
from dateline.read.stdin import STDIN_ORIGIN, read_stdin

__all__ = ["ReadOptions", "read_data", "read_inputs"]

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")

Item = RawDocument | Rejection


def read_inputs(inputs: Iterable[str], options: ReadOptions = ReadOptions(),
                stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Documents and rejections for each input in turn: a path, a folder, an http(s) URL or ``-``."""
    for spec in inputs:
        try:
            yield from _read_one(spec, options, stdin)
        except Exception as e:  # a reader bug must cost one input, not the batch
            yield Rejection(spec, f"unexpected error while reading: {type(e).__name__}: {e}")


def read_data(origin: str, data: bytes, kind: Kind, options: ReadOptions, *, what: str = "file",
              meta: dict[str, str] | None = None, url: str | None = None,
              content_type: str | None = None, skip: Callable[[str], bool] | None = None) -> Iterator[Item]:
    """Parse bytes whose kind is known; ``what`` ("file", "response", "input") names them in reasons;
    ``skip``: feed items whose key (``read.feed.item_key``) it accepts are left out."""
    meta = meta or {}
    if kind == "binary":
        detail = f" ({content_type})" if content_type else ""
        yield Rejection(origin, f"binary {what}{detail}, not text")
    elif kind == "text":
        yield text_document(origin, data, what, meta)
    elif kind == "html":
        yield html_document(origin, data, what, meta)
    elif kind == "feed":
        header = content_type
        if content_type and "charset" in meta:  # feedparser weighs it against the XML declaration
            header = f"{content_type}; charset={meta['charset']}"
        yield from read_feed(origin, data, options, url=url, content_type=header, what=what, skip=skip)
    else:
        yield from read_jsonl_bytes(origin, data, options, what)


def _read_one(spec: str, options: ReadOptions, stdin: BinaryIO | None) -> Iterator[Item]:
    if spec == "-":
        yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, options)
    elif _URL.match(spec):
        yield from _read_url(spec, options)
    else:
        yield from _read_path(spec, options)


def _read_path(spec: str, options: ReadOptions) -> Iterator[Item]:
    path = Path(spec)
    try:
        is_dir = path.is_dir()
    except OSError as e:
        yield Rejection(spec, os_reason(e))
        return
    if not is_dir:
        yield from _read_file(path, spec, options)
        return
    found = False
    for child in walk(path):
        found = True
        if isinstance(child, Rejection):
            yield child
        elif is_report_file(child.name):
            yield from _read_file(child, str(child), options)
    if not found:
        yield Rejection(spec, "empty directory (no files to read)")


def _read_file(path: Path, origin: str, options: ReadOptions) -> Iterator[Item]:
    kind = kind_from_name(path.name)
    if kind == "jsonl":
        yield from read_jsonl_file(path, origin, options)
        return
    data = load(path, origin, options)
    if isinstance(data, Rejection):
        yield data
        return
    if kind is None:
        kind = sniff(data)
    yield from read_data(origin, data, kind, options)


def _read_stdin(stream: BinaryIO, options: ReadOptions) -> Iterator[Item]:
    data = read_stdin(stream, options)
    if isinstance(data, Rejection):
        yield data
        return
    yield from read_data(STDIN_ORIGIN, data, sniff(data), options, what="input")


def _read_url(url: str, options: ReadOptions) -> Iterator[Item]:
    try:
        page = fetch_url(url, options)
    except FetchError as e:
        yield Rejection(url, e.reason)
        return
    meta = {"url": page.final_url}
    if page.charset:
        meta["charset"] = page.charset
    kind = sniff(page.data, page.content_type)
    yield from read_data(url, page.data, kind, options, what="response", meta=meta,
                         url=page.final_url, content_type=page.content_type)

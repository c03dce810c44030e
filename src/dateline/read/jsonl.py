"""JSON Lines: one report per line, ``{"text": ..., "id": ..., "url": ..., ...}``.

Each line stands alone: a bad line becomes one Rejection and the lines beside it are still read.
Files are read line by line, so a large corpus never sits in memory at once.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.models import RawDocument, Rejection
from dateline.read.files import os_reason
from dateline.read.options import ReadOptions, over_limit

META_KEYS = ("id", "url", "title", "published", "lang", "source", "author")
_HTML = re.compile(r"<(?:p|html)[\s>/]|<!doctype html", re.I)


def read_jsonl_file(path: Path, origin: str, options: ReadOptions) -> Iterator[RawDocument | Rejection]:
    """Records of a JSON Lines file; ``max_bytes`` limits each line, not the file."""
    try:
        f = path.open("rb")
    except OSError as e:
        yield Rejection(origin, os_reason(e))
        return
    with f:
        yield from read_jsonl_lines(origin, _lines(f, options.max_bytes), options)


def read_jsonl_bytes(origin: str, data: bytes, options: ReadOptions,
                     what: str = "file") -> Iterator[RawDocument | Rejection]:
    lines = ((line.rstrip(b"\r"), False) for line in data.split(b"\n"))
    yield from read_jsonl_lines(origin, lines, options, what)


def read_jsonl_lines(origin: str, lines: Iterable[tuple[bytes, bool]], options: ReadOptions,
                     what: str = "file") -> Iterator[RawDocument | Rejection]:
    """Documents for ``(line, too_long)`` pairs; an input with no records at all is one Rejection."""
    found = False
    for lineno, (raw, too_long) in enumerate(lines, start=1):
        if lineno == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if too_long:
            found = True
            yield Rejection(f"{origin}:{lineno}", over_limit(f"line {lineno}", None, options.max_bytes))
            continue
        if not raw.strip():
            continue
        found = True
        yield record_document(f"{origin}:{lineno}", raw, lineno)
    if not found:
        yield Rejection(origin, f"empty {what}")


def record_document(origin: str, raw: bytes, lineno: int) -> RawDocument | Rejection:
    """The document for one JSON Lines record, or why the line is not one."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return Rejection(origin, f"line {lineno} is not valid UTF-8")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        return Rejection(origin, f"invalid JSON on line {lineno}: {e.msg} at column {e.colno}")
    except RecursionError:
        return Rejection(origin, f"invalid JSON on line {lineno}: nested too deeply")
    if not isinstance(record, dict):
        return Rejection(origin, f"line {lineno} is not a JSON object")
    text = record.get("text")
    if text is None:
        return Rejection(origin, f"record on line {lineno} has no 'text'")
    if not isinstance(text, str):
        return Rejection(origin, f"record on line {lineno}: 'text' is not a string")
    if not text.strip():
        return Rejection(origin, f"record on line {lineno} has empty 'text'")
    meta = {}
    for key in META_KEYS:
        value = record.get(key)
        # Scalars only: a nested object has no single string a later stage could use.
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
            meta[key] = str(value).strip()
    media_type = "text/html" if _HTML.search(text) else "text/plain"
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from \ud800-style escapes
        data = text.encode("utf-8", "replace")
    return RawDocument(origin=origin, data=data, media_type=media_type, meta=meta)


def _lines(f, limit: int) -> Iterator[tuple[bytes, bool]]:
    """Lines of a binary file without their newline; an over-long line is skipped, not held in memory."""
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # drain the rest of the line
                line = f.readline(1024 * 1024)
            yield b"", True
            continue
        yield line.rstrip(b"\r\n"), False

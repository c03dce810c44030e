"""Which reader an input needs: from its file name, its Content-Type, or its first bytes."""

from __future__ import annotations

import codecs
import json
import re
from pathlib import PurePath
from typing import Literal

from dateline.text.decode import looks_binary

Kind = Literal["text", "html", "feed", "jsonl", "binary"]

_EXTENSIONS: dict[str, Kind] = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}

_CONTENT_TYPES: dict[str, Kind] = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "feed", "text/xml": "feed",
    "application/x-ndjson": "jsonl", "application/jsonl": "jsonl", "application/x-jsonlines": "jsonl",
    "application/jsonlines": "jsonl", "application/json-lines": "jsonl",
}

_HEAD = 8192
# Prolog items that may precede an XML root element: declaration, PIs, comments, doctype.
_PROLOG = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)", re.S | re.I)
_ROOT = re.compile(r"\s*<([a-z][\w:.-]*)", re.I)
_FEED_ROOTS = {"rss", "feed", "rdf:rdf", "rdf"}
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|hr|h[1-6]|ul|ol|li|table|tr|td|article|section|header|footer|nav|main|"
    r"meta|link|head|body|title|script|style|em|strong|b|i|img|figure|blockquote)\b[^>]*>",
    re.I,
)


def is_report_file(name: str) -> bool:
    """In a folder, read report files only: known extensions or none at all. Documentation
    (README.md), data (.json, .csv) and images beside the reports are not news."""
    suffix = PurePath(name).suffix.lower()
    return suffix in _EXTENSIONS or suffix == ""


def kind_from_name(name: str) -> Kind | None:
    """The kind a file extension promises, or None when the content must decide."""
    return _EXTENSIONS.get(PurePath(name).suffix.lower())


def kind_from_content_type(content_type: str | None) -> Kind | None:
    if not content_type:
        return None
    return _CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())


def sniff(data: bytes, content_type: str | None = None) -> Kind:
    """Guess the kind of ``data``; a feed root always wins, then the Content-Type, then the content."""
    if looks_binary(data):
        return "binary"
    head = _head_text(data)
    root = _xml_root(head)
    if root in _FEED_ROOTS:
        return "feed"
    declared = kind_from_content_type(content_type)
    if declared is not None:
        return declared
    if root == "html":
        return "html"
    if root is not None and head.lstrip().startswith("<?xml"):
        return "feed"  # some other XML: the feed reader says clearly that it is not a feed
    lower = head.lower()
    if lower.lstrip().startswith(("<!doctype html", "<html")) or "<html" in lower[:1024] or "<body" in lower:
        return "html"
    if len(_HTML_TAG.findall(head)) >= 5:
        return "html"
    if _looks_like_jsonl(data):
        return "jsonl"
    return "text"


def _head_text(data: bytes) -> str:
    head = data[:_HEAD]
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(enc, "replace")
    # Markup and JSON are ASCII, so a lossy decode is enough to recognise them.
    return head.decode("utf-8", "replace")


def _xml_root(head: str) -> str | None:
    """Name of the first element, lower-cased, if the text starts with markup."""
    pos = 0
    while m := _PROLOG.match(head, pos):
        if m.end() == pos:
            break
        pos = m.end()
    m = _ROOT.match(head, pos)
    return m.group(1).lower() if m else None


def _looks_like_jsonl(data: bytes) -> bool:
    """The first non-empty line is a JSON object and at least half of the non-empty lines start like one.

    Not every line: a few bad lines are the JSON Lines reader's to reject one by one, and no
    reason to read the whole input as one text.
    """
    first = True
    objects = others = 0
    for raw in data.splitlines():
        line = (raw.removeprefix(codecs.BOM_UTF8) if first else raw).strip()
        if not line:
            continue
        if first:
            try:
                if not isinstance(json.loads(line), dict):
                    return False
            except (ValueError, RecursionError):
                return False
            first = False
        if line.startswith(b"{"):
            objects += 1
        else:
            others += 1
    return objects > 0 and objects >= others

"""RSS and Atom feeds: one document per item, with the item's metadata.

An item's full content is used when the feed carries it; otherwise the linked page is fetched
(``fetch_linked``), and when that fails the summary is kept so nothing readable is lost.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin
from xml.sax import SAXParseException

import feedparser
from lxml import html as lxml_html

from dateline.text.decode import looks_binary
from dateline.models import RawDocument, Rejection
from dateline.read.fetch import FetchError, fetch
from dateline.read.files import text_document
from dateline.read.html import html_document
from dateline.read.options import ReadOptions
from dateline.read.sniff import sniff

FULL_CONTENT_CHARS = 400  # less text than this in content:encoded is a teaser, not the article


def read_feed(origin: str, data: bytes, options: ReadOptions, *, url: str | None = None,
              content_type: str | None = None, what: str = "file",
              skip: Callable[[str], bool] | None = None) -> Iterator[RawDocument | Rejection]:
    """Documents for the items of the feed in ``data``; ``url`` (if fetched) resolves relative links."""
    if not data.strip():
        yield Rejection(origin, f"empty {what}")
        return
    if looks_binary(data):
        yield Rejection(origin, f"binary {what}, not text")
        return
    # No content-location: feedparser would also "resolve" plain guids such as "item-3" against
    # it; item links are resolved here instead.
    headers = {}
    if content_type:
        headers["content-type"] = content_type
    try:
        # A stream, never bytes or str: feedparser would open a str that looks like a URL or a
        # path itself, and bytes that name an existing file.
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    except Exception as e:  # feedparser's loose parser can fail in odd ways on hostile input
        yield Rejection(origin, f"malformed XML: {_short(e)}")
        return
    # In broken XML the loose parser may still build "items" from fragments (an unclosed
    # <title>, say); if none has a link or any text, the document is broken, not its items.
    if parsed.bozo and not any(_has_substance(e) for e in parsed.entries) and _looks_like_xml(data):
        yield Rejection(origin, f"malformed XML: {_short(parsed.get('bozo_exception'))}")
        return
    if not parsed.entries:
        if parsed.bozo and _looks_like_xml(data):
            yield Rejection(origin, f"malformed XML: {_short(parsed.get('bozo_exception'))}")
        elif not parsed.version:
            yield Rejection(origin, "not an RSS or Atom feed")
        else:
            yield Rejection(origin, "feed has no items")
        return
    feed = parsed.feed
    for n, entry in enumerate(parsed.entries, start=1):
        if skip is not None and skip(item_key(entry, url)):
            continue  # the watcher saw it in an earlier poll: its linked page is not fetched again
        try:
            yield from _item(entry, feed, f"{origin}#item {n}", url, options)
        except Exception as e:  # one odd item must not stop the others
            yield Rejection(f"{origin}#item {n}", f"unreadable feed item: {_short(e)}")


def _item(entry: Any, feed: Any, fallback_origin: str, base: str | None,
          options: ReadOptions) -> Iterator[RawDocument | Rejection]:
    link = _str(entry.get("link"))
    if link and base:
        link = urljoin(base, link)
    origin = link or fallback_origin
    meta = _meta(entry, feed, link)
    summary = _str(entry.get("summary"))
    content, content_type = _best_content(entry)
    content_text = _text_of(content) if content_type != "text/plain" else content
    summary_text = _text_of(summary)

    if content and len(content_text) >= len(summary_text) and len(content_text) > FULL_CONTENT_CHARS:
        yield _inline(origin, content, content_type, meta)
        return
    # What to keep if no page comes: the longer of the teaser content and the summary.
    if len(content_text) > len(summary_text):
        best_inline, best_type, has_text = content, content_type, bool(content_text)
    else:
        best_inline, best_type, has_text = summary, "text/html", bool(summary_text)

    if options.fetch_linked and link and link.lower().startswith(("http://", "https://")):
        try:
            page = fetch(link, options)
        except FetchError as e:
            if has_text:
                reason = f"linked page not fetched ({e.reason}); kept the feed summary instead"
                yield Rejection(origin, reason)
                yield _inline(origin, best_inline, best_type, meta)
            else:
                yield Rejection(origin, f"linked page not fetched ({e.reason}) and the item has no summary")
            return
        page_meta = {**meta, "url": page.final_url}
        if page.charset:
            page_meta["charset"] = page.charset
        kind = sniff(page.data, page.content_type)
        if kind == "html":
            doc = html_document(origin, page.data, "linked page", page_meta)
        elif kind == "text":
            doc = text_document(origin, page.data, "linked page", page_meta)
        else:
            doc = Rejection(origin, f"linked page is not HTML or text ({page.content_type or kind})")
        if isinstance(doc, Rejection) and has_text:
            yield Rejection(origin, f"{doc.reason}; kept the feed summary instead")
            yield _inline(origin, best_inline, best_type, meta)
        else:
            yield doc
        return

    if has_text:
        yield _inline(origin, best_inline, best_type, meta)
    else:
        yield Rejection(origin, "feed item has no text and no link to fetch")


def item_key(entry: Any, base: str | None = None) -> str:
    """What names an item across polls: its guid / atom id, else its link, else its title."""
    link = _str(entry.get("link"))
    return _str(entry.get("id")) or (urljoin(base, link) if link and base else link) or _str(entry.get("title"))


def _has_substance(entry: Any) -> bool:
    return bool(_str(entry.get("link")) or _str(entry.get("summary")) or _best_content(entry)[0])


def _inline(origin: str, value: str, content_type: str, meta: dict[str, str]) -> RawDocument:
    media_type = "text/plain" if content_type == "text/plain" else "text/html"
    return RawDocument(origin=origin, data=value.encode("utf-8"), media_type=media_type, meta=dict(meta))


def _best_content(entry: Any) -> tuple[str, str]:
    """The longest ``content`` value of the entry (content:encoded, atom:content) and its type."""
    best, best_type = "", "text/html"
    for item in entry.get("content") or []:
        value = _str(item.get("value"))
        if len(value) > len(best):
            ctype = _str(item.get("type")).lower()
            best, best_type = value, "text/plain" if ctype in ("text/plain", "text") else "text/html"
    return best, best_type


def _meta(entry: Any, feed: Any, link: str) -> dict[str, str]:
    meta: dict[str, str] = {}
    for key, value in (
        ("url", link),
        ("title", entry.get("title")),
        ("published", _iso(entry.get("published_parsed") or entry.get("updated_parsed"))),
        ("author", entry.get("author")),
        ("source", feed.get("title")),
        ("id", entry.get("id")),
        ("lang", _lang(entry, feed)),
    ):
        text = _str(value)
        if text:
            meta[key] = text
    return meta


def _lang(entry: Any, feed: Any) -> str | None:
    for item in entry.get("content") or []:
        if item.get("language"):
            return item["language"]
    detail = entry.get("title_detail") or {}
    return detail.get("language") or feed.get("language")


def _iso(parsed: Any) -> str | None:
    """feedparser's UTC struct_time as ISO 8601, e.g. ``2025-12-17T09:30:00+00:00``."""
    if not parsed:
        return None
    try:
        return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat()
    except (TypeError, ValueError):
        return None


def _text_of(markup: str) -> str:
    """The visible text of an HTML snippet, whitespace collapsed."""
    if not markup.strip():
        return ""
    try:
        text = lxml_html.fragment_fromstring(markup, create_parent="div").text_content()
    except Exception:
        text = re.sub(r"<[^>]*>", " ", markup)
    return " ".join(text.split())


def _str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _looks_like_xml(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf", b"<RDF"))


def _short(e: object) -> str:
    if isinstance(e, SAXParseException):  # "<unknown>:1:73: no element found" reads badly
        return f"{e.getMessage()} at line {e.getLineNumber()}, column {e.getColumnNumber()}"
    text = str(e).strip().split("\n")[0] if e is not None else ""
    return text or "the parser gave up"

"""HTML pages: check that there is a page with some text, and pass its bytes on.

Main-text extraction happens in cleaning (``dateline.clean.extract``), so this reader keeps the
page as it came; it only rejects what no extractor could use.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from dateline.text.decode import looks_binary
from dateline.models import RawDocument, Rejection

# Text nodes in the body that a reader would see (not code or styles).
_BODY_TEXT = etree.XPath(
    "//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)"
    " and not(ancestor::template)]"
)


def html_document(origin: str, data: bytes, what: str = "file",
                  meta: dict[str, str] | None = None) -> RawDocument | Rejection:
    """A text/html document for ``data`` if lxml finds a page with body text in it."""
    if not data.strip():
        return Rejection(origin, f"empty {what}")
    if looks_binary(data):
        return Rejection(origin, f"binary {what}, not text")
    problem = html_problem(data)
    if problem:
        return Rejection(origin, f"malformed HTML: {problem}")
    return RawDocument(origin=origin, data=data, media_type="text/html", meta=dict(meta or {}))


def html_problem(data: bytes) -> str | None:
    """Why ``data`` is no usable page, or None when it is one."""
    try:
        doc = lxml_html.document_fromstring(data)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as e:
        return str(e).lower() or "lxml could not parse it"
    if not any(t.strip() for t in _BODY_TEXT(doc)):
        return "no text in the page body"
    return None

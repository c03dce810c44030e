"""Main text and metadata of an HTML page, without boilerplate (trafilatura)."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura


class ExtractionError(ValueError):
    """The page holds no main text we can find."""


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None


def extract_html(html: bytes | str, url: str | None = None) -> Extracted:
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        # Only dates the page states in its markup: free-text search guesses years from footers.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        raise ExtractionError("no main text found in the HTML")
    return Extracted(
        text=doc.text,
        title=doc.title or None,
        published=doc.date or None,
        author=doc.author or None,
        site_name=doc.sitename or None,
        canonical_url=doc.url or None,
    )

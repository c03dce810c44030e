"""Publication dates to ISO 8601, and the year of a year-less dateline.

A date is never invented: a string without a year ("December 17", "yesterday") gives None,
and nothing falls back on today's date. Without a stated date, the day a URL's path files the
report under (``/2026/03/18/``) is taken, as news sites name their paths.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from dateline.models import Dateline

_YEAR = re.compile(r"(?<!\d)(?:1[89]|2[01])\d{2}(?!\d)")
_NUMERIC = re.compile(r"\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\s*")
# RFC 2822 as in RSS; other strings go to dateparser (email.utils misreads "3:45 PM EST").
_RFC2822 = re.compile(
    r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s*(?:[+-]\d{4}|GMT|UTC?|Z|[ECMP][SD]T))?"
)
_TIME = re.compile(r"\d{1,2}[:h]\d{2}")
_DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["absolute-time"],  # no "yesterday", no bare timestamps
}  # the result is time-zone aware only when the string names a zone

# A dateline may be dated a little after the publication time (time zones): allow this much.
DATELINE_SLACK = timedelta(days=1)


def _iso(value: datetime, with_time: bool) -> str:
    return value.isoformat() if with_time else value.date().isoformat()


def _numeric(value: str, lang: str | None) -> str | None:
    """``20/12/2025``, ``20.12.2025``, ``12/20/25``: day first unless that is impossible, or
    the language is English and month first is possible (US usage)."""
    m = _NUMERIC.fullmatch(value)
    if m is None:
        return None
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if year < 100:
        year += 2000
    orders = [(b, a), (a, b)] if lang == "en" else [(a, b), (b, a)]  # (day, month)
    for day, month in orders:
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


def parse_published(value: str | None, lang: str | None = None) -> str | None:
    """ISO form of a publication date or datetime (``2025-12-20``, ``2025-12-20T10:00:00+00:00``)
    from ISO, RFC 2822, numeric or written dates in the article's language; None when the
    string does not state a full date with a year."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith("Z") else value)
        return _iso(parsed, with_time=len(value) > 10)
    except ValueError:
        pass
    numeric = _numeric(value, lang)
    if numeric is not None or _NUMERIC.fullmatch(value):
        return numeric
    if not _YEAR.search(value):
        return None  # dateparser would fill a missing year with the current one
    if _RFC2822.fullmatch(value):
        try:
            return _iso(parsedate_to_datetime(value), with_time=True)
        except (TypeError, ValueError, IndexError):
            pass
    import dateparser  # slow to import; most inputs never get here

    languages = [lang] if lang and lang in _dateparser_languages() else None
    try:
        parsed = dateparser.parse(value, languages=languages, settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    if parsed is None or not 1800 <= parsed.year <= 2199:
        return None
    return _iso(parsed, with_time=bool(_TIME.search(value)))


# /2026/03/18/ or /2026-03-18- in a URL path: where most news sites file a report by its day
_URL_DATE = re.compile(r"/((?:19|20)\d{2})([/-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?=[/._-]|$)")


def date_from_url(url: str | None) -> str | None:
    """The day a URL's path files the report under (``.../2026/03/18/slug`` -> ``2026-03-18``),
    or None. Only a whole year/month/day triple counts; ``/2026/03/`` alone says too little."""
    if not url:
        return None
    try:
        path = urlsplit(url.strip()).path
    except ValueError:  # "http://[::1/..." and other malformed URLs: no date, not an error
        return None
    m = _URL_DATE.search(path)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(3)), int(m.group(4))).isoformat()
    except ValueError:  # 2026/02/30
        return None


_LANGS: frozenset[str] | None = None


def _dateparser_languages() -> frozenset[str]:
    global _LANGS
    if _LANGS is None:
        from dateparser.languages.loader import default_loader

        _LANGS = frozenset(default_loader.get_locale_map().keys())
    return _LANGS


def resolve_dateline_year(dateline: Dateline, published: str | None) -> Dateline:
    """Give a year-less dateline the year that puts its month/day on or before the publication
    date (one day of slack for time zones) and closest to it: Dec 17 published 2026-01-02 is
    2025-12-17 (``year_source="published"``). Unchanged without a publication date."""
    if dateline.year is not None or not (dateline.month and dateline.day) or not published:
        return dateline
    try:
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return dateline
    candidates = []
    for year in range(pub.year + 1, pub.year - 8, -1):  # 29 February may be years back
        try:
            day = date(year, dateline.month, dateline.day)
        except ValueError:
            continue
        if day <= pub + DATELINE_SLACK:
            candidates.append(day)
    if not candidates:
        return dateline
    return replace(dateline, year=max(candidates).year, year_source="published")

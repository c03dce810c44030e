from __future__ import annotations

import pytest

from dateline.clean.dates import date_from_url, parse_published, resolve_dateline_year
from dateline.models import Dateline


@pytest.mark.parametrize("value, lang, expected", [
    ("2025-12-20", None, "2025-12-20"),
    ("2025-12-20T10:00:00Z", None, "2025-12-20T10:00:00+00:00"),
    ("2025-12-20T10:00:00+01:00", None, "2025-12-20T10:00:00+01:00"),
    ("2025-12-20 10:00", None, "2025-12-20T10:00:00"),
    ("20/12/2025", None, "2025-12-20"),
    ("20.12.2025", "de", "2025-12-20"),
    ("05/06/2025", "it", "2025-06-05"),
    ("05/06/2025", "en", "2025-05-06"),
    ("12/20/2025", "it", "2025-12-20"),
    ("Sat, 20 Dec 2025 10:00:00 +0000", None, "2025-12-20T10:00:00+00:00"),
    ("20 December 2025", "en", "2025-12-20"),
    ("December 20, 2025", None, "2025-12-20"),
    ("20 dicembre 2025", "it", "2025-12-20"),
    ("20 dicembre 2025 alle 10:30", "it", "2025-12-20T10:30:00"),
    ("17 декабря 2025 г.", "ru", "2025-12-17"),
    ("mercredi 17 décembre 2025", "fr", "2025-12-17"),
    ("20 December 2025 10:00 CET", "en", "2025-12-20T10:00:00+01:00"),
])
def test_parse_published(value, lang, expected):
    assert parse_published(value, lang) == expected


@pytest.mark.parametrize("value", [
    None, "", "   ", "December 17", "17 dicembre", "yesterday", "today", "2 hours ago",
    "2025", "December 2025", "1734690000", "32/13/2025", "not a date", "Monday",
])
def test_never_invented(value):
    assert parse_published(value, "en") is None


def test_unknown_language_code_is_ignored():
    assert parse_published("20 December 2025", "xx") == "2025-12-20"


def _dl(month, day, year=None):
    return Dateline(text="RABAT, December 17", place="RABAT", month=month, day=day, year=year,
                    year_source="text" if year else None)


@pytest.mark.parametrize("month, day, published, year", [
    (12, 17, "2026-01-02", 2025),  # across New Year
    (12, 17, "2025-12-20", 2025),
    (12, 17, "2025-12-17T23:00:00+00:00", 2025),
    (12, 18, "2025-12-17", 2025),  # one day ahead of publication: time zones
    (12, 20, "2025-12-17", 2024),  # days after publication: last year's
    (1, 2, "2025-12-31", 2025),  # not yet: last January
    (1, 1, "2025-12-31", 2026),  # one day ahead, across New Year
    (2, 29, "2025-03-01", 2024),  # leap day
])
def test_resolve_year(month, day, published, year):
    resolved = resolve_dateline_year(_dl(month, day), published)
    assert resolved.year == year
    assert resolved.year_source == "published"


def test_resolve_keeps_stated_year_and_never_invents():
    stated = _dl(12, 17, 2023)
    assert resolve_dateline_year(stated, "2026-01-02") == stated
    assert resolve_dateline_year(_dl(12, 17), None).year is None
    assert resolve_dateline_year(_dl(None, None), "2025-12-20").year is None
    assert resolve_dateline_year(_dl(12, 17), "garbage").year is None


@pytest.mark.parametrize("url, expected", [
    ("https://markets.example.com/companies/2026/03/18/kessler-closure", "2026-03-18"),
    ("https://news.example.org/2025/12/7/story.html", "2025-12-07"),
    ("https://news.example.org/world/2025-12-17-haftar-visit", "2025-12-17"),
    ("https://news.example.org/2025/12/", None),  # a month is not a day
    ("https://news.example.org/2026/02/30/x", None),  # no such day
    ("https://news.example.org/2026/03-18/x", None),  # mixed separators: not a date path
    ("https://news.example.org/item/20260318", None),  # could be any number
    ("https://news.example.org/story?d=2026/03/18", None),  # the query is not the filing path
    ("https://news.example.org/1234/05/06/x", None),  # outside 1900-2099
    ("http://[::1/2026/03/18/x", None),  # malformed: no date, and no exception
    (None, None), ("", None),
])
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected

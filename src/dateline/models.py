"""The records that flow between Dateline's stages.

Every record is a frozen dataclass: a stage returns new records, it never edits the ones it is given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class RawDocument:
    """What a reader found: the bytes of one report and whatever metadata came with them.

    ``media_type`` is ``"text/plain"`` or ``"text/html"``; cleaning decodes and, for HTML,
    extracts the main text. ``meta`` holds metadata known before cleaning (from a feed item,
    a JSON Lines record, HTTP headers): keys among ``id, url, title, published, lang, source,
    author, site_name, canonical_url``.
    """

    origin: str  # path, URL or "path:line" the document came from, shown in messages
    data: bytes
    media_type: str = "text/plain"
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Rejection:
    """An input that could not be read, with one line saying why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True)
class Dateline:
    """The place/date/agency opening of a report, e.g. ``RABAT, December 17.`` or ``BERLIN (dpa) -``.

    A date without a year is partial: ``month`` and ``day`` are set, ``year`` only when the
    dateline states it or it could be resolved (``year_source`` says which: ``"text"`` or
    ``"published"``). Later stages may complete it from related reports.
    """

    text: str
    place: str | None = None
    agency: str | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    year_source: str | None = None

    def as_date(self) -> date | None:
        if self.year and self.month and self.day:
            try:
                return date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None


@dataclass(frozen=True)
class Article:
    """A cleaned report: repaired text in paragraphs, with header, dateline and byline split off."""

    id: str  # 16 hex digits derived from the normalized text
    text: str  # paragraphs separated by one blank line
    origin: str
    lang: str | None = None
    lang_score: float | None = None
    title: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    source: str | None = None
    site_name: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date or datetime, only when the input states one (or its URL path)
    dateline: Dateline | None = None
    byline: str | None = None
    header: dict[str, str] = field(default_factory=dict)  # metadata lines found at the top
    external_id: str | None = None  # the id the input gave, if any
    duplicate_of: str | None = None  # id of the earliest near-duplicate copy
    duplicate_score: float | None = None


# -- analysis (stage `analyze`) and linking (stage `link`) ------------------------------------
# Offsets, not copies: every span is [start, end) into Article.text.

# MISC: other named things (CoNLL); EVT and PRO: events and products, where a model tells them
# apart; NORP: nationality words (``Pakistani``, ``pakistano``), linked to their country.
ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC", "EVT", "PRO", "NORP")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """A named-entity mention. ``text`` is Article.text[start:end], without a leading title or
    rank, which goes to ``role`` (``Field Marshal`` Asim Munir). ``entity`` is filled by linking."""

    start: int
    end: int
    text: str
    type: str  # one of ENTITY_TYPES
    entity: str | None = None
    role: str | None = None
    role_start: int | None = None  # span of the role in the text, when one was split off
    role_end: int | None = None
    source: str = "tagger"  # tagger | gazetteer | acronym | rule


@dataclass(frozen=True)
class TimeExpression:
    """A time expression resolved to a day or a range of days (ISO dates, both inclusive)."""

    start: int
    end: int
    text: str
    first: str | None  # None when it could not be resolved (no anchor date)
    last: str | None
    granularity: str  # day | week | month | year | range
    anchor: str | None = None  # what it was resolved against: published | dateline


@dataclass(frozen=True)
class Entity:
    """One real-world entity across documents, spellings, languages and scripts."""

    id: str
    name: str  # canonical name
    type: str  # one of ENTITY_TYPES
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language -> surface forms
    country: str | None = None  # ISO 3166-1 alpha-2, for places (and where known for others)
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None  # finer kind: country, city, region, acronym-org ...
    source: str | None = None  # gazetteer (geonames / cldr) or corpus


@dataclass(frozen=True)
class Analysis:
    article_id: str
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    times: tuple[TimeExpression, ...]

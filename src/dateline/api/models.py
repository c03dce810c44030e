"""Response models: what the OpenAPI document says each endpoint answers.

They type the fields a client relies on and allow the rest (``extra="allow"``), so a field the
service functions add later passes through instead of being dropped.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorBody(BaseModel):
    status: int
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody


class EventSummary(Open):
    id: str
    story_id: str
    first_day: str | None
    last_day: str | None
    headline: str
    headline_article: str | None
    place: str | None
    languages: list[str]
    sources: int
    articles: int


class EventPage(Open):
    events: list[EventSummary]
    next_cursor: str | None


class EventDetail(EventSummary):
    record: dict
    members: list[dict]
    comparison: dict


class ArticleDetail(Open):
    id: str
    text: str
    lang: str | None = None
    title: str | None = None
    analysis: dict | None
    entities: dict[str, dict]
    event: str | None


class Entity(Open):
    id: str
    name: str
    type: str
    country: str | None
    lat: float | None
    lon: float | None


class EntityListed(Entity):
    mentions: int
    articles: int
    languages: list[str]


class EntityDetail(Entity):
    names: dict[str, dict[str, list[str]]]
    mention_count: int
    mentions: list[dict]
    events: list[EventSummary]
    timeline: list[dict]


class Story(Open):
    id: str
    events: int
    articles: int
    first_day: str | None
    last_day: str | None
    headline: str
    languages: list[str]


class StoryDetail(Story):
    timeline: list[EventSummary]


class Feed(Open):
    url: str
    added: str
    etag: str | None
    last_modified: str | None
    last_polled: str | None
    last_ok: str | None
    last_new: str | None
    next_poll: str | None
    failures: int
    last_error: str | None
    items: int
    failing: bool


class SearchHit(Open):
    article: str
    title: str | None
    lang: str | None
    source: str | None
    published: str | None
    event: str | None
    snippet: str
    snippet_start: int
    snippet_end: int


class SearchPage(Open):
    query: str
    results: list[SearchHit]
    offset: int
    limit: int


class ReportIn(BaseModel):
    """One report, as a line of ``dateline ingest``'s .jsonl (the OpenAPI document's request body;
    the body is checked by the same reader as ingest, so its rejections are ingest's)."""

    text: str
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    lang: str | None = None
    source: str | None = None
    author: str | None = None


class Placed(Open):
    input: str
    article: str
    status: str  # new | near_duplicate | duplicate
    duplicate_of: str | None
    event: str | None
    story: str | None


class Taken(Open):
    read: int
    new: int
    duplicate: int
    near_duplicate: int
    rejected: int
    rejections: list[dict]
    articles: list[Placed]


ERRORS = {status: {"model": ErrorResponse, "description": what} for status, what in {
    400: "bad request (e.g. a cursor this server did not give)",
    401: "missing or invalid API key (WWW-Authenticate: Bearer)",
    403: "no API key configured on the server",
    404: "no such id",
    409: "the id prefix matches several",
    422: "invalid parameters",
    429: "rate limit reached (Retry-After)",
    503: "the store is busy (Retry-After)",
}.items()}

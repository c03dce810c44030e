"""The reading endpoints: events (and their exports), articles, entities, stories, search.

Each is a thin face over ``dateline.service.queries``: parse and validate the query, call the
service function with this thread's store, answer what it returns. Sync handlers, so FastAPI runs
them on its worker threads and a slow event detail never holds up the event loop.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from enum import Enum
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import StreamingResponse

from dateline.api.deps import get_store, reader
from dateline.api.models import (
    ERRORS,
    ArticleDetail,
    EntityDetail,
    EntityListed,
    EventDetail,
    EventPage,
    Feed,
    SearchPage,
    Story,
    StoryDetail,
)
from dateline.models import ENTITY_TYPES
from dateline.service import exports, queries
from dateline.store import EntityFilter, EventFilter, Store

router = APIRouter(prefix="/api", dependencies=[Depends(reader)], responses=ERRORS)

MAX_PAGE = queries.MAX_PAGE  # a limit over this is refused (422), not cut
ISO_DAY = r"^\d{4}-\d{2}-\d{2}$"
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"rows per page, at most {MAX_PAGE}")]
Day = Annotated[str | None, Query(pattern=ISO_DAY, description="YYYY-MM-DD")]
StoreDep = Annotated[Store, Depends(get_store)]
EXPORT_CHUNK = 64  # rows per piece of a streamed export (each piece is one hop to a worker thread)


class EventsFormat(str, Enum):
    json = "json"
    csv = "csv"
    jsonl = "jsonl"
    plover = "plover"


EntityType = Enum("EntityType", {t: t for t in ENTITY_TYPES}, type=str)  # type: ignore[misc]


@router.get("/events", response_model=EventPage, summary="Events, latest first (one page), or an export",
            responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}},
                             "description": "a page of events (format=json) or every matching event "
                                            "streamed as CSV, JSON Lines or PLOVER-style JSON Lines"}})
def events(store: StoreDep,
           lang: Annotated[str | None, Query(description="has an article in this language (ISO 639-1)")] = None,
           since: Day = None, until: Day = None,
           place: Annotated[str | None, Query(description="place contains this, any case")] = None,
           q: Annotated[str | None, Query(description="full text: an article of the event matches these words")] = None,
           text: Annotated[str | None, Query(description="headline contains this, any case")] = None,
           story: Annotated[str | None, Query(description="only events of this story (id)")] = None,
           min_sources: Annotated[int, Query(ge=1, description="independent sources")] = 1,
           min_articles: Annotated[int, Query(ge=1)] = 1,
           limit: Limit = 50,
           cursor: Annotated[str | None, Query(description="next_cursor of the page before")] = None,
           format: Annotated[EventsFormat, Query(description="json: one page; csv, jsonl, plover: every "
                                                            "matching event, streamed (limit and cursor do not apply)")]
           = EventsFormat.json):
    flt = EventFilter(lang=lang, since=since, until=until, place=place, text=text, story=story,
                      min_sources=min_sources, min_articles=min_articles, query=q)
    if format is EventsFormat.json:
        return queries.list_events(store, flt, limit=limit, cursor=cursor)
    return export_response(store, queries.all_events(store, flt), format.value)


def export_response(store: Store, summaries: list, fmt: str) -> StreamingResponse:
    """Stream an export. Starlette runs each step of a sync iterator on some worker thread;
    ``store`` (a ThreadLocalStore) reads each record with that thread's own connection."""
    # a lambda, not ``store.event_record``: the method is looked up on the thread that calls it
    rows = exports.export_events(summaries, lambda event_id: store.event_record(event_id),
                                 lambda event_id: store.event_article_ids(event_id), fmt)
    return StreamingResponse(_chunked(rows, EXPORT_CHUNK), media_type=exports.FORMATS[fmt].media_type,
                             headers={"Content-Disposition": f'attachment; filename="{exports.filename(fmt)}"'})


def _chunked(rows: Iterable[str], n: int) -> Iterator[bytes]:
    piece: list[str] = []
    for row in rows:
        piece.append(row)
        if len(piece) >= n:
            yield "".join(piece).encode("utf-8")
            piece = []
    if piece:
        yield "".join(piece).encode("utf-8")


@router.get("/events/{event_id}", response_model=EventDetail, summary="One event whole")
def event(store: StoreDep, event_id: Annotated[str, Path(description="an event id or a unique prefix")],
          texts: Annotated[bool, Query(description="include each member's text and URL")] = False):
    return queries.event_detail(store, event_id, with_texts=texts)


@router.get("/articles/{article_id}", response_model=ArticleDetail, summary="One article with its analysis")
def article(store: StoreDep, article_id: Annotated[str, Path(description="an article id or a unique prefix")]):
    return queries.article_detail(store, article_id)


@router.get("/entities", response_model=list[EntityListed], summary="Linked entities, most mentioned first")
def entities(store: StoreDep, type: EntityType | None = None,  # noqa: A002 (the parameter's public name)
             lang: Annotated[str | None, Query(description="mentioned in articles of this language")] = None,
             name: Annotated[str | None, Query(description="canonical name contains this, any case")] = None,
             min_mentions: Annotated[int, Query(ge=1)] = 1, limit: Limit = 50):
    flt = EntityFilter(type=type.value if type else None, lang=lang, name=name, min_mentions=min_mentions,
                       limit=limit)
    return queries.list_entities(store, flt)


# ``:path``: entity ids hold colons (LOC:benghazi, LOC:geonames:88319) and may hold slashes
@router.get("/entities/{entity_id:path}", response_model=EntityDetail, summary="One entity")
def entity(store: StoreDep, entity_id: Annotated[str, Path(description="an entity id, e.g. LOC:geonames:88319")]):
    return queries.entity_detail(store, entity_id)


@router.get("/stories", response_model=list[Story], summary="Stories, latest first")
def stories(store: StoreDep, min_events: Annotated[int, Query(ge=1)] = 1, limit: Limit = 50):
    return queries.list_stories(store, limit=limit, min_events=min_events)


@router.get("/stories/{story_id}", response_model=StoryDetail, summary="One story and its timeline")
def story(store: StoreDep, story_id: str):
    return queries.story_detail(store, story_id)


@router.get("/search", response_model=SearchPage, summary="Full-text search over articles, any language")
def search(store: StoreDep,
           q: Annotated[str, Query(min_length=1, description='words (all must match); "a phrase" as written')],
           limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20, offset: Annotated[int, Query(ge=0)] = 0):
    return queries.search(store, q, limit=limit, offset=offset)


@router.get("/feeds", response_model=list[Feed], summary="The sources `dateline watch` polls, failing ones first")
def feeds(store: StoreDep):
    return queries.list_feeds(store)

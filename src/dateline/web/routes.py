"""The web UI's pages: thin handlers over ``dateline.service.queries``, rendered with Jinja2."""

from __future__ import annotations

from functools import cache
from math import sqrt
from pathlib import Path
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from dateline.api.deps import get_store
from dateline.service import queries
from dateline.service.errors import ServiceError
from dateline.store import EntityFilter, EventFilter, Store
from dateline.web.marks import fact_spans, marked, mention_spans

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))

LANGUAGES = {"en": "English", "it": "Italian", "fr": "French", "de": "German", "es": "Spanish", "pt": "Portuguese",
             "ru": "Russian", "uk": "Ukrainian", "pl": "Polish", "cs": "Czech", "bg": "Bulgarian", "sl": "Slovene",
             "ar": "Arabic", "zh": "Chinese", "ja": "Japanese", "nl": "Dutch", "tr": "Turkish"}
templates.env.globals["language_name"] = lambda code: LANGUAGES.get(code or "", code or "?")


def _page(request: Request, name: str, http_status: int = 200, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=http_status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    """What the app answers for an error on a page (not under /api/)."""
    return _page(request, "error.html", http_status=status, status=status, message=message)


def _or_error(request: Request, build):
    try:
        return build()
    except ServiceError as exc:
        return error_page(request, exc.status, exc.message)


def _filters(lang, since, until, place, q, min_sources) -> tuple[EventFilter, dict]:
    """The feed's filters (the map takes the same): the store's filter and the form's values."""
    flt = EventFilter(lang=lang or None, since=since or None, until=until or None, place=place or None,
                      query=q or None, min_sources=max(1, min_sources))
    return flt, {"lang": lang or "", "since": since or "", "until": until or "", "place": place or "",
                 "q": q or "", "min_sources": min_sources}


def _languages(store: Store) -> list[str]:
    """The language chips: those of the latest events."""
    return sorted({code for e in queries.list_events(store, limit=200)["events"] for code in e["languages"]})


@router.get("/", response_class=HTMLResponse)
def feed(request: Request, lang: str | None = None, since: str | None = None, until: str | None = None,
         place: str | None = None, q: str | None = None, min_sources: int = 1, cursor: str | None = None,
         store: Store = Depends(get_store)):
    flt, f = _filters(lang, since, until, place, q, min_sources)
    def build():
        page = queries.list_events(store, flt, limit=50, cursor=cursor)
        return _page(request, "feed.html", events=page["events"], next_cursor=page["next_cursor"],
                     languages=_languages(store), f=f)
    return _or_error(request, build)


MAP_LIMIT = 1000  # the latest events the map draws
WORLD_SVG = Path(__file__).resolve().parent / "static" / "world-110m.svg"


@cache
def world_outlines() -> Markup:
    """The shipped outlines' group of paths, already in the map's coordinates, to inline in its SVG."""
    svg = WORLD_SVG.read_text(encoding="utf-8")
    return Markup(svg[svg.index("<g"):svg.rindex("</g>") + len("</g>")])


def _dot(e: dict) -> dict:
    """Equirectangular like the outlines (x = lon + 180, y = 90 - lat); the area grows with the sources."""
    where = ", ".join(p for p in (e["place_name"], e["country"]) if p)
    return {"id": e["id"], "cx": round(e["lon"] + 180, 2), "cy": round(90 - e["lat"], 2),
            "r": round(min(1.2 + 0.8 * sqrt(e["sources"]), 6), 2),
            "label": " · ".join(p for p in (e["headline"] or e["id"], where, e["first_day"]) if p)}


@router.get("/map", response_class=HTMLResponse)
def world_map(request: Request, lang: str | None = None, since: str | None = None, until: str | None = None,
              place: str | None = None, q: str | None = None, min_sources: int = 1,
              store: Store = Depends(get_store)):
    flt, f = _filters(lang, since, until, place, q, min_sources)
    def build():
        m = queries.mapped_events(store, flt, limit=MAP_LIMIT)
        kept = {k: v for k, v in f.items() if v and k != "place" and not (k == "min_sources" and v == 1)}
        places = [{**p, "href": "/?" + urlencode({**kept, "place": p["name"]})} for p in m["places"]]
        dots = sorted((_dot(e) for e in m["events"]), key=lambda d: -d["r"])  # small dots on top of big ones
        return _page(request, "map.html", outlines=world_outlines(), dots=dots, places=places,
                     unplaced=m["unplaced"], more=m["more"], limit=MAP_LIMIT, languages=_languages(store), f=f)
    return _or_error(request, build)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: str, store: Store = Depends(get_store)):
    def build():
        detail = queries.event_detail(store, event_id, with_texts=True)
        reports = [{**m, "html": marked(m["text"], fact_spans(detail["comparison"], m["article"]))}
                   for m in detail["members"]]
        return _page(request, "event.html", e=detail, record=detail["record"], reports=reports,
                     comparison=detail["comparison"])
    return _or_error(request, build)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, store: Store = Depends(get_store)):
    def build():
        a = queries.article_detail(store, article_id)
        return _page(request, "article.html", a=a, html=marked(a["text"], mention_spans(a["analysis"])))
    return _or_error(request, build)


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, type: str | None = None, lang: str | None = None, name: str | None = None,
             store: Store = Depends(get_store)):
    rows = queries.list_entities(store, EntityFilter(type=(type or "").upper() or None, lang=lang or None,
                                                     name=name or None, limit=200))
    return _page(request, "entities.html", rows=rows, f={"type": type or "", "lang": lang or "", "name": name or ""})


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str, store: Store = Depends(get_store)):
    def build():
        d = queries.entity_detail(store, entity_id)
        peak = max((t["events"] for t in d["timeline"]), default=1)
        return _page(request, "entity.html", d=d, peak=peak)
    return _or_error(request, build)


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, store: Store = Depends(get_store)):
    return _page(request, "stories.html", rows=queries.list_stories(store, limit=200))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str, store: Store = Depends(get_store)):
    return _or_error(request, lambda: _page(request, "story.html", s=queries.story_detail(store, story_id)))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = "", store: Store = Depends(get_store)):
    if not q.strip():
        return _page(request, "search.html", q="", results=None)
    return _or_error(request, lambda: _page(request, "search.html", q=q,
                                            results=queries.search(store, q, limit=50)["results"]))

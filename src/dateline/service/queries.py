"""Read functions over the store, shared by the CLI, the API and the web UI.

Each returns plain dicts and lists (JSON-ready: what ``--json`` prints and the API answers), or
raises ``NotFound`` / ``Ambiguous``. Offsets are character offsets into the article's text.
"""

from __future__ import annotations

import base64
import json
import unicodedata
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING

from dateline.models import Article
from dateline.outlets import outlet
from dateline.service.errors import BadRequest, NotFound, resolve
from dateline.service.snippets import snippet
from dateline.store import ArticleFilter, EntityFilter, EventFilter, EventSummary, PlacementRow, Store, StoredArticle

if TYPE_CHECKING:  # imported when used: listing events must not load the frame and compare stages
    from dateline.compare.records import Comparison
    from dateline.frame.record import EventRecord

MAX_PAGE = 200  # the most rows one page of a listing gives


# -- events ---------------------------------------------------------------------------------------
def event_row(s: EventSummary) -> dict:
    return asdict(s)


def list_events(store: Store, flt: EventFilter = EventFilter(), *, limit: int = 50,
                cursor: str | None = None) -> dict:
    """One page of events, latest first, and the cursor of the next page (None after the last).
    The cursor is the sort key of the page's last event, so a page read later still follows on
    from it when new events have arrived meanwhile."""
    limit = max(1, min(limit, MAX_PAGE))
    after = decode_cursor(cursor) if cursor else None
    rows = store.event_summaries(replace(flt, limit=limit + 1, after=after))
    more = len(rows) > limit
    rows = rows[:limit]
    return {"events": [event_row(r) for r in rows],
            "next_cursor": encode_cursor(event_sort_key(rows[-1])) if more and rows else None}


def all_events(store: Store, flt: EventFilter = EventFilter()) -> list[EventSummary]:
    """Every event the filter admits (for exports), latest first."""
    return store.event_summaries(flt)


def mapped_events(store: Store, flt: EventFilter = EventFilter(), *, limit: int = 1000) -> dict:
    """The latest ``limit`` events the filter admits that have coordinates (their stored record's
    place, from the gazetteer), how many others had none, whether more events matched, and the
    places with their event counts, most events first."""
    rows = store.event_summaries(replace(flt, limit=limit + 1))
    events, unplaced = [], 0
    places: dict[tuple, dict] = {}
    for s in rows[:limit]:
        place = (store.event_record(s.id) or {}).get("place") or {}
        if place.get("lat") is None or place.get("lon") is None:
            unplaced += 1
            continue
        events.append({**event_row(s), "lat": place["lat"], "lon": place["lon"],
                       "place_name": place["name"], "country": place.get("country")})
        key = (place["name"], place.get("country"), place["lat"], place["lon"])
        places.setdefault(key, {"name": key[0], "country": key[1], "lat": key[2], "lon": key[3], "events": 0})
        places[key]["events"] += 1
    return {"events": events, "unplaced": unplaced, "more": len(rows) > limit,
            "places": sorted(places.values(), key=lambda p: (-p["events"], p["name"]))}


def event_sort_key(s: EventSummary) -> tuple[str, int, str]:
    return (s.last_day or "", s.articles, s.id)


def encode_cursor(key: tuple[str, int, str]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, int, str]:
    try:
        day, articles, event_id = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        return str(day), int(articles), str(event_id)
    except Exception:
        raise BadRequest(f"cursor {cursor!r} is not one this server gave; start again without it") from None


def find_event(store: Store, event_id: str) -> str:
    return resolve(store.find_event(event_id), event_id, "event", "the event list")


@dataclass(frozen=True)
class EventParts:
    """One event as the stages see it (typed records), for faces that render them themselves."""

    summary: EventSummary
    members: list[tuple[StoredArticle, PlacementRow]]
    record: EventRecord
    comparison: Comparison


def warm_up() -> None:
    """Load now what the first event page would (the framing and comparison code, the gazetteer
    and its name-length index: about 1.3 s), so that no reader waits for it."""
    import dateline.compare  # noqa: F401
    import dateline.frame.record  # noqa: F401
    from dateline.link import gazetteer

    gazetteer.load().longest_name("a")


def event_parts(store: Store, event_id: str) -> EventParts:
    """One event whole: its summary, its record (PLOVER type, actors, place, date, each with the
    sentences behind it), its members in arrival order with why each joined, and the comparison
    of its sources (agreed, reported by one, differing). ``event_id`` may be a unique prefix."""
    from dateline.compare import compare_event
    from dateline.frame.record import RECORD_REPORTS, build_record
    from dateline.pipeline.members import event_members, report_frames

    event_id = find_event(store, event_id)
    members = store.event_members(event_id)
    analysed, entities = event_members(store, event_id, members)
    reports = report_frames(store, analysed)  # once, for the record and the comparison
    comparison = compare_event([(art, an, r.claims) for (art, an), r in zip(analysed, reports)], entities)
    decided, known = analysed, entities
    if len(members) > RECORD_REPORTS:  # the record is decided over the first reports, as the frame stage does
        decided, known = event_members(store, event_id, members[:RECORD_REPORTS])
    record = build_record(decided, known, reports=reports[:len(decided)])
    return EventParts(store.event_summary(event_id), members, record, comparison)


def event_detail(store: Store, event_id: str, *, with_texts: bool = False) -> dict:
    """:func:`event_parts` as JSON; ``with_texts``: each member's text and URL too, for showing
    the reports side by side."""
    from dateline.compare import comparison_dict

    parts = event_parts(store, event_id)
    return {**asdict(parts.summary), "record": parts.record.as_dict(), "members": [
        {"article": s.article.id, "title": s.article.title, "source": outlet(s.article),
         "lang": s.article.lang, "published": s.article.published, "duplicate_of": s.article.duplicate_of,
         "basis": p.basis, "probability": p.probability, "evidence": p.evidence,
         **({"text": s.article.text, "url": s.article.url} if with_texts else {})} for s, p in parts.members],
        "comparison": comparison_dict(parts.comparison)}


# -- articles -------------------------------------------------------------------------------------
def find_article(store: Store, article_id: str) -> str:
    return resolve(store.find(article_id), article_id, "article", "the article list")


def article_summary(a: Article) -> dict:
    d = asdict(a)
    d.pop("text")
    d["chars"] = len(a.text)
    return d


def list_articles(store: Store, flt: ArticleFilter = ArticleFilter()) -> list[dict]:
    return [article_summary(s.article) for s in store.articles(flt)]


def article_detail(store: Store, article_id: str) -> dict:
    """One article: its fields and text, its sentences, entity mentions and time expressions as
    offsets into the text, the entities they link to, and the event it was placed in."""
    article_id = find_article(store, article_id)
    stored = store.get(article_id)
    analysis = store.analysis(article_id)
    linked = sorted({m.entity for m in analysis.mentions if m.entity}) if analysis else []
    entities = {e.id: asdict(e) for i in linked if (e := store.entity(i))}
    placed = store.placement(article_id)
    out = asdict(stored.article)
    out["source_name"] = outlet(stored.article)
    out["analysis"] = asdict(analysis) if analysis else None
    out["entities"] = entities
    out["event"] = placed.event_id if placed else None
    return out


# -- entities -------------------------------------------------------------------------------------
def list_entities(store: Store, flt: EntityFilter = EntityFilter()) -> list[dict]:
    return [{**asdict(r.entity), "mentions": r.mentions, "articles": r.articles, "languages": list(r.languages)}
            for r in store.entity_summaries(flt)]


def script_of(name: str) -> str:
    """The writing system of a name, from its first letter: Latin, Cyrillic, Arabic, Han, ..."""
    for ch in name:
        if ch.isalpha():
            word = unicodedata.name(ch, "").split(" ")[0]
            return {"CJK": "Han", "HANGUL": "Hangul"}.get(word, word.capitalize() or "Other")
    return "Other"


def entity_detail(store: Store, entity_id: str, *, mentions_limit: int = 200) -> dict:
    """One entity: its names by language and script, where it is, how often it is mentioned, in
    which events (latest first) and how many of its events fall on each day."""
    entity = store.entity(entity_id)
    if entity is None:
        raise NotFound(f"no entity with id {entity_id!r} (see the entity list)")
    mentions = store.entity_mentions(entity_id)
    names: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for lang, forms in sorted(entity.aliases.items()):
        for form in forms:
            names[script_of(form)][lang].append(form)
    seen = Counter((lang or "?", m.text) for _, lang, m in mentions)
    events = store.entity_events(entity_id)
    by_day = Counter(e.first_day for e in events if e.first_day)
    return {**asdict(entity),
            "names": {script: dict(langs) for script, langs in sorted(names.items())},
            "mention_count": len(mentions),
            "forms_seen": [{"lang": lang, "text": text, "count": n} for (lang, text), n in seen.most_common(50)],
            "mentions": [{"article": art, "lang": lang, **asdict(m)} for art, lang, m in mentions[:mentions_limit]],
            "events": [event_row(e) for e in events],
            "timeline": [{"day": day, "events": n} for day, n in sorted(by_day.items())]}


# -- stories --------------------------------------------------------------------------------------
def list_stories(store: Store, *, limit: int | None = None, min_events: int = 1) -> list[dict]:
    return [asdict(r) for r in store.story_summaries(limit=limit, min_events=min_events)]


def story_detail(store: Store, story_id: str) -> dict:
    """One story: its events in the order they happened (the timeline), with their summaries."""
    events = store.event_summaries(EventFilter(story=story_id))
    if not events:
        raise NotFound(f"no story with id {story_id!r} (see the story list)")
    timeline = sorted(events, key=lambda e: (e.first_day or e.last_day or "9999", e.id))
    langs = sorted({lang for e in events for lang in e.languages})
    biggest = max(events, key=lambda e: (e.articles, e.id))
    return {"id": story_id, "headline": biggest.headline, "events": len(events),
            "articles": sum(e.articles for e in events), "languages": langs,
            "first_day": min((e.first_day for e in events if e.first_day), default=None),
            "last_day": max((e.last_day for e in events if e.last_day), default=None),
            "timeline": [event_row(e) for e in timeline]}


# -- search ---------------------------------------------------------------------------------------
def search(store: Store, query: str, *, limit: int = 20, offset: int = 0) -> dict:
    """Articles whose title or text match every word of ``query`` (any language and script), best
    first, each with a snippet (offsets into its text) and the event it is in."""
    query = (query or "").strip()
    if not query:
        raise BadRequest("give something to search for: q=words (a \"quoted phrase\" matches as written)")
    limit = max(1, min(limit, MAX_PAGE))
    hits: list[StoredArticle] = store.search_articles(query, limit=limit, offset=max(0, offset))
    results = []
    for s in hits:
        a = s.article
        start, end = snippet(a.text, query)
        placed = store.placement(a.id)
        results.append({"article": a.id, "title": a.title, "lang": a.lang, "source": outlet(a),
                        "published": a.published, "event": placed.event_id if placed else None,
                        "snippet": a.text[start:end], "snippet_start": start, "snippet_end": end})
    return {"query": query, "results": results, "offset": offset, "limit": limit}


def list_feeds(store: Store) -> list[dict]:
    """The watched sources and their state, failing ones first (the watcher reports them each round too)."""
    rows = [{**asdict(s), "failing": s.failing} for s in store.feed_states().values()]
    return sorted(rows, key=lambda r: (not r["failing"], r["url"]))

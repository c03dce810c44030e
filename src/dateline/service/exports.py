"""Event exports: CSV, JSON Lines and PLOVER-style JSON Lines, shared by ``dateline export events``
and ``GET /api/events?format=...``.

An export reads each event's record as stored (``Store.event_record``), never rebuilds it, and
yields its text row by row so a face can stream it. ``record_of`` is how the caller reads a
record, and ``article_ids_of`` an event's article ids (``Store.event_article_ids``): the API reads
them on whichever worker thread runs the next step of the stream.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass

from dateline.store import EventSummary

RecordOf = Callable[[str], "dict | None"]
ArticleIdsOf = Callable[[str], "list[str]"]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    media_type: str
    extension: str
    rows: Callable[[Iterable[EventSummary], RecordOf, ArticleIdsOf], Iterator[str]]


CSV_COLUMNS = ("event_id", "story_id", "first_day", "last_day", "event_type", "mode", "context", "headline",
               "place", "place_country", "lat", "lon", "source_actors", "target_actors", "languages",
               "sources", "articles", "article_ids")
LIST_SEPARATOR = "; "  # between the names of several actors, languages or article ids in one CSV cell


def csv_rows(events: Iterable[EventSummary], record_of: RecordOf, article_ids_of: ArticleIdsOf) -> Iterator[str]:
    """A header line, then one line per event (RFC 4180: CRLF line ends, quoted where needed)."""
    buf = io.StringIO()
    writer = csv.writer(buf)

    def line(values: Iterable[object]) -> str:
        buf.seek(0)
        buf.truncate()
        writer.writerow(values)
        return buf.getvalue()

    yield line(CSV_COLUMNS)
    for summary in events:
        record = record_of(summary.id) or {}
        place = record.get("place") or {}
        yield line([
            summary.id, summary.story_id, summary.first_day or "", summary.last_day or "",
            record.get("type") or "", record.get("mode") or "", record.get("context") or "",
            summary.headline, summary.place or place.get("name") or "", place.get("country") or "",
            _cell(place.get("lat")), _cell(place.get("lon")),
            LIST_SEPARATOR.join(a["name"] for a in record.get("sources") or ()),
            LIST_SEPARATOR.join(a["name"] for a in record.get("targets") or ()),
            LIST_SEPARATOR.join(summary.languages), summary.sources, summary.articles,
            LIST_SEPARATOR.join(_article_ids(summary, record, article_ids_of)),
        ])


def _article_ids(summary: EventSummary, record: dict, article_ids_of: ArticleIdsOf) -> list[str]:
    """Every article of the event. A record is decided over the event's first reports only
    (frame.record.RECORD_REPORTS), and an event placed since its record was built has more."""
    members = list(record.get("members") or ())
    return members if len(members) >= summary.articles else list(article_ids_of(summary.id))


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def jsonl_rows(events: Iterable[EventSummary], record_of: RecordOf, article_ids_of: ArticleIdsOf) -> Iterator[str]:
    """One JSON object per line: the event's summary and its whole stored record (or null)."""
    for summary in events:
        yield json.dumps({**asdict(summary), "record": record_of(summary.id)}, ensure_ascii=False) + "\n"


def plover_rows(events: Iterable[EventSummary], record_of: RecordOf, article_ids_of: ArticleIdsOf) -> Iterator[str]:
    """One PLOVER-style JSON object per line (see :func:`plover_event`)."""
    for summary in events:
        yield json.dumps(plover_event(summary, record_of(summary.id), article_ids_of), ensure_ascii=False) + "\n"


def plover_event(summary: EventSummary, record: dict | None, article_ids_of: ArticleIdsOf) -> dict:
    """An event as a flat PLOVER-style record: type, mode and context; the primary source and
    target actors (and all of them); the location; the date; the headline; how many independent
    sources and articles, in which languages; and the evidence behind each field as article id
    and character offsets (sentence ``start``/``end``, the stating words ``span_start``/``span_end``).
    An event whose record is not built yet has its summary's fields and no type."""
    record = record or {}
    date = record.get("date") or {}
    place = record.get("place")
    sources = [_actor(a) for a in record.get("sources") or ()]
    targets = [_actor(a) for a in record.get("targets") or ()]
    headline = record.get("headline") or {}
    return {
        "event_id": summary.id,
        "story_id": summary.story_id,
        "event_type": record.get("type"),
        "mode": record.get("mode"),
        "context": record.get("context"),
        "type_score": record.get("type_score"),
        "event_date": date.get("first") or summary.first_day,
        "event_date_last": date.get("last") or summary.last_day,
        "date_granularity": date.get("granularity"),
        "source_actor": sources[0] if sources else None,
        "target_actor": targets[0] if targets else None,
        "source_actors": sources,
        "target_actors": targets,
        "location": None if not place else {
            "name": place["name"], "entity": place["entity"], "country": place.get("country"),
            "lat": place.get("lat"), "lon": place.get("lon"), "kind": place.get("kind")},
        "headline": summary.headline or headline.get("text"),
        "headline_article": summary.headline_article or headline.get("article_id"),
        "sources": summary.sources,
        "articles": summary.articles,
        "languages": list(summary.languages),
        "article_ids": _article_ids(summary, record, article_ids_of),
        "evidence": _evidence(record),
    }


def _actor(a: dict) -> dict:
    return {"name": a["name"], "entity": a["entity"], "type": a.get("type"), "country": a.get("country"),
            "affiliation": a.get("affiliation"), "affiliation_name": a.get("affiliation_name")}


def _evidence(record: dict) -> list[dict]:
    """Each field's supporting sentences, as offsets into the article's text (no copies)."""
    fields: list[tuple[str, list[dict]]] = [("event_type", record.get("type_evidence") or [])]
    for role, actors in (("source_actor", record.get("sources")), ("target_actor", record.get("targets"))):
        for a in actors or ():
            fields.append((role, [{**e, "entity": a["entity"]} for e in a.get("evidence") or ()]))
    fields.append(("location", (record.get("place") or {}).get("evidence") or []))
    fields.append(("event_date", (record.get("date") or {}).get("evidence") or []))
    out = []
    for name, evidence in fields:
        for e in evidence:
            item = {"field": name, "article_id": e["article_id"], "basis": e.get("basis", "text"),
                    "start": e["start"], "end": e["end"], "span": e.get("span"),
                    "span_start": e.get("span_start"), "span_end": e.get("span_end")}
            if "entity" in e:
                item["entity"] = e["entity"]
            out.append(item)
    return out


FORMATS: dict[str, ExportFormat] = {
    "csv": ExportFormat("csv", "text/csv; charset=utf-8", "csv", csv_rows),
    "jsonl": ExportFormat("jsonl", "application/x-ndjson; charset=utf-8", "jsonl", jsonl_rows),
    "plover": ExportFormat("plover", "application/x-ndjson; charset=utf-8", "plover.jsonl", plover_rows),
}


def export_events(events: Iterable[EventSummary], record_of: RecordOf, article_ids_of: ArticleIdsOf,
                  fmt: str) -> Iterator[str]:
    """The text of an export, piece by piece; ``fmt`` is one of :data:`FORMATS`."""
    if fmt not in FORMATS:
        from dateline.service.errors import BadRequest

        raise BadRequest(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    return FORMATS[fmt].rows(events, record_of, article_ids_of)


def filename(fmt: str) -> str:
    return f"dateline-events.{FORMATS[fmt].extension}"

"""Converting between records and the store's rows (SQLite's and PostgreSQL's alike)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from dateline.models import Article, Dateline, Entity, Mention, TimeExpression
from dateline.store.base import StoredArticle

_IN_CHUNK = 500  # ids per statement: SQLite caps the parameters of one statement (32,766 by default)


def rows_in(db: sqlite3.Connection, sql: str, ids: Sequence[str], *params: object) -> Iterator[sqlite3.Row]:
    """The rows of ``sql`` for all of ``ids``, read in chunks: ``sql``'s ``{marks}`` takes one
    chunk's placeholders, bound after ``params``."""
    for i in range(0, len(ids), _IN_CHUNK):
        chunk = ids[i:i + _IN_CHUNK]
        yield from db.execute(sql.format(marks=",".join("?" * len(chunk))), [*params, *chunk])


ARTICLE_COLUMNS = (
    "id origin text lang lang_score title url canonical_url source site_name author published "
    "byline header external_id dateline_text dateline_place dateline_agency dateline_month "
    "dateline_day dateline_year dateline_year_source duplicate_of duplicate_score ingested_at"
).split()


def article_row(a: Article, now: str) -> tuple:
    d = a.dateline
    return (
        a.id, a.origin, a.text, a.lang, a.lang_score, a.title, a.url, a.canonical_url, a.source,
        a.site_name, a.author, a.published, a.byline, json.dumps(a.header, ensure_ascii=False),
        a.external_id,
        d.text if d else None, d.place if d else None, d.agency if d else None,
        d.month if d else None, d.day if d else None, d.year if d else None,
        d.year_source if d else None,
        a.duplicate_of, a.duplicate_score, now,
    )


def stored_article(row: sqlite3.Row) -> StoredArticle:
    dateline = None
    if row["dateline_text"] is not None:
        dateline = Dateline(
            text=row["dateline_text"], place=row["dateline_place"], agency=row["dateline_agency"],
            month=row["dateline_month"], day=row["dateline_day"], year=row["dateline_year"],
            year_source=row["dateline_year_source"],
        )
    article = Article(
        id=row["id"], text=row["text"], origin=row["origin"], lang=row["lang"],
        lang_score=row["lang_score"], title=row["title"], url=row["url"],
        canonical_url=row["canonical_url"], source=row["source"], site_name=row["site_name"],
        author=row["author"], published=row["published"], dateline=dateline, byline=row["byline"],
        header=json.loads(row["header"]), external_id=row["external_id"],
        duplicate_of=row["duplicate_of"], duplicate_score=row["duplicate_score"],
    )
    return StoredArticle(article=article, signature=row["signature"], seq=row["seq"], ingested_at=row["ingested_at"])



def intern_keys(db: sqlite3.Connection, values: Iterable[str | None]) -> dict[str, int]:
    """The numbers ``mention_keys`` gives ``values`` (a mention's kind, its entity id), adding
    those it lacks, inside the caller's transaction."""
    wanted = sorted({v for v in values if v is not None})
    db.executemany("INSERT INTO mention_keys (value) VALUES (?) ON CONFLICT(value) DO NOTHING", [(v,) for v in wanted])
    return {r[1]: r[0] for r in rows_in(db, "SELECT key, value FROM mention_keys WHERE value IN ({marks})", wanted)}


def mention_keys(m: Mention) -> tuple[str, str | None]:
    """The values of ``mention_keys`` that a ``mentions`` row of ``m`` names: its kind, its entity."""
    return _kind_value(m.type, m.source), m.entity


@lru_cache(maxsize=1024)
def _kind_value(type_: str | None, source: str | None) -> str:  # a few dozen pairs, asked twice a mention
    return json.dumps([type_, source], ensure_ascii=False)


def mention_row(seq: int, text: str, m: Mention, keys: dict[str, int]) -> tuple:
    """A ``mentions`` row: the mention's own text only when it is not the article's text at its span."""
    for column, value in (("text", m.text), ("type", m.type), ("source", m.source)):
        if value is None:
            raise sqlite3.IntegrityError(f"NOT NULL constraint failed: mentions.{column}")
    own = m.text == text[m.start:m.end]
    extra = None
    if not own or m.role is not None or m.role_start is not None or m.role_end is not None:
        extra = json.dumps([None if own else m.text, m.role, m.role_start, m.role_end], ensure_ascii=False)
    kind, entity = mention_keys(m)
    return (seq, m.start, m.end - m.start, keys[kind], None if entity is None else keys[entity], extra)


# a mention's columns, its kind and entity by name, from ``mentions m``
MENTION_COLUMNS = ("m.start, m.length, m.extra, k.value AS kind, e.value AS entity FROM mentions m "
                   "JOIN mention_keys k ON k.key = m.kind LEFT JOIN mention_keys e ON e.key = m.entity")


@lru_cache(maxsize=4096)
def _kind(value: str) -> tuple[str, str]:
    type_, source = json.loads(value)
    return type_, source


def mention_from_row(r: sqlite3.Row, text: str) -> Mention:
    """The mention of row ``r`` (:data:`MENTION_COLUMNS`) of the article whose text is ``text``."""
    start = r["start"]
    end = start + r["length"]
    extra = r["extra"]
    own, role, role_start, role_end = (text[start:end], None, None, None) if extra is None else json.loads(extra)
    type_, source = _kind(r["kind"])
    return Mention(start, end, text[start:end] if own is None else own, type_, r["entity"], role, role_start,
                   role_end, source)


def time_row(seq: int, text: str, t: TimeExpression) -> tuple:
    """A ``times`` row: the expression's own text only when it is not the article's text at its span."""
    if t.text is None:
        raise sqlite3.IntegrityError("NOT NULL constraint failed: times.text")
    return (seq, t.start, t.end, None if t.text == text[t.start:t.end] else t.text, t.first, t.last,
            t.granularity, t.anchor)


def time_from_row(r: sqlite3.Row, text: str) -> TimeExpression:
    own = r["text"]
    return TimeExpression(start=r["start"], end=r["end"], text=text[r["start"]:r["end"]] if own is None else own,
                          first=r["first"], last=r["last"], granularity=r["granularity"], anchor=r["anchor"])


def entity_from_row(r: sqlite3.Row) -> Entity:
    return Entity(id=r["id"], name=r["name"], type=r["type"], country=r["country"], lat=r["lat"], lon=r["lon"],
                  kind=r["kind"], source=r["source"],
                  aliases={k: tuple(v) for k, v in json.loads(r["aliases"]).items()})


def bump_version(db: sqlite3.Connection, name: str) -> None:
    """Count one more change of the shared writer state ``name`` (inside the writing transaction)."""
    db.execute("INSERT INTO state_versions (name, version) VALUES (?, 1) "
               "ON CONFLICT(name) DO UPDATE SET version = state_versions.version + 1", (name,))

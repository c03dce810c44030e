"""Converting between records and SQLite rows."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence

from dateline.models import Article, Dateline, Entity, Mention
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



def mention_from_row(r: sqlite3.Row) -> Mention:
    return Mention(start=r["start"], end=r["end"], text=r["text"], type=r["type"], entity=r["entity_id"],
                   role=r["role"], role_start=r["role_start"], role_end=r["role_end"], source=r["source"])


def entity_from_row(r: sqlite3.Row) -> Entity:
    return Entity(id=r["id"], name=r["name"], type=r["type"], country=r["country"], lat=r["lat"], lon=r["lon"],
                  kind=r["kind"], source=r["source"],
                  aliases={k: tuple(v) for k, v in json.loads(r["aliases"]).items()})


def bump_version(db: sqlite3.Connection, name: str) -> None:
    """Count one more change of the shared writer state ``name`` (inside the writing transaction)."""
    db.execute("INSERT INTO state_versions (name, version) VALUES (?, 1) "
               "ON CONFLICT(name) DO UPDATE SET version = version + 1", (name,))

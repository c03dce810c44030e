"""The store's side of stages analyze and link: analyses, mentions, time expressions, entities
(SQL shared by the SQLite and PostgreSQL stores, sql_store.py)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timezone

from dateline.models import Analysis, Entity, Mention, Sentence
from dateline.store.base import EntityFilter, EntitySummary, StoredArticle
from dateline.store.packing import pack, pack_frame, unpack
from dateline.store.sql_rows import (
    MENTION_COLUMNS,
    bump_version,
    entity_from_row,
    intern_keys,
    mention_from_row,
    mention_keys,
    mention_row,
    rows_in,
    stored_article,
    time_from_row,
    time_row,
)


class AnalysisTables:
    """Analyses, mentions, time expressions and entities: the store's side of stages analyze and link."""

    def unanalyzed(self, limit: int | None = None, after_seq: int = 0) -> Iterator[StoredArticle]:
        sql = ("SELECT a.*, NULL AS signature FROM articles a LEFT JOIN analyses n ON n.article_id = a.id "
               "WHERE n.article_id IS NULL AND a.seq > ? ORDER BY a.seq")
        params: list = [after_seq]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        # fetchall: the caller writes to the database while iterating
        return iter([stored_article(row) for row in self._db.execute(sql, params).fetchall()])

    def add_analyses(self, analyses: list[Analysis], entities: list[Entity], link_state: dict[str, str]) -> None:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._transaction():
            for e in entities:
                self._db.execute(
                    "INSERT INTO entities (id, name, type, country, lat, lon, kind, source, aliases) "
                    "VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET name=excluded.name, "
                    "type=excluded.type, country=excluded.country, lat=excluded.lat, lon=excluded.lon, "
                    "kind=excluded.kind, source=excluded.source, aliases=excluded.aliases",
                    (e.id, e.name, e.type, e.country, e.lat, e.lon, e.kind, e.source,
                     json.dumps({k: list(v) for k, v in e.aliases.items()}, ensure_ascii=False, sort_keys=True)),
                )
            keys = intern_keys(self._db, (v for an in analyses for m in an.mentions for v in mention_keys(m)))
            for an in analyses:
                # re-analysis replaces; the report is framed again from the new analysis
                self._db.execute("DELETE FROM analyses WHERE article_id = ?", (an.article_id,))
                self._db.execute(
                    "INSERT INTO analyses (article_id, sentences, analyzed_at) VALUES (?,?,?)",
                    (an.article_id, pack(json.dumps([[s.start, s.end] for s in an.sentences])), now),
                )
                # the article is there: analyses.article_id references it
                seq, text = self._db.execute("SELECT seq, text FROM articles WHERE id = ?", (an.article_id,)).fetchone()
                for table in ("mentions", "times", "report_frames"):
                    self._db.execute(f"DELETE FROM {table} WHERE article = ?", (seq,))
                self._db.executemany(
                    "INSERT INTO mentions (article, start, length, kind, entity, extra) VALUES (?,?,?,?,?,?)",
                    [mention_row(seq, text, m, keys) for m in an.mentions],
                )
                self._db.executemany(
                    "INSERT INTO times (article, start, \"end\", text, first, last, granularity, anchor) VALUES (?,?,?,?,?,?,?,?)",
                    [time_row(seq, text, t) for t in an.times],
                )
            # the linker's state is rewritten whole with every batch: level 1, the fastest
            self._db.executemany(
                "INSERT INTO link_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                [(k, pack(v, 1)) for k, v in sorted(link_state.items())],
            )
            bump_version(self._db, "link")

    def analysis(self, article_id: str) -> Analysis | None:
        row = self._db.execute("SELECT n.sentences, a.seq, a.text FROM analyses n JOIN articles a ON a.id = n.article_id "
                               "WHERE n.article_id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        seq, text = row["seq"], row["text"]
        mentions = tuple(mention_from_row(r, text) for r in self._db.execute(
            f"SELECT {MENTION_COLUMNS} WHERE m.article = ? ORDER BY m.start, m.length", (seq,)))
        times = tuple(time_from_row(r, text) for r in self._db.execute(
            "SELECT * FROM times WHERE article = ? ORDER BY start, \"end\"", (seq,)))
        sentences = tuple(Sentence(s, e) for s, e in json.loads(unpack(row["sentences"])))
        return Analysis(article_id=article_id, sentences=sentences, mentions=mentions, times=times)

    def kept_frames(self, article_ids: list[str], version: str) -> dict[str, dict]:
        return {r[0]: json.loads(unpack(r[1], r[2])) for r in rows_in(
            self._db, "SELECT a.id, f.frame, a.text FROM articles a JOIN report_frames f ON f.article = a.seq "
            "WHERE f.version = ? AND a.id IN ({marks})", article_ids, version)}

    def keep_frames(self, frames: dict[str, dict], version: str) -> None:
        with self._transaction():
            articles = {r[0]: (r[1], r[2]) for r in rows_in(
                self._db, "SELECT id, seq, text FROM articles WHERE id IN ({marks})", list(frames))}
            for article_id, frame in frames.items():
                if article_id not in articles:  # as the reference to articles(id) of schema 5 refused it
                    raise sqlite3.IntegrityError(f"FOREIGN KEY constraint failed: no article {article_id}")
                seq, text = articles[article_id]
                # packed with the article's text, which a frame quotes (store/packing.py, tag 7)
                packed = pack_frame(json.dumps(frame, ensure_ascii=False), article_text=text)
                self._db.execute(
                    "INSERT INTO report_frames (article, version, frame) VALUES (?, ?, ?) "
                    "ON CONFLICT(article) DO UPDATE SET version = excluded.version, frame = excluded.frame",
                    (seq, version, packed))

    def link_state(self) -> dict[str, str]:
        return {r[0]: unpack(r[1]) for r in self._db.execute("SELECT key, value FROM link_state")}

    def entity(self, entity_id: str) -> Entity | None:
        row = self._db.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return entity_from_row(row) if row else None

    def entity_summaries(self, flt: EntityFilter = EntityFilter()) -> list[EntitySummary]:
        where, params = [], []
        if flt.type:
            where.append("e.type = ?")
            params.append(flt.type)
        if flt.name:
            where.append(self.dialect.contains.format("lower(e.name)", "lower(?)"))
            params.append(flt.name)
        sql = (
            "SELECT e.*, count(*) AS n_mentions, count(DISTINCT m.article) AS n_articles, "
            f"{self.dialect.concat_distinct.format('a.lang')} AS langs FROM entities e JOIN mention_keys k ON k.value = e.id "
            "JOIN mentions m ON m.entity = k.key JOIN articles a ON a.seq = m.article"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " GROUP BY e.id HAVING count(*) >= ?"
        params.append(flt.min_mentions)
        if flt.lang:
            sql += " AND sum(CASE WHEN a.lang = ? THEN 1 ELSE 0 END) > 0"
            params.append(flt.lang)
        sql += " ORDER BY n_mentions DESC, e.name"
        if flt.limit is not None:
            sql += " LIMIT ?"
            params.append(flt.limit)
        return [
            EntitySummary(entity=entity_from_row(r), mentions=r["n_mentions"], articles=r["n_articles"],
                          languages=tuple(sorted(x for x in (r["langs"] or "").split(",") if x)))
            for r in self._db.execute(sql, params)
        ]

    def entity_mentions(self, entity_id: str, limit: int | None = None) -> list[tuple[str, str | None, Mention]]:
        sql = (f"SELECT m.article, a.id AS article_id, a.lang AS lang, {MENTION_COLUMNS} "
               "JOIN articles a ON a.seq = m.article "
               "WHERE m.entity = (SELECT key FROM mention_keys WHERE value = ?) ORDER BY m.article, m.start, m.length")
        params: list = [entity_id]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        rows = self._db.execute(sql, params).fetchall()
        # each article's text once, to cut its mentions from (a window function or SQLite's substr
        # over the joined text read it once a mention, two to three times slower)
        texts = dict(rows_in(self._db, "SELECT seq, text FROM articles WHERE seq IN ({marks})",
                             sorted({r["article"] for r in rows})))
        return [(r["article_id"], r["lang"], mention_from_row(r, texts[r["article"]])) for r in rows]

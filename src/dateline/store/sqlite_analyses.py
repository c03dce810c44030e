"""The SQLite side of stages analyze and link: analyses, mentions, time expressions, entities."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timezone

from dateline.models import Analysis, Entity, Mention, Sentence, TimeExpression
from dateline.store.base import EntityFilter, EntitySummary, StoredArticle
from dateline.store.sqlite_rows import bump_version, entity_from_row, mention_from_row, rows_in, stored_article
from dateline.store.sqlite_tx import transaction


class AnalysisTables:
    """Analyses, mentions, time expressions and entities: the SQLite side of stages analyze and link."""

    _db: sqlite3.Connection

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
        with transaction(self._db):
            for e in entities:
                self._db.execute(
                    "INSERT INTO entities (id, name, type, country, lat, lon, kind, source, aliases) "
                    "VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET name=excluded.name, "
                    "type=excluded.type, country=excluded.country, lat=excluded.lat, lon=excluded.lon, "
                    "kind=excluded.kind, source=excluded.source, aliases=excluded.aliases",
                    (e.id, e.name, e.type, e.country, e.lat, e.lon, e.kind, e.source,
                     json.dumps({k: list(v) for k, v in e.aliases.items()}, ensure_ascii=False, sort_keys=True)),
                )
            for an in analyses:
                # re-analysis replaces; the report is framed again from the new analysis
                for table in ("mentions", "times", "analyses", "report_frames"):
                    self._db.execute(f"DELETE FROM {table} WHERE article_id = ?", (an.article_id,))
                self._db.execute(
                    "INSERT INTO analyses (article_id, sentences, analyzed_at) VALUES (?,?,?)",
                    (an.article_id, json.dumps([[s.start, s.end] for s in an.sentences]), now),
                )
                self._db.executemany(
                    "INSERT INTO mentions (article_id, start, end, text, type, entity_id, role, role_start, role_end, source) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?)",
                    [(an.article_id, m.start, m.end, m.text, m.type, m.entity, m.role, m.role_start, m.role_end, m.source)
                     for m in an.mentions],
                )
                self._db.executemany(
                    "INSERT INTO times (article_id, start, end, text, first, last, granularity, anchor) VALUES (?,?,?,?,?,?,?,?)",
                    [(an.article_id, t.start, t.end, t.text, t.first, t.last, t.granularity, t.anchor) for t in an.times],
                )
            self._db.executemany(
                "INSERT INTO link_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                sorted(link_state.items()),
            )
            bump_version(self._db, "link")

    def analysis(self, article_id: str) -> Analysis | None:
        row = self._db.execute("SELECT sentences FROM analyses WHERE article_id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        mentions = tuple(mention_from_row(r) for r in self._db.execute(
            "SELECT * FROM mentions WHERE article_id = ? ORDER BY start, end", (article_id,)))
        times = tuple(
            TimeExpression(start=r["start"], end=r["end"], text=r["text"], first=r["first"], last=r["last"],
                           granularity=r["granularity"], anchor=r["anchor"])
            for r in self._db.execute("SELECT * FROM times WHERE article_id = ? ORDER BY start, end", (article_id,))
        )
        sentences = tuple(Sentence(s, e) for s, e in json.loads(row["sentences"]))
        return Analysis(article_id=article_id, sentences=sentences, mentions=mentions, times=times)

    def kept_frames(self, article_ids: list[str], version: str) -> dict[str, dict]:
        return {r[0]: json.loads(r[1]) for r in rows_in(
            self._db, "SELECT article_id, frame FROM report_frames WHERE version = ? AND article_id IN ({marks})",
            article_ids, version)}

    def keep_frames(self, frames: dict[str, dict], version: str) -> None:
        with transaction(self._db):
            self._db.executemany(
                "INSERT INTO report_frames (article_id, version, frame) VALUES (?,?,?) ON CONFLICT(article_id) "
                "DO UPDATE SET version = excluded.version, frame = excluded.frame",
                [(a, version, json.dumps(f, ensure_ascii=False)) for a, f in frames.items()])

    def link_state(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self._db.execute("SELECT key, value FROM link_state")}

    def entity(self, entity_id: str) -> Entity | None:
        row = self._db.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return entity_from_row(row) if row else None

    def entity_summaries(self, flt: EntityFilter = EntityFilter()) -> list[EntitySummary]:
        where, params = [], []
        if flt.type:
            where.append("e.type = ?")
            params.append(flt.type)
        if flt.name:
            where.append("instr(lower(e.name), lower(?)) > 0")
            params.append(flt.name)
        sql = (
            "SELECT e.*, count(*) AS n_mentions, count(DISTINCT m.article_id) AS n_articles, "
            "group_concat(DISTINCT a.lang) AS langs "
            "FROM entities e JOIN mentions m ON m.entity_id = e.id JOIN articles a ON a.id = m.article_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " GROUP BY e.id HAVING n_mentions >= ?"
        params.append(flt.min_mentions)
        if flt.lang:
            sql += " AND sum(a.lang = ?) > 0"
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
        sql = ("SELECT m.*, a.lang AS lang FROM mentions m JOIN articles a ON a.id = m.article_id "
               "WHERE m.entity_id = ? ORDER BY a.seq, m.start")
        params: list = [entity_id]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [(r["article_id"], r["lang"], mention_from_row(r)) for r in self._db.execute(sql, params)]

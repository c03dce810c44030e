"""The store's side of stages cluster and story: placements, events (with summaries), stories
(SQL shared by the SQLite and PostgreSQL stores, sql_store.py)."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date

from dateline.models import Article
from dateline.outlets import source_groups
from dateline.store.base import (
    ClusterStateChanges,
    EventFilter,
    EventRecordRow,
    EventSummary,
    KeptClusterState,
    PlacementRow,
    StoredArticle,
    StorySummary,
)
from dateline.store.packing import pack, pack_evidence, pack_object, pack_record, unpack
from dateline.store.sql_rows import bump_version, stored_article

_HEADLINE_CHARS = 140
# an event's summary without its record: sorting whole rows, records (kilobytes of JSON) included,
# made a page of the event list 70 ms instead of 1 ms at 700 events
_SUMMARY = "id, story_id, first_day, last_day, headline, headline_article, place, languages, sources, articles"


class EventTables:
    """Placements, events and stories: the store's side of stages cluster and story."""

    def unclustered(self, limit: int | None = None, after_seq: int = 0) -> Iterator[StoredArticle]:
        sql = ("SELECT a.*, NULL AS signature FROM articles a JOIN analyses n ON n.article_id = a.id "
               "LEFT JOIN placements p ON p.article_id = a.id WHERE p.article_id IS NULL AND a.seq > ? "
               "ORDER BY a.seq")
        params: list = [after_seq]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return iter([stored_article(row) for row in self._db.execute(sql, params).fetchall()])

    def add_placements(self, placements: list[tuple[PlacementRow, str]], merges: list[tuple[str, str]],
                       state: ClusterStateChanges, moves: list[tuple[str, str]] = (),
                       event_merges: list[tuple[str, str, float]] = ()) -> None:
        with self._transaction():
            seq = self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM placements").fetchone()[0]
            touched: set[str] = set()
            for p, story_id in placements:
                seq += 1
                self._db.execute("INSERT INTO events (id, story_id) VALUES (?, ?) ON CONFLICT(id) DO UPDATE "
                                 "SET story_id = excluded.story_id", (p.event_id, story_id))
                self._db.execute(
                    "INSERT INTO placements (article_id, event_id, seq, basis, probability, evidence) "
                    "VALUES (?,?,?,?,?,?) ON CONFLICT(article_id) DO UPDATE SET event_id = excluded.event_id, "
                    "seq = excluded.seq, basis = excluded.basis, probability = excluded.probability, "
                    "evidence = excluded.evidence",
                    (p.article_id, p.event_id, seq, p.basis, p.probability,
                     pack_evidence(json.dumps(p.evidence, ensure_ascii=False, sort_keys=True))))
                touched.add(p.event_id)
            for gone, keep, probability in event_merges:
                self._db.execute("UPDATE placements SET event_id = ? WHERE event_id = ?", (keep, gone))
                # an event is named after its first article: the absorbed one's says why it moved
                self._db.execute("UPDATE placements SET basis = 'merged', probability = ? WHERE article_id = ?",
                                 (probability, gone))
                self._db.execute("DELETE FROM events WHERE id = ?", (gone,))
                touched.discard(gone)
                touched.add(keep)
            for gone, keep in merges:
                self._db.execute("UPDATE events SET story_id = ? WHERE story_id = ?", (keep, gone))
            self._db.executemany("UPDATE events SET story_id = ? WHERE id = ?", [(story, e) for e, story in moves])
            for event_id in sorted(touched):
                self._refresh(event_id)
            self._keep_state(state)
            bump_version(self._db, "cluster")

    def _keep_state(self, state: ClusterStateChanges) -> None:
        db = self._db
        db.execute("INSERT INTO cluster_state (key, value) VALUES ('clusterer', ?) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (state.core,))
        if state.terms_reset:
            db.execute("DELETE FROM cluster_terms")
        if state.terms is not None:  # between resets ids only grow: a chunk is never rewritten
            db.execute("INSERT INTO cluster_terms (first_id, terms) VALUES (?, ?)", (state.first_term, pack(state.terms)))
        db.executemany("DELETE FROM cluster_live WHERE layer = ?", [(layer,) for layer in state.reset])
        db.executemany("DELETE FROM cluster_live WHERE layer = ? AND idx = ?", state.gone)
        db.executemany("INSERT INTO cluster_live (layer, idx, state) VALUES (?, ?, ?) ON CONFLICT(layer, idx) "
                       "DO UPDATE SET state = excluded.state",
                       [(layer, idx, pack_object(text)) for layer, idx, text in state.clusters])

    def _refresh(self, event_id: str) -> None:
        """Recompute one event's summary from its members."""
        members = [stored_article(r).article for r in self._db.execute(
            "SELECT a.*, NULL AS signature FROM placements p JOIN articles a ON a.id = p.article_id "
            "WHERE p.event_id = ? ORDER BY p.seq", (event_id,))]
        days = sorted(d for a in members if (d := _day(a)))
        lead = next((a for a in members if not a.duplicate_of), members[0])
        # date, place and headline from the members' metadata until the event's record is built
        self._db.execute(
            "UPDATE events SET first_day=?, last_day=?, headline=?, headline_article=?, place=?, "
            "languages=?, sources=?, articles=?, stale=1 WHERE id=?",
            (days[0] if days else None, days[-1] if days else None, _headline(lead), lead.id,
             self._place(event_id, members), ",".join(sorted({a.lang for a in members if a.lang})),
             _sources(members), len(members), event_id))

    def _place(self, event_id: str, members: list[Article]) -> str | None:
        # the datelines' place when the reports agree on one; else the most mentioned place
        # below country level (a city or region says more than "Libya")
        places = Counter(a.dateline.place for a in members if a.dateline and a.dateline.place)
        if places:
            return min(places, key=lambda p: (-places[p], p))
        # by the entities' names as linked so far: set_records asks again once the linker has
        # seen the articles analysed after this event was placed
        # join_in_order (SQLite: CROSS JOIN) keeps SQLite on the members' mentions first: with ten
        # or so members its planner chose every LOC entity first (index on type), 75 ms an event
        # instead of 1; the members come from placements, not a list of ids, which SQLite caps at
        # 32,766 by default. is_country orders as SQLite ordered ``kind = 'country'``: NULL, 0, 1
        join = self.dialect.join_in_order
        row = self._db.execute(
            "SELECT e.name, COUNT(*) AS n, CASE WHEN e.kind IS NULL THEN 0 WHEN e.kind = 'country' THEN 2 "
            f"ELSE 1 END AS is_country FROM placements p {join} articles a ON a.id = p.article_id "
            f"{join} mentions m ON m.article = a.seq {join} mention_keys k ON k.key = m.entity "
            f"{join} entities e ON e.id = k.value WHERE p.event_id = ? AND e.type = 'LOC' "
            "GROUP BY e.id ORDER BY is_country, n DESC, e.name LIMIT 1", (event_id,)).fetchone()
        return row[0] if row else None

    def stale_events(self, limit: int | None = None) -> list[str]:
        sql = "SELECT id FROM events WHERE stale = 1 ORDER BY id"
        params: list = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [r[0] for r in self._db.execute(sql, params)]

    def set_records(self, records: list[EventRecordRow]) -> None:
        with self._transaction():
            for r in records:
                place = r.place
                if place is None:  # no place in the record: the summary's own, from datelines or mentions now
                    place = self._place(r.event_id, [stored_article(row).article for row in self._db.execute(
                        "SELECT a.*, NULL AS signature FROM placements p JOIN articles a ON a.id = p.article_id "
                        "WHERE p.event_id = ? AND a.dateline_place IS NOT NULL", (r.event_id,))])
                self._db.execute(
                    "UPDATE events SET record=?, stale=0, first_day=COALESCE(?, first_day), "
                    "last_day=COALESCE(?, last_day), place=COALESCE(?, place), "
                    "headline=COALESCE(?, headline), headline_article=COALESCE(?, headline_article) WHERE id=?",
                    (pack_record(json.dumps(r.record, ensure_ascii=False, sort_keys=True)), r.first_day, r.last_day, place,
                     r.headline, r.headline_article, r.event_id))

    def event_record(self, event_id: str) -> dict | None:
        row = self._db.execute("SELECT record FROM events WHERE id = ?", (event_id,)).fetchone()
        return json.loads(unpack(row[0])) if row and row[0] else None

    def cluster_state(self) -> KeptClusterState | None:
        row = self._db.execute("SELECT value FROM cluster_state WHERE key = 'clusterer'").fetchone()
        if row is None:
            return None
        clusters: dict[str, list[str]] = {}
        for layer, state in self._db.execute("SELECT layer, state FROM cluster_live ORDER BY layer, idx"):
            clusters.setdefault(layer, []).append(unpack(state))
        terms = [unpack(r[0]) for r in self._db.execute("SELECT terms FROM cluster_terms ORDER BY first_id")]
        return KeptClusterState(bytes(row[0]), terms, clusters)

    def placement(self, article_id: str) -> PlacementRow | None:
        row = self._db.execute("SELECT * FROM placements WHERE article_id = ?", (article_id,)).fetchone()
        return _placement(row) if row else None

    def event_summaries(self, flt: EventFilter = EventFilter()) -> list[EventSummary]:
        where, params = ["articles >= ?", "sources >= ?"], [flt.min_articles, flt.min_sources]
        if flt.lang:
            where.append("(',' || languages || ',') LIKE ?")
            params.append(f"%,{flt.lang.lower()},%")
        if flt.since:
            where.append("COALESCE(last_day, '') >= ?")
            params.append(flt.since)
        if flt.until:
            where.append("first_day IS NOT NULL AND first_day <= ?")
            params.append(flt.until)
        if flt.place:
            where.append("LOWER(COALESCE(place, '')) LIKE ?")
            params.append(f"%{flt.place.lower()}%")
        if flt.text:
            where.append("LOWER(headline) LIKE ?")
            params.append(f"%{flt.text.lower()}%")
        if flt.story:
            where.append("story_id = ?")
            params.append(flt.story)
        if flt.query:
            matching, matching_params = self._matching_seqs(flt.query)
            where.append("(LOWER(headline) LIKE ? OR id IN (SELECT p.event_id FROM placements p JOIN articles a "
                         f"ON a.id = p.article_id WHERE a.seq IN ({matching})))")
            params += [f"%{flt.query.lower()}%", *matching_params]
        if flt.after:
            day, articles, event_id = flt.after
            where.append("(COALESCE(last_day, '') < ? OR (COALESCE(last_day, '') = ? AND "
                         "(articles < ? OR (articles = ? AND id > ?))))")
            params += [day, day, articles, articles, event_id]
        sql = (f"SELECT {_SUMMARY} FROM events WHERE {' AND '.join(where)} "
               "ORDER BY COALESCE(last_day, '') DESC, articles DESC, id")
        if flt.limit is not None:
            sql += " LIMIT ?"
            params.append(flt.limit)
        return [_summary(r) for r in self._db.execute(sql, params)]

    def event_summary(self, event_id: str) -> EventSummary | None:
        row = self._db.execute(f"SELECT {_SUMMARY} FROM events WHERE id = ?", (event_id,)).fetchone()
        return _summary(row) if row else None

    def entity_events(self, entity_id: str, limit: int = 500) -> list[EventSummary]:
        rows = self._db.execute(
            f"SELECT {_SUMMARY} FROM events WHERE id IN (SELECT p.event_id FROM mentions m JOIN articles a "
            "ON a.seq = m.article JOIN placements p ON p.article_id = a.id "
            "WHERE m.entity = (SELECT key FROM mention_keys WHERE value = ?)) "
            "ORDER BY COALESCE(last_day, '') DESC, articles DESC, id LIMIT ?", (entity_id, limit))
        return [_summary(r) for r in rows]

    def event_members(self, event_id: str, limit: int | None = None) -> list[tuple[StoredArticle, PlacementRow]]:
        rows = self._db.execute(
            "SELECT a.*, NULL AS signature, p.event_id, p.basis, p.probability, p.evidence, p.article_id "
            "FROM placements p JOIN articles a ON a.id = p.article_id WHERE p.event_id = ? ORDER BY p.seq"
            + ("" if limit is None else " LIMIT ?"), (event_id,) if limit is None else (event_id, limit)).fetchall()
        return [(stored_article(r), _placement(r)) for r in rows]

    def event_article_ids(self, event_id: str) -> list[str]:
        return [r[0] for r in self._db.execute(
            "SELECT article_id FROM placements WHERE event_id = ? ORDER BY seq", (event_id,))]

    def find_event(self, id_prefix: str) -> list[str]:
        return [r[0] for r in self._db.execute(
            "SELECT id FROM events WHERE id LIKE ? ORDER BY id LIMIT 20", (id_prefix + "%",))]

    def articles_sharing_entities(self, article_id: str, limit: int = 200) -> list[str]:
        # rarer shared entities first: an entity in few articles says more than "Russia"
        # df in the order of the entities' ids: each article's weight sums the same terms in the same order
        row = self._db.execute("SELECT seq FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return []
        rows = self._db.execute(
            "WITH mine AS (SELECT DISTINCT entity FROM mentions WHERE article = ? AND entity IS NOT NULL), "
            "df AS (SELECT k.value AS name, m.entity, COUNT(DISTINCT m.article) AS n FROM mine "
            "JOIN mention_keys k ON k.key = mine.entity JOIN mentions m ON m.entity = mine.entity "
            "GROUP BY k.value, m.entity) "
            "SELECT a.id, SUM(1.0 / df.n) AS w FROM df JOIN mentions m ON m.entity = df.entity "
            "JOIN articles a ON a.seq = m.article "
            "WHERE m.article != ? GROUP BY m.article, a.id ORDER BY w DESC, a.id LIMIT ?",
            (row[0], row[0], limit)).fetchall()
        return [r[0] for r in rows]

    def story_summaries(self, limit: int | None = None, min_events: int = 1) -> list[StorySummary]:
        sql = ("SELECT story_id, COUNT(*) AS events, SUM(articles) AS articles, MIN(first_day) AS first_day, "
               f"MAX(last_day) AS last_day, {self.dialect.concat.format('languages')} AS languages FROM events "
               "GROUP BY story_id HAVING COUNT(*) >= ? ORDER BY COALESCE(MAX(last_day), '') DESC, "
               "SUM(articles) DESC, story_id")
        params: list = [min_events]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        out = []
        for r in self._db.execute(sql, params).fetchall():
            headline = self._db.execute("SELECT headline FROM events WHERE story_id = ? ORDER BY articles DESC, id "
                                        "LIMIT 1", (r["story_id"],)).fetchone()[0]
            langs = sorted({x for part in (r["languages"] or "").split(",") if (x := part.strip())})
            out.append(StorySummary(r["story_id"], r["events"], r["articles"], r["first_day"], r["last_day"],
                                    headline, tuple(langs)))
        return out


def _day(a: Article) -> str | None:
    if a.published:
        return a.published[:10]
    d = a.dateline.as_date() if a.dateline else None
    return d.isoformat() if isinstance(d, date) else None


def _headline(a: Article) -> str:
    text = a.title or a.text.split("\n", 1)[0]
    text = " ".join(text.split())
    return text if len(text) <= _HEADLINE_CHARS else text[:_HEADLINE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _sources(members: list[Article]) -> int:
    """Independent sources (dateline.outlets): a near-duplicate copy counts with its original,
    one outlet once."""
    return len(set(source_groups(members).values()))


def _placement(row: sqlite3.Row) -> PlacementRow:
    return PlacementRow(row["article_id"], row["event_id"], row["basis"], row["probability"],
                        json.loads(unpack(row["evidence"]) or "{}"))


def _summary(r: sqlite3.Row) -> EventSummary:
    return EventSummary(r["id"], r["story_id"], r["first_day"], r["last_day"], r["headline"],
                        r["headline_article"], r["place"], tuple(x for x in r["languages"].split(",") if x),
                        r["sources"], r["articles"])

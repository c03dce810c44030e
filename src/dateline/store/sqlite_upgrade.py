"""Python steps of schema 6 (migrations.py): convert a store's rows of schema 5, inside the
migration's transaction."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable

from dateline.models import Mention, TimeExpression
from dateline.store.packing import pack, pack_evidence, pack_frame, pack_object, pack_record
from dateline.store.sql_rows import intern_keys, mention_keys, mention_row, rows_in, time_row

_ARTICLES = 500  # articles converted per step
_ROWS = 200  # packed values per step

# (table, column, packer): the JSON text columns of schema 5 packed in place
PACKED: list[tuple[str, str, Callable[[str], bytes]]] = [
    ("analyses", "sentences", pack),
    ("events", "record", pack_record),
    ("placements", "evidence", pack_evidence),
    ("link_state", "value", lambda v: pack(v, 1)),
    ("cluster_terms", "terms", pack),
    ("cluster_live", "state", pack_object),
]


def upgrade_to_6(db: sqlite3.Connection) -> None:
    _move_mentions_and_times(db)
    db.execute("INSERT INTO report_frames (article, version, frame) SELECT a.seq, f.version, f.frame "
               "FROM report_frames_v5 f JOIN articles a ON a.id = f.article_id ORDER BY a.seq")
    for table in ("mentions_v5", "times_v5", "report_frames_v5"):
        db.execute(f"DROP TABLE {table}")
    _pack_column(db, "report_frames", "frame", pack_frame)
    for table, column, packer in PACKED:
        _pack_column(db, table, column, packer)


def _move_mentions_and_times(db: sqlite3.Connection) -> None:
    last = 0
    while True:
        articles = db.execute("SELECT seq, id, text FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
                              (last, _ARTICLES)).fetchall()
        if not articles:
            return
        last = articles[-1][0]
        ids = [a[1] for a in articles]
        mentions, times = defaultdict(list), defaultdict(list)
        for r in rows_in(db, "SELECT * FROM mentions_v5 WHERE article_id IN ({marks})", ids):
            mentions[r["article_id"]].append(Mention(
                start=r["start"], end=r["end"], text=r["text"], type=r["type"], entity=r["entity_id"], role=r["role"],
                role_start=r["role_start"], role_end=r["role_end"], source=r["source"]))
        for r in rows_in(db, "SELECT * FROM times_v5 WHERE article_id IN ({marks})", ids):
            times[r["article_id"]].append(TimeExpression(
                start=r["start"], end=r["end"], text=r["text"], first=r["first"], last=r["last"],
                granularity=r["granularity"], anchor=r["anchor"]))
        keys = intern_keys(db, (v for ms in mentions.values() for m in ms for v in mention_keys(m)))
        for seq, article_id, text in articles:
            db.executemany(
                "INSERT INTO mentions (article, start, length, kind, entity, extra) VALUES (?,?,?,?,?,?)",
                [mention_row(seq, text, m, keys) for m in mentions.get(article_id, ())])
            db.executemany(
                "INSERT INTO times (article, start, end, text, first, last, granularity, anchor) VALUES (?,?,?,?,?,?,?,?)",
                [time_row(seq, text, t) for t in times.get(article_id, ())])


def _pack_column(db: sqlite3.Connection, table: str, column: str, packer: Callable[[str], bytes]) -> None:
    last = -(2 ** 63)
    while True:
        rows = db.execute(f"SELECT rowid, {column} FROM {table} WHERE rowid > ? AND {column} IS NOT NULL "
                          "ORDER BY rowid LIMIT ?", (last, _ROWS)).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        db.executemany(f"UPDATE {table} SET {column} = ? WHERE rowid = ?",
                       [(packer(v), rowid) for rowid, v in rows if isinstance(v, str)])

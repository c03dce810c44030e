"""Schema 6: the store keeps its JSON packed and its mentions slim, returns what it returned
before, and converts a store written by schema 5."""

import base64
import json
import sqlite3
import zlib

import numpy as np
import pytest

from dateline.models import Analysis, Article, Entity, Mention, Sentence, TimeExpression
from helpers import integrity_errors
from dateline.store import ClusterStateChanges, EntityFilter, EventRecordRow, PlacementRow, StoredArticle, is_postgres, open_store
from dateline.store.migrations import LATEST, MIGRATIONS
from dateline.store.packing import pack, pack_evidence, pack_frame, pack_object, pack_record, unpack

TEXTS = {
    f"{1:016x}": "Ana Lopes met Piet Smit in Porto. Lopes said the talks went well.",
    f"{2:016x}": "Министр Иван Петров прибыл в Порто. Петров встретил Ану Лопес.",
    f"{3:016x}": "Porto welcomed the delegation on Monday.",
}
A, B, C = TEXTS


def _cluster(i: int, ids, vals) -> str:
    """A live cluster as the clusterer writes it: compact JSON, term ids and weights in base64."""
    state = {"id": f"e{i}", "index": i, "size": 2,
             "ids": base64.b64encode(np.asarray(ids, dtype="<i4").tobytes()).decode(),
             "vals": base64.b64encode(np.asarray(vals, dtype="<f8").tobytes()).decode(),
             "fld": base64.b64encode(bytes(range(len(ids)))).decode(), "norm2": [1.5, 0.25],
             "keys": json.dumps({"e:LOC:porto": 2, "ö": 1}), "first_day": None}
    return json.dumps(state, separators=(",", ":"))


CLUSTERS = [
    ("events", 0, _cluster(0, range(-40, 200, 3), np.linspace(-1, 7.3, 80))),
    ("events", 1, _cluster(1, [5, 5, 9] * 30, [0.1] * 90)),  # ids not rising: kept as plain bytes
    ("stories", 0, '{"id": "s0", "ids": "' + "QUJD" * 30 + '", "no": "' + "QUJD" * 20 + 'QR=="}'),  # QR== is not canonical
]
MENTIONS = {
    A: [(0, 9, "Ana Lopes", "PER", "PER:ana", None, None, None, "tagger"),
        (14, 23, "Piet Smit", "PER", "PER:piet", None, None, None, "tagger"),
        (27, 32, "Porto", "LOC", "LOC:porto", None, None, None, "gazetteer"),
        (34, 39, "Lopes", "PER", "PER:ana", None, None, None, "tagger")],
    B: [(8, 19, "Иван Петров", "PER", "PER:petrov", "Министр", 0, 7, "tagger"),  # a role split off
        (29, 34, "Порто", "LOC", "LOC:porto", None, None, None, "gazetteer"),
        (52, 61, "Ана Лопес", "PER", "PER:ana", None, None, None, "rule"),  # not the article's text here
        (36, 42, "Петров", "PER", None, None, None, None, "tagger")],  # not linked
    C: [(0, 5, "Porto", "LOC", "LOC:porto", None, None, None, "gazetteer")],
}
EVIDENCE = {"judged": 3, "new_story": False, "reasons": [["stems_sqrt_cos", 1.5]], "shared": ["LOC:porto"],
            "story_probability": None}
ENTITIES = [("PER:ana", "Ana Lopes", "PER"), ("PER:piet", "Piet Smit", "PER"), ("PER:petrov", "Ivan Petrov", "PER"),
            ("LOC:porto", "Porto", "LOC")]


def _v5_store(path) -> None:
    """A store as schema 5 wrote it, with rows of every table schema 6 changes."""
    con = sqlite3.connect(path)
    for script in MIGRATIONS[:5]:
        con.executescript(script)
    con.execute("PRAGMA user_version = 5")
    for seq, (article_id, text) in enumerate(TEXTS.items(), 1):
        con.execute("INSERT INTO articles (id, origin, text, lang, ingested_at) VALUES (?, ?, ?, ?, 'now')",
                    (article_id, f"t:{seq}", text, "ru" if article_id == B else "en"))
        con.execute("INSERT INTO articles_fts (rowid, title, body) VALUES (?, '', ?)", (seq, text))
        con.execute("INSERT INTO analyses VALUES (?, ?, 'now')", (article_id, json.dumps([[0, 33], [34, len(text)]])))
        con.execute("INSERT INTO report_frames VALUES (?, 'v1', ?)",
                    (article_id, json.dumps({"claims": [{"article_id": article_id, "kind": "place"}], "lead": []})))
    for article_id, rows in MENTIONS.items():
        con.executemany("INSERT INTO mentions (article_id, start, end, text, type, entity_id, role, role_start, "
                        "role_end, source) VALUES (?,?,?,?,?,?,?,?,?,?)", [(article_id, *r) for r in rows])
    con.execute("INSERT INTO times VALUES (?, 33, 39, 'Monday', '2026-03-02', '2026-03-02', 'day', 'published')", (C,))
    con.execute("INSERT INTO times VALUES (?, 0, 0, '', NULL, NULL, 'day', NULL)", (A,))
    con.executemany("INSERT INTO entities (id, name, type, aliases) VALUES (?, ?, ?, '{}')", ENTITIES)
    con.execute("INSERT INTO link_state VALUES ('linker', ?)", (json.dumps({"names": {"ana lopes": "PER:ana"}}),))
    con.execute("INSERT INTO events (id, story_id, articles, sources, record, stale) VALUES ('ev1', 'st1', 2, 2, ?, 0)",
                (json.dumps({"headline": "Талks in Porto", "n": 2}, ensure_ascii=False),))
    con.execute("INSERT INTO events (id, story_id, articles, sources, stale) VALUES ('ev2', 'st1', 1, 1, 1)")
    con.executemany("INSERT INTO placements VALUES (?, ?, ?, 'new', 0.5, ?)", [
        (A, "ev1", 1, "{}"), (B, "ev1", 2, json.dumps(EVIDENCE, sort_keys=True)), (C, "ev2", 3, "{}")])
    con.execute("INSERT INTO cluster_state VALUES ('clusterer', ?)", (zlib.compress(b'{"parts":true}'),))
    con.execute("INSERT INTO cluster_terms VALUES (0, ?)", (json.dumps({"first": 0, "terms": ["port", "лопе"]}),))
    con.executemany("INSERT INTO cluster_live VALUES (?, ?, ?)", CLUSTERS)
    con.commit()
    con.close()


def _mention(r) -> Mention:
    start, end, text, type_, entity, role, role_start, role_end, source = r
    return Mention(start, end, text, type_, entity=entity, role=role, role_start=role_start, role_end=role_end,
                   source=source)


def test_schema_5_store_is_converted_and_returns_what_it_kept(tmp_path):
    db = tmp_path / "v5.db"
    _v5_store(db)
    with open_store(db) as store:
        assert store.schema_version() == LATEST
        for article_id, text in TEXTS.items():
            got = store.analysis(article_id)
            assert got.mentions == tuple(sorted((_mention(r) for r in MENTIONS[article_id]),
                                                key=lambda m: (m.start, m.end)))
            assert got.sentences == (Sentence(0, 33), Sentence(34, len(text)))
        assert store.analysis(C).times == (TimeExpression(33, 39, "Monday", "2026-03-02", "2026-03-02", "day",
                                                          "published"),)
        assert store.analysis(A).times == (TimeExpression(0, 0, "", None, None, "day"),)
        assert [(a, lang, m.text) for a, lang, m in store.entity_mentions("LOC:porto")] == [
            (A, "en", "Porto"), (B, "ru", "Порто"), (C, "en", "Porto")]
        assert [m.text for _, _, m in store.entity_mentions("PER:ana", limit=2)] == ["Ana Lopes", "Lopes"]
        top = store.entity_summaries()
        assert [(s.entity.id, s.mentions, s.articles, s.languages) for s in top] == [
            ("PER:ana", 3, 2, ("en", "ru")), ("LOC:porto", 3, 3, ("en", "ru")), ("PER:petrov", 1, 1, ("ru",)),
            ("PER:piet", 1, 1, ("en",))]
        assert [s.entity.id for s in store.entity_summaries(EntityFilter(lang="ru", min_mentions=2))] == [
            "PER:ana", "LOC:porto"]
        assert store.articles_sharing_entities(A) == [B, C]
        assert [e.id for e in store.entity_events("PER:petrov")] == ["ev1"]
        assert store.kept_frames([A, B, "nope"], "v1") == {
            a: {"claims": [{"article_id": a, "kind": "place"}], "lead": []} for a in (A, B)}
        assert store.link_state() == {"linker": json.dumps({"names": {"ana lopes": "PER:ana"}})}
        assert store.event_record("ev1") == {"headline": "Талks in Porto", "n": 2}
        assert store.event_record("ev2") is None
        assert store.placement(B) == PlacementRow(B, "ev1", "new", 0.5, EVIDENCE)
        assert [p.evidence for _, p in store.event_members("ev1")] == [{}, EVIDENCE]
        kept = store.cluster_state()
        assert kept.core == zlib.compress(b'{"parts":true}')
        assert kept.terms == [json.dumps({"first": 0, "terms": ["port", "лопе"]})]
        assert kept.clusters == {"events": [CLUSTERS[0][2], CLUSTERS[1][2]], "stories": [CLUSTERS[2][2]]}
        assert [s.article.id for s in store.search_articles("Porto")] == [C, A]
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
    assert "mentions_v5" not in tables and "times_v5" not in tables
    for table, column in [("analyses", "sentences"), ("report_frames", "frame"), ("events", "record"),
                          ("link_state", "value"), ("cluster_terms", "terms"), ("cluster_live", "state"),
                          ("placements", "evidence")]:
        assert {r[0] for r in con.execute(f"SELECT typeof({column}) FROM {table}")} <= {"blob", "null"}, table
    assert con.execute("SELECT count(*) FROM mentions WHERE extra IS NULL").fetchone()[0] == 7  # text left out
    con.close()


def test_new_store_round_trips_mentions_with_roles_and_their_own_text(store_at):
    text = TEXTS[B]
    with open_store(store_at()) as store:
        store.add_batch([StoredArticle(Article(id=B, text=text, origin="t", lang="ru"), None)], {})
        analysis = Analysis(B, (Sentence(0, len(text)),), tuple(_mention(r) for r in sorted(MENTIONS[B])),
                            (TimeExpression(20, 26, "прибыло", None, None, "day"),))  # not the text at 20:26
        store.add_analyses([analysis], [Entity(e, n, t) for e, n, t in ENTITIES], {"linker": "{}"})
        assert store.analysis(B) == analysis
        store.add_analyses([Analysis(B, (), (_mention(MENTIONS[B][1]),), ())], [], {"linker": "{}"})
        assert store.analysis(B).mentions == (_mention(MENTIONS[B][1]),)  # re-analysis replaces
        assert store.entity_mentions("PER:petrov") == []
        with pytest.raises(integrity_errors()):  # an article the store lacks, as before
            store.add_analyses([Analysis("f" * 16, (), (), ())], [], {})
        with pytest.raises(integrity_errors()):
            store.add_analyses([Analysis(B, (), (Mention(0, 1, None, "PER"),), ())], [], {})
        assert store.analysis(B).mentions == (_mention(MENTIONS[B][1]),)  # the failed batch left nothing


def test_kept_cluster_state_comes_back_as_written(store_at):
    with open_store(store_at()) as store:
        store.add_placements([], [], ClusterStateChanges(core=b"core", terms='{"first":0,"terms":["a"]}',
                                                         clusters=tuple(CLUSTERS)))
        store.add_placements([], [], ClusterStateChanges(core=b"core2", gone=(("events", 1),)))
        kept = store.cluster_state()
    assert kept.core == b"core2" and kept.terms == ['{"first":0,"terms":["a"]}']
    assert kept.clusters == {"events": [CLUSTERS[0][2]], "stories": [CLUSTERS[2][2]]}


def test_packed_forms():
    rising, flat, loose = CLUSTERS[0][2], CLUSTERS[1][2], CLUSTERS[2][2]
    assert [pack_object(t)[0] for t in (rising, flat, loose, "[1, 2]", '{"a":"' + "QUJD" * 20 + '="}')] == [2, 2, 2, 1, 1]
    b64 = base64.b64encode(bytes(range(200))).decode()
    for text in (rising, flat, loose, "", "[1, 2]", '{"a":"' + "QUJD" * 20 + '="}', "Ωμέγα " * 50,
                 f'["{b64}","{b64}",{{"x":"{b64}"}},"ü\\"{b64}\\"",""]', f'"{b64}"', f'""{b64}""'):
        assert unpack(pack_object(text)) == text and unpack(pack(text, 1)) == text
        assert unpack(pack_frame(text)) == text == unpack(pack_record(text)) == unpack(pack_evidence(text))
        for article in ("", "Porto, 3 May. " * 40, "Ωμέγα " * 9000):  # the last beyond zlib's 32 KiB window
            assert unpack(pack_frame(text, article_text=article), article) == text
    assert unpack("kept before schema 6") == "kept before schema 6" and unpack(None) is None
    assert len(pack_object(rising)) < len(pack(rising)) < len(rising)
    with pytest.raises(ValueError):
        unpack(b"\x09data")


def test_event_records_are_packed(store_at):
    with open_store(store_at()) as store:
        store.add_batch([StoredArticle(Article(id=A, text=TEXTS[A], origin="t"), None)], {})
        store.add_analyses([Analysis(A, (), (), ())], [], {})
        store.add_placements([(PlacementRow(A, "ev", "new", None, {}), "st")], [], ClusterStateChanges(core=b"c"))
        store.set_records([EventRecordRow("ev", {"headline": "Ана", "claims": [1, 2]}, None, None, None, None, None)])
        assert store.event_record("ev") == {"headline": "Ана", "claims": [1, 2]}


def test_frames_are_kept_for_stored_articles_only(store_at):
    with open_store(store_at()) as store:
        store.add_batch([StoredArticle(Article(id=A, text=TEXTS[A], origin="t"), None)], {})
        frame = {"claims": [{"article_id": A, "kind": "place", "value": "LOC:porto", "detail": {"name": "Porto"}}],
                 "lead": []}
        store.keep_frames({A: frame}, "v1")
        with pytest.raises(integrity_errors()):  # as the reference to articles(id) of schema 5 did
            store.keep_frames({A: {}, "f" * 16: {}}, "v2")
        assert store.kept_frames([A], "v1") == {A: frame}  # the failed batch changed nothing


def test_a_frame_is_packed_with_the_text_it_quotes():
    article = ("Firefighters in Porto said on Sunday that the fire at the old textile mill had been put out "
               "after nine hours, and that two workers were taken to hospital with burns. ") * 3
    quote = article[:150]
    frame = json.dumps({"claims": [{"article_id": A, "kind": "speech", "value": quote, "start": 0, "end": 150,
                                    "detail": {"mode": "direct", "speaker": "Firefighters"}}] * 2, "lead": []})
    packed = pack_frame(frame, article_text=article)
    assert packed[0] == 7 and unpack(packed, article) == frame
    assert len(packed) < len(pack_frame(frame)) - 60  # the quote is a reference into the text, not spelled out
    with pytest.raises(ValueError, match="article's text"):
        unpack(packed)
    with pytest.raises(zlib.error):  # another text is not the dictionary it was packed with
        unpack(packed, article.upper())


def test_entity_mentions_cut_the_text_as_python_does(store_at):
    # a NUL ends a C string (SQLite's substr); PostgreSQL's text cannot hold one (and the readers
    # refuse input with NULs as binary), so there another control character takes its place
    nul = "\x01" if is_postgres(store_at()) else "\x00"
    text = f"Lisboa{nul} e Porto; Porto e Lisboa"
    odd = [Mention(10, 15, "Porto", "LOC", entity="LOC:porto"), Mention(17, 22, "Porto", "LOC", entity="LOC:porto"),
           Mention(-6, 31, text[-6:31], "LOC", entity="LOC:lisboa"), Mention(25, 99, text[25:99], "LOC", entity="LOC:x")]
    with open_store(store_at()) as store:
        store.add_batch([StoredArticle(Article(id=A, text=text, origin="t"), None),
                         StoredArticle(Article(id=B, text=text.replace("\x00", "!"), origin="t"), None)], {})
        store.add_analyses([Analysis(A, (), tuple(odd), ()), Analysis(B, (), tuple(odd[:2]), ())], [], {})
        assert [m for _, _, m in store.entity_mentions("LOC:porto")] == odd[:2] * 2
        assert [m for _, _, m in store.entity_mentions("LOC:lisboa")] == [odd[2]]
        assert [m for _, _, m in store.entity_mentions("LOC:x")] == [odd[3]]
        assert store.analysis(A).mentions == tuple(sorted(odd, key=lambda m: (m.start, m.end)))

import sqlite3

import pytest

from dateline.models import Article, Dateline
from dateline.store import ArticleFilter, ClusterStateChanges, KeptClusterState, StoredArticle, is_postgres, open_store
from dateline.store.migrations import LATEST
from helpers import integrity_errors


def _article(i: int, **kw) -> Article:
    base = dict(id=f"{i:016x}", text=f"Report number {i}.", origin=f"test:{i}", lang="en",
                published=f"2026-03-{i:02d}", source="Example Wire")
    base.update(kw)
    return Article(**base)


def test_schema_is_versioned_and_reopening_keeps_data(store_at):
    db = store_at()
    with open_store(db) as store:
        assert store.schema_version() == LATEST
        store.add_batch([StoredArticle(_article(1), None)], {})
    with open_store(db) as store:
        assert store.count() == 1


def test_newer_schema_is_refused(store_at):
    db = store_at()
    with open_store(db) as store:
        if is_postgres(db):
            store._db.execute(f"UPDATE dateline_schema SET version = {LATEST + 5}")
        else:
            store._db.execute(f"PRAGMA user_version = {LATEST + 5}")
    with pytest.raises(RuntimeError, match="newer than this Dateline"):
        open_store(db)


def test_round_trip_of_every_field(store_at):
    a = _article(3, title="T", dateline=Dateline(text="RABAT, December 17.", place="RABAT", month=12, day=17),
                 byline="Lucia Giannini", header={"date": "2026-03-03"}, external_id="x-1")
    with open_store(store_at()) as store:
        store.add_batch([StoredArticle(a, b"\x01" * 8)], {})
        got = store.get(a.id)
    assert got.article == a
    assert got.signature == b"\x01" * 8
    assert got.seq == 1


def test_batch_is_atomic(store_at):
    with open_store(store_at()) as store:
        bad = StoredArticle(_article(2, text=None), None)  # NOT NULL violation mid-batch
        with pytest.raises(integrity_errors()):
            store.add_batch([StoredArticle(_article(1), None), bad], {})
        assert store.count() == 0


def test_reinsert_is_ignored_and_repoint_moves_copies(store_at):
    with open_store(store_at()) as store:
        store.add_batch([StoredArticle(_article(1), None), StoredArticle(_article(2, duplicate_of=f"{1:016x}"), None)], {})
        store.add_batch([StoredArticle(_article(1), None)], {})
        assert store.count() == 2
        store.add_batch([StoredArticle(_article(3), None)], {f"{1:016x}": f"{3:016x}"})
        dups = {s.article.id: s.article.duplicate_of for s in store.articles()}
    assert dups == {f"{1:016x}": f"{3:016x}", f"{2:016x}": f"{3:016x}", f"{3:016x}": None}


def test_filters_and_prefix_lookup(store_at):
    with open_store(store_at()) as store:
        store.add_batch([
            StoredArticle(_article(1), None),
            StoredArticle(_article(2, lang="it", source="Agenzia"), None),
            StoredArticle(_article(9, published=None), None),
        ], {})

        def ids(f):
            return [s.article.id[-1] for s in store.articles(f)]

        assert ids(ArticleFilter(lang="it")) == ["2"]
        assert ids(ArticleFilter(source="agenzia")) == ["2"]
        assert ids(ArticleFilter(since="2026-03-02")) == ["2"]
        assert ids(ArticleFilter(until="2026-03-01")) == ["1"]
        assert ids(ArticleFilter(limit=1, offset=1)) == ["2"]
        assert store.find("00000000000000") == [f"{i:016x}" for i in (1, 2, 9)]
        assert store.find("%") == []


def test_transaction_commits_whole_or_rolls_back_on_any_exception(tmp_path):
    from dateline.store.sqlite_tx import transaction

    con = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    con.execute("CREATE TABLE t (x INTEGER NOT NULL)")
    with transaction(con):
        con.execute("INSERT INTO t VALUES (1)")
    for exc in (sqlite3.IntegrityError, KeyboardInterrupt):  # an interrupt must not leave half a batch
        with pytest.raises(exc):
            with transaction(con):
                con.execute("INSERT INTO t VALUES (2)")
                if exc is KeyboardInterrupt:
                    raise KeyboardInterrupt
                con.execute("INSERT INTO t VALUES (NULL)")
    assert [r[0] for r in con.execute("SELECT x FROM t")] == [1]
    assert not con.in_transaction


def test_store_transaction_rolls_back_on_any_exception(store_at):
    with open_store(store_at()) as store:
        for exc in (ValueError, KeyboardInterrupt):
            with pytest.raises(exc):
                with store._transaction():
                    store._db.execute("INSERT INTO state_versions (name, version) VALUES (?, ?)", ("x", 1))
                    raise exc
        assert store.state_version("x") == 0
        with store._transaction():
            store._db.execute("INSERT INTO state_versions (name, version) VALUES (?, ?)", ("x", 1))
        assert store.state_version("x") == 1


def test_placements_move_an_absorbed_events_members_to_the_survivor(store_at):
    from dateline.store import PlacementRow

    with open_store(store_at()) as store:
        store.add_batch([StoredArticle(_article(i), None) for i in (1, 2, 3, 4)], {})
        a = [f"{i:016x}" for i in (1, 2, 3, 4)]
        row = lambda i, event, basis="new": PlacementRow(a[i], event, basis, 0.9 if basis == "head" else None, {})  # noqa: E731
        # a1 starts event a1; a2 starts event a2, which a3 joins; the next batch absorbs a2 into a1
        store.add_placements([(row(0, a[0]), "s1"), (row(1, a[1]), "s1"), (row(2, a[1], "head"), "s1")], [],
                             ClusterStateChanges(b"1"))
        store.add_placements([(row(3, a[0], "head"), "s1")], [], ClusterStateChanges(b"2"), event_merges=[(a[1], a[0], 0.8)])
        assert store.event_summary(a[1]) is None
        assert store.event_summary(a[0]).articles == 4
        members = {p.article_id: (p.basis, p.probability) for _, p in store.event_members(a[0])}
        # the absorbed event's first article says why it moved; the one that joined it keeps its reason
        assert members == {a[0]: ("new", None), a[1]: ("merged", 0.8), a[2]: ("head", 0.9), a[3]: ("head", 0.9)}
        assert store.cluster_state() == KeptClusterState(b"2", [], {})


def test_placements_apply_story_merges_then_moves(store_at):
    from dateline.store import PlacementRow

    with open_store(store_at()) as store:
        store.add_batch([StoredArticle(_article(i), None) for i in (1, 2, 3)], {})
        row = lambda i, event: (PlacementRow(f"{i:016x}", event, "new", None, {}))  # noqa: E731
        # e1 and e2 start in story s1, e3 in s3; s3 merges into s1; then e2 is moved to a story of its own
        store.add_placements([(row(1, "e1"), "s1"), (row(2, "e2"), "s1"), (row(3, "e3"), "s3")],
                             [("s3", "s1")], ClusterStateChanges(b"state"), moves=[("e2", "e2")])
        assert {e: store.event_summary(e).story_id for e in ("e1", "e2", "e3")} == {"e1": "s1", "e2": "e2", "e3": "s1"}
        assert store.cluster_state().core == b"state"


def test_cluster_state_kept_in_parts(store_at):
    with open_store(store_at()) as store:
        assert store.cluster_state() is None
        first = ClusterStateChanges(b"core 1", terms='["a","b"]', first_term=0, reset=("events", "stories"),
                                    clusters=(("events", 0, "e0"), ("events", 1, "e1"), ("stories", 0, "s0")))
        store.add_placements([], [], first)
        store.add_placements([], [], ClusterStateChanges(b"core 2", terms='["c"]', first_term=2, gone=(("events", 0),),
                                                         clusters=(("events", 1, "e1 grown"), ("events", 2, "e2"))))
        assert store.cluster_state() == KeptClusterState(b"core 2", ['["a","b"]', '["c"]'],
                                                         {"events": ["e1 grown", "e2"], "stories": ["s0"]})
        # a rebuilt layer: all that was kept of it goes first
        store.add_placements([], [], ClusterStateChanges(b"core 3", reset=("stories",), clusters=(("stories", 0, "new s0"),)))
        assert store.cluster_state().clusters == {"events": ["e1 grown", "e2"], "stories": ["new s0"]}
        # terms are only appended: the same ids twice is an error, not an overwrite
        with pytest.raises(integrity_errors()):
            store.add_placements([], [], ClusterStateChanges(b"core 4", terms='["x"]', first_term=2))
        assert store.cluster_state().core == b"core 3"  # the failed batch left nothing behind
        # terms renumbered (forgotten ones dropped): all kept before go, the new list from id 0
        store.add_placements([], [], ClusterStateChanges(b"core 5", terms='["b","c"]', first_term=0, terms_reset=True))
        assert store.cluster_state().terms == ['["b","c"]']

"""Events and stories in the store and on the command line: `cluster`, `events`, `event`,
`stories`, `similar`, resumption across runs. Texts are the bundled examples and the seeds."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import EN_SEED, IT_SEED

from dateline.cli import main
from dateline.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("events") / "ex.db"
    run("ingest", ROOT / "examples", "--db", db, "--no-fetch-linked")
    return db


def _manifest_event_of(db) -> dict[str, str]:
    """Gold event of each stored example article (by its title)."""
    manifest = json.loads((ROOT / "examples" / "MANIFEST.json").read_text(encoding="utf-8"))
    by_title = {m["title"]: m["event"] for m in manifest if m.get("title")}
    with open_store(db) as store:
        return {s.article.id: by_title[s.article.title] for s in store.articles() if s.article.title in by_title}


def test_every_analysed_article_is_placed_once(examples_db):
    with open_store(examples_db) as store:
        assert store.count() > 0 and not list(store.unclustered())
        placed = [store.placement(s.article.id) for s in store.articles()]
    assert all(p is not None for p in placed)
    again = json.loads(run("cluster", "--db", examples_db, "--json").output)
    assert again["clustered"] == 0


def test_events_listing_and_filters(examples_db):
    rows = json.loads(run("events", "--db", examples_db, "--json").output)
    with open_store(examples_db) as store:
        total = store.count()
    assert sum(r["articles"] for r in rows) == total
    for r in rows:
        assert r["headline"] and r["sources"] <= r["articles"] and r["languages"]
    multi = json.loads(run("events", "--db", examples_db, "--json", "--min-articles", "2").output)
    assert multi and all(r["articles"] >= 2 for r in multi)
    french = json.loads(run("events", "--db", examples_db, "--json", "--lang", "fr").output)
    assert french and all("fr" in r["languages"] for r in french)
    assert json.loads(run("events", "--db", examples_db, "--json", "--until", "1990-01-01").output) == []
    text = run("events", "--db", examples_db).output
    assert f"{len(rows)} event(s)" in text


def test_tables_keep_whole_lines_in_a_file_and_fit_a_terminal(examples_db, monkeypatch):
    rows = json.loads(run("events", "--db", examples_db, "--json").output)
    stories = json.loads(run("stories", "--db", examples_db, "--json").output)
    # not a terminal (a file, a pipe): nothing cut, columns aligned however many languages
    lines = run("events", "--db", examples_db).output.splitlines()
    place_at = lines[0].index("place")
    assert any(len(line) > 80 for line in lines)  # rich alone would have cut or wrapped at 80
    for r in rows:
        line = next(x for x in lines if x.startswith(r["id"]))
        assert line.endswith(r["headline"]) and line[place_at:].startswith((r["place"] or "")[:13])
    story_lines = run("stories", "--db", examples_db).output.splitlines()
    for s in stories:
        assert next(x for x in story_lines if x.startswith(s["id"])).endswith(s["headline"])
    # a terminal: every row fits its width
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "70")
    cut = run("events", "--db", examples_db).output.splitlines()
    assert len(cut) == len(lines) and all(len(x) <= 70 for x in cut[1:])  # the header carries colour codes
    assert any(x.endswith("…") for x in cut[1:])


def test_examples_form_their_events_without_false_merges(examples_db):
    gold = _manifest_event_of(examples_db)
    with open_store(examples_db) as store:
        predicted = {a: store.placement(a).event_id for a in gold}
    # nothing wrongly merged: each predicted event holds one gold event
    members: dict[str, set[str]] = {}
    for article, event in predicted.items():
        members.setdefault(event, set()).add(gold[article])
    assert all(len(g) == 1 for g in members.values()), members
    # and nothing split: the store's five events are the manifest's five
    assert sorted(sorted(g) for g in members.values()) == [["E1"], ["E2"], ["E3"], ["E4"], ["E5"]]


def test_event_detail_shows_members_evidence_and_comparison(examples_db):
    rows = json.loads(run("events", "--db", examples_db, "--json", "--min-articles", "2").output)
    top = rows[0]
    detail = json.loads(run("event", top["id"][:10], "--db", examples_db, "--json").output)
    assert detail["id"] == top["id"] and len(detail["members"]) == top["articles"]
    # a member whose metadata names no source speaks for its dateline's agency, as in the text view
    sources = {m["title"]: m["source"] for e in rows
               for m in json.loads(run("event", e["id"], "--db", examples_db, "--json").output)["members"]}
    assert sources["Thaïlande et Cambodge prolongent leur cessez-le-feu à Genève"] == "AFP"
    assert detail["members"][0]["basis"] == "new"
    joined = [m for m in detail["members"][1:] if m["basis"] == "head"]
    assert all(m["probability"] is not None and m["evidence"]["shared"] for m in joined)
    assert {"agreed", "single", "differing"} <= set(detail["comparison"])
    text = run("event", top["id"], "--db", examples_db).output
    assert "members" in text and top["headline"][:30] in text


def test_stories_and_similar(examples_db):
    stories = json.loads(run("stories", "--db", examples_db, "--json").output)
    events = json.loads(run("events", "--db", examples_db, "--json").output)
    assert sum(s["events"] for s in stories) == len(events)
    assert {e["story_id"] for e in events} == {s["id"] for s in stories}
    member = json.loads(run("event", events[0]["id"], "--db", examples_db, "--json").output)["members"][0]["article"]
    ranked = json.loads(run("similar", member, "--db", examples_db, "--json").output)
    assert ranked and ranked == sorted(ranked, key=lambda r: -r["probability"])
    assert all(0.0 <= r["probability"] <= 1.0 and 1.0 <= r["score"] <= 4.0 for r in ranked)
    assert "p(same)" in run("similar", member, "--db", examples_db).output


def test_unknown_event_is_one_clear_error(examples_db):
    result = CliRunner().invoke(main, ["event", "ffffffffffff", "--db", str(examples_db)])
    assert result.exit_code == 1 and "no event with id" in result.output


def test_clustering_across_runs_matches_one_run(tmp_path):
    files = sorted((ROOT / "examples").glob("*.txt"))
    one = tmp_path / "one.db"
    run("ingest", *files, "--db", one)
    two = tmp_path / "two.db"
    half = len(files) // 2
    run("ingest", *files[:half], "--db", two)
    run("ingest", *files[half:], "--db", two)  # a second process: the clusterer's state comes from the store

    def events(db):
        with open_store(db) as store:
            return {s.article.id: (p.event_id, store.event_summary(p.event_id).story_id)
                    for s in store.articles() if (p := store.placement(s.article.id))}
    assert events(one) == events(two)


def test_a_whole_state_kept_before_parts_goes_on_the_same(tmp_path):
    import sqlite3
    import zlib

    from dateline.cluster import OnlineClusterer
    from dateline.pipeline import load_clusterer

    files = sorted((ROOT / "examples").glob("*.txt"))
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    run("ingest", *files, "--db", one)
    half = len(files) // 2
    run("ingest", *files[:half], "--db", two)
    # keep the state as a store written before 2026-12-02 did: whole, in one compressed piece
    with open_store(two) as store:
        clusterer = OnlineClusterer()
        load_clusterer(store, clusterer)
        whole = zlib.compress(json.dumps(clusterer.export_state()).encode())
    con = sqlite3.connect(two)
    con.execute("UPDATE cluster_state SET value = ? WHERE key = 'clusterer'", (whole,))
    con.execute("DELETE FROM cluster_terms")
    con.execute("DELETE FROM cluster_live")
    con.commit()
    con.close()
    run("ingest", *files[half:], "--db", two)

    def events(db):
        with open_store(db) as store:
            return {s.article.id: (p.event_id, store.event_summary(p.event_id).story_id)
                    for s in store.articles() if (p := store.placement(s.article.id))}
    assert events(one) == events(two)
    with open_store(two) as store:  # and from then on in parts
        kept = store.cluster_state()
        assert json.loads(zlib.decompress(kept.core)).get("parts") and kept.terms and kept.clusters["events"]


def test_growing_batches_place_as_fixed_ones(tmp_path):
    from dateline.pipeline import cluster_pending

    files = sorted((ROOT / "examples").glob("*.txt"))
    stores = {}
    for name in ("fixed", "growing"):
        db = stores[name] = tmp_path / f"{name}.db"
        run("ingest", *files, "--db", db, "--no-analyze")
        run("analyze", "--db", db, "--no-cluster")
    placed = {}
    for name, db in stores.items():
        with open_store(db) as store:
            n = len(list(store.articles()))
            # state_share 0: every write counts as too slow, so each batch doubles the next
            summary = cluster_pending(store, batch_size=2, max_batch_size=2 if name == "fixed" else 64, state_share=0.0)
            placed[name] = {s.article.id: (p.event_id, p.basis, store.event_summary(p.event_id).story_id)
                            for s in store.articles() if (p := store.placement(s.article.id))}
            assert summary.clustered == len(placed[name]) == n > 8
            # batches of 2 throughout, or of 2, 4, 8, 16, ... until the articles run out
            expected = -(-n // 2) if name == "fixed" else next(k for k in range(1, 10) if 2 * (2 ** k - 1) >= n)
            assert summary.batches == expected
    assert placed["fixed"] == placed["growing"]


def test_the_store_follows_the_warm_up_second_look(tmp_path):
    import random

    from dateline.cluster import OnlineClusterer
    from dateline.pipeline import cluster_pending

    # twenty unrelated plant openings written alike: with a handful of reports every template word
    # still looks rare, so the first look puts them in one story and the second look re-stories them
    rng = random.Random(5)
    name = lambda n: "".join(rng.choice(["ka", "lo", "mer", "vi", "tan", "dro", "sel", "pu"]) for _ in range(n))  # noqa: E731
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(20):
        firm, town, person = name(3).capitalize(), name(3).capitalize(), f"{name(2).capitalize()} {name(3).capitalize()}"
        (folder / f"{i:02d}.txt").write_text(
            f"title: {firm} opens plant in {town}\nDate: 2026-04-0{1 + i % 9}\n\n{person}, head of {firm}, said the "
            f"company had opened a plant in {town} with {rng.randint(10, 999)} workers. The council of {town} "
            f"welcomed the {name(2)} and the {name(2)}.\n", encoding="utf-8")
    db = tmp_path / "w.db"
    run("ingest", folder, "--db", db, "--no-analyze")
    run("analyze", "--db", db, "--no-cluster")
    with open_store(db) as store:
        # batches of 4 and a warm-up ending in the third: stories stored by two batches are moved
        clusterer = OnlineClusterer(story_warmup=10)
        summary = cluster_pending(store, batch_size=4, max_batch_size=4, clusterer=clusterer)
        events = {p.event_id for s in store.articles() if (p := store.placement(s.article.id))}
        stored = {e: store.event_summary(e).story_id for e in events}
    assert summary.story_moves > 0 and "re-storied" in summary.line()
    assert stored == {e: clusterer.story_of(e) for e in events}
    assert len(set(stored.values())) == clusterer.story_count


def test_the_store_follows_an_absorbed_event(tmp_path):
    from test_cluster import EN, EN_COPY, ES, SAME_DAY

    from dateline.cluster import OnlineClusterer
    from dateline.pipeline import cluster_pending

    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate((EN, SAME_DAY, ES, EN_COPY)):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "m.db"
    run("ingest", folder, "--db", db, "--no-analyze")
    run("analyze", "--db", db, "--no-cluster")
    with open_store(db) as store:
        by_title = {(s.article.title or s.article.text).split()[0]: s.article for s in store.articles()}
        assert sum(bool(s.article.duplicate_of) for s in store.articles()) == 1  # the copy, found by dedupe
        # no report joins by the head (threshold above 1): the Spanish report starts its own event;
        # the copy joins its original's as a duplicate, in the next batch, which then absorbs it
        clusterer = OnlineClusterer(event_threshold=1.01)
        summary = cluster_pending(store, batch_size=3, max_batch_size=3, clusterer=clusterer)
        placed = {s.article.id: store.placement(s.article.id) for s in store.articles()}
        dam = placed[by_title["Dam"].id].event_id
        spanish = placed[by_title["Rotura"].id]
        assert summary.event_merges == 1 and "1 small events absorbed" in summary.line()
        assert spanish.event_id == dam and spanish.basis == "merged" and spanish.probability >= clusterer.event_merge
        assert store.event_summary(by_title["Rotura"].id) is None
        assert store.event_summary(dam).articles == 3 and store.event_summary(dam).languages == ("en", "es")
        assert placed[by_title["Tarnowskie"].id].event_id != dam
        assert store.event_summary(dam).story_id == clusterer.story_of(dam)
    shown = run("event", dam, "--db", db).output
    assert "absorbed once this one had grown (p=" in " ".join(shown.split())


def test_seeds_form_one_event(tmp_path):
    if not EN_SEED.exists():
        pytest.skip("seeds not present")
    for seed in (EN_SEED, IT_SEED):
        shutil.copy(seed, tmp_path / seed.name)
    db = tmp_path / "seeds.db"
    run("ingest", tmp_path / EN_SEED.name, tmp_path / IT_SEED.name, "--db", db)
    rows = json.loads(run("events", "--db", db, "--json").output)
    assert len(rows) == 1 and rows[0]["articles"] == 2 and rows[0]["sources"] == 2
    assert rows[0]["languages"] == ["en", "it"]


def test_records_are_rebuilt_from_kept_report_frames(examples_db, tmp_path, monkeypatch):
    import sqlite3

    from dateline import pipeline
    from dateline.pipeline import members as stored_events
    from dateline.frame.members import ReportFrame, frame_report, frame_version

    db = tmp_path / "copy.db"
    shutil.copyfile(examples_db, db)
    with open_store(db) as store:
        placed = [(s.article, store.analysis(s.article.id)) for s in store.articles() if store.placement(s.article.id)]
        kept = store.kept_frames([a.id for a, _ in placed], frame_version())
        assert set(kept) == {a.id for a, _ in placed}  # the frame stage kept every member's frame
        for article, analysis in placed:  # claims and lead come back as they were found
            assert ReportFrame.from_dict(json.loads(json.dumps(kept[article.id]))) == frame_report(article, analysis)
        before = {e: store.event_record(e) for e in {store.placement(a.id).event_id for a, _ in placed}}
    assert any(kept[a.id]["lead"] and kept[a.id]["claims"] for a, _ in placed)
    con = sqlite3.connect(db)
    con.execute("UPDATE events SET stale = 1")
    con.commit()
    con.close()

    def no_framing(*_):
        raise AssertionError("framed again")
    with monkeypatch.context() as patch:
        patch.setattr(stored_events, "frame_report", no_framing)
        with open_store(db) as store:
            assert pipeline.frame_pending(store) == len(before)
            assert {e: store.event_record(e) for e in before} == before
    # frames kept by another version of the code are framed again, and kept anew
    con = sqlite3.connect(db)
    con.execute("UPDATE report_frames SET version = 'older'")
    con.execute("UPDATE events SET stale = 1")
    con.commit()
    con.close()
    framed = []
    monkeypatch.setattr(stored_events, "frame_report", lambda a, an: framed.append(a.id) or frame_report(a, an))
    with open_store(db) as store:
        assert pipeline.frame_pending(store) == len(before)
        assert {e: store.event_record(e) for e in before} == before
        assert sorted(framed) == sorted(a.id for a, _ in placed)
        assert set(store.kept_frames(framed, frame_version())) == set(framed)


def test_records_framed_a_few_members_at_a_time_are_the_same(examples_db, tmp_path, monkeypatch):
    """The frame stage loads events' members a group at a time (bounding memory); the records
    do not depend on how the events were grouped."""
    import sqlite3

    from dateline import pipeline
    from dateline.pipeline import stages

    db = tmp_path / "copy.db"
    shutil.copyfile(examples_db, db)
    with open_store(db) as store:
        events = [e.id for e in store.event_summaries()]
        before = {e: store.event_record(e) for e in events}
    assert len(events) > 2 and all(before.values())
    con = sqlite3.connect(db)
    con.execute("UPDATE events SET stale = 1, record = NULL")
    con.commit()
    con.close()
    groups = []
    real = stages._frame_group
    monkeypatch.setattr(stages, "FRAME_MEMBERS", 1)  # every event a group of its own
    monkeypatch.setattr(stages, "_frame_group", lambda s, ids, m, w: groups.append(list(ids)) or real(s, ids, m, w))
    with open_store(db) as store:
        assert pipeline.frame_pending(store) == len(events)
        assert {e: store.event_record(e) for e in events} == before
    assert sorted(sum(groups, [])) == sorted(events) and all(len(g) == 1 for g in groups)


def test_showing_an_event_needs_none_of_the_ingest_stages(examples_db):
    """`dateline event` reads what the store keeps: loading the near-duplicate hashing (scipy) or
    the HTML extraction would add a second or two to every look at an event."""
    import subprocess
    import sys

    with open_store(examples_db) as store:
        event_id = store.event_summaries()[0].id
    script = ("import sys; from click.testing import CliRunner; from dateline.cli import main; "
              f"r = CliRunner().invoke(main, ['event', {event_id!r}, '--db', {str(examples_db)!r}]); "
              "assert r.exit_code == 0, r.output; "
              "print(sorted(m for m in ('datasketch', 'scipy', 'trafilatura') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_record_is_decided_over_the_first_reports_of_a_large_event(examples_db, tmp_path, monkeypatch):
    """Beyond RECORD_REPORTS members (2 here) an event's record is decided over its first reports by
    arrival, so framing a hot story costs no more as it grows; once those are what the record was
    decided over, later reports leave it as it is, and the summary keeps what the record says."""
    import sqlite3

    from dateline import pipeline
    from dateline.frame import record as framing
    from dateline.frame.record import build_record
    from dateline.pipeline import stages
    from dateline.pipeline.members import event_members, report_frames
    from dateline.service.exports import LIST_SEPARATOR, export_events
    from dateline.service.queries import event_parts

    db = tmp_path / "copy.db"
    shutil.copyfile(examples_db, db)
    with open_store(db) as store:
        sizes = {e.id: e.articles for e in store.event_summaries()}
        before = {e: store.event_record(e) for e in sizes}
    large = [e for e, n in sizes.items() if n > 2]
    assert large and any(n <= 2 for n in sizes.values())
    con = sqlite3.connect(db)
    con.execute("UPDATE events SET stale = 1, record = NULL")
    con.commit()
    con.close()
    monkeypatch.setattr(stages, "RECORD_REPORTS", 2)
    monkeypatch.setattr(framing, "RECORD_REPORTS", 2)
    with open_store(db) as store:
        assert pipeline.frame_pending(store) == len(sizes)
        for e, n in sizes.items():
            record = store.event_record(e)
            if n <= 2:
                assert record == before[e]
                continue
            first = store.event_members(e, limit=2)
            assert record["members"] == [s.article.id for s, _ in first] != before[e]["members"]
            analysed, entities = event_members(store, e, first)
            assert record == json.loads(json.dumps(build_record(analysed, entities,
                                                                reports=report_frames(store, analysed)).as_dict()))
            parts = event_parts(store, e)
            assert parts.record.as_dict() == build_record(analysed, entities).as_dict()
            assert len(parts.members) == n
            assert store.event_article_ids(e) == [s.article.id for s, _ in store.event_members(e)]
        # the exports list every article of an event, not only those its record was decided over
        plover = [json.loads(r) for r in export_events(store.event_summaries(), store.event_record,
                                                       store.event_article_ids, "plover")]
        assert {r["event_id"]: len(r["article_ids"]) for r in plover} == sizes
        cells = list(csv.DictReader(io.StringIO("".join(export_events(
            store.event_summaries(), store.event_record, store.event_article_ids, "csv")))))
        assert {r["event_id"]: r["article_ids"].split(LIST_SEPARATOR) for r in cells} == {
            e: store.event_article_ids(e) for e in sizes}
        kept = {e: (store.event_summary(e).headline, store.event_summary(e).first_day) for e in large}
    # later reports joined (the summary recomputed from the members' metadata, as placing does):
    # the records stand as they are, and the summaries take their fields from them again
    con = sqlite3.connect(db)
    con.executemany("UPDATE events SET stale = 1, headline = 'from metadata', first_day = NULL WHERE id = ?",
                    [(e,) for e in large])
    con.commit()
    con.close()
    monkeypatch.setattr(stages, "build_record", lambda *_, **__: pytest.fail("decided again"))
    with open_store(db) as store:
        assert pipeline.frame_pending(store) == len(large)
        assert {e: (store.event_summary(e).headline, store.event_summary(e).first_day) for e in large} == kept
        assert not store.stale_events()

"""End to end through the CLI: ingest, idempotent re-ingest, near-duplicates, listings, show."""

import json

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.store import open_store
from helpers import EN_SEED, IT_SEED, SEEDS, fictional_report, write_jsonl

WIRE = (
    "The port authority said on Thursday that container traffic through the eastern terminal "
    "fell by a fifth in February, after two shipping lines moved their weekly calls to a rival "
    "harbour further down the coast. Dock workers' representatives warned that night shifts "
    "could be cut from April unless new routes are found, while the authority said it was in "
    "talks with three carriers and expected a decision before the summer. Local businesses "
    "that supply the terminal have asked the regional government for a temporary rent cut."
)
REPOST = (
    WIRE.replace("fell by a fifth", "dropped by a fifth")
    .replace("three carriers", "several carriers")
    .replace("before the summer", "before summer")
)


def run(*args, **kw):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, **kw)


@pytest.fixture
def db(store_at):
    return store_at("t")


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not present")
def test_seeds_ingest_once_then_add_nothing(db):
    first = run("ingest", EN_SEED, IT_SEED, "--db", db, "--json")
    assert first.exit_code == 0, first.output
    summary = json.loads(first.output)
    assert (summary["read"], summary["new"], summary["rejected"]) == (2, 2, 0)
    again = json.loads(run("ingest", SEEDS, "--db", db, "--json").output)
    assert (again["read"], again["new"], again["duplicate"]) == (2, 0, 2)
    with open_store(db) as store:
        assert store.count() == 2
        by_lang = {s.article.lang: s.article for s in store.articles()}
    assert by_lang["it"].published == "2025-12-20"
    assert by_lang["it"].byline == "Lucia Giannini"
    assert by_lang["en"].dateline.place.upper() == "RABAT"


def test_near_duplicate_points_to_earliest_copy(tmp_path, db):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("title: Port traffic falls\ndate 2026-03-05\n\n" + WIRE + "\n\nAnna Berti\n")
    (tmp_path / "in" / "b.txt").write_text("title: Eastern terminal loses two lines\ndate 2026-03-06\n\n" + REPOST + "\n\nMarco Fenn\n")
    out = json.loads(run("ingest", tmp_path / "in", "--db", db, "--json").output)
    assert (out["new"], out["near_duplicate"]) == (1, 1)
    with open_store(db) as store:
        arts = {s.article.published: s.article for s in store.articles()}
    assert arts["2026-03-06"].duplicate_of == arts["2026-03-05"].id
    assert arts["2026-03-05"].duplicate_of is None
    # a third copy, published earlier than both, becomes the original they point to
    (tmp_path / "c.txt").write_text("date 2026-03-04\n\n" + WIRE.replace("on Thursday", "on Wednesday") + "\n")
    out = json.loads(run("ingest", tmp_path / "c.txt", "--db", db, "--json").output)
    assert out["new"] == 1
    with open_store(db) as store:
        arts = {s.article.published: s.article for s in store.articles()}
    earliest = arts["2026-03-04"].id
    assert arts["2026-03-04"].duplicate_of is None
    assert arts["2026-03-05"].duplicate_of == earliest
    assert arts["2026-03-06"].duplicate_of == earliest


def test_articles_listing_filters_and_json(tmp_path, db):
    rows = [
        {"id": "a", "text": fictional_report(1), "lang": "en", "source": "North Wire", "published": "2026-01-10"},
        {"id": "b", "text": "Il consiglio comunale ha approvato ieri sera il bilancio del porto, con i voti della maggioranza e l'astensione di due consiglieri dell'opposizione.", "source": "Gazzetta", "published": "2026-01-12"},
    ]
    f = tmp_path / "x.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert run("ingest", f, "--db", db).exit_code == 0
    listed = json.loads(run("articles", "--db", db, "--json").output)
    assert len(listed) == 2 and all("text" not in a for a in listed)
    assert [a["external_id"] for a in json.loads(run("articles", "--db", db, "--json", "--lang", "it").output)] == ["b"]
    assert [a["external_id"] for a in json.loads(run("articles", "--db", db, "--json", "--since", "2026-01-11").output)] == ["b"]
    assert [a["external_id"] for a in json.loads(run("articles", "--db", db, "--json", "--until", "2026-01-11").output)] == ["a"]
    assert [a["external_id"] for a in json.loads(run("articles", "--db", db, "--json", "--source", "north wire").output)] == ["a"]
    table = run("articles", "--db", db)
    assert "Il consiglio comunale" in table.output and "2 article(s)" in table.output
    assert run("articles", "--db", db, "--since", "12/01/2026").exit_code == 2


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not present")
def test_show_by_prefix_and_json(db):
    run("ingest", IT_SEED, "--db", db)
    with open_store(db) as store:
        art = next(store.articles()).article
    shown = run("show", art.id[:6], "--db", db)
    assert shown.exit_code == 0
    assert "Lucia Giannini" in shown.output and "2025-12-20" in shown.output
    assert "Il Capo di Stato Maggiore" in shown.output
    whole = json.loads(run("show", art.id, "--db", db, "--json").output)
    assert whole["text"] == art.text and whole["byline"] == "Lucia Giannini"
    missing = run("show", "ffffffffffff", "--db", db)
    assert missing.exit_code == 1 and "no article" in missing.output


def test_db_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_DB", str(tmp_path / "env.db"))
    f = write_jsonl(tmp_path / "one.jsonl", 1)
    assert run("ingest", f).exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_every_command_has_help():
    for args in (["--help"], ["ingest", "--help"], ["articles", "--help"], ["show", "--help"],
                 ["eval", "--help"], ["eval", "extraction", "--help"]):
        result = run(*args)
        assert result.exit_code == 0 and "Usage:" in result.output


def test_usage_errors_exit_2(db):
    assert run("ingest", "--db", db).exit_code == 2  # no inputs
    assert run("ingest", "x", "--max-bytes", "lots").exit_code == 2
    assert run("frobnicate").exit_code == 2

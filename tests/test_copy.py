"""`dateline copy`: a SQLite store to PostgreSQL and back, the same store on both sides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.store import EventFilter, open_store
from helpers import write_jsonl

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def contents(location: str) -> dict:
    """What a user sees of a store: articles in order with their analyses and placements, events
    with their records, search results, entities, stories, the kept states."""
    with open_store(location) as store:
        articles = list(store.articles())
        return {
            "articles": [(s.seq, s.article, s.signature) for s in articles],
            "analyses": [store.analysis(s.article.id) for s in articles],
            "placements": [store.placement(s.article.id) for s in articles],
            "events": [(e, store.event_record(e.id)) for e in store.event_summaries(EventFilter())],
            "search": [[s.article.id for s in store.search_articles(q)] for q in ("Paris", "strike", "Genève")],
            "entities": store.entity_summaries(),
            "stories": store.story_summaries(),
            "cluster": store.cluster_state(),
            "link": store.link_state(),
            "versions": (store.state_version("link"), store.state_version("cluster")),
        }


def test_copy_to_postgresql_and_back(tmp_path, pg_server):
    first = str(tmp_path / "first.db")
    assert run("ingest", EXAMPLES, "--db", first, "--no-progress").exit_code == 0
    pg = pg_server.new_database()
    copied = run("copy", "--from", first, "--to", pg, "--json")
    assert copied.exit_code == 0, copied.output
    report = json.loads(copied.output)
    assert report["verified"] and report["rows"]["articles"] == 19 and report["rows"]["placements"] == 19
    before = contents(first)
    assert contents(pg) == before
    assert before["search"][0] and before["events"]

    back = str(tmp_path / "back.db")
    again = run("copy", "--from", pg, "--to", back)
    assert again.exit_code == 0, again.output
    assert "verified" in again.output
    assert contents(back) == before

    # into a store that holds something: refused, nothing written
    refused = run("copy", "--from", first, "--to", pg)
    assert refused.exit_code == 1 and "not empty" in refused.output

    # the copy goes on as a store of its own: new articles take the next ingest positions
    more = write_jsonl(tmp_path / "more.jsonl", 3)
    assert run("ingest", more, "--db", pg, "--no-progress").exit_code == 0
    with open_store(pg) as store:
        seqs = [s.seq for s in store.articles()]
        assert seqs == list(range(1, 23))
        assert all(store.placement(s.article.id) for s in store.articles())  # analysed and placed
        assert store.entity_summaries() and len(store.event_summaries()) > len(before["events"])


def test_copy_of_a_missing_store_says_so(tmp_path, pg_server):
    result = run("copy", "--from", tmp_path / "nowhere" / "x.db", "--to", pg_server.new_database())
    assert result.exit_code == 1 and "cannot open the store" in result.output


@pytest.mark.parametrize("bad", ["postgresql://nobody@127.0.0.1:1/none"])
def test_unreachable_server_is_one_clear_message(tmp_path, bad):
    pytest.importorskip("psycopg")
    result = run("articles", "--db", bad)
    assert result.exit_code == 1
    assert "cannot open the store postgresql://nobody@127.0.0.1:1/none" in result.output
    assert "Traceback" not in result.output

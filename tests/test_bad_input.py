"""Each kind of bad input gives one line naming the input and the problem; the good inputs of the
same run are all stored; exit status 1."""

import json

from click.testing import CliRunner

from dateline.cli import main
from dateline.store import open_store
from helpers import fictional_report


def _bad_inputs(d):
    (d / "good1.txt").write_text("title: Good one\n\n" + fictional_report(1))
    (d / "good2.txt").write_text(fictional_report(2))
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("   \n\n  \n")
    (d / "big.txt").write_text(fictional_report(3, words=3000))
    (d / "broken.html").write_bytes(b"<html><body><div><p>\x00\x00\x00</div>")
    (d / "feed.xml").write_text("<?xml version='1.0'?><rss><channel><item><title>unclosed")
    (d / "notafeed.rss").write_text("<?xml version='1.0'?><catalog><book>Not news</book></catalog>")
    (d / "lines.jsonl").write_text(json.dumps({"text": fictional_report(4)}) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n")


def test_bad_files_are_named_and_good_ones_stored(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    _bad_inputs(inputs)
    db = tmp_path / "t.db"
    result = CliRunner().invoke(main, ["ingest", str(inputs), "--db", str(db), "--max-bytes", "8k", "--json"])
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    rejected = {r["input"].split("/")[-1]: r["reason"] for r in summary["rejections"]}
    for name in ("binary.txt", "empty.txt", "blank.txt", "big.txt", "broken.html", "feed.xml", "notafeed.rss",
                 "lines.jsonl:2", "lines.jsonl:3"):
        assert name in rejected, (name, rejected)
    assert "binary" in rejected["binary.txt"]
    assert "empty" in rejected["empty.txt"]
    assert "limit" in rejected["big.txt"]
    assert "json" in rejected["lines.jsonl:2"].lower()
    assert "text" in rejected["lines.jsonl:3"]
    # one stderr line per rejection, naming the input
    lines = [l for l in result.stderr.splitlines() if l.startswith("rejected: ")]
    assert len(lines) == summary["rejected"] == len(rejected)
    assert all(str(inputs) in l for l in lines)
    assert summary["new"] == 3
    with open_store(db) as store:
        assert store.count() == 3


def test_missing_path_and_bad_urls(tmp_path):
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "nope.txt"), "ftp://example.org/x",
                                       "http://127.0.0.1:9/", "--db", str(tmp_path / "t.db"), "--json"])
    assert result.exit_code == 1
    reasons = {r["input"]: r["reason"] for r in json.loads(result.stdout)["rejections"]}
    assert "no such file" in reasons[str(tmp_path / "nope.txt")]
    assert "scheme" in reasons["ftp://example.org/x"]
    assert "private" in reasons["http://127.0.0.1:9/"] or "loopback" in reasons["http://127.0.0.1:9/"]


def test_all_good_exits_0(tmp_path):
    (tmp_path / "a.txt").write_text(fictional_report(7))
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 0
    assert "read 1, new 1" in result.stdout

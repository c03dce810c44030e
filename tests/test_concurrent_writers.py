"""Several writers on one store at once: every article stored once, placed once, the store sound.

Before the writer lock, two ``dateline ingest`` runs of 300 reports started seconds apart ended
in ``sqlite3.IntegrityError: UNIQUE constraint failed: cluster_terms.first_id`` in the second:
each clusterer wrote a state built on the one it had loaded before the other wrote.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time

import pytest

from dateline.store import is_postgres, open_store
from helpers import fictional_report


def _jsonl(path, ids):
    with path.open("w", encoding="utf-8") as f:
        for i in ids:
            f.write(json.dumps({"id": f"r{i}", "text": fictional_report(i), "lang": "en"}) + "\n")
    return path


def _ingest(src, db):
    return subprocess.Popen([sys.executable, "-m", "dateline.cli", "ingest", str(src), "--db", str(db),
                             "--batch-size", "50", "--no-progress", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _check_store(db, expected_texts: int) -> None:
    if is_postgres(db):
        store = open_store(db)
        con, close = store._db, store.close
    else:
        con = sqlite3.connect(db, timeout=30)
        close = con.close
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    try:
        total, distinct = con.execute("SELECT count(*), count(DISTINCT text) FROM articles").fetchone()
        assert total == distinct == expected_texts  # each report stored once
        unanalysed = con.execute("SELECT count(*) FROM articles a LEFT JOIN analyses n ON n.article_id = a.id "
                                 "WHERE n.article_id IS NULL").fetchone()[0]
        unplaced = con.execute("SELECT count(*) FROM articles a LEFT JOIN placements p ON p.article_id = a.id "
                               "WHERE p.article_id IS NULL").fetchone()[0]
        assert unanalysed == 0 and unplaced == 0  # each analysed and placed ...
        placed = con.execute("SELECT count(*), count(DISTINCT article_id) FROM placements").fetchone()
        assert placed == (total, total)  # ... exactly once
        # the events' summaries agree with the placements, and every placement names a kept event
        assert con.execute("SELECT COALESCE(sum(articles), 0) FROM events").fetchone()[0] == total
        assert con.execute("SELECT count(*) FROM placements p LEFT JOIN events e ON e.id = p.event_id "
                           "WHERE e.id IS NULL").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM events WHERE stale = 1").fetchone()[0] == 0
    finally:
        close()


@pytest.mark.slow
def test_two_ingests_started_seconds_apart(tmp_path):
    """As a new user tried it: two JSON Lines files of 300 reports, two `dateline ingest` runs on one
    store, the second started while the first is still analysing; 20 reports are in both files."""
    a = _jsonl(tmp_path / "a.jsonl", range(0, 300))
    b = _jsonl(tmp_path / "b.jsonl", range(280, 580))
    db = tmp_path / "shared.db"
    first = _ingest(a, db)
    time.sleep(1.0)
    second = _ingest(b, db)
    outs = [p.communicate(timeout=600) for p in (first, second)]
    for proc, (out, err) in zip((first, second), outs):
        assert proc.returncode == 0, err[-2000:]
    summaries = [json.loads(out) for out, _ in outs]
    # the 20 shared reports are new in exactly one of the runs and a duplicate in the other
    assert sum(s["new"] + s["near_duplicate"] for s in summaries) == 580
    assert sum(s["duplicate"] for s in summaries) == 20
    _check_store(db, 580)
    # the kept clusterer state loads and agrees with the store: nothing is left to place
    rerun = subprocess.run([sys.executable, "-m", "dateline.cli", "cluster", "--db", str(db), "--json"],
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert json.loads(rerun.stdout)["clustered"] == 0


@pytest.mark.slow
def test_three_writers_at_once(tmp_path, store_at):
    """Three runs started together, each with its own reports: the lock (a file lock on SQLite, an
    advisory lock on PostgreSQL, where the writers may be on other machines) queues them batch by
    batch; every article is stored, analysed and placed exactly once."""
    files = [_jsonl(tmp_path / f"{k}.jsonl", range(k * 120, k * 120 + 120)) for k in range(3)]
    db = store_at("three")
    procs = [_ingest(f, db) for f in files]
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err[-2000:]
    _check_store(db, 360)

"""kill -9 at any moment, run the same ingest again: no duplicate, no half-written article."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from helpers import write_jsonl

N = 2500
BATCH = 25


def _counts(db):
    con = sqlite3.connect(db, timeout=10)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        articles = con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
        orphans = con.execute(
            "SELECT count(*) FROM articles a LEFT JOIN minhash m ON m.article_id = a.id "
            "WHERE m.article_id IS NULL OR a.text = '' OR a.text IS NULL"
        ).fetchone()[0]
        return articles[0], articles[1], orphans
    finally:
        con.close()


def _ingest_cmd(src, db):
    return [sys.executable, "-m", "dateline.cli", "ingest", str(src), "--db", str(db),
            "--batch-size", str(BATCH), "--no-progress", "--json"]


@pytest.mark.slow
@pytest.mark.parametrize("kill_after_rows", [1, 600, 1500])
def test_kill_9_then_rerun(tmp_path, kill_after_rows):
    src = write_jsonl(tmp_path / "in.jsonl", N)
    db = tmp_path / "k.db"
    proc = subprocess.Popen(_ingest_cmd(src, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    killed = False
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                rows = sqlite3.connect(db, timeout=1).execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                rows = 0
            if rows >= kill_after_rows:
                os.kill(proc.pid, signal.SIGKILL)
                killed = True
                break
        time.sleep(0.01)
    proc.wait()
    assert killed, "ingest finished before it could be killed; raise N"
    total, distinct, orphans = _counts(db)
    assert total == distinct and orphans == 0
    assert total % BATCH == 0 and total < N  # whole batches only
    done = subprocess.run(_ingest_cmd(src, db), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    total, distinct, orphans = _counts(db)
    assert (total, distinct, orphans) == (N, N, 0)

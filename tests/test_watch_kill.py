"""`dateline watch` killed with SIGKILL at random moments and started again: in the end every
feed item is stored once and placed once, the store is whole, and a last round finds nothing new."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import time

from feed_server import GrowingFeeds

FEEDS = ("north", "south")


def _watch(feeds: GrowingFeeds, db, *extra: str) -> list[str]:
    return [sys.executable, "-m", "dateline.cli", "watch", *(f"{feeds.base}/{n}.rss" for n in FEEDS),
            "--db", str(db), "--allow-private", "--delay", "0", "--json", *extra]


def _state(db) -> dict:
    con = sqlite3.connect(db, timeout=30)
    try:
        one = lambda sql: con.execute(sql).fetchone()  # noqa: E731
        return {
            "integrity": one("PRAGMA integrity_check")[0],
            "articles": one("SELECT count(*), count(DISTINCT id) FROM articles"),
            "placements": one("SELECT count(*), count(DISTINCT article_id) FROM placements"),
            "unplaced": one("SELECT count(*) FROM articles a LEFT JOIN placements p ON p.article_id = a.id "
                            "WHERE p.article_id IS NULL")[0],
            "unanalysed": one("SELECT count(*) FROM articles a LEFT JOIN analyses n ON n.article_id = a.id "
                              "WHERE n.article_id IS NULL")[0],
            "items": one("SELECT count(*), count(DISTINCT feed_url || item_key) FROM feed_items"),
        }
    finally:
        con.close()


def test_kill_nine_at_random_moments_loses_and_duplicates_nothing(tmp_path):
    feeds = GrowingFeeds()
    db = tmp_path / "w.db"
    rng = random.Random(18)
    try:
        for name in FEEDS:
            feeds.add(name, 15)
        kills = 0
        for _ in range(4):
            proc = subprocess.Popen(_watch(feeds, db, "--every", "1s"), stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(2.0, 9.0))  # start-up, a round in the middle, or the wait between two
            proc.kill()
            proc.wait()
            kills += proc.returncode == -9
            for name in FEEDS:
                feeds.add(name, rng.randint(3, 10))  # new items appear while it is down
        assert kills == 4
        done = subprocess.run(_watch(feeds, db, "--once"), capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        again = subprocess.run(_watch(feeds, db, "--once"), capture_output=True, text=True, timeout=600)
        last = json.loads(again.stderr.strip().splitlines()[-1])
    finally:
        feeds.close()
    n = feeds.total()
    state = _state(db)
    assert state["integrity"] == "ok"
    assert state["articles"] == (n, n) and state["placements"] == (n, n), state
    assert state["unplaced"] == 0 and state["unanalysed"] == 0
    assert state["items"] == (n, n)
    assert last["new"] == 0 and last["near_duplicate"] == 0 and last["failed"] == 0

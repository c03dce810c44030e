"""The living monitor under load: `dateline serve` answers about 50 requests/s for 20 s while
`dateline watch` takes in items that keep appearing and `POST /api/reports` writes too. No
error answer, and every item and report ends up stored once and placed once. The latencies are
printed, never asserted (bench/api_bench.py measures them)."""

from __future__ import annotations

import sqlite3
import statistics
import subprocess
import sys
import threading
import time

import httpx

from api_server import KEYS, build_store, key_file, running
from dateline.api.app import create_app
from feed_server import GrowingFeeds
from helpers import fictional_report

RATE, SECONDS = 50, 20


def test_serving_under_load_while_two_writers_write(tmp_path):
    db = build_store(tmp_path)
    feeds = GrowingFeeds()
    feeds.add("wire", 5)
    watcher = subprocess.Popen([sys.executable, "-m", "dateline.cli", "watch", f"{feeds.base}/wire.rss", "--db",
                                str(db), "--allow-private", "--delay", "0", "--every", "1s", "--json"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    app = create_app(db, api_keys_file=key_file(tmp_path), rate_per_minute=0)
    answers: list[tuple[str, int, float]] = []
    failures: list[str] = []
    posted: list[str] = []
    try:
        with running(app) as url, httpx.Client(base_url=url, timeout=60,
                                               limits=httpx.Limits(max_connections=100)) as client:
            event_id = client.get("/api/events", params={"limit": 1}).json()["events"][0]["id"]
            paths = ["/api/events?limit=50", f"/api/events/{event_id}", "/api/search?q=harbour", "/",
                     f"/events/{event_id}", "/api/events?limit=20&lang=it", "/api/feeds"]

            def get(path: str) -> None:
                t0 = time.perf_counter()
                try:
                    r = client.get(path)
                    answers.append((path, r.status_code, time.perf_counter() - t0))
                except httpx.HTTPError as exc:
                    failures.append(f"{path}: {type(exc).__name__}: {exc}")

            def post(i: int) -> None:
                report = {"id": f"live-{i}", "lang": "en", "source": f"Desk {i}", "published": "2026-06-01",
                          "text": fictional_report(900_000 + i)}
                r = client.post("/api/reports", json=report, headers={"Authorization": f"Bearer {KEYS['alice']}"})
                if r.status_code == 201:
                    posted.append(r.json()["articles"][0]["article"])
                else:
                    failures.append(f"POST: {r.status_code} {r.text[:200]}")

            threads = []
            start = time.perf_counter()
            for k in range(RATE * SECONDS):  # open loop: each request leaves on schedule
                time.sleep(max(0.0, start + k / RATE - time.perf_counter()))
                if k % RATE == 0:
                    feeds.add("wire", 2)  # two new items a second for the watcher
                if k % (RATE * 4) == 0:
                    threads.append(threading.Thread(target=post, args=(k,)))
                else:
                    threads.append(threading.Thread(target=get, args=(paths[k % len(paths)],)))
                threads[-1].start()
            for t in threads:
                t.join()
    finally:
        watcher.kill()
        watcher.wait()
    # one last round takes whatever the watcher had not finished when it was stopped
    done = subprocess.run([sys.executable, "-m", "dateline.cli", "watch", f"{feeds.base}/wire.rss", "--db",
                           str(db), "--allow-private", "--delay", "0", "--once"],
                          capture_output=True, text=True, timeout=600)
    feeds.close()
    assert done.returncode == 0, done.stderr

    bad = [(p, s) for p, s, _ in answers if s != 200]
    assert not failures and not bad, (failures[:5], bad[:5])
    assert len(answers) + len(posted) == RATE * SECONDS
    ms = sorted(t * 1000 for _, _, t in answers)
    print(f"\n{len(answers)} reads in {SECONDS} s: p50 {statistics.median(ms):.1f} ms, "
          f"p99 {ms[int(0.99 * len(ms))]:.1f} ms; {len(posted)} reports posted; {feeds.total()} feed items")

    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        items = con.execute("SELECT count(*) FROM feed_items").fetchone()[0]
        urls = con.execute("SELECT count(*), count(DISTINCT url) FROM articles WHERE url LIKE "
                           "'http://wire.invalid/wire/%'").fetchone()
        assert items == feeds.total() and urls == (items, items)
        assert set(posted) <= {r[0] for r in con.execute("SELECT id FROM articles")}
        assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()[0] == \
            con.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0]
        placements = con.execute("SELECT count(*), count(DISTINCT article_id) FROM placements").fetchone()
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert placements == (articles, articles)
    finally:
        con.close()

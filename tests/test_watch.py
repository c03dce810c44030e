"""`dateline watch` against a loopback server: conditional GET, new items between rounds, failing
feeds that never stop the others, state kept in the store."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dateline.read import ReadOptions
from dateline.store import is_postgres, open_store
from dateline.watch.loop import Watcher
from dateline.watch.schedule import backoff, parse_every

PLACES = ["Valdoria", "Ostrava", "Marenport", "Kelvik"]


def _item(i: int) -> str:
    place = PLACES[i % len(PLACES)]
    body = (f"{place}, March {3 + i}. The harbour authority of {place} said on Tuesday that dock workers "
            f"ended a strike over pay after {2 + i} days of talks with the shipping companies. Mayor Ana "
            f"Petrovic of {place} welcomed the agreement, which raises wages by {3 + i} percent over two "
            f"years. The union said ferries to Kelvik would run again from Wednesday morning, and that "
            f"the talks had been hard but fair. Report number {i} of the fictional wire.")
    return (f"<item><guid>item-{i}</guid><title>{place} strike ends after {2 + i} days</title>"
            f"<link>http://feeds.invalid/{i}</link><pubDate>Tue, 0{1 + i % 8} Mar 2026 10:00:00 GMT</pubDate>"
            f"<content:encoded>{body}</content:encoded></item>")


class Feeds:
    def __init__(self) -> None:
        self.items = [0, 1]
        self.requests: dict[str, int] = {}
        self.not_modified = 0
        feeds = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                feeds.requests[self.path] = feeds.requests.get(self.path, 0) + 1
                if self.path == "/broken":
                    return self._send(500, b"oops", "text/plain")
                if self.path == "/slow":
                    time.sleep(3)
                    return self._send(200, b"<rss/>", "application/rss+xml")
                if self.path == "/moved":
                    self.send_response(301)
                    self.send_header("Location", "/feed.rss")
                    self.end_headers()
                    return None
                if self.path == "/garbage.rss":
                    return self._send(200, b"<rss><channel><item><title>unclosed", "application/rss+xml")
                data = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
                        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>'
                        + "".join(_item(i) for i in feeds.items) + "</channel></rss>").encode()
                etag = '"' + hashlib.sha1(data).hexdigest()[:12] + '"'
                if self.headers.get("If-None-Match") == etag:
                    feeds.not_modified += 1
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return None
                self._send(200, data, "application/rss+xml", etag)

            def _send(self, code, data, ctype, etag=None):
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                if etag:
                    self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

            def handle(self) -> None:
                try:
                    super().handle()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the watcher gave up on the slow answer, as it should

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


@pytest.fixture()
def feeds():
    f = Feeds()
    yield f
    f.httpd.shutdown()


def _placed(db) -> tuple[int, int, int]:
    if is_postgres(db):
        store = open_store(db)
        con, close = store._db, store.close
    else:
        con = sqlite3.connect(db)
        close = con.close
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    try:
        return (con.execute("SELECT count(*) FROM articles").fetchone()[0],
                con.execute("SELECT count(*), count(DISTINCT article_id) FROM placements").fetchone()[0],
                con.execute("SELECT count(*) FROM articles a LEFT JOIN placements p ON p.article_id = a.id "
                            "WHERE p.article_id IS NULL").fetchone()[0])
    finally:
        close()


def test_intervals_and_backoff():
    assert parse_every("30s") == 30 and parse_every("5m") == 300 and parse_every("1h") == 3600 and parse_every("7") == 7
    with pytest.raises(ValueError):
        parse_every("soon")
    assert [backoff(n, 60) for n in (1, 2, 3)] == [60, 120, 240] and backoff(20, 60) == 3600


def test_rounds_take_new_items_once_and_survive_bad_feeds(feeds, store_at):
    db = store_at("w")
    sources = [f"{feeds.base}/feed.rss", f"{feeds.base}/broken", f"{feeds.base}/slow", f"{feeds.base}/garbage.rss"]
    options = ReadOptions(allow_private=True, timeout=1.0)
    with open_store(db) as store:
        watcher = Watcher(store, sources, options, every=60, delay=0.0)
        first = watcher.round()
        assert first.new + first.near_duplicate == 2 and first.polled == 4
        problems = " | ".join(first.problems)
        assert "/broken: HTTP 500" in problems and "/slow: timed out" in problems and "garbage.rss" in problems
        assert _placed(db) == (2, 2, 0)  # both stored and placed in this round
        second = watcher.round()  # nothing changed: the feed answers 304, the failing ones are in backoff
        assert second.new + second.near_duplicate == 0 and second.not_modified == 1 and second.skipped == 3
        feeds.items.append(2)  # a new item appears
        third = watcher.round()
        assert third.new + third.near_duplicate == 1 and third.events_touched >= 1
        assert _placed(db) == (3, 3, 0)
        states = store.feed_states()
    assert states[f"{feeds.base}/feed.rss"].etag and states[f"{feeds.base}/feed.rss"].failures == 0
    assert states[f"{feeds.base}/broken"].failures == 1 and states[f"{feeds.base}/broken"].next_poll
    assert feeds.not_modified == 1


def test_a_redirected_feed_and_a_restart_add_nothing_twice(feeds, store_at):
    db = store_at("r")
    cmd = [sys.executable, "-m", "dateline.cli", "watch", f"{feeds.base}/moved", "--db", str(db), "--once",
           "--allow-private", "--json", "--delay", "0"]
    first = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    line = json.loads(first.stderr.strip().splitlines()[-1])
    assert line["new"] + line["near_duplicate"] == 2 and line["failed"] == 0
    feeds.items.append(3)
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)  # a new process: state from the store
    line = json.loads(again.stderr.strip().splitlines()[-1])
    assert line["new"] + line["near_duplicate"] == 1 and line["duplicate"] == 0  # the two seen items were not read again
    assert _placed(db) == (3, 3, 0)


def test_private_addresses_are_refused_without_the_flag(feeds, tmp_path):
    out = subprocess.run([sys.executable, "-m", "dateline.cli", "watch", f"{feeds.base}/feed.rss", "--db",
                          str(tmp_path / "p.db"), "--once"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 1 and "private/loopback" in out.stderr and "--allow-private" in out.stderr

#!/usr/bin/env python3
"""From a feed item appearing to its event being served: the living monitor end to end.

Starts a loopback HTTP server with an RSS feed, ``dateline watch FEED --every S`` and
``dateline serve`` on one store (two processes, as a user runs them), and then, one at a time,
adds an item to the feed (a report of its own with a word no other report has) and measures
how long until ``GET /api/search?q=WORD`` finds it placed in an event and ``GET
/api/events/{id}`` serves that event. The figure includes up to one polling interval of
waiting (the item appears at a random moment of it), then fetching, cleaning, analysis,
clustering and framing. The watcher's and the server's largest resident memory are sampled
every 0.1 s.

Usage:
    python bench/watch_latency_bench.py                         # 10 items, --every 5s
    python bench/watch_latency_bench.py --items 20 --every 2 --json
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from api_bench import Server, _bench_module, _rss_kb  # noqa: E402

PLACES = ["Valdoria", "Ostrava", "Marenport", "Kelvik", "Tarsana", "Brenholm", "Istrava", "Colvane"]
PEOPLE = ["Ana Petrovic", "Jonas Meier", "Lea Rinaldi", "Omar Haddad", "Mira Kovac", "Tomas Berg"]


def report(i: int, word: str) -> tuple[str, str]:
    rng = random.Random(i)
    place, person, other = rng.choice(PLACES), rng.choice(PEOPLE), rng.choice(PLACES)
    title = f"{word}: {place} council approves {rng.randint(2, 90)} million plan"
    # over read.feed's FULL_CONTENT_CHARS, so the item's own content is the report (no page to fetch)
    body = (f"{place}, December {rng.randint(1, 28)}. The city council of {place} approved on Tuesday a plan worth "
            f"{rng.randint(2, 90)} million euros to rebuild the harbour, mayor {person} said. The {word} project "
            f"will link the port with the railway line to {other}. Opposition members said the cost was too high "
            f"and asked for an inquiry. Work is due to start in the spring and last {rng.randint(2, 6)} years, "
            f"officials said. Residents of {other} welcomed the news at a meeting on Wednesday evening, "
            f"and the regional government promised to cover a third of the cost.")
    return title, body


class Feed:
    """A loopback RSS feed whose items the bench adds while the watcher polls it."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str, str]] = []  # (guid, title, body)
        feed = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                entries = "".join(
                    f"<item><guid>{g}</guid><title>{t}</title><link>http://feed.test/{g}</link>"
                    f"<pubDate>{formatdate(usegmt=True)}</pubDate><content:encoded>{b}</content:encoded></item>"
                    for g, t, b in list(feed.items))
                data = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
                        f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title>'
                        f"<link>http://feed.test/</link><description>bench</description>{entries}</channel></rss>"
                        ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/feed.rss"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--items", type=int, default=10)
    ap.add_argument("--every", type=float, default=5.0, help="The watcher's polling interval, seconds.")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    cli = _bench_module("ingest_bench").default_cli()
    feed = Feed()
    latencies, peaks = [], {"watch": 0, "serve": 0}
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "live.db"
        subprocess.run([*cli, "ingest", str(BENCH.parent / "examples"), "--db", str(store), "--no-progress"],
                       check=True, capture_output=True)
        watch = subprocess.Popen([*cli, "watch", feed.url, "--db", str(store), "--every", f"{args.every:g}s",
                                  "--allow-private", "--json"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                 text=True)
        server = Server(store)
        halt = threading.Event()

        def sample() -> None:
            while not halt.is_set():
                peaks["watch"] = max(peaks["watch"], _rss_kb(watch.pid))
                halt.wait(0.1)

        threading.Thread(target=sample, daemon=True).start()
        try:
            with httpx.Client(base_url=server.base, timeout=10) as client:
                time.sleep(args.every * 1.5)  # the watcher's first rounds (tagger loaded, feed empty)
                for i in range(args.items):
                    word = f"Zelvor{chr(97 + i % 26)}{i:03d}x"
                    title, body = report(i, word)
                    time.sleep(random.Random(i).uniform(0, args.every))  # a random moment of the interval
                    feed.items.append((f"item-{i}", title, body))
                    appeared = time.perf_counter()
                    while time.perf_counter() - appeared < 120:
                        hits = client.get("/api/search", params={"q": word}).json().get("results", [])
                        if hits and hits[0]["event"] and client.get(f"/api/events/{hits[0]['event']}").status_code == 200:
                            latencies.append(time.perf_counter() - appeared)
                            break
                        time.sleep(0.05)
                    else:
                        latencies.append(float("inf"))
                    if not args.json:
                        print(f"item {i}: served in its event after {latencies[-1]:.2f} s", file=sys.stderr)
        finally:
            halt.set()
            peaks["serve"] = server.peak_kb
            server.stop()
            watch.terminate()
            watch.wait(timeout=60)
    done = sorted(x for x in latencies if x != float("inf"))
    result = {"items": args.items, "every_s": args.every, "served": len(done),
              "median_s": round(statistics.median(done), 2) if done else None,
              "max_s": round(done[-1], 2) if done else None,
              "median_minus_half_interval_s": round(statistics.median(done) - args.every / 2, 2) if done else None,
              "latencies_s": [round(x, 2) for x in latencies],
              "watch_peak_rss_mb": round(peaks["watch"] / 1024, 1),
              "serve_peak_rss_mb": round(peaks["serve"] / 1024, 1)}
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

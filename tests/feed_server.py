"""A loopback RSS server whose items can be added while a watcher polls it (the tests' own text)."""

from __future__ import annotations

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from helpers import fictional_report


def item_xml(feed: str, i: int) -> str:
    return (f"<item><guid>{feed}-{i}</guid><title>{feed} wire report {i}</title>"
            f"<link>http://wire.invalid/{feed}/{i}</link>"
            f"<pubDate>Tue, 0{1 + i % 8} Mar 2026 10:00:00 GMT</pubDate>"
            f"<content:encoded>{fictional_report(sum(map(ord, feed)) * 10_000 + i)}</content:encoded></item>")


class GrowingFeeds:
    """Feeds at ``/NAME.rss``; ``add(name, n)`` puts n more items in one. ETags, and 304 when unchanged."""

    def __init__(self) -> None:
        self.items: dict[str, list[int]] = {}
        self.lock = threading.Lock()
        feeds = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                name = self.path.strip("/").removesuffix(".rss")
                with feeds.lock:
                    ids = list(feeds.items.get(name, ()))
                if name not in feeds.items:
                    self.send_response(404)
                    self.end_headers()
                    return
                data = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
                        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>'
                        + "".join(item_xml(name, i) for i in ids) + "</channel></rss>").encode()
                etag = '"' + hashlib.sha1(data).hexdigest()[:12] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

            def handle(self) -> None:
                try:
                    super().handle()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # a watcher killed mid-answer

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def add(self, name: str, n: int) -> None:
        with self.lock:
            have = self.items.setdefault(name, [])
            have.extend(range(len(have), len(have) + n))

    def total(self) -> int:
        with self.lock:
            return sum(len(v) for v in self.items.values())

    def close(self) -> None:
        self.httpd.shutdown()

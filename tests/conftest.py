"""Shared reader fixtures: a loopback HTTP server with pages, feeds and misbehaving endpoints."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from helpers import SEEDS


def pytest_sessionstart(session: pytest.Session) -> None:
    # Locally the seed tests skip when ../shared is absent; in CI a missing seed folder is an error,
    # so the tests that matter most cannot pass by being skipped.
    import os

    if os.environ.get("CI") and not SEEDS.exists():
        raise pytest.UsageError(f"CI: the seed reports are not at {SEEDS}")

ARTICLE_TEXT = (
    "Harbour workers in the port city of Valdoria ended a three-day strike on Tuesday after "
    "the regional labour office brokered a wage agreement with the shipping companies."
)

ARTICLE_HTML = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Valdoria strike ends</title></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>Valdoria strike ends</h1><p>{ARTICLE_TEXT}</p>
<p>The agreement raises pay by six percent over two years, the labour office said.</p></article>
</body></html>"""

LINKED_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Bridge reopens</title></head>
<body><article><p>The Ostrava river bridge reopened to traffic on Monday after repairs.</p></article>
</body></html>"""

# Over FULL_CONTENT_CHARS of text, so the feed's own content is the article.
FULL_CONTENT = "<p>" + " ".join(
    f"Paragraph sentence {i} about the council vote on the new budget in Lindholm." for i in range(8)
) + "</p>"


def rss_feed(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Lindholm Gazette</title><link>{base}/</link><language>en-gb</language>
<description>Local news</description>
<item><title>Council passes budget</title><link>{base}/budget.html</link>
  <guid isPermaLink="false">gazette-1</guid><dc:creator>Ana Reyes</dc:creator>
  <pubDate>Wed, 17 Dec 2025 09:30:00 +0100</pubDate>
  <description>The council passed the budget.</description>
  <content:encoded><![CDATA[{FULL_CONTENT}]]></content:encoded></item>
<item><title>Bridge reopens</title><link>{base}/linked.html</link><guid>gazette-2</guid>
  <pubDate>Thu, 18 Dec 2025 10:00:00 GMT</pubDate>
  <description>The river bridge has reopened.</description></item>
<item><title>Missing page</title><link>{base}/missing</link><guid>gazette-3</guid>
  <description>&lt;p&gt;Teaser text of an item whose page is gone.&lt;/p&gt;</description></item>
</channel></rss>"""


ATOM_CONTENT = "<p>" + "The observatory recorded the brightest meteor shower in a decade. " * 8 + "</p>"
ATOM_FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Sky Watch</title><id>urn:skywatch</id><updated>2025-12-19T08:00:00Z</updated>
  <entry><title>Meteor shower</title><id>urn:skywatch:1</id>
    <link href="https://skywatch.example/meteor"/>
    <updated>2025-12-19T07:45:00+02:00</updated><author><name>Jo Lind</name></author>
    <summary>Bright meteors seen.</summary>
    <content type="html">{ATOM_CONTENT.replace("<", "&lt;").replace(">", "&gt;")}</content></entry>
</feed>"""

NOT_A_FEED = """<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/</loc></url></urlset>"""


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0
    content_length: bool = True


@dataclass
class LoopbackServer:
    base: str  # e.g. http://127.0.0.1:PORT
    port: int
    routes: dict[str, Route]

    def url(self, path: str) -> str:
        return self.base + path


def _routes(base: str, port: int) -> dict[str, Route]:
    big = b"<html><body><p>" + b"x" * 200_000 + b"</p></body></html>"
    return {
        "/article.html": Route(body=ARTICLE_HTML.encode()),
        "/linked.html": Route(body=LINKED_HTML.encode()),
        "/latin1.html": Route(body="<html><body><p>Caf\xe9 cr\xe8me in M\xfcnchen.</p></body></html>".encode("latin-1"),
                              content_type="text/html; charset=ISO-8859-1"),
        "/plain.txt": Route(body=ARTICLE_TEXT.encode(), content_type="text/plain; charset=utf-8"),
        "/rss.xml": Route(body=rss_feed(base).encode(), content_type="application/rss+xml"),
        "/atom.xml": Route(body=ATOM_FEED.encode(), content_type="application/atom+xml"),
        "/atom-as-text": Route(body=ATOM_FEED.encode(), content_type="text/plain"),
        "/notfeed.xml": Route(body=NOT_A_FEED.encode(), content_type="application/xml"),
        "/records.jsonl": Route(body=b'{"text": "One."}\n{"text": "Two.", "id": 2}\n',
                                content_type="application/x-ndjson"),
        "/image.png": Route(body=b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="image/png"),
        "/redirect": Route(status=302, headers=(("Location", "/article.html"),)),
        "/redirect-abs": Route(status=301, headers=(("Location", f"{base}/redirect"),)),
        "/redirect-loop": Route(status=302, headers=(("Location", "/redirect-loop"),)),
        "/redirect-private": Route(status=302, headers=(("Location", f"http://127.0.0.2:{port}/article.html"),)),
        "/redirect-ftp": Route(status=302, headers=(("Location", "ftp://files.example/x"),)),
        "/missing": Route(status=404, body=b"not here"),
        "/broken": Route(status=500, body=b"oops"),
        "/slow": Route(body=ARTICLE_HTML.encode(), delay=2.0),
        "/large": Route(body=big),
        "/large-stream": Route(body=big, content_length=False),
        "/empty": Route(body=b""),
    }


@pytest.fixture(scope="session")
def reader_http_server() -> Iterator[LoopbackServer]:
    """A ThreadingHTTPServer on 127.0.0.1 (random port) serving the reader test routes."""
    holder: dict[str, dict[str, Route]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            route = holder["routes"].get(self.path.split("?")[0])
            if self.path == "/echo-headers":  # what the client sent, for header tests
                body = f"{self.headers.get('User-Agent')}|{self.headers.get('Host')}".encode()
                route = Route(body=body, content_type="text/plain")
            if route is None:
                route = Route(status=404, body=b"no route")
            if route.delay:
                time.sleep(route.delay)
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            for name, value in route.headers:
                self.send_header(name, value)
            if route.content_length:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            try:
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading on purpose (size limit, timeout)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.block_on_close = False
    port = server.server_address[1]
    base = f"http://127.0.0.1:{port}"
    holder["routes"] = _routes(base, port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LoopbackServer(base=base, port=port, routes=holder["routes"])
    finally:
        server.shutdown()
        server.server_close()


# -- stores: every store test runs on SQLite and on a real PostgreSQL server ------------------------

@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server for the session (pg_server.py). Locally the PostgreSQL cases
    skip when no server can be had; in CI (``.ci/run`` sets DATELINE_REQUIRE_PG) that is an
    error, so they cannot pass by being skipped."""
    import os

    import pg_server as pg

    try:
        import psycopg  # noqa: F401

        server = pg.start()
    except (ImportError, FileNotFoundError) as exc:
        if os.environ.get("CI") or os.environ.get("DATELINE_REQUIRE_PG"):
            raise
        pytest.skip(f"no PostgreSQL for the tests: {exc}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_at(request, tmp_path):
    """``store_at(name="d")``: where a test's store named ``name`` lives, a file in the test's
    folder or a new database on the PostgreSQL server (the same name gives the same store)."""
    made: dict[str, str] = {}
    if request.param == "sqlite":
        return lambda name="d": made.setdefault(name, str(tmp_path / f"{name}.db"))
    server = request.getfixturevalue("pg_server")

    def location(name: str = "d") -> str:
        if name not in made:
            made[name] = server.new_database()
        return made[name]

    return location

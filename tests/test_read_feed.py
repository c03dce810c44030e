"""RSS and Atom: one document per item with its metadata; full content, linked page or summary."""

from __future__ import annotations

import io

import pytest

from dateline.clean.extract import extract_html
from dateline.models import RawDocument, Rejection
from dateline.read import ReadOptions, read_inputs
from dateline.read import fetch as fetch_module
from dateline.read.feed import read_feed

LOCAL = ReadOptions(allow_private=True, timeout=5.0)
OFFLINE = ReadOptions(fetch_linked=False)


def read(*inputs: str, options: ReadOptions = LOCAL) -> list[RawDocument | Rejection]:
    return list(read_inputs([str(i) for i in inputs], options))


def test_rss_url_full_content_linked_page_and_summary_fallback(reader_http_server):
    base = reader_http_server.base
    items = read(reader_http_server.url("/rss.xml"))
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument", "Rejection", "RawDocument"]
    full, linked, rejected, summary = items

    # 1: content:encoded is long enough to be the article itself.
    assert full.origin == f"{base}/budget.html"
    assert full.media_type == "text/html"
    assert b"council vote on the new budget" in full.data
    assert full.meta == {
        "url": f"{base}/budget.html", "title": "Council passes budget",
        "published": "2025-12-17T08:30:00+00:00", "author": "Ana Reyes",
        "source": "Lindholm Gazette", "id": "gazette-1", "lang": "en-gb",
    }
    assert extract_html(full.data).text.startswith("Paragraph sentence 0 about the council vote")

    # 2: summary only, so the linked page was fetched and is passed on whole.
    assert linked.origin == f"{base}/linked.html"
    assert linked.data == reader_http_server.routes["/linked.html"].body
    assert linked.meta["url"] == f"{base}/linked.html"
    assert linked.meta["title"] == "Bridge reopens"
    assert linked.meta["published"] == "2025-12-18T10:00:00+00:00"
    assert linked.meta["charset"] == "utf-8"

    # 3: the linked page is gone: say so, and keep the summary.
    assert rejected == Rejection(f"{base}/missing",
                                 "linked page not fetched (HTTP 404 Not Found); kept the feed summary instead")
    assert summary.origin == f"{base}/missing"
    assert summary.media_type == "text/html"
    assert extract_html(summary.data).text == "Teaser text of an item whose page is gone."
    assert summary.meta["id"] == "gazette-3"


def test_linked_pages_obey_the_address_rules(reader_http_server, monkeypatch):
    # The feed itself may be read (its address counts as public here), but the item links point
    # at 127.0.0.1 too, so with that pretence undone for links nothing is fetched from them.
    real = fetch_module.is_public
    feed_url = reader_http_server.url("/rss.xml")
    calls = []

    def only_the_feed(address):
        calls.append(address)
        return len(calls) == 1 or real(address)

    monkeypatch.setattr(fetch_module, "is_public", only_the_feed)
    items = read(feed_url, options=ReadOptions())
    refused = [i for i in items if isinstance(i, Rejection)]
    assert len(refused) == 2
    assert all("refused: host resolves to a private/loopback/link-local address 127.0.0.1" in r.reason
               for r in refused)
    assert all(r.reason.endswith("kept the feed summary instead") for r in refused)
    assert sum(isinstance(i, RawDocument) for i in items) == 3  # full content + two summaries


def test_atom_url_even_when_served_as_text(reader_http_server):
    [doc] = read(reader_http_server.url("/atom-as-text"))
    assert doc.origin == "https://skywatch.example/meteor"
    assert doc.media_type == "text/html"
    assert b"brightest meteor shower" in doc.data
    assert doc.meta == {
        "url": "https://skywatch.example/meteor", "title": "Meteor shower",
        "published": "2025-12-19T05:45:00+00:00", "author": "Jo Lind", "source": "Sky Watch",
        "id": "urn:skywatch:1", "lang": "de",
    }


def test_atom_file(tmp_path, reader_http_server):
    path = tmp_path / "sky.atom"
    path.write_bytes(reader_http_server.routes["/atom.xml"].body)
    [doc] = read(path, options=OFFLINE)
    assert doc.meta["id"] == "urn:skywatch:1" and b"meteor" in doc.data


def test_rss_file_without_fetching_keeps_summaries(tmp_path, reader_http_server):
    path = tmp_path / "gazette.rss"
    path.write_bytes(reader_http_server.routes["/rss.xml"].body)
    items = read(path, options=OFFLINE)
    assert [type(i).__name__ for i in items] == ["RawDocument"] * 3
    assert items[1].data == b"The river bridge has reopened."
    assert "charset" not in items[1].meta


def test_feed_item_origin_falls_back_to_feed_and_number(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>No link, no text</title></item>
<item><title>Good</title><description>Polls closed at eight in the evening.</description></item>
</channel></rss>""")
    items = read(path, options=OFFLINE)
    assert items[0] == Rejection(f"{path}#item 1", "feed item has no text and no link to fetch")
    assert items[1].origin == f"{path}#item 2"
    assert items[1].data == b"Polls closed at eight in the evening."


@pytest.mark.parametrize("content, reason", [
    ("<?xml version='1.0'?><rss version='2.0'><channel><title>Broken", "malformed XML: "),
    ("<?xml version='1.0'?><rss><channel><item><title>unclosed", "malformed XML: no element found at line 1"),
    ("<?xml version='1.0'?><rss version='2.0'><channel><title>Empty</title></channel></rss>",
     "feed has no items"),
    ("Just a line of text, not XML at all.", "not an RSS or Atom feed"),
    ("<?xml version='1.0'?><urlset><url><loc>https://a.example/</loc></url></urlset>",
     "not an RSS or Atom feed"),
])
def test_bad_feed_files(tmp_path, content, reason):
    path = tmp_path / "feed.xml"
    path.write_text(content)
    [rej] = read(path, options=OFFLINE)
    assert isinstance(rej, Rejection) and rej.origin == str(path)
    assert rej.reason.startswith(reason)


def test_not_a_feed_url(reader_http_server):
    url = reader_http_server.url("/notfeed.xml")
    assert read(url) == [Rejection(url, "not an RSS or Atom feed")]


def test_feed_from_stdin(reader_http_server):
    data = reader_http_server.routes["/atom.xml"].body
    [doc] = read_inputs(["-"], OFFLINE, stdin=io.BytesIO(data))
    assert doc.origin == "https://skywatch.example/meteor"


def test_feedparser_never_opens_paths_given_as_data(tmp_path):
    # feedparser.parse(bytes) opens a file named by the bytes; the reader hands it a stream.
    secret = tmp_path / "secret.xml"
    secret.write_text("<rss version='2.0'><channel><item><title>leak</title>"
                      "<description>secret text</description></item></channel></rss>")
    items = list(read_feed("<stdin>", str(secret).encode(), OFFLINE, what="input"))
    assert items == [Rejection("<stdin>", "not an RSS or Atom feed")]


def test_truncated_feed_keeps_the_items_before_the_break(tmp_path):
    path = tmp_path / "cut.rss"
    path.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>A</title><description>The harbour reopened on Monday.</description></item>
<item><title>B</title><description>Trains ran late on Tuesday.</description></item>
<item><title>C</title><descrip""")
    items = read(path, options=OFFLINE)
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [d.data for d in docs] == [b"The harbour reopened on Monday.", b"Trains ran late on Tuesday."]

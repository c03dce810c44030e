"""HTML files and pages: passed on as bytes (cleaning extracts), rejected when there is no page."""

from __future__ import annotations

import pytest

from dateline.clean.extract import extract_html, fragment_text, is_fragment
from dateline.models import RawDocument, Rejection
from dateline.read import ReadOptions, read_inputs

LOCAL = ReadOptions(allow_private=True, timeout=5.0)
PAGE = b"""<!doctype html><html><head><title>Dam opens</title></head>
<body><p>The new dam on the Sarn river opened on Friday.</p></body></html>"""


def read(*inputs: str, options: ReadOptions = LOCAL) -> list[RawDocument | Rejection]:
    return list(read_inputs([str(i) for i in inputs], options))


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.xhtml", "page.dat"])
def test_html_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(PAGE)
    assert read(path) == [RawDocument(origin=str(path), data=PAGE, media_type="text/html", meta={})]


@pytest.mark.parametrize("content, reason", [
    (b"<html><head><title>Only a title</title></head><body><script>var x = 1;</script></body></html>",
     "malformed HTML: no text in the page body"),
    (b"</>", "malformed HTML: document is empty"),
    (b"<html></html>", "malformed HTML: no text in the page body"),
    (b"", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\x00IHDR\x00\x00", "binary file, not text"),
])
def test_unusable_html_files(tmp_path, content, reason):
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    assert read(path) == [Rejection(str(path), reason)]


def test_html_url_has_url_and_charset(reader_http_server):
    url = reader_http_server.url("/article.html")
    [doc] = read(url)
    assert doc.origin == url
    assert doc.media_type == "text/html"
    assert doc.meta == {"url": url, "charset": "utf-8"}
    assert doc.data == reader_http_server.routes["/article.html"].body
    assert "Valdoria" in extract_html(doc.data, url).text  # cleaning's job, but it must work


def test_declared_charset_is_passed_on(reader_http_server):
    [doc] = read(reader_http_server.url("/latin1.html"))
    assert doc.meta["charset"] == "iso-8859-1"
    assert doc.data.decode(doc.meta["charset"]) == "<html><body><p>Café crème in München.</p></body></html>"


def test_redirected_page_records_the_final_url(reader_http_server):
    [doc] = read(reader_http_server.url("/redirect"))
    assert doc.origin == reader_http_server.url("/redirect")
    assert doc.meta["url"] == reader_http_server.url("/article.html")


def test_text_and_jsonl_urls(reader_http_server):
    [doc] = read(reader_http_server.url("/plain.txt"))
    assert doc.media_type == "text/plain" and doc.meta["charset"] == "utf-8"
    docs = read(reader_http_server.url("/records.jsonl"))
    assert [d.origin for d in docs] == [reader_http_server.url("/records.jsonl") + ":1",
                                        reader_http_server.url("/records.jsonl") + ":2"]


@pytest.mark.parametrize("path, reason", [
    ("/image.png", "binary response (image/png), not text"),
    ("/empty", "empty response"),
    ("/missing", "HTTP 404 Not Found"),
])
def test_bad_urls_become_rejections(reader_http_server, path, reason):
    url = reader_http_server.url(path)
    assert read(url) == [Rejection(url, reason)]


def test_loopback_url_refused_by_default_and_the_batch_goes_on(reader_http_server, tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE)
    url = reader_http_server.url("/article.html")
    items = read(url, path, "ftp://files.example/a.txt", options=ReadOptions())
    assert items[0] == Rejection(
        url, "refused: host resolves to a private/loopback/link-local address 127.0.0.1 (use --allow-private)")
    assert isinstance(items[1], RawDocument)
    assert items[2] == Rejection("ftp://files.example/a.txt", "unsupported URL scheme 'ftp' (only http and https)")


def test_fragments_become_paragraphs():
    fragment = b"<p>First <b>para</b>graph.</p><p>Second<br>line.</p><script>x()</script><ul><li>Item</li></ul>"
    assert is_fragment(fragment) and not is_fragment(PAGE)
    assert fragment_text(fragment) == "First paragraph.\n\nSecond\nline.\n\nItem"
    # A short snippet that trafilatura alone would drop still has its text.
    assert extract_html("<p>Short teaser about the vote.</p>").text == "Short teaser about the vote."

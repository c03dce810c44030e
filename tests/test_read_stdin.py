"""Standard input, and the sniffer that decides how it (and unknown files and URLs) is read."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.models import RawDocument, Rejection
from dateline.read import ReadOptions, read_data, read_inputs
from dateline.read.sniff import kind_from_content_type, kind_from_name, sniff


def read_stdin(data: bytes, **options) -> list[RawDocument | Rejection]:
    return list(read_inputs(["-"], ReadOptions(fetch_linked=False, **options), stdin=io.BytesIO(data)))


def test_text():
    data = "ANKARA, May 2. Talks resumed on Friday.\n".encode()
    assert read_stdin(data) == [RawDocument("<stdin>", data, "text/plain", {})]


def test_jsonl():
    items = read_stdin(b'{"text": "One report.", "id": "a"}\n\n{"text": "Another."}\nnot json\n')
    assert items == [
        RawDocument("<stdin>:1", b"One report.", "text/plain", {"id": "a"}),
        RawDocument("<stdin>:3", b"Another.", "text/plain", {}),
        Rejection("<stdin>:4", "invalid JSON on line 4: Expecting value at column 1"),
    ]


def test_html():
    data = b"\n  <!DOCTYPE html><html><body><p>Polls open.</p></body></html>"
    assert read_stdin(data) == [RawDocument("<stdin>", data, "text/html", {})]


@pytest.mark.parametrize("data, reason", [
    (b"", "empty input"),
    (b" \n ", "empty input"),
    (b"\x00\x01\x02\x03" * 50, "binary input, not text"),
    (b"x" * 2000, "standard input is over the 1000 B limit (--max-bytes)"),
])
def test_rejections(data, reason):
    assert read_stdin(data, max_bytes=1000) == [Rejection("<stdin>", reason)]


def test_stdin_exactly_at_the_limit_is_read():
    [doc] = read_stdin(b"y" * 1000, max_bytes=1000)
    assert isinstance(doc, RawDocument)


@pytest.mark.parametrize("data, kind", [
    (b"\xef\xbb\xbf  <?xml version='1.0'?>\n<!-- c --><rss version='2.0'></rss>", "feed"),
    (b"<feed xmlns='http://www.w3.org/2005/Atom'></feed>", "feed"),
    (b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'></rdf:RDF>", "feed"),
    (b"<?xml version='1.0'?><!DOCTYPE html><html><body>x</body></html>", "html"),
    (b"<!doctype html><title>x</title>", "html"),
    (b"Some text <p>with</p> <b>a</b> <i>few</i> <a href=x>tags</a> <br> inside it.", "html"),
    (b"A report that mentions <p> once.", "text"),
    (b'{"text": "a"}\n\n{"text": "b"}\n', "jsonl"),
    (b'{"text": "a"}\nplain line\n', "jsonl"),  # half the lines: a bad record, not prose
    (b'{"text": "a"}\nplain line\nmore prose\n', "text"),
    (b"[1, 2]\n", "text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    (b"", "text"),
])
def test_sniff(data, kind):
    assert sniff(data) == kind


def test_content_type_decides_when_content_is_unclear():
    assert sniff(b"Hello", "text/html; charset=utf-8") == "html"
    assert sniff(b"<rss version='2.0'></rss>", "text/html") == "feed"  # a feed root always wins
    assert kind_from_content_type("application/x-ndjson") == "jsonl"
    assert kind_from_name("a/b/REPORT.TXT") == "text" and kind_from_name("x.bin") is None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600) | st.text(max_size=300).map(str.encode))
def test_any_bytes_are_read_without_raising(data):
    kind = sniff(data)
    items = list(read_data("<stdin>", data, kind, ReadOptions(fetch_linked=False), what="input"))
    assert items and all(isinstance(i, (RawDocument, Rejection)) for i in items)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["<?xml version='1.0'?>", "<rss>", "<feed>", "<html>", "{", ""]),
       st.text(alphabet="<>/?!abcdefgh=\"' \n{}:", max_size=200))
def test_markup_like_input_is_read_without_raising(prefix, rest):
    data = (prefix + rest).encode()
    for kind in ("text", "html", "feed", "jsonl"):
        items = list(read_data("<stdin>", data, kind, ReadOptions(fetch_linked=False), what="input"))
        assert items and all(isinstance(i, (RawDocument, Rejection)) for i in items)

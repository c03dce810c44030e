"""JSON Lines: one document per record; a bad line is one rejection and the rest are kept."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.models import RawDocument, Rejection
from dateline.read import ReadOptions, read_inputs
from dateline.read.jsonl import read_jsonl_bytes

LINES = [
    json.dumps({"id": 7, "url": "https://news.example/a", "title": "Floods", "published": "2025-12-17",
                "lang": "en", "source": "Example News", "author": "K. Obi", "extra": "ignored",
                "text": "Floods cut the northern highway on Monday."}),
    "",
    "{not json",
    json.dumps({"title": "No text here"}),
    json.dumps(["a", "list"]),
    json.dumps({"text": 42}),
    json.dumps({"text": "   "}),
    json.dumps({"text": "<p>Rain eased on <b>Tuesday</b>.</p>", "id": None, "lang": True, "source": {"n": 1}}),
    "   ",
    json.dumps({"text": "Roads reopened on Wednesday, officials said.", "published": 1766000000}),
]


def test_each_line_stands_alone(tmp_path):
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    p = str(path)
    assert items == [
        RawDocument(f"{p}:1", b"Floods cut the northern highway on Monday.", "text/plain", {
            "id": "7", "url": "https://news.example/a", "title": "Floods", "published": "2025-12-17",
            "lang": "en", "source": "Example News", "author": "K. Obi"}),
        Rejection(f"{p}:3", "invalid JSON on line 3: Expecting property name enclosed in double quotes at column 2"),
        Rejection(f"{p}:4", "record on line 4 has no 'text'"),
        Rejection(f"{p}:5", "line 5 is not a JSON object"),
        Rejection(f"{p}:6", "record on line 6: 'text' is not a string"),
        Rejection(f"{p}:7", "record on line 7 has empty 'text'"),
        RawDocument(f"{p}:8", b"<p>Rain eased on <b>Tuesday</b>.</p>", "text/html", {}),
        RawDocument(f"{p}:10", b"Roads reopened on Wednesday, officials said.", "text/plain",
                    {"published": "1766000000"}),
    ]


def test_ndjson_extension_bom_and_crlf(tmp_path):
    path = tmp_path / "r.ndjson"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"text": "Caf\xc3\xa9 opens."}\r\n{"text": "Second."}\r\n')
    docs = list(read_inputs([str(path)]))
    assert [d.data for d in docs] == ["Café opens.".encode(), b"Second."]


def test_invalid_utf8_line(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n{"text": "ok"}\n')
    items = list(read_inputs([str(path)]))
    assert items[0] == Rejection(f"{path}:1", "line 1 is not valid UTF-8")
    assert isinstance(items[1], RawDocument)


def test_overlong_line_is_skipped_not_loaded(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": "short"}) + "\n")
    items = list(read_inputs([str(path)], ReadOptions(max_bytes=1000)))
    assert items == [
        Rejection(f"{path}:1", "line 1 is over the 1000 B limit (--max-bytes)"),
        RawDocument(f"{path}:2", b"short", "text/plain", {}),
    ]


def test_empty_jsonl_file(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text("\n\n")
    assert list(read_inputs([str(path)])) == [Rejection(str(path), "empty file")]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400) | st.lists(st.text(max_size=40), max_size=8).map(lambda ls: "\n".join(ls).encode()))
def test_jsonl_reader_never_raises_and_accounts_for_every_line(data):
    items = list(read_jsonl_bytes("x", data, ReadOptions()))
    lines = [line.rstrip(b"\r") for line in data.split(b"\n")]
    lines[0] = lines[0].removeprefix(b"\xef\xbb\xbf")
    expected = sum(1 for line in lines if line.strip())
    assert all(isinstance(i, (RawDocument, Rejection)) for i in items)
    assert len(items) == max(expected, 1)

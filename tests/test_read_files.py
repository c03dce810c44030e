"""Plain-text files and directories through read_inputs."""

from __future__ import annotations

import os

import pytest

from dateline.text.decode import decode_text
from dateline.models import RawDocument, Rejection
from dateline.read import ReadOptions, read_inputs
from dateline.read.options import format_size, over_limit

REPORT = "MERIDIAN, March 3. The ferry service between the two islands resumed after the storm.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 200


def read(*inputs: str, **options) -> list[RawDocument | Rejection]:
    return list(read_inputs([str(i) for i in inputs], ReadOptions(**options)))


def write(path, content: bytes | str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_text_file_is_passed_on_as_bytes(tmp_path):
    path = write(tmp_path / "report.txt", "\n\n" + REPORT + "\n\n")
    [doc] = read(path)
    assert doc == RawDocument(origin=str(path), data=path.read_bytes(), media_type="text/plain", meta={})


def test_missing_file():
    [rej] = read("/no/such/dir/report.txt")
    assert rej == Rejection("/no/such/dir/report.txt", "no such file or directory")


def test_empty_and_whitespace_files(tmp_path):
    a = write(tmp_path / "a.txt", b"")
    b = write(tmp_path / "b.txt", b" \n\t\r\n")
    assert read(a, b) == [Rejection(str(a), "empty file"), Rejection(str(b), "empty file")]


def test_binary_file(tmp_path):
    path = write(tmp_path / "photo.txt", PNG)
    assert read(path) == [Rejection(str(path), "binary file, not text")]


def test_undecodable_bytes(tmp_path):
    # Every byte 0x80-0xFF: no NULs or control codes (so not "binary"), but not UTF-8, and
    # charset detection finds no encoding in which this is text.
    path = write(tmp_path / "garbled.txt", bytes(range(0x80, 0x100)) * 4)
    assert read(path) == [Rejection(str(path), "bytes are not valid in any known text encoding")]


def test_cp1252_file_is_accepted_and_decodes(tmp_path):
    text = "Le ministre a déclaré à Montréal que l'accord «n'est pas définitif» – selon l'AFP.\n" * 3
    path = write(tmp_path / "fr.txt", text.encode("cp1252"))
    [doc] = read(path)
    assert isinstance(doc, RawDocument)
    assert decode_text(doc.data) == text


def test_oversize_file_is_rejected_from_its_size_alone(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse: 31.2 MB on paper, nothing on disk
        f.truncate(int(31.2 * 1024 * 1024))
    assert read(path) == [Rejection(str(path), "file is 31.2 MB, over the 20 MB limit (--max-bytes)")]


def test_max_bytes_option(tmp_path):
    path = write(tmp_path / "report.txt", REPORT * 10)
    [rej] = read(path, max_bytes=100)
    assert rej.reason == "file is 860 B, over the 100 B limit (--max-bytes)"
    [doc] = read(path, max_bytes=860)
    assert isinstance(doc, RawDocument)


def test_directory_keeps_good_files_and_rejects_each_bad_one(tmp_path):
    write(tmp_path / "b_report.txt", REPORT)
    write(tmp_path / "a_notes.md", "# Notes\n\nThe storm closed the port for two days.\n")
    write(tmp_path / "sub" / "page.html", "<html><body><p>Ferries run again.</p></body></html>")
    write(tmp_path / "sub" / "records.jsonl", '{"text": "First."}\n{"text": "Second."}\n')
    write(tmp_path / "NOTICE", REPORT)  # no extension: sniffed as text
    write(tmp_path / ".hidden.txt", REPORT)
    write(tmp_path / ".git" / "config.txt", REPORT)
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "image.png", PNG)
    write(tmp_path / "big.txt", REPORT * 100)
    write(tmp_path / "garbled.text", bytes(range(0x80, 0x100)) * 4)

    items = read(tmp_path, max_bytes=4000)
    got = [(type(i).__name__, os.path.relpath(i.origin, tmp_path), getattr(i, "reason", None)) for i in items]
    assert got == [
        ("RawDocument", "NOTICE", None),
        ("RawDocument", "b_report.txt", None),
        ("Rejection", "big.txt", "file is 8.4 KB, over the 3.9 KB limit (--max-bytes)"),
        ("Rejection", "empty.txt", "empty file"),
        ("Rejection", "garbled.text", "bytes are not valid in any known text encoding"),
        ("RawDocument", "sub/page.html", None),
        ("RawDocument", "sub/records.jsonl:1", None),
        ("RawDocument", "sub/records.jsonl:2", None),
    ]
    assert [i.media_type for i in items if isinstance(i, RawDocument)] == [
        "text/plain", "text/plain", "text/html", "text/plain", "text/plain"]
    assert read(tmp_path, max_bytes=4000) == items  # deterministic
    # notes.md and image.png are not report files: skipped inside folders, read when named
    assert isinstance(read(tmp_path / "a_notes.md")[0], RawDocument)
    assert read(tmp_path / "image.png") == [Rejection(str(tmp_path / "image.png"), "binary file, not text")]


def test_empty_directory(tmp_path):
    (tmp_path / "only-hidden").mkdir()
    write(tmp_path / "only-hidden" / ".DS_Store", b"x")
    assert read(tmp_path / "only-hidden") == [Rejection(str(tmp_path / "only-hidden"), "empty directory (no files to read)")]


def test_inputs_are_read_lazily_and_in_order(tmp_path):
    a = write(tmp_path / "a.txt", REPORT)
    seen = []

    def inputs():
        for name in (str(a), "/no/such/file.txt"):
            seen.append(name)
            yield name

    it = read_inputs(inputs())
    first = next(it)
    assert first.origin == str(a) and seen == [str(a)]
    assert next(it) == Rejection("/no/such/file.txt", "no such file or directory")


@pytest.mark.parametrize("n, text", [(0, "0 B"), (1000, "1000 B"), (1024, "1 KB"), (1536, "1.5 KB"),
                                     (20 * 1024 * 1024, "20 MB"), (int(31.2 * 1024 * 1024), "31.2 MB")])
def test_format_size(n, text):
    assert format_size(n) == text


def test_over_limit_wording():
    assert over_limit("file", 2048, 1024) == "file is 2 KB, over the 1 KB limit (--max-bytes)"
    assert over_limit("response", None, 1024) == "response is over the 1 KB limit (--max-bytes)"

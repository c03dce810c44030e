"""Files and directories: find the files, read their bytes safely, and make plain-text documents."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from dateline.text.decode import UndecodableError, decode_text, looks_binary
from dateline.models import RawDocument, Rejection
from dateline.read.options import ReadOptions, over_limit


def walk(path: Path) -> Iterator[Path | Rejection]:
    """Files under ``path``, recursively, in name order; hidden files and folders are skipped.

    Symbolic links to folders are not followed, so a link loop cannot trap the walk.
    """
    try:
        entries = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError as e:
        yield Rejection(str(path), os_reason(e))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = path / entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError as e:
            yield Rejection(str(child), os_reason(e))
            continue
        if is_dir:
            yield from walk(child)
        else:
            yield child


def load(path: Path, origin: str, options: ReadOptions) -> bytes | Rejection:
    """The bytes of one regular file, or why not: the size is checked before anything is read."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            return Rejection(origin, "not a regular file")
        if st.st_size > options.max_bytes:
            return Rejection(origin, over_limit("file", st.st_size, options.max_bytes))
        with path.open("rb") as f:
            data = f.read(options.max_bytes + 1)  # the file may have grown since stat
    except OSError as e:
        return Rejection(origin, os_reason(e))
    if len(data) > options.max_bytes:
        return Rejection(origin, over_limit("file", None, options.max_bytes))
    return data


def text_document(origin: str, data: bytes, what: str = "file",
                  meta: dict[str, str] | None = None) -> RawDocument | Rejection:
    """A text/plain document if ``data`` is non-empty, decodable text; ``what`` names it in reasons."""
    meta = meta or {}
    if not data.strip():
        return Rejection(origin, f"empty {what}")
    if looks_binary(data):
        return Rejection(origin, f"binary {what}, not text")
    try:
        text = decode_text(data, meta.get("charset"))
    except UndecodableError as e:
        return Rejection(origin, str(e))
    if not text.strip():
        return Rejection(origin, f"empty {what}")
    return RawDocument(origin=origin, data=data, media_type="text/plain", meta=dict(meta))


def os_reason(e: OSError) -> str:
    """A short lower-case phrase for an OS error, without the path (the origin names it)."""
    known = {
        errno.ENOENT: "no such file or directory",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EISDIR: "is a directory",
        errno.ENOTDIR: "a part of the path is not a directory",
        errno.ELOOP: "too many levels of symbolic links",
        errno.ENAMETOOLONG: "file name too long",
    }
    if e.errno in known:
        return known[e.errno]
    return (e.strerror or str(e)).lower()

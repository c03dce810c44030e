"""Standard input (``-``): read it within the size limit; the content decides how it is parsed."""

from __future__ import annotations

from typing import BinaryIO

from dateline.models import Rejection
from dateline.read.options import ReadOptions, over_limit

STDIN_ORIGIN = "<stdin>"


def read_stdin(stream: BinaryIO, options: ReadOptions) -> bytes | Rejection:
    """Up to ``max_bytes`` of ``stream``; more than that is a Rejection, not a truncated document."""
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= options.max_bytes:
            chunk = stream.read(min(1024 * 1024, options.max_bytes + 1 - size))
            if not chunk:
                break
            if isinstance(chunk, str):  # a text stream was passed: take its text as UTF-8
                chunk = chunk.encode("utf-8")
            chunks.append(chunk)
            size += len(chunk)
    except OSError as e:
        return Rejection(STDIN_ORIGIN, f"cannot read standard input: {(e.strerror or str(e)).lower()}")
    if size > options.max_bytes:
        return Rejection(STDIN_ORIGIN, over_limit("standard input", None, options.max_bytes))
    return b"".join(chunks)

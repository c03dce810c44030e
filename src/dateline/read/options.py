"""How readers behave: size limit, network safety and timeouts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadOptions:
    max_bytes: int = 20 * 1024 * 1024  # per file / per response
    allow_private: bool = False  # allow URLs resolving to private/loopback/link-local addresses
    timeout: float = 10.0  # seconds per HTTP request
    fetch_linked: bool = True  # feed items with only a summary: fetch the linked page


def format_size(n: int) -> str:
    """``31.2 MB``, ``20 MB``, ``1.5 KB``, ``300 B`` (binary multiples, as --max-bytes counts)."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} B"


def over_limit(what: str, size: int | None, limit: int) -> str:
    """The reason for a Rejection over ``--max-bytes``; ``size`` is None when it is not known."""
    if size is None:
        return f"{what} is over the {format_size(limit)} limit (--max-bytes)"
    return f"{what} is {format_size(size)}, over the {format_size(limit)} limit (--max-bytes)"


def format_seconds(t: float) -> str:
    return f"{t:g} s"

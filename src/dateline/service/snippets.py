"""Where in a text a search matched: a window around the first query word, for result lists."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+")


def snippet(text: str, query: str, width: int = 160) -> tuple[int, int]:
    """Offsets of a window of about ``width`` characters around the first place a query word
    occurs in ``text`` (case and accents aside); the start of the text when none does."""
    folded = _fold(text)
    starts = [folded.find(w) for w in (_fold(w) for w in _WORD.findall(query)) if w]
    found = [s for s in starts if s >= 0]
    if not found:
        return 0, min(len(text), width)
    start = max(0, min(found) - width // 3)
    return start, min(len(text), start + width)


def _fold(text: str) -> str:
    # one character in, one out, so that offsets into the folded text are offsets into the text
    return "".join(unicodedata.normalize("NFD", c)[0].lower()[0] for c in text)

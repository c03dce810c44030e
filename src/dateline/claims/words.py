"""Word tokens with offsets, the unit the lexicons match on."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    norm: str  # lower-cased; apostrophes and hyphens split words, so d’onore -> d, onore


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    end = len(text) if end is None else end
    return [Word(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text, start, end)]

"""Word tokens with offsets, the unit the lexicons match on.

A text is tokenized once (the last few texts are kept, as plain lists of offsets and lowered
words, which ask nothing of the garbage collector): the claims extractors ask for the words of
many spans of one article (each sentence, the words before each place name, the few words
either side of each number), and the words of a span are those of the whole text inside it, the
word a span's edge cuts clipped to the span, as matching ``\\w+`` within the span finds them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache, partial
from typing import NamedTuple

_WORD = re.compile(r"\w+")
_START = re.Match.start
_END = re.Match.end
_GROUP = re.Match.group


class Word(NamedTuple):
    start: int
    end: int
    norm: str  # lower-cased; apostrophes and hyphens split words, so d’onore -> d, onore


_new_word = partial(tuple.__new__, Word)  # Word(start, end, norm) from the tuple, in C


@lru_cache(maxsize=64)
def _tokens(text: str) -> tuple[list[int], list[int], list[str]]:
    found = list(_WORD.finditer(text))
    return list(map(_START, found)), list(map(_END, found)), list(map(str.lower, map(_GROUP, found)))


def tokens(text: str, start: int = 0, end: int | None = None) -> tuple[list[str], list[int], list[int]]:
    """The words of ``text[start:end]`` as three lists: lowered words, starts and ends (the
    fields of :func:`words`, without a Word for each)."""
    n = len(text)
    end = n if end is None else end
    # as re clamps pos and endpos
    start = 0 if start < 0 else n if start > n else start
    end = 0 if end < 0 else n if end > n else end
    if start >= end:
        return [], [], []
    starts, ends, norms = _tokens(text)
    i = bisect_right(ends, start)  # the first word ending after start
    j = bisect_left(starts, end)  # the first word starting at end or later
    if i >= j:
        return [], [], []
    ss, es, ns = starts[i:j], ends[i:j], norms[i:j]
    if ss[0] < start or es[0] > end:  # the edge cuts the first word
        ss[0], es[0] = max(ss[0], start), min(es[0], end)
        ns[0] = text[ss[0]:es[0]].lower()
    if j - i > 1 and es[-1] > end:  # and the last
        es[-1] = end
        ns[-1] = text[ss[-1]:end].lower()
    return ns, ss, es


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    ns, ss, es = tokens(text, start, end)
    return list(map(_new_word, zip(ss, es, ns)))


def first_words(text: str, start: int, end: int, n: int) -> list[Word]:
    """``words(text, start, end)[:n]``."""
    ns, ss, es = tokens(text, start, end)
    return list(map(_new_word, zip(ss[:n], es[:n], ns[:n])))


def last_words(text: str, start: int, end: int, n: int) -> list[Word]:
    """``words(text, start, end)[-n:]`` (n > 0)."""
    ns, ss, es = tokens(text, start, end)
    return list(map(_new_word, zip(ss[-n:], es[-n:], ns[-n:])))

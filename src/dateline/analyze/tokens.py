"""A fast regex tokenizer that keeps character offsets.

Tokens are CoNLL-like: a word with apostrophes, hyphens or middle dots inside it stays one token
(``O'Neill``, ``Jean-Marie``, ``COVID-19``), except English clitics (``Haftar|'s``) and Romance
elisions (``dell'|esercito``); initials and dotted acronyms stay whole (``J.``, ``U.S.``), numbers
keep their separators (``2,500.75``, ``17:30``), and every other non-space character is a token
of its own. The same function serves CoNLL sentences (tokens joined by single spaces) and
raw article text with newlines, so ``text[t.start:t.end] == t.text`` always holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

# [^\W_] is a Unicode letter or digit (any script); marks (\p{M}) are \w in Python's re.
_WORD = r"[^\W_]+(?:(?:['’](?![sS]\b)|[\-‐·])[^\W_]+)*"
_TOKEN_RE = re.compile(
    r"(?<![^\W_])(?:[^\W\d_]\.)+"  # initials and dotted acronyms: J. U.S. e.g.
    r"|\.\.\.|--"  # ellipsis and double dash
    r"|\d+(?:[.,:/]\d+)+"  # numbers with separators, times, dates: 2,500.75 17:30 17/12
    r"|(?<![^\W_])(?i:[ldjmnstc]|qu|[a-z]{1,3}ll|un|tr)['’](?=[^\W\d_])"  # Romance elision: l' dell' d' qu'
    r"|['’][^\W\d_]{1,2}\b"  # English clitics as CoNLL splits them: 's 're 'll
    r"|" + _WORD +
    r"|\S",  # anything else: punctuation, symbols, a lone underscore
)
# Sentence-final punctuation; a token after one of these (or at a line start) opens a sentence.
_FINAL = frozenset([".", "!", "?", "…", "...", ";", ":"])
_OPENERS = frozenset("\"'«»„“”‘’([{-–—•*")


class Token(NamedTuple):
    """One token: ``text == source[start:end]``; ``first`` when it opens a sentence or line.
    (A NamedTuple: an article has hundreds of tokens, and a frozen dataclass costs ~3x to build.)"""

    text: str
    start: int
    end: int
    first: bool = False


def iter_spans(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of the tokens of ``text``, in order."""
    for m in _TOKEN_RE.finditer(text):
        yield m.span()


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` with offsets; ``first`` marks tokens that open a sentence or a line.

    A token is sentence-initial at the start of the text, after a newline, or after ``. ! ? …``
    (skipping opening quotes and brackets in between).
    """
    out: list[Token] = []
    pending_first = True
    last_end = 0
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        tok = m.group()
        if "\n" in text[last_end:s]:
            pending_first = True
        out.append(Token(tok, s, e, pending_first))
        if tok in _FINAL:
            pending_first = True
        elif not (pending_first and tok in _OPENERS):
            pending_first = False
        last_end = e
    return out


def sentences(tokens: list[Token], max_len: int = 120) -> list[list[Token]]:
    """Split a token list into sentence-sized chunks at ``first`` tokens (at most ``max_len`` each)."""
    chunks: list[list[Token]] = []
    cur: list[Token] = []
    for t in tokens:
        # an opening quote or bracket is marked first together with the word after it: keep them together
        if cur and ((t.first and not cur[-1].first) or len(cur) >= max_len):
            chunks.append(cur)
            cur = []
        cur.append(t)
    if cur:
        chunks.append(cur)
    return chunks

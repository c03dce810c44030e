"""Full-text search over articles in every language, with SQLite FTS5.

The ``unicode61`` tokenizer splits words at spaces and punctuation, which serves Latin, Cyrillic,
Greek and Arabic text, but reads a run of Chinese or Japanese characters (written without
spaces) as one token. So text is indexed through :func:`segment`, which puts a space around
every CJK and Thai character, and a query is segmented the same way and searched as a phrase:
``北京`` finds ``…在北京举行…``. Combining marks are dropped on both sides (Arabic vowel signs,
which unicode61 would read as separators); Latin diacritics are folded by the tokenizer.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable

import numpy as np

# Han, Hiragana, Katakana, Hangul syllables are words of their own here; Thai and Lao have no spaces either
_UNSPACED = re.compile(
    "([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f\u0e80-\u0eff"
    "\U00020000-\U0002ebef])"
)
QUERY_PART = re.compile(r'"([^"]+)"|(\S+)')
_WORD = re.compile(r"\w+")
MAX_TERMS = 12  # a query is an AND of terms; more than this is not a search but a paste


def segment(text: str) -> str:
    """Text as the index sees it: unspaced scripts one character per token, no combining marks."""
    if not text:
        return ""
    return _UNSPACED.sub(r" \1 ", _without_marks(text))


_MARKS: np.ndarray | None = None  # per code point: a combining mark (category Mn)?
_SHORT = 256  # a query or a title: looked at letter by letter, not worth the table


def _without_marks(text: str) -> str:
    """``text`` without its combining marks. An article's text is looked up in a table of every
    code point at once: letter by letter, that took a fortieth of the writer's time."""
    if len(text) < _SHORT:
        return "".join(c for c in text if unicodedata.category(c) != "Mn")
    global _MARKS
    if _MARKS is None:
        _MARKS = np.fromiter((unicodedata.category(chr(c)) == "Mn" for c in range(0x110000)), dtype=bool,
                             count=0x110000)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    keep = ~_MARKS[codes]
    return text if keep.all() else codes[keep].tobytes().decode("utf-32-le", "surrogatepass")


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression for a user's query: every word must occur (a word of four or
    more letters also as a prefix, so ``Хафтар`` finds ``Хафтара``); ``"two words"`` is a
    phrase. None when the query has no word in it."""
    terms = []
    for phrase, word in QUERY_PART.findall(query):
        words = _WORD.findall(segment(phrase or word))
        if not words:
            continue
        if phrase or len(words) > 1:  # a quoted phrase, or a CJK word split into characters
            terms.append('"' + " ".join(words) + '"')
        else:
            w = words[0]
            terms.append(f'"{w}"*' if len(w) >= 4 else f'"{w}"')
    return " AND ".join(terms[:MAX_TERMS]) or None


def index_articles(db: sqlite3.Connection, rows: Iterable[tuple[int, str | None, str]]) -> None:
    """Add (seq, title, text) rows to the index, inside the caller's transaction."""
    db.executemany("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
                   ((seq, segment(title or ""), segment(text)) for seq, title, text in rows))


def backfill(db: sqlite3.Connection) -> None:
    """Index every stored article (a store made before the index existed), inside a transaction."""
    index_articles(db, db.execute("SELECT seq, title, text FROM articles ORDER BY seq").fetchall())


def search_seqs(db: sqlite3.Connection, query: str, limit: int, offset: int = 0) -> list[int]:
    """Ingest positions of the articles matching ``query``, best first (BM25, title weighted 3x)."""
    expression = match_expression(query)
    if expression is None:
        return []
    rows = db.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 3.0, 1.0), rowid "
        "LIMIT ? OFFSET ?", (expression, limit, offset))
    return [r[0] for r in rows]

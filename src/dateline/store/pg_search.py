"""Full-text search over articles in PostgreSQL, matching what sqlite_search.py does with FTS5.

The words are cut in Python, not by the server's parser: PostgreSQL's parser and configurations
follow the database's locale (under ``C`` it reads Cyrillic or Greek letters differently than
under ``en_US.UTF-8``), and a team's server is not ours to choose. So each article's title and text
become a ``tsvector`` literal here: the words as ``sqlite_search.segment`` gives them (CJK and
Thai one character per word), lower-cased and with diacritics folded as FTS5's ``unicode61
remove_diacritics 2`` folds them, each with its positions, title words weighted A and body words
B. A query is parsed as for SQLite (every word must occur; a word of four letters or more also as
a prefix; ``"two words"`` a phrase) into a ``tsquery`` literal, and results are ranked with
``ts_rank``, title words three times the body's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from dateline.store.sqlite_search import MAX_TERMS, QUERY_PART, segment

_WORD = re.compile(r"[^\W_]+")
_MAX_POSITION = 16383  # PostgreSQL's largest word position
_MAX_POSITIONS = 255  # positions kept per word (PostgreSQL keeps at most 256)
_MAX_WORD_BYTES = 2046  # PostgreSQL refuses longer words
# weights of D, C, B, A: body words B, title words A, three times as much
RANK_WEIGHTS = "{0.1, 0.2, 0.33, 1.0}"


def words(text: str) -> list[str]:
    """The words of ``text`` as the index keeps them."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", segment(text)) if not unicodedata.combining(c))
    return [w for w in _WORD.findall(folded.lower()) if len(w.encode("utf-8")) <= _MAX_WORD_BYTES]


def _quote(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def document(title: str | None, text: str) -> str:
    """The ``tsvector`` literal of an article: each word with its positions and weight."""
    positions: dict[str, list[str]] = {}
    position = 0
    for weight, part in (("A", title or ""), ("B", text)):
        for word in words(part):
            position = min(position + 1, _MAX_POSITION)
            kept = positions.setdefault(word, [])
            if len(kept) < _MAX_POSITIONS:
                kept.append(f"{position}{weight}")
    return " ".join(f"{_quote(w)}:{','.join(p)}" for w, p in positions.items())


def query_expression(query: str) -> str | None:
    """A ``tsquery`` literal for a user's query, or None when it has no word in it."""
    terms = []
    for phrase, word in QUERY_PART.findall(query):
        found = words(phrase or word)
        if not found:
            continue
        if phrase or len(found) > 1:
            terms.append("(" + " <-> ".join(_quote(w) for w in found) + ")")
        else:
            w = found[0]
            terms.append(f"{_quote(w)}:*" if len(w) >= 4 else _quote(w))
    return " & ".join(terms[:MAX_TERMS]) or None


def index_rows(rows: Iterable[tuple[int, str | None, str]]) -> list[tuple[int, str]]:
    """(seq, tsvector literal) of (seq, title, text) rows."""
    return [(seq, document(title, text)) for seq, title, text in rows]

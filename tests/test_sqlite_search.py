"""The text the SQLite search index sees (store/sqlite_search.segment)."""

from __future__ import annotations

import sqlite3
import unicodedata

import pytest

from dateline.store.sqlite_search import _UNSPACED, index_articles, search_seqs, segment

LETTERS = [
    "Porto", "Genève", "e\u0301te\u0301", "كَتَبَ الطَّالِبُ", "Хафтар", "會談在北京舉行", "ภาษาไทย",
    "\U0001F600\u20e3", "a\ud800b",  # an astral character with an enclosing mark; a lone surrogate
    "नमस्ते", "שָׁלוֹם", "\u0300at the start",
]


def _letter_by_letter(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


@pytest.mark.parametrize("times", [1, 40])  # a title or query, and an article's length
def test_segment_drops_combining_marks_and_spaces_unspaced_scripts(times):
    for piece in LETTERS:
        text = " ".join([piece] * times)
        got = segment(text)
        assert got == _UNSPACED.sub(r" \1 ", _letter_by_letter(text))
        assert not any(unicodedata.category(c) == "Mn" for c in got)
    assert segment("北京") == " 北  京 " and segment("") == ""
    assert segment("كَتَبَ " * 60) == "كتب " * 60


def test_an_article_is_found_by_its_words_without_their_marks():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='', "
               "tokenize='unicode61 remove_diacritics 2')")
    body = "كَتَبَ الطَّالِبُ الدَّرْسَ في المكتبة. " * 30  # long enough for the table of marks
    index_articles(db, [(1, "خبر", body), (2, "Porto", "The mill fire in Porto was put out. " * 30)])
    assert search_seqs(db, "الطالب", 10) == [1]
    assert search_seqs(db, "كتب", 10) == [1]
    assert search_seqs(db, '"mill fire"', 10) == [2]

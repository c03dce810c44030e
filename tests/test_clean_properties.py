"""Property tests: cleaning never crashes, never returns junk, never loses body text."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.clean import CleanError, clean
from dateline.clean.dateline import split_dateline
from dateline.models import RawDocument

_settings = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text built from pieces that trigger the cleaners, mixed with arbitrary characters.
_PIECES = st.sampled_from([
    "date 2025-12-20 ", "Title: ", "RABAT, December 17. . ", "МОСКВА, 17 декабря. /ТАСС/. ",
    "BERLIN (dpa) - ", "\n", "\n\n", "\n\n\n\n", " ", ". .", " , ", "Lucia Giannini", "By John Smith",
    "Advertisement", "dellâ€™esercito", "e\u0301", "\u200b", "\u00a0", "\t", "Il governo ha deciso. ",
    "The Senate voted on Tuesday. ", "—", "-", "(Reuters)", "2025", "17",
])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=25).map("".join)


@_settings
@given(_TEXT)
def test_clean_returns_clean_article_or_raises_clean_error(text):
    raw = RawDocument("prop.txt", text.encode("utf-8", errors="surrogatepass"))
    try:
        article = clean(raw)
    except CleanError as exc:
        assert str(exc)
        return
    assert article.text.strip()
    assert article.text == article.text.strip()
    assert unicodedata.is_normalized("NFC", article.text)
    assert "\n\n\n" not in article.text
    assert len(article.id) == 16


@_settings
@given(st.binary(max_size=200))
def test_clean_on_arbitrary_bytes(data):
    try:
        article = clean(RawDocument("prop.bin", data))
    except CleanError:
        return
    assert article.text.strip() and unicodedata.is_normalized("NFC", article.text)


_JUNK = re.compile(r"[\s.:;,·–—-]*")


@_settings
@given(_TEXT)
def test_split_dateline_removes_only_the_dateline(text):
    dateline, rest = split_dateline(text)
    if dateline is None:
        assert rest == text
        return
    assert text.endswith(rest)
    removed = text[: len(text) - len(rest)]
    assert removed.startswith(dateline.text)
    assert _JUNK.fullmatch(removed[len(dateline.text):])


_BODY = st.from_regex(r"[A-ZÀ-ÝА-Я«“\"][^\n]{0,80}(\n\n[^\n]{1,40}){0,2}", fullmatch=True)
_DATELINES = st.sampled_from([
    "RABAT, December 17. . ", "ROMA, 17 dicembre - ", "MOSCOW, Dec 17 /TASS/. ", "BERLIN (dpa) - ",
    "PARIS, 17 décembre 2025 (AFP) - ", "MADRID, 17 dic (EFE).- ", "МОСКВА, 17 декабря. /ТАСС/. ",
    "LISBOA, 17 dez (Lusa) - ", "WASHINGTON (Reuters) - ", "SÃO PAULO, 17 de dezembro de 2025 - ",
    "NEW YORK, Dec. 17 (AP) — ", "Kyiv, 17 December (Reuters) - ",
])


@_settings
@given(_DATELINES, _BODY)
def test_split_dateline_keeps_the_whole_body(prefix, body):
    dateline, rest = split_dateline(prefix + body)
    assert dateline is not None
    assert rest == body


_HEADER_LINES = st.lists(st.sampled_from([
    "date 2025-12-20\n", " Date: 20/12/2025\n", "title: Il vertice\n", "Fonte: ANSA\n",
    "url https://example.org/a\n", "Autor: Hans Müller\n", "lang: it\n", "\n",
    "Published: 8 March 2013 | Author: Jane Doe\n",
]), min_size=1, max_size=5).map("".join)


@_settings
@given(_HEADER_LINES, st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60))
def test_split_header_keeps_the_body(header_text, tail):
    from dateline.clean.header import split_header

    body = "The Senate voted on Tuesday. " + tail
    header, rest = split_header(header_text + body)
    if header_text.strip():
        assert header
        assert rest == body.strip("\n")
    else:
        assert (header, rest) == ({}, header_text + body)

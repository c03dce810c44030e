from __future__ import annotations

import unicodedata

from dateline.clean.repair import repair_text


def test_mojibake_latin():
    assert repair_text("Il Capo dellâ€™esercito") == "Il Capo dell’esercito"


def test_mojibake_cyrillic():
    assert repair_text("Ð¥Ð°Ñ„Ñ‚Ð°Ñ€") == "Хафтар"


def test_curly_quotes_kept():
    text = "Disse: “basta” e l’altro rispose ‘sì’."
    assert repair_text(text) == text


def test_nfc():
    decomposed = "Universite\u0301 de Gene\u0300ve"
    repaired = repair_text(decomposed)
    assert repaired == "Université de Genève"
    assert unicodedata.is_normalized("NFC", repaired)


def test_invisible_and_control_characters_removed():
    assert repair_text("Ha\u200bf\ufefftar\x07 met\u00adMunir") == "Haftar metMunir"
    assert repair_text("a\x00b") == "ab"


def test_zero_width_joiner_kept():
    assert "\u200c" in repair_text("می\u200cخواهم")


def test_spaces_and_line_breaks():
    assert repair_text("17\u00a0December\u202f2025") == "17 December 2025"
    assert repair_text("one\r\ntwo\rthree\u2029four") == "one\ntwo\nthree\n\nfour"
    assert repair_text("tab\tstays") == "tab\tstays"

"""Repair decoded text: mojibake, Unicode normal form, invisible and control characters."""

from __future__ import annotations

import re
import unicodedata

import ftfy

# Invisible characters that only get in the way of matching: zero-width space, word joiner,
# BOM, soft hyphen and bidi controls. ZWJ/ZWNJ (U+200D/U+200C) stay: they change spelling
# in Persian and Indic scripts and hold emoji sequences together.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# C0/C1 controls other than tab and newline (ftfy keeps a few, e.g. form feed).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# No-break and fixed-width spaces become ordinary spaces so later steps see one kind of space.
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def repair_text(text: str) -> str:
    """Undo mojibake (``dellâ€™esercito`` -> ``dell’esercito``), keep curly quotes, return NFC
    text with ``\\n`` line breaks, no invisible or control characters and plain spaces."""
    # Line breaks first: ftfy would turn a paragraph separator (U+2029) into a single newline.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")
    text = text.replace("\x85", "\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text.replace("\f", "\n").replace("\v", "\n"))
    text = _SPACES.sub(" ", text)
    # Removing a character can leave a base letter next to a combining mark: compose again.
    return unicodedata.normalize("NFC", text)

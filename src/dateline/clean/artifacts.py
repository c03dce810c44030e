"""Stray artifacts of copying and conversion. Conservative: only what cannot be meant.

- ``word . .`` -> ``word.`` (a doubled full stop; a spaced ellipsis ``. . .`` stays);
- a space before a comma or full stop (``Reid , 33`` -> ``Reid, 33``); spaces before ``: ; ! ?``
  stay, French typography wants them;
- doubled commas (``,,``, ``, ,``);
- paragraphs that are only a page-furniture label (``Advertisement``, ``Read more``,
  ``Pubblicità``, ``Anzeige``, ``Реклама``...), never a sentence that contains such words.
"""

from __future__ import annotations

import re

_DOUBLE_STOP = re.compile(r"(?<=\w)\s*\.\s+\.(?!\s*\.)")
_SPACE_BEFORE = re.compile(r"(?<=\w)[ ]+([,.])(?=\s|$)(?![ ]\.)")
_DOUBLE_COMMA = re.compile(r",(?:\s*,)+")
_LABELS = frozenset((
    "advertisement", "advertising", "sponsored", "sponsored content", "read more", "read more:",
    "continue reading", "click here", "share this article", "share", "related articles",
    "pubblicità", "leggi anche", "continua a leggere", "publicité", "lire aussi", "lire la suite",
    "publicidad", "publicidade", "leer más", "lea también", "leia mais", "leia também",
    "anzeige", "werbung", "weiterlesen", "mehr zum thema", "реклама", "читайте также",
    "нашли ошибку", "нашли опечатку", "found a typo",
))
_LABEL_TRIM = re.compile(r"^[\s\W]+|[\s\W]+$")


def _is_label(paragraph: str) -> bool:
    return _LABEL_TRIM.sub("", paragraph).casefold() in _LABELS


def _fix_paragraph(paragraph: str) -> str:
    paragraph = _SPACE_BEFORE.sub(r"\1", paragraph)
    paragraph = _DOUBLE_STOP.sub(".", paragraph)
    return _DOUBLE_COMMA.sub(",", paragraph)


def remove_artifacts(text: str) -> str:
    """Fix stray punctuation inside paragraphs and drop label-only paragraphs; paragraphs stay
    separated by ``"\\n\\n"``."""
    paragraphs = (_fix_paragraph(p) for p in text.split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p and not _is_label(p))

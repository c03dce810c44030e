"""Bylines: who signed the report, split off the end (``Lucia Giannini``) or the start
(``By John Smith``) of the text.

A trailing byline is the last paragraph when it is short (at most 60 characters), has no
sentence punctuation and is a person's name of 2-4 capitalised words, optionally with a
prefix (By, Di, Par, Por, Von, От...) and an agency (``Lucia Giannini, ANSA``). A lone
agency signature (``Reuters``, ``(AFP)``) is also a signature: it is removed from the text and
kept as the byline, since it says who stands behind the report just as a name does. A
Reuters-style credit line ``(Reporting by ...; Editing by ...)`` is kept whole.
A leading byline needs its prefix: a bare name at the top is more likely a title.
"""

from __future__ import annotations

import re

from dateline.clean.dateline import KNOWN_AGENCIES

# "di" only in lower case: "Di Maio" and "De Luca" are surnames.
_PREFIX = re.compile(
    r"^(?:di|(?i:by|par|por|von|от|від|автор:?|author:?|autore:?|auteur:?|autor:?))\s+"
)
_AND = re.compile(r"\s+(?:and|e|et|y|und|и|і|i)\s+|\s*&\s*")
_PARTICLES = frozenset(
    "de da di do dos das del della dei van von der den ter du le la al el bin ibn bint y e".split()
)
# Capitalised words that are furniture or common nouns, not parts of a name.
_NOT_NAMES = frozenset(w.casefold() for w in (
    "All Rights Reserved Copyright Read More Share Related Follow Subscribe Photo Photos Video "
    "Tags Comments Advertisement News Breaking Update Source Sources Leggi Anche Tutti Diritti "
    "Riservati Riproduzione Tous Droits Réservés Todos Derechos Reservados Alle Rechte "
    "Vorbehalten Foto Redazione Redaktion Staff Editor Editorial The And "
    "Of In On For With Il La Le Les Der Die Das Und El Los Las Por Para Con Thank You Thanks "
    "End Ends Fin Fine Ende Continued Next Previous Page Top Back Home Contact Us About Terms "
    "Privacy Policy Cookies Go Let Lets Let's Happy Merry God Bless Congratulations Welcome "
    "Goodbye Cheers Stay Tuned Enjoy Watch Listen Click Here"
).split())
_CREDIT = re.compile(
    r"^\((?P<credit>(?:additional\s+)?(?:reporting|writing|written|compiled)\s+by\s"
    r"[^()]{2,200})\)$",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_INITIAL = re.compile(r"[^\W\d_]\.")  # "J." in "John J. Smith"
_SENTENCE_PUNCT = re.compile(r"[.!?;:«»\"“”„()\[\]]|\d")

MAX_LEN = 60


def _is_name(text: str) -> bool:
    """2-4 capitalised name words (particles and initials allowed besides)."""
    words = text.split()
    name_words = 0
    for word in words:
        if word.casefold() in _PARTICLES and name_words:
            continue
        if _INITIAL.fullmatch(word) and word[0].isupper():
            continue
        if not _NAME_WORD.fullmatch(word) or not word[0].isupper():
            return False
        if word.casefold() in _NOT_NAMES:
            return False
        name_words += 1
    return 2 <= name_words <= 4 and words[-1].casefold() not in _PARTICLES


def _is_agency(text: str) -> bool:
    return text.strip("() ").casefold() in KNOWN_AGENCIES


def parse_byline(paragraph: str, *, need_prefix: bool = False) -> str | None:
    """The byline a paragraph states (prefix dropped), or None if it is not one."""
    paragraph = paragraph.strip()
    credit = _CREDIT.match(paragraph)
    if credit:
        return credit.group("credit").strip()
    if len(paragraph) > MAX_LEN:
        return None
    if not need_prefix and _is_agency(paragraph):
        return paragraph.strip("() ")
    prefix = _PREFIX.match(paragraph)
    if need_prefix and prefix is None:
        return None
    body = paragraph[prefix.end():] if prefix else paragraph
    names, agency = _split_agency(body)
    if agency and not (_is_agency(agency) or _is_name_like_org(agency)):
        return None
    for name in _AND.split(names):
        # Initials keep their dot; any other sentence punctuation means this is not a byline.
        if _SENTENCE_PUNCT.search(_INITIAL.sub("", name)) or not _is_name(name):
            return None
    return body.strip()


def _split_agency(body: str) -> tuple[str, str]:
    """("Lucia Giannini", "ANSA") from "Lucia Giannini, ANSA" (also | / and spaced dashes)."""
    parts = re.split(r"\s*[,|/]\s*|\s+[-–—]\s+", body, maxsplit=1)
    if len(parts) == 2:
        return parts[0].strip(), parts[1].strip()
    return body.strip(), ""


def _is_name_like_org(text: str) -> bool:
    """A short capitalised organisation after a name ("Lucia Giannini, Agenzia Nova")."""
    words = text.split()
    return 1 <= len(words) <= 3 and all(w[0].isupper() for w in words) \
        and not _SENTENCE_PUNCT.search(text)


def split_byline(text: str) -> tuple[str | None, str]:
    """Split a trailing byline (or, failing that, a leading ``By ...`` one) off ``text``,
    whose paragraphs are separated by ``"\\n\\n"``. Returns ``(byline, rest)``; the whole
    text is never taken."""
    paragraphs = text.split("\n\n")
    if len(paragraphs) < 2:
        return None, text
    last = parse_byline(paragraphs[-1])
    if last is not None:
        return last, "\n\n".join(paragraphs[:-1])
    first = parse_byline(paragraphs[0], need_prefix=True)
    if first is not None:
        return first, "\n\n".join(paragraphs[1:])
    return None, text

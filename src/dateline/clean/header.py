"""Loose metadata lines at the top of a report: ``date 2025-12-20``, ``Title: ...``, ``url ...``.

Keys are case-insensitive, in several languages, with or without a colon. A key without a
colon is only believed when its value proves it (a date, a URL, a language code) or when
another header line follows it, so a first sentence such as "Source close to the minister
said..." is never eaten. For date, url and lang only the first token is the value: the rest of
the line is body text (the Italian seed's ``date 2025-12-20 Il Capo di Stato ...``). Several
pairs may share a line (``Published: 14 September 2018 | Author: Jane Doe``). A free-text value
longer than ``MAX_VALUE`` ends at its first sentence end, the rest of the line being body text
(``Source: Ministry of Foreign Affairs. We inform you that...``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.text.months import MONTH

# Canonical key -> the spellings that name it (en, it, fr, es, de, pt, nl, ru, uk, bg).
_KEY_NAMES: dict[str, str] = {
    "date": "date data datum fecha дата",
    "published": "published pubdate pubblicato publié publiée publicado publicada "
                 "veröffentlicht gepubliceerd опубликовано опубліковано публикувано",
    "updated": "updated modified aggiornato modifié actualizado atualizado aktualisiert "
               "обновлено оновлено",
    "title": "title headline titolo titre título titulo titel заголовок",
    "source": "source fonte fuente quelle bron источник",
    "url": "url link lien enlace",
    "author": "author autore auteur autor автор",
    "lang": "lang language lingua langue idioma língua sprache taal язык",
}
_KEY_OF = {name.casefold(): key for key, names in _KEY_NAMES.items() for name in names.split()}
_TOKEN_KEYS = {"date", "published", "updated", "url", "lang"}  # one token; the rest is body
_DATE_KEYS = {"date", "published", "updated"}
MAX_VALUE = 150  # a free-text value longer than this runs into the body
_SENTENCE_END = re.compile(r"[.!?](?=\s+\S)")


_LINE = re.compile(
    r"\s*(?P<key>" + "|".join(sorted(map(re.escape, _KEY_OF), key=len, reverse=True)) + r")"
    r"(?![^\W_])(?:\s*(?P<colon>[:：=])\s*|\s+)(?P<value>.*)",
    re.IGNORECASE,
)

# "| Author: ..." continues a line of pairs; "Title: Summit | Daily News" keeps its "|".
_PAIR_SEPARATOR = re.compile(
    r"(?:\s*[|•·]|\s+/)\s*(?=(?:" + "|".join(sorted(map(re.escape, _KEY_OF), key=len, reverse=True))
    + r")\s*[:：])",
    re.IGNORECASE,
)

_WEEKDAY = (r"(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|"
            r"friday|saturday|sunday|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|"
            r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|"
            r"viernes|sábado|domingo|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)")
_TIME = (r"(?:,?\s+(?:at\s+|à\s+|alle\s+|ore\s+|um\s+|a\s+las\s+|às\s+)?"
         r"\d{1,2}[:h]\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[ap]\.?m\.?)?"
         r"(?:\s?(?:z|utc|gmt|cet|cest|est|edt|pst|pdt|bst|msk|[+-]\d{2}:?\d{2}))?)?")
_YEAR = r"\d{4}"
DATE_TOKEN = re.compile(
    r"(?:"
    # ISO 8601 date or datetime
    r"\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
    r"(?:\s?(?:z|utc|gmt|[+-]\d{2}:?\d{2}))?)?"
    r"|\d{4}/\d{1,2}/\d{1,2}" + _TIME +
    r"|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})" + _TIME +
    # 20 December 2025, 20. Dezember 2025, 20 de diciembre de 2025, Sat, 20 Dec 2025 10:00:00 +0000
    rf"|(?:{_WEEKDAY}\.?,?\s+)?\d{{1,2}}(?:\.|\s+de)?\s+{MONTH}(?:\s+de)?,?\s+{_YEAR}" + _TIME +
    # December 20, 2025
    rf"|(?:{_WEEKDAY}\.?,?\s+)?{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}" + _TIME +
    r")(?=$|[\s,;|)])",
    re.IGNORECASE,
)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_LANG_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


@dataclass(frozen=True)
class _Entry:
    key: str
    value: str
    proven: bool  # the colon or the value's shape shows this really is a header line
    rest: str  # body text that followed the value on the same line


def _parse_line(line: str) -> _Entry | None:
    m = _LINE.fullmatch(line)
    if m is None:
        return None
    key = _KEY_OF[m.group("key").casefold()]
    colon = m.group("colon") is not None
    value = m.group("value").strip()
    if key not in _TOKEN_KEYS:
        if not value and not colon:
            return None
        rest = ""
        if len(value) > MAX_VALUE:
            end = _SENTENCE_END.search(value, 0, MAX_VALUE)
            if end is None or not colon:
                return None
            value, rest = value[:end.start()].strip(), value[end.end():].strip()
        if key in ("author", "source"):
            value = value.rstrip(" .,;")  # "Author: Jane Doe." names Jane Doe
        return _Entry(key, value, proven=colon, rest=rest)
    if key in _DATE_KEYS:
        token = DATE_TOKEN.match(value)
        if token is None:
            # "Date: yesterday" is still a header line; "Date palms grow..." is not.
            return _Entry(key, value, proven=True, rest="") if colon else None
        return _Entry(key, token.group().strip(), proven=True, rest=value[token.end():].strip())
    first, _, rest = value.partition(" ")
    rest = rest.strip()
    if key == "url":
        shaped = bool(_URL.fullmatch(first))
    else:  # "lang it" alone on its line; "Language is key to..." is a sentence
        shaped = bool(_LANG_CODE.fullmatch(first)) and not rest
    if not first or not (shaped or colon):
        return None
    return _Entry(key, first, proven=True, rest=rest)


MAX_PAIRS = 20  # more than this on one line is not a header


def _parse_segments(line: str, depth: int = 0) -> tuple[list[_Entry], str] | None:
    """Entries of one line, which may hold several ``key: value`` pairs separated by ``|``,
    and the body text that follows them on the line (as written); None if the line opens
    with no pair."""
    if depth > MAX_PAIRS:
        return None
    entries: list[_Entry] = []
    start = 0
    for cut in [*_PAIR_SEPARATOR.finditer(line), None]:
        end = cut.start() if cut else len(line)
        entry = _parse_line(line[start:end])
        if entry is None:
            return (entries, line[start:].strip()) if entries else None
        entries.append(entry)
        if entry.rest:
            # Body text after a value, unless it is another pair ("date 2025-12-20 title: X").
            tail = entry.rest + line[end:]
            following = _parse_segments(tail, depth + len(entries))
            if following is None or not all(e.proven for e in following[0]):
                return entries, tail.strip()
            return entries + following[0], following[1]
        start = cut.end() if cut else len(line)
    return entries, ""


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Metadata lines at the top of ``text`` as ``{canonical key: value}``, and the text
    without them. Keys: date, published, updated, title, source, url, author, lang; the first
    occurrence of a key wins. Values are as written (dates are normalised later)."""
    lines = text.split("\n")
    found: list[tuple[int, list[_Entry], str]] = []  # line index, its entries, body after them
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        parsed = _parse_segments(line)
        if parsed is None:
            break
        found.append((index, *parsed))
        if parsed[1]:
            break
    # A colon-less free-text line is believed only with a proven header line after it.
    while found and not found[-1][1][-1].proven:
        found.pop()
    if not found:
        return {}, text
    header: dict[str, str] = {}
    for _, entries, _ in found:
        for entry in entries:
            if entry.value:
                header.setdefault(entry.key, entry.value)
    last_index, _, body = found[-1]
    remaining = lines[last_index + 1:]
    if body:
        remaining.insert(0, body)
    return header, "\n".join(remaining).strip("\n")

"""Name keys: forms of a name that meet across spelling, script and inflection.

Three levels, from strict to loose:

* ``fold``: anyascii transliteration, casefolded, punctuation to single spaces
  (``Хафтар`` -> ``khaftar``, ``Łódź`` -> ``lodz``);
* ``stem``: ``fold`` with case endings of inflected languages stripped per token
  (``trumpem`` -> ``trump``, ``hafsaa`` kept when too short);
* ``name_key``: the phonetic skeleton of every stemmed token: consonant clusters that
  transliterations spell differently are unified (kh/ch/h/g, sh/sz/zh/s/z, ts/c/k, w/v, ph/f) and
  vowels after the first letter are dropped, because transliteration and case endings mostly
  disagree on vowels (``Khaftar``/``Haftar``/``Хафтара`` -> ``gftr``; ``Bengasi``/``Benghazi`` ->
  ``bngs``).

Keys are cached: news repeats the same names, so most calls are dictionary hits.

A Latin-script name also has a second key, its French reading (``french_key``): Cyrillic
transliterates names as they are pronounced, and French spelling is where letters and sounds
part most (``Michel Barnier`` -> ``Мишель Барнье``, ``Tavernier`` -> ``Тавернье``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

KEY_VERSION = 2  # bump when keys change: the shipped gazetteer stores keys and must be rebuilt
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_APOSTROPHE_TAIL = re.compile(r"(?<=\w)['’ʼ](?:s|ın|in|un|ün|nin|nın|nun|nün|a|e|ya|ye|da|de|ta|te|dan|den|tan|ten|ı|i|u|ü|ın)?\b", re.I)
_VOWELS = frozenset("aeiouy")
_MIN_STEM = 4  # a stem never gets shorter than this many letters: short names stay whole

# Case endings in anyascii-folded spelling, longest first. Endings made only of vowels need not be
# listed for the skeleton (it drops vowels) but are listed for the folded stem.
_SLAVIC_ENDINGS = (
    # Polish, Czech, Slovak, Slovene, Croatian (Latin script, folded)
    "owie", "owi", "ami", "ach", "ych", "ich", "ego", "emu", "iem", "ovi", "ima", "ama", "ega",
    "eho", "emu", "iej", "ej", "em", "om", "ym", "im", "ow", "ih", "ie", "ia", "iu", "ou",
    # Russian, Ukrainian, Bulgarian, Serbian (Cyrillic as anyascii spells it: я=ya, й=y, ы=y)
    "iyakh", "iyami", "yakh", "yami", "ykh", "ikh", "akh", "ogo", "omu", "iya", "iyu", "iey", "oyu",
    "eyu", "oy", "ey", "iy", "yy", "ii", "yu", "ya", "ye",
    "ech", "a", "e", "i", "o", "u", "y",
)
_BG_ENDINGS = ("iyat", "yat", "ta", "to", "te", "at") + _SLAVIC_ENDINGS  # Bulgarian definite article
_SLAVIC_ENDINGS = tuple(sorted(set(_SLAVIC_ENDINGS), key=len, reverse=True))  # longest match wins
_BG_ENDINGS = tuple(sorted(set(_BG_ENDINGS), key=len, reverse=True))
# Polish/Czech locative softening: the stem consonant changes before -e/-ie.
_SOFTENED = (("dzie", "d"), ("cie", "t"), ("rze", "r"), ("dze", "g"), ("ce", "k"))
SLAVIC = frozenset("pl cs sk sl hr sr bs ru uk be bg mk".split())
_GENITIVE_S = frozenset("de nl da sv no nb".split())

# Ordered rewrites that make transliteration variants meet. Order matters: longer clusters first.
_CLUSTERS = (
    ("shch", "s"), ("sch", "s"), ("tch", "c"), ("dzh", "j"), ("dzs", "j"), ("zh", "s"), ("sh", "s"),
    ("sz", "s"), ("cz", "c"), ("ch", "h"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("th", "t"),
    ("ts", "c"), ("tz", "c"), ("ck", "k"), ("qu", "kv"), ("q", "k"), ("x", "ks"), ("w", "v"),
    ("z", "s"), ("c", "k"), ("j", "i"), ("y", "i"),
)
_SILENT_H = re.compile(r"(?<=[aeiou])h(?![aeiou])")


def _strip_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Transliterated, casefolded, single-spaced form: ``"Хафтар's"`` -> ``"khaftar"``."""
    text = _APOSTROPHE_TAIL.sub("", text)
    text = anyascii(text).casefold() if not text.isascii() else text.casefold()
    return _NON_ALNUM.sub(" ", text.replace("'", "")).strip()


def stem_token(token: str, lang: str | None) -> str:
    """Strip one case ending from a folded token, keeping at least ``_MIN_STEM`` letters."""
    if len(token) <= _MIN_STEM or token.isdigit():
        return token
    if lang in _GENITIVE_S:
        return token[:-1] if token.endswith("s") and len(token) > _MIN_STEM + 1 else token
    if lang is not None and lang not in SLAVIC:
        return token
    if lang in (None, "pl", "cs", "sk"):
        for suffix, repl in _SOFTENED:
            if token.endswith(suffix) and len(token) - len(suffix) + len(repl) >= _MIN_STEM:
                return token[: -len(suffix)] + repl
    for ending in _BG_ENDINGS if lang == "bg" else _SLAVIC_ENDINGS:
        if token.endswith(ending) and len(token) - len(ending) >= _MIN_STEM:
            return token[: -len(ending)]
    return token


def skeleton(token: str) -> str:
    """Phonetic skeleton of one folded token: ``khaftar`` -> ``gftr``. Tokens of 1-2 letters stay
    whole; a short skeleton (``may`` -> ``m``) is for multi-token keys, callers decide for lone ones."""
    if token.isdigit() or len(token) <= 2:
        return token
    s = _SILENT_H.sub("", token)
    if s.startswith("eu"):  # Europa/Evropa/Европа
        s = "ev" + s[2:]
    for a, b in _CLUSTERS:
        if a in s:
            s = s.replace(a, b)
    s = s.replace("h", "g")
    out = [s[0]]
    for ch in s[1:]:
        if ch in _VOWELS or ch == out[-1]:
            continue
        out.append(ch)
    return "".join(out)


@lru_cache(maxsize=262144)
def stem(text: str, lang: str | None = None) -> str:
    """``fold`` with every token stemmed: ``"Donalda Trumpa"`` (pl) -> ``"donald trump"``."""
    return " ".join(stem_token(t, lang) for t in fold(text).split())


_FRENCH_IER = re.compile(r"(?<=[^aeiouy])ier$")  # Barnier, Olivier: the r is silent


@lru_cache(maxsize=262144)
def french_key(text: str, lang: str | None = None) -> str | None:
    """``name_key`` of a Latin-script name read the French way: ``ch`` as ``sh`` (``Michel`` ~
    ``Мишель``) and no ``r`` after a consonant and ``ie`` at the end (``Barnier`` ~ ``Барнье``).
    None for other scripts and for names that read the same (most), so callers try it only as a
    second key: ``Michael`` ~ ``Михаэль`` still meets on the first."""
    if any(c.isalpha() and ord(c) >= 0x250 for c in text):
        return None
    tokens = [stem_token(t, lang) for t in fold(text).split()]
    read = [_FRENCH_IER.sub("ie", t.replace("ch", "sh")) for t in tokens]
    return " ".join(skeleton(t) for t in read) if read != tokens else None


@lru_cache(maxsize=262144)
def name_key(text: str, lang: str | None = None) -> str:
    """The loose key that names of one entity share: ``"Хафтара"`` -> ``"gftr"``."""
    return " ".join(skeleton(stem_token(t, lang)) for t in fold(text).split())


def is_acronym(text: str) -> bool:
    """``LNA``, ``U.S.``, ``ЄС``: 2-8 capitals (dots allowed), no lowercase letter."""
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 8 and all(c.isupper() for c in letters) and " " not in text.strip()


def acronym_key(text: str) -> str:
    """Acronyms compare on their folded letters: ``U.S.`` -> ``us``."""
    return _NON_ALNUM.sub("", fold(text))

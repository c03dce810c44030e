"""Bilingual dictionaries installed on the system, as an English pivot for words across languages.

Names, numbers and entity ids cross languages; ordinary words do not (``Grenzen`` and
``borders``). A dictionary from language X to English turns an X text into a bag of English
word stems that can be compared with an English text, or with a Y text turned the same way.

The dictionaries are FreeDict's, in the dictd format that Debian installs
(``apt-get install dict-freedict-deu-eng``: ``/usr/share/dictd/freedict-deu-eng.index`` and
``.dict.dz``). They are GPL-licensed, so Dateline reads them where a user installed them and never
ships them; nothing here is part of the default path. Measured as similarity evidence by
``scripts/measure_pivot.py`` (docs/similarity.md).

Each headword keeps the content words of its first translation lines (at most
``MAX_TRANSLATIONS``), weighted equally; a headword whose translation lines hold no content word
(only stop words, or words under three letters) is a function word and dropped; an inflected
form missing from the dictionary is looked up again without its last one to three letters; a
word with no entry passes through as itself (names mostly). Stems are the first ``STEM``
letters, on the English side as on the pivot side.
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

DICT_DIRS = (Path("/usr/share/dictd"),)
MAX_TRANSLATIONS = 4
STEM = 5
# FreeDict names languages by ISO 639-3; Dateline by ISO 639-1.
_ISO1 = {
    "afr": "af", "ara": "ar", "ces": "cs", "cym": "cy", "dan": "da", "deu": "de", "ell": "el", "epo": "eo",
    "fin": "fi", "fra": "fr", "gle": "ga", "hrv": "hr", "hun": "hu", "isl": "is", "ita": "it", "jpn": "ja",
    "lat": "la", "lit": "lt", "nld": "nl", "pol": "pl", "por": "pt", "slk": "sk", "slv": "sl", "spa": "es",
    "srp": "sr", "swe": "sv", "swh": "sw", "tur": "tr",
}
_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
_NOTES = re.compile(r"\[[^\]]*\]|<[^>]*>|\([^)]*\)|\{[^}]*\}")
_ENGLISH_WORD = re.compile(r"[a-z]+")
_WORD = re.compile(r"[^\W\d_]+")
# English words a translation line carries that say nothing about its subject
ENGLISH_STOP = frozenset(
    "a an the to of be sb sth somebody something one oneself one's in on at by for with from as or and not "
    "is are was were been it its this that he she they we you i his her their our no but have has had will "
    "would can could said says do does did so up out into over about than then there who which whom whose what"
    .split()
)


class DictionaryError(ValueError):
    """A dictionary file that cannot be read as dictd; the message names the file."""


def installed(dirs: Iterable[Path] = DICT_DIRS) -> dict[str, Path]:
    """Language code -> base path (``.../freedict-deu-eng``) of each X-to-English dictionary found."""
    found: dict[str, Path] = {}
    for d in dirs:
        for index in sorted(Path(d).glob("freedict-*-eng.index")):
            lang = _ISO1.get(index.name.split("-")[1])
            base = index.with_suffix("")
            if lang and lang not in found and _dict_file(base) is not None:
                found[lang] = base
    return found


def _dict_file(base: Path) -> Path | None:
    for suffix in (".dict.dz", ".dict"):
        path = base.with_name(base.name + suffix)
        if path.is_file():
            return path
    return None


def _number(b64: str) -> int:
    value = 0
    for ch in b64:
        value = value * 64 + _B64[ch]
    return value


def _translations(block: str) -> list[str]:
    """Content words of an entry block's translation lines, in order: the lines after each
    headword line that are neither examples, notes, synonyms nor cross-references (those are
    indented by three or more spaces, or start with ``see:``)."""
    words: list[str] = []
    headword_next = True
    for line in block.split("\n"):
        if not line.strip():
            headword_next = True
            continue
        if headword_next:  # the headword line: word, pronunciation, part of speech
            headword_next = False
            continue
        if line.startswith("   ") or line.lstrip().startswith("see:"):
            continue
        text = _NOTES.sub(" ", line).lower()
        words.extend(w for w in _ENGLISH_WORD.findall(text) if w not in ENGLISH_STOP and len(w) > 2)
    return words


def read_dictionary(base: Path) -> dict[str, tuple[str, ...]]:
    """One-word headword (lower case) -> its English content words (at most MAX_TRANSLATIONS)."""
    index = base.with_name(base.name + ".index")
    data_path = _dict_file(base)
    if data_path is None or not index.is_file():
        raise DictionaryError(f"{base}: no .index with a .dict or .dict.dz beside it")
    try:
        raw = data_path.read_bytes()
        data = gzip.decompress(raw) if data_path.suffix == ".dz" else raw
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise DictionaryError(f"{data_path}: cannot be read ({exc})") from exc
    gathered: dict[str, list[str]] = {}  # a headword with several senses has an index line per sense
    blocks: dict[tuple[int, int], list[str]] = {}
    with index.open(encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                raise DictionaryError(f"{index}, line {n}: expected 'headword<TAB>offset<TAB>length'")
            head = parts[0].strip().lower()
            if not head or " " in head or head.startswith("00-database"):
                continue
            try:
                span = (_number(parts[1]), _number(parts[2]))
            except KeyError as exc:
                raise DictionaryError(f"{index}, line {n}: offset or length is not base64") from exc
            words = blocks.get(span)
            if words is None:
                start, length = span
                words = blocks[span] = _translations(data[start:start + length].decode("utf-8", "replace"))
            gathered.setdefault(head, []).extend(words)
    # senses in index order; the first MAX_TRANSLATIONS distinct words. A headword with no
    # content word in its translations (``und``: and) keeps an empty tuple: a function word.
    return {head: tuple(dict.fromkeys(w for w in words if w != head))[:MAX_TRANSLATIONS]
            for head, words in gathered.items()}


class Pivot:
    """English stems for the words of a text in any language with an installed dictionary.

    A dictionary is read on first use of its language (the German one takes seconds)."""

    def __init__(self, sources: dict[str, Path | dict[str, tuple[str, ...]]]) -> None:
        self._sources = dict(sources)  # language -> dictionary base path, or its table once read

    @classmethod
    def load(cls, dirs: Iterable[Path] = DICT_DIRS) -> Pivot:
        """Every X-to-English dictionary installed in ``dirs``, each read on first use."""
        return cls(installed(dirs))

    @property
    def languages(self) -> list[str]:
        return sorted(self._sources)

    def loaded(self) -> dict[str, int]:
        """Headwords per dictionary read so far."""
        return {lang: len(t) for lang, t in sorted(self._sources.items()) if isinstance(t, dict)}

    def covers(self, lang: str | None) -> bool:
        return lang == "en" or lang in self._sources

    def _table(self, lang: str) -> dict[str, tuple[str, ...]]:
        source = self._sources[lang]
        if isinstance(source, Path):
            source = self._sources[lang] = read_dictionary(source)
        return source

    @staticmethod
    def _english(word: str, table: dict[str, tuple[str, ...]]) -> tuple[str, ...] | None:
        """The word's translations, () for a function word, None when the dictionary lacks it."""
        english = table.get(word)
        if english is not None:
            return english
        for cut in (1, 2, 3):  # an inflected form: the entry of a shorter form, not a function word
            key = word[:-cut]
            if len(key) < 3:
                break
            if table.get(key):
                return table[key]
        return None

    def stems(self, text: str, lang: str | None) -> Counter[str] | None:
        """Weighted English stems of ``text``; None when ``lang`` has no dictionary."""
        if not self.covers(lang):
            return None
        table = {} if lang == "en" else self._table(lang)  # type: ignore[arg-type]
        bag: Counter[str] = Counter()
        for word in _WORD.findall(text):
            low = word.lower()
            if lang == "en":
                if low not in ENGLISH_STOP:
                    bag[low[:STEM]] += 1.0
                continue
            english = self._english(low, table)
            if english is None:
                bag[low[:STEM]] += 1.0  # a name, or a word the dictionary lacks
                continue
            for w in english:
                bag[w[:STEM]] += 1.0 / len(english)
        return bag

"""The shipped gazetteer: countries, regions and cities (CLDR + GeoNames), international
organisations, demonyms, and titles, with lookup by name key.

``load()`` reads ``dateline/data/gazetteer.json.gz`` once per process (built by
``scripts/build_gazetteer.py``); everything else here is lookup.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources

from dateline.link import lexicon
from dateline.link.keys import SLAVIC, acronym_key, fold, is_acronym, name_key, skeleton, stem

_LOWERCASE_DEMONYM_LANGS = frozenset("it fr es pt pl cs sk sl hr sr bs ru uk bg be mk ro ca nl".split())


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: a country, region, city or international organisation."""

    id: str
    type: str  # LOC or ORG
    kind: str  # country | region | city | organisation
    name: str  # English name
    country: str | None
    lat: float | None
    lon: float | None
    population: int


class Gazetteer:
    def __init__(self, entities: list[list], keys: dict[str, list[int]]) -> None:
        self.places = [Place(*row) for row in entities]
        self._keys = keys
        self._by_id = {p.id: i for i, p in enumerate(self.places)}
        self._add_lexicon()
        self._name_lengths: dict[str, int] | None = None  # built on first use (0.2 s)

    def _add(self, key: str, i: int, first: bool = False) -> None:
        ids = self._keys.setdefault(key, [])
        if i not in ids:
            ids.insert(0, i) if first else ids.append(i)

    def _add_lexicon(self) -> None:
        """Hand-written organisations, place aliases and irregular demonyms join the index at load
        (a few ms)."""
        for code, (en_name, acronyms, names) in lexicon.ORGANISATIONS.items():
            i = self._by_id.get(f"ORG:{code}")
            if i is None:
                i = len(self.places)
                self.places.append(Place(f"ORG:{code}", "ORG", "organisation", en_name, None, None, None, 0))
                self._by_id[self.places[i].id] = i
            for a in acronyms:
                self._add("A:" + acronym_key(a), i, first=True)
            for n in (en_name, *names):
                self._add("=" + fold(n), i, first=True)
                self._add("~" + name_key(n), i, first=True)
        for iso, aliases in lexicon.PLACE_ALIASES.items():
            i = self._by_id.get(f"LOC:country:{iso}")
            if i is not None:
                for n in aliases:  # exact and stemmed (Англии, Anglii), ahead of any loose key
                    self._add("=" + fold(n), i, first=True)
                    self._add("S:" + stem(n), i, first=True)
        for word, iso in lexicon.DEMONYM_IRREGULAR.items():
            i = self._by_id.get(f"LOC:country:{iso}")
            if i is not None:
                self._add("I:" + fold(word), i)
                self._add("I:" + stem(word), i)
                if len(name_key(word).replace(" ", "")) >= 3:  # shorter skeletons collide (china ~ hanno)
                    self._add("I:" + name_key(word), i)

    def get(self, place_id: str) -> Place | None:
        i = self._by_id.get(place_id)
        return None if i is None else self.places[i]

    def _first(self, key: str, type_: str | None, min_population: int = 0, like: str | None = None) -> Place | None:
        """The first candidate of ``key`` of the type; with ``like``, a city only if its name is
        spelled close to ``like`` (see ``_close``)."""
        for i in self._keys.get(key, ()):
            p = self.places[i]
            if (type_ is None or p.type == type_) and (p.kind != "city" or p.population >= min_population):
                if like is None or p.kind != "city" or _close(like, p.name):
                    return p
        return None

    def lookup(self, text: str, lang: str | None = None, type_: str | None = "LOC",
               min_population: int = 0, strict: bool = False) -> Place | None:
        """The best place (or organisation, with ``type_="ORG"``) a name may refer to, or None.

        Strict keys are tried before loose ones; among the candidates of one key, countries come
        first, then organisations, regions and cities by population. ``strict`` skips the phonetic
        keys (for spotting names in running text, where a skeleton matches ordinary words).
        """
        if is_acronym(text):
            p = self._first("A:" + acronym_key(text), type_)
            if p is not None:
                return p
        # hand-written forms first (США is the US whatever some locale's name transliterates to)
        for key in ("I:" + fold(text), *self._name_keys(text, lang)):
            p = self._first(key, type_, min_population)
            if p is not None:
                return p
        # The demonym rule before loose keys: a demonym's skeleton often matches another place
        # (Libyan ~ Liban, libico ~ Lipetsk).
        if type_ in ("LOC", None):
            p = self.demonym_country(text)
            if p is not None:
                return p
        if strict:
            return None
        plain = " ".join(skeleton(t) for t in fold(text).split())
        p = self._first("I:" + name_key(text, lang), type_, min_population)
        if p is not None:
            return p
        folded = fold(text)
        for key in ("~" + plain, "~" + name_key(text, lang)):
            p = self._first(key, type_, min_population, like=folded)
            if p is not None:
                return p
        return None

    def longest_name(self, token: str) -> int:
        """The most tokens in an exact, stemmed or irregular name key (``=``, ``S:``, ``I:``) that
        begins with the folded ``token``; 0 when none does. Spotting uses it to skip multi-word
        lookups that cannot match: most capitalised words begin no listed name of two or more words."""
        if self._name_lengths is None:
            lengths: dict[str, int] = {}
            for key in self._keys:
                if key.startswith("="):
                    tokens = key[1:].split()
                elif key.startswith(("I:", "S:")):
                    tokens = key[2:].split()
                else:
                    continue
                if tokens and lengths.get(tokens[0], 0) < len(tokens):
                    lengths[tokens[0]] = len(tokens)
            self._name_lengths = lengths
        return self._name_lengths.get(token, 0)

    def is_place_name(self, text: str, lang: str | None = None) -> bool:
        """Written as some place's name (in any locale), not merely derived from one."""
        return any(self._keys.get(k) for k in self._name_keys(text, lang))

    @staticmethod
    def _name_keys(text: str, lang: str | None) -> tuple[str, ...]:
        """Exact keys of a name as written: folded; in Slavic or unknown-language text the generic
        Slavic stem (``Англии`` -> ``angl``, England's before Angola's exact ``Angl``); with a case
        ending stripped (German genitive ``Deutschlands``)."""
        stemmed = stem(text, lang)
        if lang is None or lang in SLAVIC:
            return "=" + fold(text), "S:" + stemmed, "=" + stemmed
        return "=" + fold(text), "=" + stemmed

    def demonym_country(self, word: str) -> Place | None:
        """Country of a demonym or country adjective: ``pakistano``, ``Libyan``, ``libijski``,
        ``пакистанский``, ``French`` -> the country; None for anything else."""
        f = fold(word)
        # Exact or stemmed forms only: phonetic skeletons of demonyms match ordinary words
        # (police ~ Polak, jours ~ Irish).
        p = self._first("I:" + f, "LOC") or self._first("I:" + stem(word), "LOC")
        if p is not None or " " in f or len(f) < 4:
            return p
        # plural people-nouns in the genitive, dative, ...: американцев, Američanov, Amerykanów
        for ending in _PLURAL_CASE_ENDINGS:
            if f.endswith(ending) and len(f) - len(ending) >= 5:
                p = self._first("I:" + f[: -len(ending)], "LOC")
                if p is not None:
                    return p
        for n in _SUFFIX_LENGTHS:  # longest suffix first; a set lookup per length, not per suffix
            if len(f) - n >= 4 and f[-n:] in _SUFFIXES:
                p = self._first("D:" + f[:-n].rstrip("aeiouyj"), "LOC")
                if p is not None:
                    return p
        return None


CLOSE_SPELLING = 0.7


@lru_cache(maxsize=65536)
def _close(folded: str, name: str) -> bool:
    """A phonetic skeleton alone is too loose for the tens of thousands of towns (``Azores`` has
    the skeleton of ``Erzincan``, ``Açores`` that of ``Akureyri``): a city found by skeleton must
    also be spelled alike, once both are folded to Latin letters (``Вашингтоне`` ~ ``Washington``)."""
    return SequenceMatcher(None, folded, fold(name)).ratio() >= CLOSE_SPELLING


_PLURAL_CASE_ENDINGS = ("ami", "ach", "akh", "ov", "ev", "ow", "am", "om", "em")  # folded, longest first
_SUFFIXES = frozenset(lexicon.DEMONYM_SUFFIXES)
_SUFFIX_LENGTHS = tuple(sorted({len(x) for x in _SUFFIXES}, reverse=True))


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The shipped gazetteer, read once per process (about 0.3 s)."""
    raw = resources.files("dateline.data").joinpath("gazetteer.json.gz").read_bytes()
    data = json.loads(gzip.decompress(raw))
    return Gazetteer(data["entities"], data["keys"])


# -- titles and ranks ------------------------------------------------------------------------------

def _title_pattern(titles: list[str], anchored_end: bool) -> re.Pattern[str]:
    alts = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(set(titles), key=len, reverse=True))
    if anchored_end:
        return re.compile(rf"(?<![^\W_])(?:{alts})(?<=\.)\s*$|(?<![^\W_])(?:{alts})\s+$", re.I)
    return re.compile(rf"^(?:{alts})(?:(?<=\.)\s*|\s+)(?=[^\W\d_])", re.I)


@lru_cache(maxsize=64)
def _titles(lang: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    titles = list(lexicon.TITLES["en"]) + list(lexicon.TITLES.get(lang or "en", ()))
    return _title_pattern(titles, False), _title_pattern(titles, True)


def split_role(text: str, lang: str | None = None) -> tuple[str | None, int]:
    """Separate a leading title or rank: ``"Field Marshal Asim Munir"`` -> ``("Field Marshal", 14)``.

    The second value is how many characters to skip (title plus the space after it); ``(None, 0)``
    when the text opens with no title or is nothing but a title.
    """
    m = _titles(lang)[0].match(text)
    if not m:
        return None, 0
    return text[: m.end()].strip(), m.end()


@lru_cache(maxsize=64)
def _title_set(lang: str | None) -> frozenset[str]:
    titles = list(lexicon.TITLES["en"]) + list(lexicon.TITLES.get(lang or "en", ()))
    return frozenset(" ".join(t.casefold().split()) for t in titles)


def is_role(text: str, lang: str | None = None) -> bool:
    """The whole text is a title or rank (``Field Marshal``, ``Capo di Stato Maggiore``): a role,
    not a name, whatever a tagger made of it."""
    return " ".join(text.replace("’", "'").casefold().split()) in _title_set(lang)


def role_before(text: str, start: int, lang: str | None = None) -> tuple[str, int, int] | None:
    """A title standing just before ``start`` (``il generale |Asim Munir``): (role, start, end)."""
    window = text[max(0, start - 40): start]
    if not window or not window[-1].isspace():
        return None
    words = window.split()
    titles = _title_set(lang)
    for n in (3, 2, 1):
        if len(words) >= n and " ".join(words[-n:]).casefold() in titles:
            end = start - (len(window) - len(window.rstrip()))
            first = words[-n]
            rs = text.rfind(first, 0, end - sum(len(w) for w in words[-n + 1:]) if n > 1 else end)
            return text[rs:end], rs, end
    return None

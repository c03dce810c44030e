"""The multilingual news-concept and role lexicon (``data/news-concepts.json``) and its matcher.

A stem matches a word by prefix, so one stem covers inflections (``rafforz`` -> rafforzare,
rafforzamento); words of three letters or fewer, or written with a trailing ``=``, match whole
words only, which keeps ``met`` from matching ``metal``. Role titles match whole words except
in Russian, whose case endings need prefixes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from dateline.claims.words import Word, words

DATA = "news-concepts.json"
# Groups whose concepts are not facts of their own: attribution verbs, and background words
# (military, government) that nearly every sentence of a report on one event shares.
NON_FACT_GROUPS = frozenset({"report", "context"})


@dataclass(frozen=True)
class Term:
    key: str
    parts: tuple[tuple[str, bool], ...]  # (word, exact)

    def match_at(self, ws: list[Word], i: int) -> bool:
        if i + len(self.parts) > len(ws):
            return False
        for (part, exact), w in zip(self.parts, ws[i:i + len(self.parts)]):
            if not (w.norm == part if exact else w.norm.startswith(part)):
                return False
        return True


@dataclass(frozen=True)
class Match:
    key: str
    first: int  # word indices, end exclusive
    last: int
    start: int  # character offsets
    end: int


class TermIndex:
    """Terms of one section and language, indexed by what their first word can start with."""

    def __init__(self, terms: list[Term]) -> None:
        self.exact: dict[str, list[Term]] = {}
        self.prefix: dict[str, list[Term]] = {}
        for t in terms:
            word, exact = t.parts[0]
            if exact:
                self.exact.setdefault(word, []).append(t)
            else:
                self.prefix.setdefault(word[:3], []).append(t)

    def at(self, ws: list[Word], i: int) -> list[Term]:
        w = ws[i].norm
        found = [t for t in self.exact.get(w, ()) if t.match_at(ws, i)]
        found += [t for t in self.prefix.get(w[:3], ()) if t.match_at(ws, i)]
        return found

    def find(self, ws: list[Word]) -> list[Match]:
        """Longest match at each position wins (``forza di pace`` is not also ``pace``); ties
        keep every key; matching resumes after it."""
        out: list[Match] = []
        i = 0
        while i < len(ws):
            terms = self.at(ws, i)
            if not terms:
                i += 1
                continue
            n = max(len(t.parts) for t in terms)
            for key in sorted({t.key for t in terms if len(t.parts) == n}):
                out.append(Match(key, i, i + n, ws[i].start, ws[i + n - 1].end))
            i += n
        return out


def _parts(stem: str, prefix_ok: bool) -> tuple[tuple[str, bool], ...]:
    exact_all = stem.endswith("=")
    out = []
    for w in words(stem.rstrip("=")):
        out.append((w.norm, exact_all or not prefix_ok or len(w.norm) <= 3))
    return tuple(out)


@dataclass(frozen=True)
class Lexicon:
    concepts: dict[str, dict]
    roles: dict[str, dict]
    languages: tuple[str, ...]

    def label(self, key: str) -> str:
        entry = self.concepts.get(key) or self.roles.get(key)
        return entry["label"] if entry else key

    def group(self, key: str) -> str:
        return self.concepts[key]["group"]

    def is_fact(self, key: str) -> bool:
        return self.concepts[key]["group"] not in NON_FACT_GROUPS

    def category(self, role_key: str) -> str:
        return self.roles[role_key]["category"]

    def find_concepts(self, ws: list[Word], lang: str | None) -> list[Match]:
        return _index("concepts", _lang(lang)).find(ws)

    def find_roles(self, ws: list[Word], lang: str | None) -> list[Match]:
        return _index("roles", _lang(lang)).find(ws)


def _lang(lang: str | None) -> str:
    # an unknown language is matched against every language's stems
    return lang if lang in load().languages else "*"


@cache
def load() -> Lexicon:
    raw = json.loads(resources.files("dateline").joinpath("data", DATA).read_text(encoding="utf-8"))
    return Lexicon(raw["concepts"], raw["roles"], tuple(raw["languages"]))


@cache
def _index(section: str, lang: str) -> TermIndex:
    lex = load()
    entries = lex.concepts if section == "concepts" else lex.roles
    langs = lex.languages if lang == "*" else (lang,)
    terms = []
    for key, entry in entries.items():
        for lg in langs:
            prefix_ok = section == "concepts" or lg == "ru"
            terms += [Term(key, _parts(stem, prefix_ok)) for stem in entry[lg]]
    return TermIndex([t for t in terms if t.parts])

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
from itertools import compress
from operator import attrgetter

from dateline.claims.words import Word, tokens, words

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

    _MAX_CACHED = 200_000  # words whose candidate terms are kept

    def __init__(self, terms: list[Term]) -> None:
        self.exact: dict[str, list[Term]] = {}
        self.prefix: dict[str, list[Term]] = {}
        for t in terms:
            word, exact = t.parts[0]
            if exact:
                self.exact.setdefault(word, []).append(t)
            else:
                self.prefix.setdefault(word[:3], []).append(t)
        # the prefix terms by their whole first word, and the lengths of those: a word's
        # prefix terms are those under its first n letters, for each such length n (a first
        # word of fewer than three letters, which ``prefix`` files under itself, only when it
        # is the whole word)
        self._prefix_by_part: dict[str, list[Term]] = {}
        for t in terms:
            word, exact = t.parts[0]
            if not exact:
                self._prefix_by_part.setdefault(word, []).append(t)
        self._prefix_lengths = tuple(sorted({len(w) for w in self._prefix_by_part}))
        # what the first letters of a word with a prefix term must be
        self._prefix_heads = frozenset(w[:self._prefix_lengths[0]] for w in self._prefix_by_part)
        # word -> the terms its first word matches, longest first, as
        # ((length, sorted keys of one-word terms or None, ((key, other parts), ...)), ...)
        self._by_word: dict[str, tuple] = {}

    def at(self, ws: list[Word], i: int) -> list[Term]:
        w = ws[i].norm
        found = [t for t in self.exact.get(w, ()) if t.match_at(ws, i)]
        found += [t for t in self.prefix.get(w[:3], ()) if t.match_at(ws, i)]
        return found

    def _candidates(self, w: str) -> tuple:
        cands = self._by_word.get(w)
        if cands is None:
            terms = list(self.exact.get(w, ()))
            if self._prefix_lengths and w[:self._prefix_lengths[0]] in self._prefix_heads:
                for n in self._prefix_lengths:
                    if n > len(w):
                        break
                    if n >= 3 or n == len(w):
                        terms += self._prefix_by_part.get(w[:n], ())
            by_len: dict[int, list[Term]] = {}
            for t in terms:
                by_len.setdefault(len(t.parts), []).append(t)
            cands = tuple((n, tuple(sorted({t.key for t in by_len[n]})) if n == 1 else None,
                           tuple((t.key, t.parts[1:]) for t in by_len[n]))
                          for n in sorted(by_len, reverse=True))
            if len(self._by_word) >= self._MAX_CACHED:
                self._by_word.clear()
            self._by_word[w] = cands
        return cands

    def find(self, ws: list[Word]) -> list[Match]:
        """Longest match at each position wins (``forza di pace`` is not also ``pace``); ties
        keep every key; matching resumes after it."""
        return self.find_tokens(list(map(_NORM, ws)), list(map(_START, ws)), list(map(_END, ws)))

    def find_tokens(self, norms: list[str], starts: list[int], ends: list[int]) -> list[Match]:
        """:meth:`find` over words given as :func:`dateline.claims.words.tokens` gives them."""
        out: list[Match] = []
        size = len(norms)
        at = list(map(self._by_word.get, norms))
        if None in at:  # words not seen before
            at = [self._candidates(w) if c is None else c for w, c in zip(norms, at)]
        i = 0  # where matching resumes
        for k in compress(range(size), at):  # only where some term starts
            if k < i:
                continue
            n = 0
            for n, single, terms in at[k]:
                if k + n > size:
                    continue
                if single is not None:
                    keys = single
                    break
                keys = sorted({key for key, rest in terms if _rest_matches(rest, norms, k + 1)})
                if keys:
                    break
            else:
                continue
            start, end = starts[k], ends[k + n - 1]
            for key in keys:
                out.append(Match(key, k, k + n, start, end))
            i = k + n
        return out


_NORM = attrgetter("norm")
_START = attrgetter("start")
_END = attrgetter("end")


def _rest_matches(parts: tuple[tuple[str, bool], ...], norms: list[str], i: int) -> bool:
    for part, exact in parts:
        norm = norms[i]
        if not (norm == part if exact else norm.startswith(part)):
            return False
        i += 1
    return True


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

    def find_concepts_in(self, text: str, start: int, end: int, lang: str | None) -> list[Match]:
        """``find_concepts(words(text, start, end), lang)``, without making the words."""
        return _index("concepts", _lang(lang)).find_tokens(*tokens(text, start, end))

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

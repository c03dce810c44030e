"""PLOVER trigger lexicons (``data/plover-triggers.json``): find trigger words in a text.

A pattern is one or more lowercase words; a word ending in ``*`` matches any word that starts with
it, so one stem covers a verb's inflections (``incontr*``: incontrato, incontrano; ``встрет*``:
встретился). Patterns are indexed by their first two letters so a text is matched in one pass.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import itemgetter

from dateline.frame.linear import data_path

LEXICON_NAME = "plover-triggers.json"
_TOKEN = re.compile(r"\w+(?:['’-]\w+)*")


@dataclass(frozen=True)
class Hit:
    """One pattern found: ``label`` (event type, mode or context), the character span, the pattern."""

    label: str
    start: int
    end: int
    pattern: str
    words: int  # number of words in the pattern: longer patterns are more specific


Pattern = tuple[tuple[str, bool], ...]  # (word, is_prefix) per word


def _compile(pattern: str) -> Pattern:
    return tuple((w.rstrip("*"), w.endswith("*")) for w in pattern.split())


@lru_cache(maxsize=64)
def _tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """(lowercased token, start, end) of each token: the type, mode and context patterns of one
    sentence are matched on the same tokens."""
    found = list(_TOKEN.finditer(text))
    return tuple(zip(map(str.lower, map(re.Match.group, found)), map(re.Match.start, found), map(re.Match.end, found)))


class PatternSet:
    _MAX_CACHED = 200_000  # tokens whose candidate patterns are kept

    def __init__(self, labelled: list[tuple[str, str]]) -> None:
        self._index: dict[str, list[tuple[str, str, Pattern]]] = {}
        for label, pattern in labelled:
            compiled = _compile(pattern)
            self._index.setdefault(compiled[0][0][:2], []).append((label, pattern, compiled))
        # The patterns by their first word, numbered in order: a token's patterns are those of
        # its two letters' bucket whose first word it is (or, for a prefix, starts with), so
        # the patterns whose first word is the token, and those under its first n letters for
        # each length n of a prefix of two letters or more (one of fewer stands in the bucket
        # of that one letter, where only the very token finds it).
        self._whole: dict[str, list[tuple[int, str, str, Pattern]]] = {}
        self._prefixed: dict[str, list[tuple[int, str, str, Pattern]]] = {}
        for k, (label, pattern, compiled) in enumerate(e for bucket in self._index.values() for e in bucket):
            word, prefix = compiled[0]
            if prefix and len(word) >= 2:
                self._prefixed.setdefault(word, []).append((k, label, pattern, compiled))
            elif word:
                self._whole.setdefault(word, []).append((k, label, pattern, compiled))
        self._prefix_lengths = tuple(sorted({len(w) for w in self._prefixed}))
        # what the first letters of a token with a prefix pattern must be
        self._prefix_heads = frozenset(w[:self._prefix_lengths[0]] for w in self._prefixed)
        # token -> the patterns whose first word it matches, in index order, as
        # (label, pattern, number of words, the other words)
        self._by_token: dict[str, tuple[tuple[str, str, int, Pattern], ...]] = {}

    def _candidates(self, token: str) -> tuple[tuple[str, str, int, Pattern], ...]:
        cands = self._by_token.get(token)
        if cands is None:
            found = list(self._whole.get(token, ()))
            if self._prefix_lengths and token[:self._prefix_lengths[0]] in self._prefix_heads:
                for n in self._prefix_lengths:
                    if n > len(token):
                        break
                    found += self._prefixed.get(token[:n], ())
            found.sort(key=_FIRST)  # in index order
            cands = tuple((label, pattern, len(compiled), compiled[1:]) for _, label, pattern, compiled in found)
            if len(self._by_token) >= self._MAX_CACHED:
                self._by_token.clear()
            self._by_token[token] = cands
        return cands

    def find(self, text: str) -> list[Hit]:
        tokens = _tokens(text)
        size = len(tokens)
        hits: list[Hit] = []
        at = list(map(self._by_token.get, map(_FIRST, tokens)))
        if None in at:  # tokens not seen before
            at = [self._candidates(t[0]) if c is None else c for t, c in zip(tokens, at)]
        for i in compress(range(size), at):  # only where some pattern starts
            _, start, end = tokens[i]
            for label, pattern, n, rest in at[i]:
                if n == 1:
                    hits.append(Hit(label, start, end, pattern, 1))
                    continue
                if i + n > size:
                    continue
                k = i + 1
                for w, prefix in rest:
                    t = tokens[k][0]
                    if not (t.startswith(w) if prefix else t == w):
                        break
                    k += 1
                else:
                    hits.append(Hit(label, start, tokens[i + n - 1][2], pattern, n))
        return hits


_FIRST = itemgetter(0)


def _word_matches(token: str, word: str, prefix: bool) -> bool:
    return token.startswith(word) if prefix else token == word


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    with open(data_path(LEXICON_NAME), encoding="utf-8") as fh:
        return json.load(fh)


def type_patterns(lang: str | None) -> PatternSet:
    """Event-type patterns of one language; every language's when ``lang`` has no lexicon."""
    types = _lexicon()["types"]
    return _type_patterns(lang if lang and all(lang in per_lang for per_lang in types.values()) else None)


@lru_cache(maxsize=16)
def _type_patterns(lang: str | None) -> PatternSet:
    types = _lexicon()["types"]
    langs = {lang} if lang else None
    return PatternSet([(t, p) for t, per_lang in types.items() for code, patterns in per_lang.items()
                       if langs is None or code in langs for p in patterns])


@lru_cache(maxsize=1)
def mode_patterns() -> dict[str, PatternSet]:
    return {t: PatternSet([(mode, p) for mode, patterns in modes.items() for p in patterns])
            for t, modes in _lexicon()["modes"].items()}


@lru_cache(maxsize=1)
def context_patterns() -> PatternSet:
    return PatternSet([(c, p) for c, patterns in _lexicon()["contexts"].items() for p in patterns])


def lexicon_languages() -> tuple[str, ...]:
    return tuple(sorted(next(iter(_lexicon()["types"].values()))))

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


class PatternSet:
    def __init__(self, labelled: list[tuple[str, str]]) -> None:
        self._index: dict[str, list[tuple[str, str, Pattern]]] = {}
        for label, pattern in labelled:
            compiled = _compile(pattern)
            self._index.setdefault(compiled[0][0][:2], []).append((label, pattern, compiled))

    def find(self, text: str) -> list[Hit]:
        tokens = [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        hits: list[Hit] = []
        for i, (token, start, _) in enumerate(tokens):
            for label, pattern, compiled in self._index.get(token[:2], ()):
                if i + len(compiled) > len(tokens):
                    continue
                if all(_word_matches(tokens[i + k][0], w, prefix) for k, (w, prefix) in enumerate(compiled)):
                    hits.append(Hit(label, start, tokens[i + len(compiled) - 1][2], pattern, len(compiled)))
        return hits


def _word_matches(token: str, word: str, prefix: bool) -> bool:
    return token.startswith(word) if prefix else token == word


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    with open(data_path(LEXICON_NAME), encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=16)
def type_patterns(lang: str | None) -> PatternSet:
    """Event-type patterns of one language; every language's when ``lang`` has no lexicon."""
    types = _lexicon()["types"]
    langs = {lang} if lang and all(lang in per_lang for per_lang in types.values()) else None
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

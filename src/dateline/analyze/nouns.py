"""Tagger output in languages that capitalise every noun (German, Luxembourgish).

The shipped tagger was trained on none of them, and there a capital letter says little: it marks
`Dienstag`, `Gewerkschaften`, `Der Streit` as names. What is kept needs more evidence than a
capital: an acronym, a name the gazetteer knows, a run of two or more capitalised words with no
function word among them (`Markus Hollenbach`, `IG Metall`), or the last word of such a run
repeated alone (`Hollenbach`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from dateline.models import Mention

NOUN_CAPITALISING = frozenset({"de", "lb"})

_FUNCTION = frozenset((
    "der die das den dem des ein eine einen einem einer eines kein keine "
    "bei für bis auch viele alle im in am an auf aus mit nach von vom zu zum zur und oder aber "
    "wie als so da dort hier heute nun noch schon mehr nicht nur um über unter vor seit gegen "
    "durch ohne laut trotz während wegen dieser diese dieses jeder jede jedes sein seine ihr ihre "
    "unser unsere er sie es wir man"
).split())


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _strip_leading_function_words(m: Mention) -> Mention | None:
    words = m.text.split(" ")
    cut = 0
    while words and words[0].casefold() in _FUNCTION:
        cut += len(words[0]) + 1
        words = words[1:]
    if not words:
        return None
    return replace(m, start=m.start + cut, text=m.text[cut:]) if cut else m


def filter_noun_language_mentions(mentions: list[Mention], is_known_name: Callable[[str], bool]) -> list[Mention]:
    runs: list[Mention] = []
    singles: list[Mention] = []
    for m in mentions:
        trimmed = _strip_leading_function_words(m)
        if trimmed is None:
            continue
        words = trimmed.text.split()
        if len(words) > 1 and all(w[:1].isupper() for w in words) and not any(w.casefold() in _FUNCTION for w in words):
            runs.append(trimmed)
        elif len(words) == 1:
            singles.append(trimmed)
        elif is_known_name(trimmed.text):
            runs.append(trimmed)
    last_words = {r.text.split()[-1] for r in runs}
    kept = runs + [m for m in singles if _is_acronym(m.text) or m.text in last_words or is_known_name(m.text)]
    return sorted(kept, key=lambda m: (m.start, m.end))

"""The ``link`` stage: mentions -> entities, one entity across spellings, languages and scripts.

``Linker`` holds the cross-document state; ``find_gazetteer_mentions`` proposes place, demonym and
organisation mentions by lookup (the only mention source for Arabic and CJK text).
"""

from functools import lru_cache

from dateline.link.gazetteer import load as _load_gazetteer
from dateline.link.gazetteer import split_role
from dateline.link.keys import is_acronym
from dateline.link.linker import Linker, find_gazetteer_mentions

__all__ = ["Linker", "find_gazetteer_mentions", "is_big_place", "is_known_name", "split_role"]

BIG_PLACE_POPULATION = 100_000


@lru_cache(maxsize=100_000)  # German text asks this of most of its capitalised words
def is_known_name(text: str, lang: str | None = None) -> bool:
    """A place, country or organisation name the gazetteer knows as written (any population)."""
    return _load_gazetteer().lookup(text, lang, None, strict=True) is not None


@lru_cache(maxsize=100_000)
def is_big_place(text: str, lang: str | None = None) -> bool:
    """A country, region or city of at least ``BIG_PLACE_POPULATION`` people, named as written
    (not a demonym, not an acronym: ``ТАСС`` is also a town's alternate name)."""
    g = _load_gazetteer()
    if is_acronym(text) or not g.is_place_name(text, lang):
        return False
    return g.lookup(text, lang, "LOC", min_population=BIG_PLACE_POPULATION, strict=True) is not None

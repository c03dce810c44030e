"""Mentions found by gazetteer lookup alone: country names, demonyms and adjectives (``pakistano``),
big cities, international organisations. It complements the tagger everywhere and is the only
mention source for scripts the tagger does not cover (Arabic, CJK).
"""

from __future__ import annotations

import re
from functools import lru_cache

from dateline.link import gazetteer as gaz
from dateline.link.keys import fold, stem_token
from dateline.models import Mention

_WORD = re.compile(r"[^\W\d_](?:[^\W_]|['’\-.](?=[^\W\d_]))*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")
_ARABIC_PREFIXES = ("وال", "بال", "لل", "فال", "ال", "و", "ب", "ل")
_LOWER_DEMONYM_LANGS = frozenset("it fr es pt ca ro pl cs sk sl hr sr bs ru uk bg be mk nl".split())
_MAX_TOKENS = 4
_MIN_CITY = 300_000
# Function words that are also place names somewhere; never proposed alone.
_STOP = frozenset(fold(w) for w in (
    "a e i o u y in on of to the and or de la le les el los las da do das dos der die das den und "
    "na ne ni no po pri za od do se si ja ty on ona oni my vy il lo gli un una per con su tra fra "
    "это как так там тут при над под из за до от но не ни все он она они мы вы я"
).split())


def _arabic_variants(word: str) -> list[tuple[int, str]]:
    """The word and the word without a leading article/conjunction: (offset into word, form)."""
    out = [(0, word)]
    for p in _ARABIC_PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            out.append((len(p), word[len(p):]))
    return out


@lru_cache(maxsize=200_000)  # names recur across articles; a lookup costs tens of microseconds
def _spotted_type(surface: str, lang: str | None) -> str | None:
    g = gaz.load()
    p = g.lookup(surface, lang, None, min_population=_MIN_CITY, strict=True)
    if p is None or (p.kind == "city" and p.population < _MIN_CITY):
        return None
    # "Pakistani" is not a place name but a word about one: NORP (nationality, as OntoNotes
    # calls it), still linked to its country.
    if p.type == "LOC" and not g.is_place_name(surface, lang) and g.demonym_country(surface):
        return "NORP"
    return p.type


@lru_cache(maxsize=200_000)
def _is_demonym(word: str) -> bool:
    return fold(word) not in _STOP and gaz.load().demonym_country(word) is not None


@lru_cache(maxsize=200_000)
def _longest_from(word: str, lang: str | None) -> int:
    """How many words a listed name that starts with ``word`` can span (at least 1)."""
    tokens = fold(word).split()
    if not tokens:
        return _MAX_TOKENS  # nothing to prune on
    first = tokens[0]
    g = gaz.load()
    # lookup() tries the folded name and its stems (with the text's language, and without)
    return max(1, *(g.longest_name(t) - len(tokens) + 1 for t in {first, stem_token(first, lang), stem_token(first, None)}))


def spot(text: str, lang: str | None, nationalities_only: bool = False) -> list[Mention]:
    """``nationalities_only``: just the nationality words (one token each), for text whose names
    a tagger finds better (about a third of the work)."""
    gaz.load()  # the first call pays for loading, not the first lookup
    lang = (lang or "").split("-")[0].lower() or None
    found: list[Mention] = []

    def accept(start: int, end: int, surface: str) -> bool:
        type_ = _spotted_type(surface, lang)
        if type_ is None or (nationalities_only and type_ != "NORP"):
            return False
        found.append(Mention(start, end, text[start:end], type_, source="gazetteer"))
        return True

    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    i = 0
    while i < len(words):
        s0, e0 = words[i]
        w0 = text[s0:e0]
        if _CJK.fullmatch(w0):
            i += 1
            continue  # handled below
        matched = 0
        if w0[0].isupper():
            longest = 1 if nationalities_only else min(_MAX_TOKENS, len(words) - i, _longest_from(w0, lang))
            for n in range(longest, 0, -1):
                s, e = s0, words[i + n - 1][1]
                gap = text[words[i + n - 2][1]: words[i + n - 1][0]] if n > 1 else ""
                if n > 1 and ("\n" in gap or len(gap) > 2):
                    continue
                surface = text[s:e]
                if fold(text[s0:e0]) in _STOP:
                    break  # "Il Pakistan": the name starts after the article
                if accept(s, e, surface):
                    matched = n
                    break
        elif "\u0600" <= w0[0] <= "\u06ff":
            for off, form in _arabic_variants(w0):
                if accept(s0 + off, e0, form):
                    matched = 1
                    break
        elif lang in _LOWER_DEMONYM_LANGS and len(w0) >= 5:
            if _is_demonym(w0):
                found.append(Mention(s0, e0, w0, "NORP", source="gazetteer"))  # pakistano
                matched = 1
        i += max(matched, 1)

    for m in () if nationalities_only else _CJK.finditer(text):  # no spaces: longest known name at each position
        run, base, k = m.group(), m.start(), 0
        while k < len(run):
            for n in range(min(8, len(run) - k), 1, -1):
                if accept(base + k, base + k + n, run[k: k + n]):
                    k += n
                    break
            else:
                k += 1
    found.sort(key=lambda x: x.start)
    return found

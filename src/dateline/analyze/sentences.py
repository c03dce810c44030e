"""Rule-based sentence splitting with character offsets, for any language.

One regex finds candidate ends (terminal punctuation plus closing quotes/brackets, then
space; CJK terminators need no space; a blank line always ends a sentence); a few rules then
veto a candidate by looking at the word before it (abbreviations per language, initials,
German ordinals) and the word after it (lowercase: no split). Fast: one regex pass and a
handful of set look-ups per candidate, no tokenization of the whole text.

Sentences are trimmed of surrounding white space and together cover every non-space character.
"""

from __future__ import annotations

import re

from dateline.text.months import month_number
from dateline.models import Sentence

# Abbreviations, written without their final dot. An entry in lower case matches any case
# (``dott`` = ``Dott``); an entry with capitals matches exactly (``No`` but not ``no``).
# NEVER: a title or word that is practically never sentence-final (``Mr. Smith``).
# ENDABLE: often sentence-final (``etc.``): split when the next word is capitalized.
# AMBIGUOUS: country acronyms and the like (``U.S. President`` vs ``in the U.S. The``):
# split only when the next word is a typical sentence opener (see _STARTERS).
_NEVER: dict[str, str] = {
    "*": "mr mrs ms dr prof st vs No Nos Art e.g i.e cf approx ca",
    "en": "messrs gen col lt sgt rep sen capt cmdr maj gov rev hon pres supt insp det adm brig "
          "jan feb mar apr jun jul aug sep sept oct nov dec mt ft fig vol pp p",
    "it": "sig sigg sig.ra sig.na dott dott.ssa prof.ssa avv ing on sen geom rag arch pag pagg "
          "gen col ten magg cap mons s.e sen nr n gen",
    "fr": "mme mmes mlle mlles mgr av apr me pr ste cie env p pp n°",
    "es": "sr sra sres srta dña d dn lic ing arq gral cnel tte p pág núm av avda",
    "pt": "sr sra srs srta dra eng gen cel ten av pág núm",
    "de": "nr bzw ca vgl str sog hr fr z.b d.h u.a o.ä s.o s.u z.t u.u evtl ggf inkl zzgl abs "
          "bd jh jhd gen oberstlt",
    "nl": "dhr mevr mw drs ir ing bijv blz nr",
    "ru": "им ул пр просп пл д кв млн млрд тыс руб долл проф акад ген см рис т.е т.к т.н "
          "напр св стр",
    "uk": "ім вул млн млрд тис грн проф акад див напр т.зв",
    "bg": "гр ул млн млрд хил проф акад напр т.е д-р",
    "pl": "ul np tzn tzw prof dr hab im św pl al mln mld tys zł gen płk ks",
    "cs": "např tj tzv mj prof ing mgr mudr judr phdr ul mil mld tis gen plk",
}
_ENDABLE: dict[str, str] = {
    "*": "etc Inc Corp Ltd Co Jr Sr a.m p.m",
    "en": "bros plc llc",
    "it": "ecc spa s.p.a srl s.r.l",
    "fr": "cf sa s.a j.-c",  # "en 30 av. J.-C. Fin."
    "es": "s.a cía",
    "pt": "s.a ltda",
    "de": "usw etc gmbh ag",
    "ru": "т.д т.п др",
    "uk": "т.д т.п ін",
    "bg": "и т.н",
    "pl": "itd itp",
    "cs": "atd apod",
}
_AMBIGUOUS: dict[str, str] = {
    "*": "",
    "es": "EE.UU EE UU",
    "ru": "г гг",  # "в 2020 г. Затем" vs "г. Москва"
    "uk": "р рр",
    "bg": "г",
    "pl": "r",  # "w 2020 r. Potem"
}
# Capitalized words that typically open a sentence, to break ties after an ambiguous abbreviation.
_STARTERS: dict[str, str] = {
    "en": "The A An He She It They We I In On At But And This That These Those There His Her Their "
          "Its As If When While After Before Meanwhile However Also So Yet For Some Many Most All "
          "According One Two No Our His Earlier Later Last Now Then Officials",
    "it": "Il Lo La I Gli Le Un Una Ma E In Per Nel Nella Secondo Questo Questa Dopo Anche Non Si "
          "Da Con Lui Lei Loro Già Ora Poi",
    "fr": "Le La Les Un Une Il Elle Ils Elles Mais Et En Pour Dans Selon Ce Cette Après Avant On "
          "Depuis Des Au Aux",
    "es": "El La Los Las Un Una Pero Y En Para Según Este Esta Después Antes Él Ella Ellos Se No "
          "Desde Con Al",
    "pt": "O A Os As Um Uma Mas E Em Para Segundo Este Esta Depois Antes Ele Ela Eles Não Desde "
          "No Na",
    "de": "Der Die Das Ein Eine Er Sie Es Wir Ich Aber Und In Im Am Nach Vor Dies Diese Dieser Auch "
          "Laut Seit",
    "ru": "В На По Это Он Она Они Мы Я Но И Как Однако Также Кроме После До С Об О При",
    "uk": "В У На По Це Він Вона Вони Ми Але І Як Однак Також Після До З При",
    "bg": "В На По Това Той Тя Те Ние Но И Как След До С При",
    "pl": "W Na Po To On Ona Oni My Ale I Jak Jednak Także Po Przed Z Od Do",
    "cs": "V Na Po To On Ona Oni My Ale A Jak Však Také Před Z Od Do",
    "nl": "De Het Een Hij Zij Ze Wij Maar En In Op Na Volgens Dit Deze Er",
}
# German ordinal before a noun: "am 17. Dezember", "der 3. Oktober", "zum 5. Mal".
_DE_ORDINAL_BEFORE = frozenset(["am", "im", "vom", "zum", "zur", "bis", "seit", "ab", "der", "die", "das", "dem", "den", "des", "ihr", "ihrem", "ihres", "sein", "seinem", "seines", "jeder", "jedem"])


def _table(source: dict[str, str]) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Per language: (exact-case entries, lowercase entries) merged with the '*' entries."""
    out = {}
    langs = set(source) | set(_NEVER) | set(_STARTERS)
    for lang in langs | {"*"}:
        words = (source.get("*", "") + " " + source.get(lang, "")).split()
        if lang == "*":  # unknown language: every table
            words = " ".join(source.values()).split()
        exact = frozenset(w for w in words if w != w.lower())
        lower = frozenset(w for w in words if w == w.lower())
        out[lang] = (exact, lower)
    return out


_NEVER_T = _table(_NEVER)
_ENDABLE_T = _table(_ENDABLE)
_AMBIGUOUS_T = _table(_AMBIGUOUS)
_STARTERS_T = {lang: frozenset(words.split()) for lang, words in _STARTERS.items()}
_STARTERS_T["*"] = frozenset(" ".join(_STARTERS.values()).split())


def _has(table: dict[str, tuple[frozenset[str], frozenset[str]]], lang: str, word: str) -> bool:
    exact, lower = table.get(lang) or table["*"]
    return word in exact or word.lower() in lower


# A candidate end: CJK terminators (no space needed), or terminal punctuation with any closing
# quotes/brackets (also French " »") followed by white space or the end; or a blank line.
_CLOSERS = "\"'”’»)\\]」』）"
_BOUNDARY = re.compile(
    rf"(?P<cjk>[。！？]+[{_CLOSERS}]*)"
    rf"|(?P<term>(?:[.!?…؟۔।‼⁇⁈⁉]+)[{_CLOSERS}]*(?:[ \u00a0\u202f]»)?)(?=\s|$)"
    r"|(?P<para>\n[^\S\n]*\n)"
)
_NEXT = re.compile(r"\s*[\"'“‘«„(\[¿¡—–-]*(\S*)")
_OPENING = "\"'“‘«„([{¿¡*"
_DOTTED = re.compile(r"^(?:[^\W\d_]{1,2}\.)+[^\W\d_]{0,2}$")  # U.S  e.g  z.B  J.-C (below)


def split_sentences(text: str, lang: str | None = None) -> list[Sentence]:
    """Split ``text`` into sentences: trimmed ``[start, end)`` spans in order.

    ``lang`` (ISO 639-1) picks the abbreviation lists; ``None`` or an unknown code uses all.
    """
    key = lang if lang in _STARTERS_T else "*"
    sentences: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.lastgroup == "para":
            end = m.start()
        elif m.lastgroup == "cjk":
            end = m.end()
        else:
            if not _ends_here(text, m.start(), m.end(), m.group("term"), key):
                continue
            end = m.end()
        _add(text, start, end, sentences)
        start = m.end()
    _add(text, start, len(text), sentences)
    return sentences


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end))


def _ends_here(text: str, pos: int, end: int, term: str, lang: str) -> bool:
    """Whether the terminal punctuation at ``text[pos:end]`` ends a sentence."""
    nxt = _NEXT.match(text, end)
    next_word = nxt.group(1) if nxt else ""
    if not next_word:
        return True  # end of text
    first = next_word[0]
    if first.islower():
        return False  # "etc. and", "Yahoo! said", "... and then"
    if term[0] != ".":
        return True  # ? ! … and the like before a capital, digit or caseless script
    if term.startswith(".."):
        return True  # an ellipsis before a capital
    # The word before the full stop.
    j = pos
    while j > 0 and not text[j - 1].isspace() and pos - j < 40:
        j -= 1
    word = text[j:pos].lstrip(_OPENING)
    if not word:
        return True
    if word.isdigit():
        return not _ordinal(text, j, word, next_word, lang)
    if _has(_NEVER_T, lang, word):
        return False
    if _has(_ENDABLE_T, lang, word):
        return True
    starter = next_word.rstrip(",.;:") in _STARTERS_T.get(lang, _STARTERS_T["*"])
    if _has(_AMBIGUOUS_T, lang, word):
        return starter
    if len(word) == 1 and word.isalpha():
        # An initial (J. Smith, Donald J. Trump) or a piece of "z. B.", "d. h.": not an end,
        # unless a typical opener follows ("... Plan B. The").
        return word.isupper() and starter
    if "." in word and (_DOTTED.match(word) or _DOTTED.match(word.replace("-", ""))):
        # Dotted acronym or abbreviation (U.S, J.-C, z.B): like an ambiguous abbreviation.
        return starter if word[0].isupper() else False
    return True


def _ordinal(text: str, j: int, number: str, next_word: str, lang: str) -> bool:
    """A day or ordinal number before its noun: "17. Dezember", "am 3. Oktober"."""
    if len(number) > 2:
        return False
    if month_number(next_word.rstrip(",.;:"), lang if lang != "*" else None) is not None:
        return True
    if lang in ("de", "*", "pl", "cs"):
        k = j - 1
        while k > 0 and text[k - 1].isspace():
            k -= 1
        i = k
        while i > 0 and not text[i - 1].isspace():
            i -= 1
        return text[i:k].lower() in _DE_ORDINAL_BEFORE
    return False

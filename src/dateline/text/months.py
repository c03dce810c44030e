"""Month names and abbreviations per language: shared by cleaning (datelines, header dates)
and analysis (time expressions).

Written by hand: full names (nominative and, where the language declines them after a day
number, genitive) and the abbreviations news agencies use. Lookup ignores case, accents and
a trailing dot.
"""

from __future__ import annotations

import re
import unicodedata

# One list per language, January first; each entry holds every spelling of that month.
MONTH_NAMES: dict[str, list[str]] = {
    "en": ["january jan", "february feb", "march mar", "april apr", "may",
           "june jun", "july jul", "august aug", "september sep sept",
           "october oct", "november nov", "december dec"],
    "it": ["gennaio gen", "febbraio feb", "marzo mar", "aprile apr", "maggio mag",
           "giugno giu", "luglio lug", "agosto ago", "settembre set sett",
           "ottobre ott", "novembre nov", "dicembre dic"],
    "fr": ["janvier janv", "février févr fév", "mars", "avril avr", "mai",
           "juin", "juillet juil", "août", "septembre sept",
           "octobre oct", "novembre nov", "décembre déc"],
    "es": ["enero ene", "febrero feb", "marzo mar", "abril abr", "mayo may",
           "junio jun", "julio jul", "agosto ago", "septiembre setiembre sep sept",
           "octubre oct", "noviembre nov", "diciembre dic"],
    "pt": ["janeiro jan", "fevereiro fev", "março mar", "abril abr", "maio mai",
           "junho jun", "julho jul", "agosto ago", "setembro set",
           "outubro out", "novembro nov", "dezembro dez"],
    "de": ["januar jänner jan", "februar feb", "märz mär mrz", "april apr", "mai",
           "juni jun", "juli jul", "august aug", "september sep sept",
           "oktober okt", "november nov", "dezember dez"],
    "nl": ["januari jan", "februari feb", "maart mrt", "april apr", "mei",
           "juni jun", "juli jul", "augustus aug", "september sep sept",
           "oktober okt", "november nov", "december dec"],
    "ru": ["январь января янв", "февраль февраля фев", "март марта мар",
           "апрель апреля апр", "май мая", "июнь июня июн", "июль июля июл",
           "август августа авг", "сентябрь сентября сен сент", "октябрь октября окт",
           "ноябрь ноября ноя нояб", "декабрь декабря дек"],
    "uk": ["січень січня", "лютий лютого", "березень березня", "квітень квітня",
           "травень травня", "червень червня", "липень липня", "серпень серпня",
           "вересень вересня", "жовтень жовтня", "листопад листопада", "грудень грудня"],
    "bg": ["януари", "февруари", "март", "април", "май", "юни", "юли", "август",
           "септември", "октомври", "ноември", "декември"],
    "pl": ["styczeń stycznia", "luty lutego", "marzec marca", "kwiecień kwietnia",
           "maj maja", "czerwiec czerwca", "lipiec lipca", "sierpień sierpnia",
           "wrzesień września", "październik października", "listopad listopada",
           "grudzień grudnia"],
    "cs": ["leden ledna", "únor února", "březen března", "duben dubna",
           "květen května", "červen června", "červenec července", "srpen srpna",
           "září", "říjen října", "listopad listopadu", "prosinec prosince"],
    "tr": ["ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz",
           "ağustos", "eylül", "ekim", "kasım", "aralık"],
}


def fold(word: str) -> str:
    """Lower case without accents or a trailing dot: the lookup key of a month token."""
    decomposed = unicodedata.normalize("NFD", word.strip().rstrip(".").casefold())
    # Strip combining marks except the Cyrillic breve (й) so май/маи stay distinct.
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch) or ch == "\u0306")
    return unicodedata.normalize("NFC", kept)


_BY_LANG: dict[str, dict[str, int]] = {
    lang: {fold(name): number for number, names in enumerate(months, 1) for name in names.split()}
    for lang, months in MONTH_NAMES.items()
}

LANGUAGES = tuple(MONTH_NAMES)


def month_number(token: str, lang_hint: str | None = None) -> int | None:
    """1-12 for a month name or abbreviation in any known language, the hinted one first."""
    key = fold(token)
    order = ([lang_hint] if lang_hint in _BY_LANG else []) + list(_BY_LANG)
    for lang in order:
        number = _BY_LANG[lang].get(key)
        if number is not None:
            return number
    return None


def _pattern() -> str:
    spellings: set[str] = set()
    for months in MONTH_NAMES.values():
        for names in months:
            for name in names.split():
                spellings.add(name)
                spellings.add(fold(name))
    # Longest first, so "sept" wins over "sep" and "dicembre" over "dic".
    alternation = "|".join(re.escape(s) for s in sorted(spellings, key=lambda s: (-len(s), s)))
    # Not followed by another letter: "mar" must not match the start of "martedì".
    return rf"(?:{alternation})(?![^\W\d_])\.?"


MONTH = _pattern()  # regex source; compile with re.IGNORECASE

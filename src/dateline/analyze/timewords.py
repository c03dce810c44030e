"""Per-language word tables and regex rules for time expressions (used by ``times.py``).

Each language lists its weekday names (as regexes, so inflected forms fit: Russian ``среду``,
German ``Mittwochabend``), relative day words with their offsets, number words, a future cue,
and rules: ``(kind, regex)`` pairs whose named groups the resolver reads (``d m y`` for dates,
``wd dir`` for weekdays, ``rd`` relative days, ``n unit`` for "N days ago", ``dir unit`` for
"last week", ``t`` the part that forms the span when a preposition is only context).
Month names are not repeated here: they come from :mod:`dateline.text.months`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from dateline.text import months
from dateline.text.months import fold

_F = re.IGNORECASE

# A plausible year: 1800-2199, not part of a longer number, a decimal or a percentage.
_Y = r"(?P<y>(?:1[89]|2[01])\d\d)(?!\d|[.,]\d|\s*%)"
_D = r"(?P<d>[0-3]?\d)"  # not glued to a number: checked by the resolver (faster than a lookbehind)
# Bare short abbreviations that are also ordinary words: need a dot or a year to count.
NEEDS_DOT = frozenset({"mar", "set", "ago", "out", "sat"})

_EXTRA_MONTHS = {  # Russian prepositional case, "в марте" (not in the clean-stage tables)
    "ru": ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе",
           "сентябре", "октябре", "ноябре", "декабре"],
}


def _alternation(spellings: set[str]) -> str:
    return "|".join(re.escape(s) for s in sorted(spellings, key=lambda s: (-len(s), s)))


def _month_regexes(lang: str | None) -> tuple[str, str]:
    """(all spellings with an optional dot, full names only) for ``lang`` (None: every language)."""
    tables = months.MONTH_NAMES  # the clean stage's hand-written tables, reused rather than copied
    langs = [lang] if lang in tables else list(tables)
    every: set[str] = set()
    full: set[str] = set()
    for code in langs:
        for number, names in enumerate(tables[code]):
            spellings = names.split()
            for i, name in enumerate(spellings):
                every |= {name, fold(name)}
                if i == 0 or len(name) >= 5:
                    full |= {name, fold(name)}
        for name in _EXTRA_MONTHS.get(code, []):
            every.add(name)
            full.add(name)
    tail = r"(?![^\W\d_])"
    # Only abbreviations take a dot: "19 mars." must leave the full stop to the sentence.
    abbreviations = every - full
    return (rf"(?:(?:{_alternation(full)}){tail}|(?:{_alternation(abbreviations)}){tail}\.?)",
            rf"(?:{_alternation(full)}){tail}")


def _words_regex(words: list[str]) -> str:
    """Alternation of (multi-word) phrases; any run of space and either apostrophe matches."""
    parts = []
    for phrase in sorted(words, key=lambda w: (-len(w), w)):
        tokens = [re.escape(t).replace("'", "['’]") for t in phrase.split()]
        parts.append(r"\s+".join(tokens))
    return "|".join(parts)


def _key(token: str) -> str:
    return " ".join(fold(token).replace("’", "'").split())


@dataclass(frozen=True)
class Words:
    """Everything the resolver needs for one language."""

    code: str
    # (kind, regex, gates): the regex runs on lower-cased text, and only when each named gate
    # (a cheap search in ``gates``) finds something: no month name, no month rules.
    rules: list[tuple[str, re.Pattern[str], tuple[str, ...]]]
    gates: dict[str, re.Pattern[str]]
    capitalized: bool  # months and weekdays are written with a capital (en, de)
    future: re.Pattern[str] | None
    month_lang: str | None
    weekday_res: list[re.Pattern[str]]
    relday_offsets: dict[str, int]
    relday_check: Callable[[str, str, int], bool] | None = None
    extra_months: dict[str, int] = field(default_factory=dict)
    needs_dot: frozenset[str] = NEEDS_DOT

    def weekday(self, token: str) -> int | None:
        for i, regex in enumerate(self.weekday_res):
            if regex.fullmatch(token):
                return i
        return None

    def relday(self, token: str, text: str, pos: int) -> int | None:
        offset = self.relday_offsets.get(_key(token))
        if offset is None or (self.relday_check and not self.relday_check(token, text, pos)):
            return None
        return offset


# -- shared look-ups -------------------------------------------------------------------------

_DIRECTIONS: list[tuple[str, int]] = [  # (folded prefix, step); first match wins
    ("this past", -1), ("last", -1), ("previous", -1), ("scors", -1), ("passat", -1),
    ("dernier", -1), ("derniere", -1), ("passe", -1), ("pasad", -1), ("passad", -1), ("ultim", -1),
    ("letzt", -1), ("vergangen", -1), ("vorig", -1), ("прошл", -1), ("минувш", -1),
    ("предыдущ", -1),
    ("next", 1), ("coming", 1), ("prossim", 1), ("prochain", 1), ("proxim", 1), ("que vem", 1),
    ("que viene", 1), ("nachst", 1), ("kommend", 1), ("следующ", 1), ("будущ", 1),
    ("this", 0), ("quest", 0), ("cette", 0), ("cet", 0), ("ce", 0), ("est", 0), ("nest", 0),
    ("dies", 0), ("эт", 0), ("текущ", 0), ("нынешн", 0),
]
_UNITS: list[tuple[str, str]] = [
    ("week", "week"), ("settiman", "week"), ("semain", "week"), ("seman", "week"),
    ("woche", "week"), ("недел", "week"),
    ("month", "month"), ("mes", "month"), ("mois", "month"), ("monat", "month"), ("месяц", "month"),
    ("year", "year"), ("ann", "year"), ("an", "year"), ("jahr", "year"), ("год", "year"),
    ("лет", "year"),
    ("day", "day"), ("giorn", "day"), ("jour", "day"), ("dia", "day"), ("tag", "day"),
    ("дн", "day"), ("день", "day"),
]
_NUMBERS: dict[str, int] = {}
for _value, _line in enumerate((
    "a an one un uno una une um uma ein eine einem einer один одну одного",
    "two due deux dos dois duas zwei два две двух",
    "three tre trois tres três drei три трех",
    "four quattro quatre cuatro quatro vier четыре",
    "five cinque cinq cinco fünf пять",
    "six sei seis sechs шесть",
    "seven sette sept siete sete sieben семь",
    "eight otto huit ocho oito acht восемь",
    "nine nove neuf nueve neun девять",
    "ten dieci dix diez dez zehn десять",
    "eleven undici onze once elf одиннадцать",
    "twelve dodici douze doce zwölf двенадцать",
), 1):
    for _w in _line.split():
        _NUMBERS[fold(_w)] = _value


def direction(word: str | None) -> int | None:
    """-1 (last), 0 (this), +1 (next) for a modifier word; None when there is none."""
    if not word:
        return None
    key = _key(word)
    for prefix, step in _DIRECTIONS:
        if key.startswith(prefix):
            return step
    return None


def unit(word: str | None) -> str | None:
    if not word:
        return None
    key = _key(word)
    return next((u for prefix, u in _UNITS if key.startswith(prefix)), None)


def number(word: str | None) -> int | None:
    """An amount in digits or words; a missing amount ("неделю назад") is one."""
    if word is None:
        return 1
    return int(word) if word.isdigit() else _NUMBERS.get(_key(word))


def _number_regex(words: str) -> str:
    return rf"\d{{1,3}}|{_words_regex(words.split())}"


# -- context checks --------------------------------------------------------------------------

def _es_manana(token: str, text: str, pos: int) -> bool:
    """Spanish "mañana" is "morning" after an article: "por la mañana", "cada mañana"."""
    if _key(token) != "manana":
        return True
    before = text[max(0, pos - 12):pos].split()
    return not before or before[-1].lower() not in {"la", "una", "cada", "toda", "media", "esa",
                                                    "aquella", "por", "de"}


def _de_morgen(token: str, text: str, pos: int) -> bool:
    """German "Morgen" (capital) is "morning"; only lowercase "morgen" is "tomorrow"."""
    return token != "Morgen" and token != "MORGEN"


# -- languages -------------------------------------------------------------------------------

_DATES = [  # every language
    ("iso", r"(?P<y>(?:1[89]|2[01])\d\d)(?P<s>[-/])(?P<mo>[01]?\d)(?P=s)(?P<d>[0-3]?\d)(?!\d)"),
    ("num", rf"(?P<a>[0-3]?\d)(?P<sep>[./\-])(?P<b>[01]?\d)(?P=sep){_Y}(?![./\-]\d)"),
]

_SPECS: dict[str, dict] = {
    "en": {
        "gates": {"ago": r"\bago\b", "period": r"week|month|year"},  # cheap pre-checks
        "capitalized": True,
        "weekdays": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
        "relday": {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0,
                "tomorrow": 1, "the day after tomorrow": 2},
        "numbers": "a an one two three four five six seven eight nine ten eleven twelve",
        "future": r"\b(?:will|shall|'ll|’ll|scheduled|due to|expected to|plans? to|planned|"
               r"upcoming|set to|to be held)\b",
        "rules": [
            ("weekday", r"\b(?P<dir>last|next|this past)\s+(?P<wd>{WD})\b"),
            ("weekday", r"\b(?P<wd>{WD})\b"),
            ("relday", r"\b(?P<rd>{RD})\b"),
            ("ago", r"\b(?P<n>{N})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b"),
            ("period", r"\b(?P<dir>last|this|next)\s+(?P<unit>week|month|year)\b"),
            ("dm", _D + r"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{M})(?:,?\s+" + _Y + ")?"),
            ("md", r"\b(?P<m>{M})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:]|[.,]\d)"
                   r"(?:,?\s+" + _Y + ")?"),
            ("my", r"\b(?P<m>{M})\s+(?:of\s+)?" + _Y),
            ("month", r"(?:\b(?:in|since|until|during|early|late|by)\s+|\bmid-)(?P<t>(?P<m>{MF}))\b"),
            ("year", r"(?:\b(?:in|since|until|during|by|before|after|throughout|early|late)\s+|"
                     r"\bmid-)(?P<t>" + _Y + ")"),
        ],
    },
    "it": {
        "gates": {"ago": r"\bfa\b", "period": r"settiman|mese|anno"},  # cheap pre-checks
        "weekdays": ["luned[iì]", "marted[iì]", "mercoled[iì]", "gioved[iì]", "venerd[iì]",
                  "sabato", "domenica"],
        "relday": {"l'altro ieri": -2, "l'altroieri": -2, "ieri l'altro": -2, "avantieri": -2,
                "ieri": -1, "oggi": 0, "stamattina": 0, "stamani": 0, "stasera": 0,
                "stanotte": 0, "domani": 1, "dopodomani": 2},
        "numbers": "un uno una due tre quattro cinque sei sette otto nove dieci undici dodici",
        "future": r"\b(?:si terrà|si svolgerà|sarà|saranno|previst[oaie]|in programma|dovrà|"
               r"prossim[oaie])\b",
        "rules": [
            ("weekday", r"\b(?P<wd>{WD})\s+(?P<dir>scors[oa]|passat[oa]|prossim[oa])\b"),
            ("weekday", r"\b(?P<dir>scors[oa]|passat[oa]|prossim[oa])\s+(?P<wd>{WD})"),
            ("weekday", r"\b(?P<wd>{WD})"),
            ("relday", r"\b(?P<rd>{RD})\b"),
            ("ago", r"\b(?P<n>{N})\s+(?P<unit>giorn[oi]|settiman[ae]|mes[ei]|ann[oi])\s+fa\b"),
            ("period", (r"(?:\b(?:la|il|lo)\s+|\bl['’])?\b(?P<unit>settimana|mese|anno)\s+"
                       r"(?P<dir>scors[oa]|passat[oa]|prossim[oa])\b")),
            ("period", (r"(?:\b(?:la|il|lo)\s+)?\b(?P<dir>scors[oa]|passat[oa]|prossim[oa])\s+"
                       r"(?P<unit>settimana|mese|anno)\b")),
            ("period", r"\b(?P<dir>quest[oa]|quest['’])\s*(?P<unit>settimana|mese|anno)\b"),
            ("dm", _D + r"[º°]?\s+(?P<m>{M})(?:\s+(?:del\s+)?" + _Y + ")?"),
            ("my", r"\b(?P<m>{M})\s+(?:del\s+)?" + _Y),
            ("month", (r"\b(?:a|in|da|dal|entro|fino a|nel mese di|a inizio|a fine|a metà)\s+"
                      r"(?P<t>(?P<m>{MF}))\b")),
            ("year", r"\b(?:nel|del|dal|entro il|fino al|anno|nell['’]anno)\s+(?P<t>" + _Y + ")"),
        ],
    },
    "fr": {
        "gates": {"ago": r"il y a", "period": r"semaine|mois|\ban"},  # cheap pre-checks
        "weekdays": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
        "relday": {"avant-hier": -2, "avant hier": -2, "hier": -1, "aujourd'hui": 0, "ce soir": 0,
                "ce matin": 0, "cette nuit": 0, "demain": 1, "après-demain": 2, "après demain": 2},
        "numbers": "un une deux trois quatre cinq six sept huit neuf dix onze douze quinze",
        "future": r"\b(?:aura lieu|sera|seront|prévue?s?|devrait|devra|prochaine?s?|va|vont)\b",
        "rules": [
            ("weekday", r"\b(?P<wd>{WD})\s+(?P<dir>derni(?:er|ère)|pass[ée]|prochain)\b"),
            ("weekday", r"\b(?P<wd>{WD})\b"),
            ("relday", r"\b(?P<rd>{RD})\b"),
            ("ago", r"\bil y a\s+(?P<n>{N})\s+(?P<unit>jours?|semaines?|mois|ans?|années?)\b"),
            ("period", (r"(?:\b(?:la|le)\s+|\bl['’])?\b(?P<unit>semaine|mois|année|an)\s+"
                       r"(?P<dir>derni(?:er|ère)|pass[ée]e?|prochaine?)\b")),
            ("period", r"\b(?P<dir>cette|ce|cet)\s+(?P<unit>semaine|mois|année)(?:-ci)?\b"),
            ("dm", r"(?P<d>1er|[0-3]?\d)\s+(?P<m>{M})(?:\s+" + _Y + ")?"),
            ("my", r"\b(?P<m>{M})\s+" + _Y),
            ("month", (r"(?:\b(?:en|depuis|jusqu['’]en|début|fin|courant)\s+|\bmi-)"
                      r"(?P<t>(?P<m>{MF}))\b")),
            ("year", r"(?:\b(?:en|depuis|jusqu['’]en|avant|après)\s+|\bd['’]ici\s+|"
                     r"\bl['’]année\s+)(?P<t>" + _Y + ")"),
        ],
    },
    "es": {
        "gates": {"ago": r"hace", "period": r"semana|mes|año"},  # cheap pre-checks
        "weekdays": ["lunes", "martes", "mi[ée]rcoles", "jueves", "viernes", "s[áa]bado", "domingo"],
        "relday": {"anteayer": -2, "antier": -2, "antes de ayer": -2, "ayer": -1, "hoy": 0,
                "esta noche": 0, "esta mañana": 0, "esta tarde": 0, "mañana": 1,
                "pasado mañana": 2},
        "relday_check": _es_manana,
        "numbers": "un uno una dos tres cuatro cinco seis siete ocho nueve diez once doce quince",
        "future": r"\b(?:será|serán|se celebrará|tendrá lugar|previst[oa]s?|prevé|va a|van a|"
               r"próxim[oa]s?|deberá)\b",
        "rules": [
            ("weekday", r"\b(?P<wd>{WD})\s+(?P<dir>pasado|próximo|proximo|que viene)\b"),
            ("weekday", r"\b(?P<dir>pasado|próximo|proximo)\s+(?P<wd>{WD})\b"),
            ("weekday", r"\b(?P<wd>{WD})\b"),
            ("relday", r"\b(?P<rd>{RD})\b"),
            ("ago", r"\bhace\s+(?P<n>{N})\s+(?P<unit>días?|semanas?|mes(?:es)?|años?)\b"),
            ("period", (r"(?:\b(?:la|el)\s+)?\b(?P<unit>semana|mes|año)\s+"
                       r"(?P<dir>pasad[oa]|próxim[oa]|proxim[oa]|que viene)\b")),
            ("period", (r"(?:\b(?:la|el)\s+)?\b(?P<dir>pasad[oa]|próxim[oa])\s+"
                       r"(?P<unit>semana|mes|año)\b")),
            ("period", r"\b(?P<dir>est[ea])\s+(?P<unit>semana|mes|año)\b"),
            ("dm", _D + r"º?\s+(?:de\s+)?(?P<m>{M})(?:\s+(?:del?\s+)?" + _Y + ")?"),
            ("my", r"\b(?P<m>{M})\s+(?:del?\s+)?" + _Y),
            ("month", (r"\b(?:en|desde|hasta|a principios de|a finales de|a mediados de)\s+"
                      r"(?P<t>(?P<m>{MF}))\b")),
            ("year", r"\b(?:en el año|del año|en|desde|hasta|durante)\s+(?P<t>" + _Y + ")"),
        ],
    },
    "pt": {
        "gates": {"ago": r"há|atrás", "period": r"semana|m[eê]s|ano"},  # cheap pre-checks
        "weekdays": ["segunda[- ]feira", "ter[çc]a[- ]feira", "quarta[- ]feira", "quinta[- ]feira",
                  "sexta[- ]feira", "s[áa]bado", "domingo"],
        "relday": {"anteontem": -2, "antes de ontem": -2, "ontem": -1, "hoje": 0, "esta noite": 0,
                "esta manhã": 0, "amanhã": 1, "depois de amanhã": 2},
        "numbers": "um uma dois duas três tres quatro cinco seis sete oito nove dez onze doze quinze",
        "future": r"\b(?:será|serão|vai|vão|irá|previst[oa]s?|próxim[oa]s?|deverá)\b",
        "rules": [
            ("weekday", r"\b(?P<wd>{WD})\s+(?P<dir>passad[oa]|que vem|próxim[oa]|proxim[oa])\b"),
            ("weekday", r"\b(?P<dir>últim[oa]|ultim[oa]|próxim[oa]|proxim[oa])\s+(?P<wd>{WD})\b"),
            ("weekday", r"\b(?P<wd>{WD})\b"),
            ("relday", r"\b(?P<rd>{RD})\b"),
            ("ago", r"\bhá\s+(?P<n>{N})\s+(?P<unit>dias?|semanas?|m[eê]s(?:es)?|anos?)\b"),
            ("ago", r"\b(?P<n>{N})\s+(?P<unit>dias?|semanas?|m[eê]s(?:es)?|anos?)\s+atrás\b"),
            ("period", (r"(?:\b(?:na|no|a|o)\s+)?\b(?P<unit>semana|m[eê]s|ano)\s+"
                       r"(?P<dir>passad[oa]|que vem|próxim[oa])\b")),
            ("period", (r"(?:\b(?:na|no|a|o)\s+)?\b(?P<dir>últim[oa]|próxim[oa])\s+"
                       r"(?P<unit>semana|m[eê]s|ano)\b")),
            ("period", r"\b(?P<dir>n?est[ea])\s+(?P<unit>semana|m[eê]s|ano)\b"),
            ("dm", _D + r"º?\s+(?:de\s+)?(?P<m>{M})(?:\s+(?:de\s+)?" + _Y + ")?"),
            ("my", r"\b(?P<m>{M})\s+(?:de\s+)?" + _Y),
            ("month", (r"\b(?:em|desde|até|no início de|no fim de|em meados de)\s+"
                      r"(?P<t>(?P<m>{MF}))\b")),
            ("year", r"\b(?:em|desde|até|durante|no ano de)\s+(?P<t>" + _Y + ")"),
        ],
    },
    "de": {
        "gates": {"ago": r"\bvor\b", "period": r"woche|monat|jahr"},  # cheap pre-checks
        "capitalized": True,
        "weekdays": [w + "(?:abend|morgen|nachmittag|vormittag|mittag|nacht)?" for w in
                  ("montag", "dienstag", "mittwoch", "donnerstag", "freitag",
                   "(?:samstag|sonnabend)", "sonntag")],
        "relday": {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2},
        "relday_check": _de_morgen,
        "numbers": "ein einem einer eine zwei drei vier fünf sechs sieben acht neun zehn elf zwölf",
        "future": r"\b(?:wird|werden|soll|sollen|geplant|kommende\w*|nächste\w*|stattfinden)\b",
        "rules": [
            ("weekday", (r"\b(?P<dir>(?:letzt|vergangen|vorig|nächst|kommend)(?:e|en|er|es|em)?)\s+"
                        r"(?P<wd>{WD})\b")),
            ("weekday", r"\b(?P<wd>{WD})\b"),
            ("relday", r"\b(?P<rd>{RD})\b"),
            ("ago", r"\bvor\s+(?P<n>{N})\s+(?P<unit>Tag(?:en)?|Wochen?|Monat(?:en)?|Jahr(?:en)?)\b"),
            ("period", (r"\b(?P<dir>(?:letzt|vergangen|vorig|nächst|kommend|dies)(?:e|en|er|es|em)?)"
                       r"\s+(?P<unit>Woche|Monats?|Jahr(?:es)?)\b")),
            ("dm", _D + r"\.?\s*(?P<m>{M})(?:\s+" + _Y + ")?"),
            ("my", r"\b(?P<m>{M})\s+" + _Y),
            ("month", r"\b(?:im|seit|bis|ab|Anfang|Ende|Mitte)\s+(?P<t>(?P<m>{MF}))\b"),
            ("year", r"\b(?:im Jahre?|seit|bis|ab|Jahr|Anfang|Ende|Mitte)\s+(?P<t>" + _Y + ")"),
        ],
    },
    "ru": {
        "gates": {"ago": r"назад", "period": r"недел|месяц|год"},  # cheap pre-checks
        "weekdays": ["понедельник(?:а|у|ом)?", "вторник(?:а|у|ом)?", "сред(?:а|у|ы|е|ой)",
                  "четверг(?:а|у|ом)?", "пятниц(?:а|у|ы|е|ей)", "суббот(?:а|у|ы|е|ой)",
                  "воскресень(?:е|я|ю|ем)"],
        "relday": {"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2},
        "numbers": "один одну одного два две двух три четыре пять шесть семь восемь девять десять",
        "future": r"\b(?:будет|будут|состоится|планиру\w*|намерен\w*|предстоящ\w*|следующ\w*)\b",
        "rules": [
            ("weekday", r"\b(?P<dir>прошл\w*|минувш\w*|следующ\w*|эт[уио]т?|этой)\s+(?P<wd>{WD})\b"),
            # Bare "среда" is also "environment": a weekday needs its preposition ("в среду").
            ("weekday", r"\b(?:в|во|с|до|к|на)\s+(?P<t>(?P<wd>{WD}))\b"),
            ("relday", r"\b(?P<rd>{RD})\b"),
            ("ago", (r"\b(?:(?P<n>{N})\s+)?(?P<unit>дн(?:я|ей)|день|недел[юиь]|месяц(?:а|ев)?|"
                    r"год(?:а)?|лет)\s+назад\b")),
            ("period", (r"\b(?P<dir>прошл\w*|минувш\w*|эт\w+|следующ\w*|текущ\w*|нынешн\w*)\s+"
                       r"(?P<unit>недел\w*|месяц\w*|год\w*)\b")),
            ("dm", _D + r"\s+(?P<m>{M})(?:\s+" + _Y + r"(?:\s*(?:года|году|г\.))?)?"),
            ("my", r"\b(?P<m>{M})\s+" + _Y + r"(?:\s*(?:года|году|г\.))?"),
            ("month", r"\b(?:в|с|до|к|начале|конце|середине)\s+(?P<t>(?P<m>{MF}))\b"),
            ("year", r"(?P<t>" + _Y + r"\s*(?:году|года|год|г\.))"),
        ],
    },
}
# Languages with month tables only: explicit and day-month dates plus the everyday relative words.
_BASIC_RELDAY = {
    "nl": {"eergisteren": -2, "gisteren": -1, "vandaag": 0, "morgen": 1, "overmorgen": 2},
    "pl": {"przedwczoraj": -2, "wczoraj": -1, "dzisiaj": 0, "dziś": 0, "jutro": 1, "pojutrze": 2},
    "cs": {"předevčírem": -2, "včera": -1, "dnes": 0, "zítra": 1, "pozítří": 2},
    "uk": {"позавчора": -2, "вчора": -1, "сьогодні": 0, "завтра": 1, "післязавтра": 2},
    "bg": {"завчера": -2, "вчера": -1, "днес": 0, "утре": 1, "вдругиден": 2},
    "tr": {"dün": -1, "bugün": 0, "yarın": 1},
}
_BASIC_RULES = [
    ("dm", _D + r"\.?\s+(?:de\s+)?(?P<m>{M})(?:\s+(?:de\s+)?" + _Y + ")?"),
    ("my", r"\b(?P<m>{M})\s+" + _Y),
]


def _fast(source: str) -> str:
    """Rules run case-sensitively on lower-cased text: without IGNORECASE and without a leading
    ``\\b`` (the resolver checks the boundary), ``re`` can skip ahead to a possible first
    character, several times faster. So literals are lower-cased here, escapes (``\\W``) kept."""
    source = re.sub(r"(?<![\\?])[^\W\d_]", lambda m: m.group().lower(), source)
    return source.removeprefix(r"\b")


def _build(code: str, spec: dict) -> Words:
    month_lang = code if code in months.MONTH_NAMES else None
    m_all, m_full = _month_regexes(month_lang)
    weekdays = spec.get("weekdays", [])
    relday = spec.get("relday", {})
    fill = {
        "M": m_all, "MF": m_full,
        "WD": "|".join(f"(?:{w})" for w in weekdays) or "(?!)",
        "RD": _words_regex(list(relday)) or "(?!)",
        "N": _number_regex(spec.get("numbers", "")),
    }
    rules = list(_DATES)
    for kind, source in spec.get("rules", []):
        rules.append((kind, re.sub(r"\{(M|MF|WD|RD|N)\}", lambda m: fill[m.group(1)], source)))
    future = spec.get("future")
    extra = {name: i for i, name in enumerate(_EXTRA_MONTHS.get(code, []), 1)}
    return Words(
        code=code,
        rules=[(kind, re.compile(_fast(source)), _GATES.get(kind, ())) for kind, source in rules],
        gates=_gates(spec, m_all, fill["WD"]),
        capitalized=spec.get("capitalized", False),
        future=re.compile(future, _F) if future else None,
        month_lang=month_lang,
        weekday_res=[re.compile(_fast(w)) for w in weekdays],
        relday_offsets={_key(k): v for k, v in relday.items()},
        relday_check=spec.get("relday_check"),
        extra_months=extra,
    )


_GATES = {"dm": ("month",), "md": ("month",), "month": ("month",), "my": ("month", "year"),
          "year": ("year",), "weekday": ("weekday",), "ago": ("ago",), "period": ("period",)}


def _gates(spec: dict, months: str, weekdays: str) -> dict[str, re.Pattern[str]]:
    sources = {"month": months, "weekday": weekdays, "year": r"(?:1[89]|2[01])\d\d", **spec.get("gates", {})}
    return {name: re.compile(_fast(source)) for name, source in sources.items()}


def _basic(code: str | None) -> dict:
    relday = _BASIC_RELDAY.get(code or "", {})
    rules = list(_BASIC_RULES) + ([("relday", r"\b(?P<rd>{RD})\b")] if relday else [])
    return {"relday": relday, "rules": rules}


LANGS: dict[str, Words] = {code: _build(code, spec) for code, spec in _SPECS.items()}
LANGS.update({code: _build(code, _basic(code)) for code in months.LANGUAGES if code not in LANGS})
# Unknown language: explicit dates and day-month dates with every language's month names; no
# relative words, which collide across languages (French "hier" is German "here").
LANGS["*"] = _build("*", _basic(None))

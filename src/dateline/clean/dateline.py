"""The dateline that opens a wire report: ``RABAT, December 17. .``, ``BERLIN (dpa) -``,
``МОСКВА, 17 декабря. /ТАСС/.``, ``SÃO PAULO, 17 de dezembro de 2025 -``.

Strict by design, so an ordinary first sentence is never eaten: the place (at most four
words) must be ALL CAPS (any cased script) or be followed by a date or a known agency, and the
dateline must end with a separator (dash, colon, or a full stop after an ALL CAPS place) or
the end of the paragraph. The place is kept as written ("RABAT"); the year stays None unless
the dateline states it (``year_source="text"``), see ``dates.resolve_dateline_year``.
"""

from __future__ import annotations

import calendar
import re

from dateline.text.months import MONTH, month_number
from dateline.models import Dateline

# Agencies believed after a mixed-case place ("Kyiv (Reuters) -") or after the dash
# ("МОСКВА, 17 дек — РИА Новости."). After an ALL CAPS place any short name in () or // is.
KNOWN_AGENCIES = frozenset(name.casefold() for name in (
    "Reuters", "AP", "AFP", "dpa", "EFE", "ANSA", "AGI", "Adnkronos", "TASS", "ТАСС",
    "RIA Novosti", "РИА Новости", "Interfax", "Интерфакс", "Lusa", "Agência Brasil", "Xinhua",
    "UPI", "Bloomberg", "Europa Press", "Kyodo", "Jiji", "Yonhap", "PAP", "ČTK", "CTK", "BTA",
    "STA", "Ukrinform", "Укрінформ", "UNIAN", "УНІАН", "APA", "ATS", "Keystone-ATS", "Belga",
    "ANP", "Anadolu", "AA", "IANS", "PTI", "ANI", "Bernama", "Antara", "WAFA", "MENA", "IRNA",
    "KUNA", "SPA", "WAM", "QNA", "MAP", "TAP", "APS", "Sputnik", "Спутник", "BelTA", "БелТА",
    "Kazinform", "Trend", "Notimex", "Télam", "Prensa Latina", "KNA", "epd", "KAP", "HINA",
    "Tanjug", "MTI", "NTB", "TT", "STT", "Ritzau", "AP Photo", "CNA", "УНН", "UNN",
    "Казинформ", "ПРАЙМ", "PRIME", "Интерфакс-Украина", "Interfax-Ukraine", "БТА", "ЧТК",
))

_STOP_PLACES = frozenset(word.casefold() for word in (
    "BREAKING", "BREAKING NEWS", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "OPINION",
    "EDITORIAL", "COMMENT", "VIDEO", "PHOTO", "PHOTOS", "LIVE", "WATCH", "CORRECTED",
    "CORRECTION", "REFILE", "URGENT", "FLASH", "ALERT", "FACTBOX", "EXPLAINER", "INTERVIEW",
    "REVIEW", "NOTE", "EDITOR'S NOTE", "ULTIMA ORA", "ULTIM'ORA", "ESCLUSIVO", "ESCLUSIVA",
    "EXCLUSIF", "ALERTE", "DIRECT", "ÚLTIMA HORA", "EXCLUSIVA", "EILMELDUNG", "EXKLUSIV",
    "СРОЧНО", "МОЛНИЯ", "ЭКСКЛЮЗИВ", "URGENTE",
))
_WEEKDAYS = frozenset((
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow "
    "lunedì martedì mercoledì giovedì venerdì sabato domenica oggi ieri "
    "lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui "
    "lunes martes miércoles jueves viernes sábado domingo hoy ayer "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag heute gestern "
    "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira hoje ontem "
    "понедельник вторник среда четверг пятница суббота воскресенье сегодня вчера "
    "понеділок вівторок середа четвер п'ятниця субота неділя "
    "понеделник вторник сряда четвъртък петък събота неделя "
    "poniedziałek wtorek środa czwartek piątek sobota niedziela "
    "pondělí úterý středa čtvrtek pátek sobota neděle "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"
).split())

# A place word: letters with inner apostrophes/hyphens (N'DJAMENA, AL-ARISH). A short
# abbreviation may open a place (ST. LOUIS) or stand in a region ("Ky.", "N.Y.", "Calif.");
# a dot after a whole word ends the place ("КИЇВ. 17 грудня").
_WORD = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_ABBR = r"[^\W\d_]{1,3}\."
_REGION_WORD = rf"(?:(?:[^\W\d_]\.){{2,3}}|[^\W\d_]{{1,5}}\.|{_WORD})"
_CONNECTOR = r"(?:de|da|do|dos|das|del|della|di|du|des|la|le|el|los|las|am|an|der|sur|en|upon|on)"
_PLACE = rf"(?:{_ABBR}[ ])?{_WORD}(?:[ ](?:{_CONNECTOR}[ ])?(?:{_ABBR}[ ])?{_WORD}){{0,3}}"
_DATE = (
    rf"(?P<d1>\d{{1,2}})(?:\.|\s+de)?\s+(?P<m1>{MONTH})"
    rf"(?:,?\s+(?:de\s+)?(?P<y1>\d{{4}})(?:\s*г\.?)?)?"
    rf"|(?P<m2>{MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{{4}}))?"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
)
_AGENCY_NAME = r"[^\W\d_][\w.&'’\- ]{0,38}[\w.]"

_DATELINE = re.compile(
    rf"(?:\((?P<agency0>{_AGENCY_NAME})\)\s*[-–—]+\s*)?"  # ANSA style: (ANSA) - ROMA, 17 DIC -
    rf"(?P<place>{_PLACE})"
    rf"(?:,\s*(?!(?:{MONTH})(?:\s|$))(?P<region>{_REGION_WORD}(?:[ ]{_REGION_WORD}){{0,2}}))??"
    rf"(?:(?:(?P<comma>[,.])\s*|\s+)(?P<date>{_DATE}))?"
    rf"(?:\s*\.?\s*(?:\((?P<agency1>{_AGENCY_NAME})\)|/(?P<agency2>{_AGENCY_NAME})/))?"
    # A separator, or the end of the paragraph ("LONDON 1996-08-30" on a line of its own).
    r"(?:(?P<sep>\s*(?:[.:]\s*)?[-–—]+|\s*:|\s*\.)(?=\s|$)|(?=[ ]*(?:\n|$)))",
    re.IGNORECASE,
)
# An agency after the separator: "— РИА Новости.", ". УНН.", "- ПРАЙМ ." (then the body).
_AFTER_SEP_AGENCY = re.compile(
    r"\s*(?P<name>[^\W\d_][\w\- ]{0,30}?)\s?(?:\.|\s[-–—]+)(?=\s|$)")
_TRAILING_JUNK = re.compile(r"[\s.:;,·–—-]*")
_DASHES = "-–—"


def _is_capitalised(place: str) -> bool:
    words = place.split()
    first_up = words[0][0].isupper()
    return first_up and all(w[0].isupper() or re.fullmatch(_CONNECTOR, w) for w in words)


def _date_parts(m: re.Match[str], lang_hint: str | None) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of the matched date, None if it is not a real date."""
    if m.group("m3"):
        month, day, year = int(m.group("m3")), int(m.group("d3")), int(m.group("y3"))
    else:
        token = m.group("m1") or m.group("m2")
        month = month_number(token, lang_hint) or 0
        day = int(m.group("d1") or m.group("d2"))
        year_text = m.group("y1") or m.group("y2")
        year = int(year_text) if year_text else None
    if not 1 <= month <= 12:
        return None
    # A year-less date is checked against a leap year so that 29 February is allowed.
    if not 1 <= day <= calendar.monthrange(year or 2024, month)[1]:
        return None
    return month, day, year


def split_dateline(text: str, lang_hint: str | None = None) -> tuple[Dateline | None, str]:
    """Split the dateline off the start of ``text`` (the first paragraph's opening).

    Returns ``(Dateline, rest)`` where ``rest`` is exactly the text after the dateline and the
    separators and artifacts that follow it (``. .``, dashes, colons); ``(None, text)`` when
    the text does not open with a dateline.
    """
    m = _DATELINE.match(text)
    if m is None:
        return None, text
    place = m.group("place")
    words = place.split()
    if place.casefold() in _STOP_PLACES or any(w.casefold() in _WEEKDAYS for w in words):
        return None, text
    caps = place.isupper() and sum(ch.isalpha() for ch in place) >= 2
    if not caps and (not _is_capitalised(place) or month_number(words[0], lang_hint)):
        return None, text  # lower-case words, or "December 17, ..." opening a sentence

    parts = _date_parts(m, lang_hint) if m.group("date") else None
    if m.group("date") and (parts is None or (m.group("comma") != "," and not caps)):
        return None, text  # not a real date, or "Kyiv 17 December" without a comma

    agency = m.group("agency0") or m.group("agency1") or m.group("agency2")
    if agency is not None:
        agency = agency.strip()
        known = agency.casefold() in KNOWN_AGENCIES
        if not known and (not caps or len(agency.split()) > 3):
            return None, text  # "John Smith (Labour) -" is not a dateline
    sep = (m.group("sep") or "").strip()
    dash = any(ch in sep for ch in _DASHES)
    end = m.end()
    if sep and agency is None:
        after = _AFTER_SEP_AGENCY.match(text, end)
        if after:
            name = after.group("name").strip()
            # Any short ALL CAPS name after an ALL CAPS place and its date; else a known one.
            short_caps = caps and parts and name.isupper() and len(name.split()) <= 2
            if name.casefold() in KNOWN_AGENCIES or short_caps:
                agency, end = name, after.end()
    rest = text[_TRAILING_JUNK.match(text, end).end():]

    if rest[:1].islower():
        return None, text  # "El Gobierno, 17 dic - aprobó": a body opens a sentence
    if m.group("region") and not (parts or agency):
        return None, text  # "PARIS, Texas -" alone is too weak a signal
    if caps and not parts and not agency:
        # Place and a dash only ("WASHINGTON — The ..."), not a shouted headline
        # ("CRICKET - LEICESTERSHIRE TAKE OVER") nor "IL GOVERNO - ha deciso".
        head = re.sub(r"\W", "", rest[:40])
        starts_sentence = not rest or rest[0].isupper() or rest[0] in "\"'“‘«„"
        if not dash or not starts_sentence or head.isupper():
            return None, text
    if not caps and not agency and (not parts or sep in (".", ":")):
        return None, text  # "Rome, 17 December. The..." reads like a sentence

    month, day, year = parts if parts else (None, None, None)
    return Dateline(
        text=re.sub(r"[\s.:,;–—-]+$", "", text[:end]),
        place=place,
        agency=agency,
        month=month,
        day=day,
        year=year,
        year_source="text" if year else None,
    ), rest

"""Numbers with units: money (``$5 million``, ``5 millions d'euros``), percentages (``12%``,
``5 per cent``, ``12 Prozent``) and counts of people (``killing 6 civilians``, ``12 morti``,
``6 человек погибли``), normalised to a value, a unit and, where the words around say so, what
is counted (a concept key of the lexicon: killed, wounded, arrested ...)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dateline.claims.lexicon import load
from dateline.claims.records import Claim
from dateline.claims.words import first_words, last_words
from dateline.models import Sentence

_NUM = r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?"
_SCALES = {
    "thousand": 1e3, "mila": 1e3, "mille": 1e3, "mil": 1e3, "tausend": 1e3, "тыс": 1e3, "тысяч": 1e3, "тысячи": 1e3,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "m": 1e6, "milione": 1e6, "milioni": 1e6, "millón": 1e6,
    "millones": 1e6, "millon": 1e6, "million(en)": 1e6, "millionen": 1e6, "mio": 1e6, "млн": 1e6, "миллион": 1e6,
    "миллиона": 1e6, "миллионов": 1e6, "milhão": 1e6, "milhões": 1e6, "milhao": 1e6, "milhoes": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "miliardo": 1e9, "miliardi": 1e9, "milliard": 1e9,
    "milliards": 1e9, "mil millones": 1e9, "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "млрд": 1e9,
    "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9, "bilhão": 1e9, "bilhões": 1e9, "bilhao": 1e9,
}
_CURRENCY_WORDS = {
    "USD": "dollars? dollari dollaro dólares? dollar долларов доллара доллар",
    "EUR": "euros? евро",
    "GBP": "pounds? sterline? sterling livres? libras? pfund фунтов",
}
_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}
_PERCENT = r"%|per ?cent|percent|per cento|percento|pour ?cent|por ?ciento|prozent|процент(?:а|ов)?|por ?cento"
# Nouns of counted people, so "6 civilians" is a count even without a casualty word.
_PEOPLE = (r"people|persons?|civilians?|soldiers?|children|women|men|migrants?|protesters?|police(?:men)?|suspects?|"
           r"sospetti|suspects|sospechosos|verdächtige|подозреваемых|suspeitos|"
           r"persone|civili|soldati|bambini|donne|uomini|militari|migranti|manifestanti|"
           r"personnes|civils|soldats|enfants|femmes|hommes|militaires|manifestants|"
           r"personas|civiles|soldados|niños|mujeres|hombres|manifestantes|"
           r"menschen|personen|zivilisten|soldaten|kinder|frauen|männer|demonstranten|"
           r"человека?|людей|мирных жителей|военных|солдат|детей|женщин|"
           r"pessoas|civis|crianças|mulheres|homens")

_scale = "|".join(sorted((re.escape(k) for k in _SCALES if "(" not in k), key=len, reverse=True))
_cur_words = "|".join(w for ws in _CURRENCY_WORDS.values() for w in ws.split())
_MONEY_BEFORE = re.compile(rf"(?P<sym>US\$|\$|€|£)\s?(?P<num>{_NUM})(?:\s?(?P<scale>{_scale})\b)?", re.IGNORECASE)
_MONEY_AFTER = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUM})\s?(?:(?P<scale>{_scale})\s+)?(?:(?:de|di|d['’]|of)\s?)?(?P<cur>{_cur_words}|€|\$|£)(?!\w)",
    re.IGNORECASE)
_PERCENTAGE = re.compile(rf"(?<![\w.,])(?P<num>{_NUM})\s?(?P<unit>{_PERCENT})(?!\w)", re.IGNORECASE)
_COUNT = re.compile(rf"(?<![\w.,:/-])(?P<num>{_NUM})(?![\d%])(?:\s(?:\w+\s)?(?P<noun>{_PEOPLE}))?(?!\w)",
                    re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_SYMBOL_BEFORE = len("US$ ")  # the most a _MONEY_BEFORE match starts before its number's first digit
_CONTEXT_WORDS = 4  # words either side searched for what a count counts


def parse_number(raw: str, scale: float = 1.0) -> float:
    """``1,5`` and ``1.5`` are one and a half; ``1,500`` and ``1.500`` fifteen hundred."""
    s = re.sub(r"[\u00a0\u202f ]", "", raw)
    seps = [c for c in s if c in ".,"]
    if len(seps) > 1 and len(set(seps)) == 2:
        dec = seps[-1]
        s = s.replace("," if dec == "." else ".", "").replace(dec, ".")
    elif seps:
        head, _, tail = s.rpartition(seps[0])
        s = s.replace(seps[0], "") if len(tail) == 3 and len(seps) == 1 or len(seps) > 1 else f"{head}.{tail}"
    return float(s) * scale


def _scale_of(word: str | None) -> float:
    return _SCALES.get(word.lower(), 1.0) if word else 1.0


def _currency(word: str) -> str:
    if word in _SYMBOLS:
        return _SYMBOLS[word]
    for code, ws in _CURRENCY_WORDS.items():
        if re.fullmatch(ws.replace(" ", "|"), word, re.IGNORECASE):
            return code
    return word


def _counted(text: str, sent: Sentence, start: int, end: int, lang: str | None) -> tuple[str | None, int]:
    """The casualty concept nearest the number (``killing 6 civilians and wounding 12``: 6 are
    killed), and where the match ends when it directly follows (``12 morti``), else ``end``."""
    before = last_words(text, sent.start, start, _CONTEXT_WORDS)
    after = first_words(text, end, sent.end, _CONTEXT_WORDS)
    lex = load()
    best: tuple[int, int, str, int] | None = None  # (distance, side, key, end)
    for side, ws in ((1, after), (0, before)):
        for m in lex.find_concepts(ws, lang):
            if lex.group(m.key) != "casualty":
                continue
            dist = m.first if side else len(ws) - m.last
            cand = (dist, side, m.key, m.end if side and dist == 0 else end)
            if best is None or cand[:2] < best[:2]:
                best = cand
    return (best[2], best[3]) if best else (None, end)


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else repr(v)


def number_claims(article_id: str, text: str, sentences: tuple[Sentence, ...], lang: str | None,
                  taken: list[tuple[int, int]] = ()) -> list[Claim]:
    """``taken``: spans already explained (dates, times) where digits are not quantities."""
    claims: list[Claim] = []
    for sent in sentences:
        runs = [m.start() for m in _DIGITS.finditer(text, sent.start, sent.end)]
        if runs:  # every pattern here needs a digit
            # only what the sentence overlaps can be in the way of its numbers
            used = [(ts, te) for ts, te in taken if ts < sent.end and sent.start < te]
            claims += _sentence_numbers(article_id, text, sent, lang, used, runs)
    return claims


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int], end: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, starts[0], end)`` for a pattern no match of which starts
    elsewhere than at one of ``starts`` (ascending): tried there alone."""
    resume = 0
    for pos in starts:
        if pos >= resume and (m := pattern.match(text, pos, end)):
            yield m
            resume = m.end()


def _sentence_numbers(article_id: str, text: str, sent: Sentence, lang: str | None,
                      used: list[tuple[int, int]], runs: list[int] | None = None) -> list[Claim]:
    """``runs``: where the sentence's runs of digits start, when known. A number starts a
    run (the patterns' lookbehinds exclude a digit, a word character, before it), and a
    currency symbol stands at most ``_SYMBOL_BEFORE`` characters before the first."""
    claims: list[Claim] = []
    if runs is None:
        runs = [m.start() for m in _DIGITS.finditer(text, sent.start, sent.end)]
        if not runs:
            return claims

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in used)

    def add(m: re.Match[str], value: float, unit: str, counted: str | None = None, what: str | None = None,
            end: int | None = None) -> None:
        end = end or m.end()
        used.append((m.start(), end))
        detail = {"number": value, "unit": unit, "counted": counted, "noun": what}
        claims.append(Claim(article_id, "number", _fmt(value), m.start(), end, sent.start, sent.end, detail=detail))

    money_before = _MONEY_BEFORE.finditer(text, max(sent.start, runs[0] - _SYMBOL_BEFORE), sent.end)
    for found in (money_before, _matches_at(_MONEY_AFTER, text, runs, sent.end)):
        for m in found:
            if free(m.start(), m.end()):
                cur = m.group("sym") if "sym" in m.groupdict() else m.group("cur")
                add(m, parse_number(m.group("num"), _scale_of(m.group("scale"))), _currency(cur))
    for m in _matches_at(_PERCENTAGE, text, runs, sent.end):
        if free(m.start(), m.end()):
            add(m, parse_number(m.group("num")), "percent")
    for m in _matches_at(_COUNT, text, runs, sent.end):
        if not free(m.start(), m.end()):
            continue
        counted, end = _counted(text, sent, m.start(), m.end(), lang)
        noun = m.group("noun")
        raw = m.group("num")
        if not (counted or noun) or (len(raw) == 4 and raw.startswith(("19", "20")) and not noun):
            continue  # a bare number, or a year
        add(m, parse_number(raw), "person", counted, noun.lower() if noun else None, end)
    return claims

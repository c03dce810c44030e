"""Time expressions: find them with per-language regex tables and resolve them to days or ranges.

Why our own tables rather than dateparser's ``search_dates``: it is slow, reads "2,1%" or "3-1"
as dates and German "mit"/"die" as weekdays, and misses "mercoledì scorso", "tre giorni fa" or
"letzten Mittwoch". Month names come from :mod:`dateline.text.months`; weekday and relative
words are in :mod:`dateline.analyze.timewords`.

Resolution (news reports past events):

- Anchor: the article's ``published`` date (``anchor="published"``), else a complete dateline
  date (``"dateline"``); with neither (or a dateline without a year) every expression that
  needs an anchor keeps its span with ``first``/``last`` None. Fully explicit dates
  (``17 December 2025``, ``2025-12-17``, ``in 2024``) need no anchor: they are resolved and
  carry ``anchor=None``.
- Partial dates (``December 17``) take the year that puts them on or before the anchor, except
  that the next occurrence wins when it is at most ``NEAR_FUTURE_DAYS`` (31) days after the
  anchor or a future cue precedes them in the clause ("will", "si terrà", "prévu"...). So
  ``December 30`` in a report of 2 January is the past December 30, ``19 mars`` in a report
  of 12 March is the coming one.
- A bare weekday is the most recent such day on or before the anchor (the anchor itself when it
  falls on that weekday: a report published on a Wednesday saying "on Wednesday" means that
  day). ``last Wednesday`` is strictly before the anchor: one week back when the anchor is a
  Wednesday. ``next Wednesday`` is strictly after it. A future cue turns a bare weekday forward.
- ``last/this/next week`` is a Monday–Sunday range; month and year ranges are calendar ranges;
  ``N days ago`` is a day, ``N weeks/months/years ago`` the week/month/year containing it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.analyze.timewords import LANGS, Words, direction, number, unit
from dateline.text.months import month_number
from dateline.models import Dateline, TimeExpression

_Range = tuple[date, date, str]  # first, last, granularity
# A partial date at most this many days after the anchor is the coming one ("a new strike on
# 19 March" in a report of 12 March), not last year's: reports announce the next weeks' events
# without a year but rarely cite a date a year back without one.
NEAR_FUTURE_DAYS = 31


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    first: date | None
    last: date | None
    granularity: str
    anchored: bool  # whether resolving it used the anchor
    rank: int  # tie-break between equal spans: lower wins
    kind: str


def find_times(text: str, lang: str | None, published: str | None = None,
               dateline: Dateline | None = None) -> list[TimeExpression]:
    """Time expressions in ``text`` as ordered, non-overlapping spans, resolved where possible."""
    anchor, anchor_kind = _anchor(published, dateline)
    words = LANGS.get(lang or "", LANGS["*"])
    low = _lower(text)
    found: list[_Found] = []
    gate_open: dict[str, bool] = {}
    for rank, (kind, regex, gates) in enumerate(words.rules):
        if not all(_gate(name, low, words, gate_open) for name in gates):
            continue
        for m in regex.finditer(low):
            hit = _resolve(kind, m, text, words, anchor, rank)
            if hit is not None:
                found.append(hit)
    chosen = _merge_weekday_dates(text, _non_overlapping(found))
    return [
        TimeExpression(
            start=f.start, end=f.end, text=text[f.start:f.end],
            first=f.first.isoformat() if f.first else None,
            last=f.last.isoformat() if f.last else None,
            granularity=f.granularity,
            anchor=anchor_kind if (f.anchored and f.first) else None,
        )
        for f in chosen
    ]


def _gate(name: str, low: str, words: Words, cache: dict[str, bool]) -> bool:
    if name not in cache:
        gate = words.gates.get(name)
        cache[name] = gate is None or gate.search(low) is not None
    return cache[name]


# -- anchor -----------------------------------------------------------------------------------

def _anchor(published: str | None, dateline: Dateline | None) -> tuple[date | None, str | None]:
    if published:
        try:
            return date.fromisoformat(published.strip()[:10]), "published"
        except ValueError:
            pass
    if dateline is not None:
        day = dateline.as_date()
        if day is not None:
            return day, "dateline"
    return None, None


# -- matching ---------------------------------------------------------------------------------

def _resolve(kind: str, m: re.Match[str], text: str, words: Words, anchor: date | None,
             rank: int) -> _Found | None:
    g = m.groupdict()  # lower-cased; the original spelling is text[m.start(group):m.end(group)]
    start, end = m.span("t") if g.get("t") is not None else m.span()
    if not _boundary_ok(text, m.start()) or not _case_ok(kind, m, text, words):
        return None
    future = _future_cue(text, start, words)
    res: _Range | None
    anchored = True
    if kind == "iso":
        res, anchored = _day(int(g["y"]), int(g["mo"]), int(g["d"])), False
    elif kind == "num":
        res, anchored = _numeric(int(g["a"]), int(g["b"]), int(g["y"]), g["sep"], words.code), False
    elif kind in ("dm", "md"):
        month = _month(g["m"], words)
        day = int(re.sub(r"\D", "", g["d"]) or 0)
        if month is None or not _valid(month, day):
            return None
        if g.get("y"):
            res, anchored = _day(int(g["y"]), month, day), False
        else:
            res = _partial(month, day, anchor, future)
    elif kind == "my":
        month = _month(g["m"], words)
        if month is None:
            return None
        res, anchored = _month_range(int(g["y"]), month), False
    elif kind == "month":
        month = _month(g["m"], words)
        if month is None:
            return None
        res = _bare_month(month, anchor, future)
    elif kind == "year":
        y = int(g["y"])
        res, anchored = (date(y, 1, 1), date(y, 12, 31), "year"), False
    elif kind == "weekday":
        wd = words.weekday(g["wd"])
        if wd is None:
            return None
        step = direction(g.get("dir"))
        res = _weekday(wd, step, anchor, future)
    elif kind == "relday":
        offset = words.relday(text[m.start("rd"):m.end("rd")], text, m.start("rd"))
        if offset is None:
            return None
        day = anchor + timedelta(offset) if anchor else None
        res = (day, day, "day") if day else None
    elif kind == "ago":
        n = number(g.get("n"))
        u = unit(g["unit"])
        if n is None or u is None:
            return None
        res = _ago(n, u, anchor)
    elif kind == "period":
        u = unit(g["unit"])
        step = direction(g.get("dir"))
        if u not in ("week", "month", "year"):
            return None
        res = _period(u, step or 0, anchor)
    else:  # pragma: no cover - a rule table typo
        raise ValueError(kind)
    if res is None and not anchored:
        return None  # an impossible explicit date such as 31.02.2025
    if res is None:
        return _Found(start, end, None, None, _granularity(kind, g), True, rank, kind)
    return _Found(start, end, res[0], res[1], res[2], anchored, rank, kind)


def _granularity(kind: str, g: dict[str, str | None]) -> str:
    if kind in ("dm", "md", "weekday", "relday", "iso", "num"):
        return "day"
    if kind == "month":
        return "month"
    u = unit(g.get("unit"))
    return "day" if kind == "ago" and u == "day" else (u or "day")


def _case_ok(kind: str, m: re.Match[str], text: str, words: Words) -> bool:
    """Capitalization filters: English months/weekdays are capitalized (``march``, ``may`` are
    words), German weekdays too; weekdays of languages that write them lower case are
    capitalized only at a sentence start (``Santo Domingo``, ``Martes`` the surname)."""
    for group in ("m", "wd"):
        if not m.groupdict().get(group):
            continue
        s = m.start(group)
        token = text[s:m.end(group)]
        if words.capitalized and not token[0].isupper():
            return False
        if group == "wd" and not words.capitalized and token[0].isupper() and not _sentence_start(text, s):
            return False
        if group == "m" and kind in ("dm", "md", "month") and token.rstrip(".").lower() in words.needs_dot \
                and not token.endswith(".") and not m.groupdict().get("y"):
            return False  # "2 set" (tennis), "a mar" (sea): bare short abbreviations need a dot or year
    return True


def _lower(text: str) -> str:
    """Lower case with offsets kept (``İ`` lower-cases to two characters: left as it is)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _boundary_ok(text: str, start: int) -> bool:
    """A match starts a word, and a number is not the tail of another ("117", "2,17", "3-17")."""
    if start == 0:
        return True
    before = text[start - 1]
    if text[start].isdigit():
        return not (before.isalnum() or before in ".,/:-_")
    return not (before.isalnum() or before == "_")


def _sentence_start(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return k < 0 or text[k] in ".!?:;\"'«“„(—–-\n"


def _future_cue(text: str, start: int, words: Words) -> bool:
    if words.future is None:
        return False
    window = text[max(0, start - 60):start]
    cut = max(window.rfind(c) for c in ".;!?,\n")
    return bool(words.future.search(window[cut + 1:]))


def _month(token: str, words: Words) -> int | None:
    return words.extra_months.get(token.lower().rstrip(".")) or month_number(token, words.month_lang)


def _non_overlapping(found: list[_Found]) -> list[_Found]:
    found.sort(key=lambda f: (f.start, -(f.end - f.start), f.rank))
    out: list[_Found] = []
    for f in found:
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out


_GAP = re.compile(r"[\s,]*(?:(?:the|il|le|el|den|der|am|de|o|a)\s+)?", re.IGNORECASE)


def _merge_weekday_dates(text: str, found: list[_Found]) -> list[_Found]:
    """``Wednesday, December 17``: one expression with the date's resolution."""
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "weekday"
                and f.kind in ("dm", "md", "iso", "num")):
            gap = _GAP.fullmatch(text, prev.end, f.start)
            if gap is not None:
                out[-1] = _Found(prev.start, f.end, f.first, f.last, f.granularity, f.anchored, f.rank, f.kind)
                continue
        out.append(f)
    return out


# -- resolution -------------------------------------------------------------------------------

def _valid(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]  # 2000: leap


def _day(y: int, mo: int, d: int) -> _Range | None:
    try:
        day = date(y, mo, d)
    except ValueError:
        return None
    return day, day, "day"


def _numeric(a: int, b: int, y: int, sep: str, lang: str) -> _Range | None:
    """dd.mm.yyyy; with "/" in English, mm/dd/yyyy unless the first number cannot be a month."""
    day, month = (b, a) if sep == "/" and lang == "en" else (a, b)
    if month > 12 and day <= 12:
        day, month = month, day
    return _day(y, month, day)


def _partial(month: int, day: int, anchor: date | None, future: bool) -> _Range | None:
    if anchor is None:
        return None
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    days = [date(y, month, day) for y in years if day <= calendar.monthrange(y, month)[1]]
    before = max((d for d in days if d <= anchor), default=None)
    after = min((d for d in days if d >= anchor), default=None)
    if after is not None and (future or (after - anchor).days <= NEAR_FUTURE_DAYS):
        return after, after, "day"
    return (before, before, "day") if before else None


def _weekday(wd: int, step: int | None, anchor: date | None, future: bool) -> _Range | None:
    if anchor is None:
        return None
    back = (anchor.weekday() - wd) % 7
    if step == -1:
        day = anchor - timedelta(back or 7)
    elif step == 1 or (future and not step):
        day = anchor + timedelta((wd - anchor.weekday()) % 7 or (7 if step == 1 else 0))
    else:
        day = anchor - timedelta(back)
    return day, day, "day"


def _shift_month(y: int, mo: int, n: int) -> tuple[int, int]:
    k = y * 12 + mo - 1 + n
    return k // 12, k % 12 + 1


def _month_range(y: int, mo: int) -> _Range:
    return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), "month"


def _bare_month(month: int, anchor: date | None, future: bool) -> _Range | None:
    if anchor is None:
        return None
    if month == anchor.month:
        return _month_range(anchor.year, month)
    ahead = date(anchor.year + (month < anchor.month), month, 1)
    if future or (ahead - anchor).days <= NEAR_FUTURE_DAYS:
        return _month_range(ahead.year, month)
    return _month_range(anchor.year - (month > anchor.month), month)


def _week(day: date) -> _Range:
    monday = day - timedelta(day.weekday())
    return monday, monday + timedelta(6), "week"


def _period(u: str, step: int, anchor: date | None) -> _Range | None:
    if anchor is None:
        return None
    if u == "week":
        return _week(anchor + timedelta(7 * step))
    if u == "month":
        return _month_range(*_shift_month(anchor.year, anchor.month, step))
    y = anchor.year + step
    return date(y, 1, 1), date(y, 12, 31), "year"


def _ago(n: int, u: str, anchor: date | None) -> _Range | None:
    if anchor is None or n > 400:
        return None
    if u == "day":
        day = anchor - timedelta(n)
        return day, day, "day"
    if u == "week":
        return _week(anchor - timedelta(7 * n))
    if u == "month":
        return _month_range(*_shift_month(anchor.year, anchor.month, -n))
    y = anchor.year - n
    return date(y, 1, 1), date(y, 12, 31), "year"

"""When the event happened: a day or a range, combined from every report's dates.

1. A dateline without a year (``RABAT, December 17``) takes the year that puts its day nearest
   to the other members' resolved dates (their text's dates, full datelines, publication days);
   the member's time expressions left unresolved for want of a year are then resolved against
   the completed dateline.
2. Candidates: each resolved time expression, weighing ``member weight / (1 + sentence index)``,
   doubled in a sentence of the event's type, halved for a week or a month and quartered for a
   year (``COARSE_FACTOR``); each dateline's
   day (0.5: a wire report is filed on the day or the day after); each publication day (0.1: a
   last resort, reports come out after the fact).
3. The heaviest value wins; a range (a week, a month) is narrowed to the heaviest day candidate
   inside it. Evidence: every candidate that overlaps the result.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from fractions import Fraction
from functools import partial

from dateline.analyze.times import find_times
from dateline.frame.members import Member
from dateline.frame.record_types import DateRecord, Evidence
from dateline.frame.vote import type_sentences
from dateline.models import Dateline, TimeExpression

DATELINE_WEIGHT = 0.5
PUBLISHED_WEIGHT = 0.1
# A coarser expression is more often background (``in 1994``, ``last year``) than the event's date.
COARSE_FACTOR = {"week": 0.5, "range": 0.5, "month": 0.5, "year": 0.25}


@dataclass(frozen=True)
class _Candidate:
    first: date
    last: date
    granularity: str
    weight: float
    evidence: Evidence
    member: int  # index of the member that states it


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso.strip()[:10]) if iso else None
    except ValueError:
        return None


def _published(member: Member) -> date | None:
    return _day(member.article.published)


def _text_candidates(k: int, member: Member, times: Sequence[TimeExpression], etype: str | None) -> list[_Candidate]:
    event_starts = {s.sentence.start for s in type_sentences(member, etype)}
    out = []
    for t in times:
        first, last = _day(t.first), _day(t.last)
        if first is None or last is None:
            continue
        i = member.sentence_index(t.start)
        sents = member.analysis.sentences
        sent = sents[i] if i < len(sents) else None
        w = member.weight / (1 + i)
        w *= 2.0 if sent and sent.start in event_starts else 1.0
        w *= COARSE_FACTOR.get(t.granularity, 1.0)
        ev = (member.sentence_evidence(sent.start, sent.end, t.start, t.end) if sent
              else Evidence(member.article.id, t.start, t.end, t.text, t.text, t.start, t.end))
        out.append(_Candidate(first, last, t.granularity, w, ev, k))
    return out


def _dateline_candidate(k: int, member: Member, dateline: Dateline | None) -> list[_Candidate]:
    day = dateline.as_date() if dateline else None
    if day is None:
        return []
    ev = Evidence(member.article.id, 0, 0, dateline.text, dateline.text, basis="dateline")
    return [_Candidate(day, day, "day", member.weight * DATELINE_WEIGHT, ev, k)]


def _published_candidate(k: int, member: Member) -> list[_Candidate]:
    day = _published(member)
    if day is None:
        return []
    ev = Evidence(member.article.id, 0, 0, member.article.published or "", member.article.published, basis="published")
    return [_Candidate(day, day, "day", member.weight * PUBLISHED_WEIGHT, ev, k)]


def complete_year(month: int, day: int, references: Sequence[tuple[date, float]]) -> int | None:
    """The year that puts month/day nearest each reference day, voted by the references' weights."""
    return _YearVotes(month, day, [list(references)]).year(None)


def _nearest_year(month: int, day: int, ref: date) -> int | None:
    options = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            options.append((abs((date(y, month, day) - ref).days), y))
        except ValueError:  # 29 February of a common year
            continue
    return min(options)[1] if options else None


class _YearVotes:
    """The votes of every member's reference days for month/day's year, counted once: a member's
    own year is then the vote of all the others (all members' votes less its own), not a count over
    the others for each member, which grew with the square of an event's size. Sums are exact
    (fractions), so that leaving a member out is exact too."""

    def __init__(self, month: int, day: int, references: Sequence[Sequence[tuple[date, float]]]) -> None:
        self._own: list[dict[int, list]] = []  # per member: year -> [weight, count]
        self._all: dict[int, list] = {}
        for refs in references:
            own: dict[int, list] = {}
            for ref, weight in refs:
                y = _nearest_year(month, day, ref)
                if y is not None:
                    for votes in (own, self._all):
                        v = votes.setdefault(y, [Fraction(0), 0])
                        v[0] += Fraction(weight)
                        v[1] += 1
            self._own.append(own)

    def year(self, without: int | None) -> int | None:
        """The winning year, leaving out the votes of member ``without`` (None: of none)."""
        own = self._own[without] if without is not None else {}
        votes = {}
        for y, (weight, count) in self._all.items():
            w, n = own.get(y, (0, 0))
            if count > n:
                votes[y] = weight - w
        return max(votes, key=lambda y: (votes[y], y)) if votes else None


def _completed(member: Member, year_of: Callable[[int, int], int | None]) -> tuple[Dateline | None, tuple[TimeExpression, ...]]:
    """The member's dateline with its year completed (``year_of(month, day)``: voted by the
    other members' days), and its time expressions, re-resolved against that dateline where they
    had no anchor."""
    d, times = member.article.dateline, member.analysis.times
    if d is None or not (d.month and d.day) or d.year:
        return d, times
    year = year_of(d.month, d.day)
    if year is None:
        return d, times
    d = replace(d, year=year, year_source="event")
    if any(t.first is None for t in times) and not _published(member):
        again = {(t.start, t.end): t for t in find_times(member.article.text, member.article.lang, None, d)}
        times = tuple(again.get((t.start, t.end), t) if t.first is None else t for t in times)
    return d, times


def decide_date(members: Sequence[Member], etype: str | None) -> DateRecord | None:
    own: list[list[_Candidate]] = []
    for k, m in enumerate(members):
        own.append([*_text_candidates(k, m, m.analysis.times, etype), *_dateline_candidate(k, m, m.article.dateline),
                    *_published_candidate(k, m)])
    refs = [[(c.first, c.weight) for c in cs if c.first == c.last] for cs in own]
    votes: dict[tuple[int, int], _YearVotes] = {}  # by month/day: the members' datelines share a few

    def year_of(k: int, month: int, day: int) -> int | None:
        if (month, day) not in votes:
            votes[(month, day)] = _YearVotes(month, day, refs)
        return votes[(month, day)].year(k)

    candidates: list[_Candidate] = []
    for k, m in enumerate(members):
        dateline, times = _completed(m, partial(year_of, k))
        if dateline is m.article.dateline and times is m.analysis.times:
            candidates += own[k]
        else:
            candidates += [*_text_candidates(k, m, times, etype), *_dateline_candidate(k, m, dateline),
                           *_published_candidate(k, m)]
    if not candidates:
        return None
    totals: dict[tuple[date, date], float] = {}
    for c in candidates:
        totals[(c.first, c.last)] = totals.get((c.first, c.last), 0.0) + c.weight
    first, last = max(totals, key=lambda v: totals[v])
    if first != last:
        inside = {v: w for v, w in totals.items() if v[0] == v[1] and first <= v[0] <= last}
        if inside:
            first, last = max(inside, key=lambda v: inside[v])
    granularity = next(c.granularity for c in candidates if (c.first, c.last) == (first, last))
    evidence = tuple(dict.fromkeys(c.evidence for c in candidates if c.first <= last and first <= c.last))
    return DateRecord(first.isoformat(), last.isoformat(), granularity, evidence)

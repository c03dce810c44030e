"""Facts with comparable values: who takes part, their roles, the place, the date, the counts.

For each subject (an entity, a role category of an entity, the event's place and date, a kind
of count) every independent source's values are collected; two or more sources with a value in
common agree, sources whose values have nothing in common differ, and one source alone is a
single-source fact.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from dateline.claims.lexicon import load
from dateline.claims.records import Claim
from dateline.compare.context import EventContext
from dateline.compare.records import Fact


def _status(values_by_source: dict[str, set[str]], compatible: Callable[[set[str], set[str]], bool]) -> str:
    stated = [v for v in values_by_source.values() if v]
    if len(values_by_source) < 2:
        return "single"
    for i, a in enumerate(stated):
        for b in stated[i + 1:]:
            if not compatible(a, b):
                return "differing"
    return "agreed"


def _overlap(a: set[str], b: set[str]) -> bool:
    return bool(a & b)


def _by_source(ctx: EventContext, claims: Sequence[Claim], value: Callable[[Claim], set[str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for c in claims:
        out.setdefault(ctx.source_of[c.article_id], set()).update(value(c))
    return out


def _fact(ctx: EventContext, kind: str, subject: str, key: str, claims: Sequence[Claim], value: Callable[[Claim], set[str]],
          shown: Callable[[Sequence[Claim]], str], compatible=_overlap, entities: tuple[str, ...] = ()) -> Fact:
    by_source = _by_source(ctx, claims, value)
    values = tuple(sorted(set().union(*by_source.values())))
    return Fact(kind, _status(by_source, compatible), subject, key, ctx.reports(claims, shown), entities, (), values)


def _join(texts) -> str:
    return "; ".join(dict.fromkeys(t for t in texts if t))


def participant_facts(ctx: EventContext, claims: Sequence[Claim]) -> list[Fact]:
    by_entity: dict[str, list[Claim]] = {}
    for c in claims:
        if c.kind == "participant":
            by_entity.setdefault(c.entities[0], []).append(c)
    facts = []
    for eid, cs in by_entity.items():
        facts.append(_fact(ctx, "participant", ctx.name(eid), f"participant:{eid}", cs, lambda c: {"named"},
                           lambda cs: _join(str(c.detail["name"]) for c in cs), entities=(eid,)))
    return facts


def role_facts(ctx: EventContext, claims: Sequence[Claim]) -> list[Fact]:
    """Per person and role category (rank, office): ``Field Marshal`` and ``generale`` are both
    ranks and differ; a title the lexicon does not know is compared by its words."""
    lex = load()
    groups: dict[tuple[str, str], list[tuple[Claim, set[str]]]] = {}
    for c in claims:
        if c.kind != "participant" or not c.value:
            continue
        keys = tuple(c.detail.get("role_keys") or ())
        by_cat: dict[str, set[str]] = {}
        for k in keys:
            by_cat.setdefault(lex.category(k), set()).add(k)
        if not keys:
            by_cat["title"] = {" ".join(c.value.lower().split())}
        for cat, ks in by_cat.items():
            groups.setdefault((c.entities[0], cat), []).append((c, ks))
    facts = []
    for (eid, cat), pairs in groups.items():
        values = {id(c): ks for c, ks in pairs}
        cs = [c for c, _ in pairs]
        facts.append(_fact(ctx, "role", f"{cat} of {ctx.name(eid)}", f"role:{eid}:{cat}", cs,
                           lambda c, values=values: values[id(c)], lambda cs: _join(c.value for c in cs),
                           entities=(eid,)))
    return facts


def place_facts(ctx: EventContext, claims: Sequence[Claim], event_sentences: set[tuple[str, int]]) -> list[Fact]:
    """Each place: named by one source or by several. The event's place: the first place each
    source names in a sentence about what happened; sources differ when neither names the
    other's place at all."""
    places = [c for c in claims if c.kind == "place"]
    by_entity: dict[str, list[Claim]] = {}
    for c in places:
        by_entity.setdefault(c.value, []).append(c)
    facts = [_fact(ctx, "place", ctx.name(eid), f"place:{eid}", cs, lambda c: {c.value},
                   lambda cs: _join(str(c.detail["name"]) for c in cs), entities=(eid,))
             for eid, cs in by_entity.items()]
    main: dict[str, Claim] = {}
    named: dict[str, set[str]] = {}
    for c in places:
        src = ctx.source_of[c.article_id]
        named.setdefault(src, set()).add(c.value)
        if (c.article_id, c.sentence_start) in event_sentences:
            main.setdefault(src, c)
    if len(main) >= 2:
        mains = list(main.values())
        clash = any(a.value != b.value and a.value not in named[ctx.source_of[b.article_id]]
                    and b.value not in named[ctx.source_of[a.article_id]]
                    for i, a in enumerate(mains) for b in mains[i + 1:])
        if clash:
            facts.append(Fact("place", "differing", "place of the event", "place:event",
                              ctx.reports(mains, lambda cs: _join(str(c.detail["name"]) for c in cs)),
                              tuple(dict.fromkeys(c.value for c in mains)), (),
                              tuple(sorted({c.value for c in mains}))))
    return facts


def _days_meet(a: set[str], b: set[str]) -> bool:
    """Date ranges ``first/last`` overlap; a dateline's ``--MM-DD`` meets any year's day."""
    for x in a:
        for y in b:
            x1, _, x2 = x.partition("/")
            y1, _, y2 = y.partition("/")
            x2, y2 = x2 or x1, y2 or y1
            if x1.startswith("--") or y1.startswith("--"):
                if x1[-5:] == y1[-5:]:
                    return True
            elif x1 <= y2 and y1 <= x2:
                return True
    return False


def date_facts(ctx: EventContext, claims: Sequence[Claim]) -> list[Fact]:
    """The event's date: each source's first date stated in its text, else its dateline's."""
    first: dict[str, Claim] = {}
    for c in sorted((c for c in claims if c.kind == "date"), key=lambda c: (c.basis != "text", c.start)):
        first.setdefault(ctx.source_of[c.article_id], c)
    if not first:
        return []
    return [_fact(ctx, "date", "date of the event", "date:event", list(first.values()), lambda c: {c.value},
                  lambda cs: _join(f"{c.value} ({c.detail.get('text')})" for c in cs), compatible=_days_meet)]


def number_facts(ctx: EventContext, claims: Sequence[Claim]) -> list[Fact]:
    """Counts of one thing (people killed, euros) across sources; a count without what it
    counts is compared with nothing."""
    lex = load()
    groups: dict[str, list[Claim]] = {}
    for c in claims:
        if c.kind != "number":
            continue
        counted = c.detail.get("counted")
        unit = str(c.detail.get("unit"))
        if unit == "person" and not counted:
            continue
        groups.setdefault(f"{counted}:{unit}" if counted else unit, []).append(c)
    facts = []
    for key, cs in groups.items():
        counted, _, unit = key.rpartition(":")
        subject = f"{lex.label(counted)} ({unit})" if counted else f"amount in {unit}"
        facts.append(_fact(ctx, "number", subject, f"number:{key}", cs, lambda c: {c.value},
                           lambda cs: _join(c.value for c in cs)))
    return facts

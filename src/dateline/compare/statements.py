"""Aligning statements across reports and languages by their concept keys and entities.

For each fact-worthy concept (``meeting``, ``guard_of_honour``; not attribution verbs or
background words like ``military``) the sentences that contain it are linked when they share
enough besides it: another concept counts 1, a person, organisation or city 2, a country or
nationality 0.5, a background concept 0.5. Linked sentences form one fact; a fact whose
sentences come from two or more independent sources is agreed, the rest are reported by one
source. Facts resting on exactly the same sentences are merged (``training``, ``capacity
building`` and ``counter-terrorism`` of one sentence are one fact).
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.claims.lexicon import NON_FACT_GROUPS, load
from dateline.claims.records import Claim
from dateline.compare.context import EventContext
from dateline.compare.records import Fact

LINK_SCORE = 1.0
_WEAK_CONCEPT = 0.5
_NAMES_SHOWN = 4


def _weight(key: str) -> float:
    group = load().group(key)
    return 0.0 if group == "report" else _WEAK_CONCEPT if group == "context" else 1.0


def similarity(ctx: EventContext, a: Claim, b: Claim, concept: str) -> float:
    shared = (set(a.concepts) & set(b.concepts)) - {concept}
    score = sum(_weight(k) for k in shared)
    return score + sum(ctx.weights.get(e, 1.0) for e in set(a.entities) & set(b.entities))


def _components(ctx: EventContext, sents: list[Claim], concept: str) -> list[list[Claim]]:
    """The sentences linked (``similarity >= LINK_SCORE``), as connected groups in sentence order.

    Every weight is 0, 0.5 or at least 1, so two sentences link exactly when they share one key
    of weight 1 or more, or two of weight 0.5: sentences are joined through what they share (each
    such key, each pair of half-weight keys), not compared pair by pair, which grew with the
    square of an event's size."""
    parent = list(range(len(sents)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[object, int] = {}  # a key (or pair of half keys) -> the first sentence with it
    for i, s in enumerate(sents):
        weighted = [(("concept", k), _weight(k)) for k in dict.fromkeys(s.concepts) if k != concept]
        weighted += [(("entity", e), ctx.weights.get(e, 1.0)) for e in dict.fromkeys(s.entities)]
        if any(0.0 < w < LINK_SCORE and w != _WEAK_CONCEPT for _, w in weighted):
            raise ValueError("a link weight other than 0, 0.5 or 1 and more: _components would miss links")
        half = sorted(key for key, w in weighted if w == _WEAK_CONCEPT)
        keys = [key for key, w in weighted if w >= LINK_SCORE]
        keys += [(a, b) for x, a in enumerate(half) for b in half[x + 1:]]
        for key in keys:
            j = first_with.setdefault(key, i)
            if j != i:
                parent[find(i)] = find(j)
    comps: dict[int, list[Claim]] = {}
    for i, s in enumerate(sents):
        comps.setdefault(find(i), []).append(s)
    return list(comps.values())


def statement_facts(ctx: EventContext, claims: Sequence[Claim]) -> list[Fact]:
    lex = load()
    statements = [c for c in claims if c.kind == "statement"]
    concepts = dict.fromkeys(k for c in statements for k in c.concepts
                             if lex.concepts[k]["group"] not in NON_FACT_GROUPS)
    # (status, evidence sentences) -> concepts resting on them
    found: dict[tuple[str, tuple[tuple[str, int], ...]], list[str]] = {}
    members: dict[tuple[str, tuple[tuple[str, int], ...]], list[Claim]] = {}
    for concept in concepts:
        with_it = [c for c in statements if concept in c.concepts]
        for comp in _components(ctx, with_it, concept):
            sources = {ctx.source_of[c.article_id] for c in comp}
            if len(sources) >= 2:
                groups = [("agreed", comp)]
            else:  # unlinked sentences of one source: one fact per source
                groups = [("single", comp)]
            for status, cs in groups:
                key = (status, tuple(sorted((c.article_id, c.sentence_start) for c in cs)))
                found.setdefault(key, []).append(concept)
                members[key] = cs
    # one source's unlinked sentences about one concept read as one fact
    merged: dict[tuple[str, str, tuple[str, ...]], list[Claim]] = {}
    for key, keys in found.items():
        status, _ = key
        cs = members[key]
        if status == "single":
            mkey = ("single", ctx.source_of[cs[0].article_id], tuple(keys))
            merged.setdefault(mkey, []).extend(cs)
        else:
            merged[("agreed", repr(key[1]), tuple(keys))] = cs
    facts = []
    for (status, _, keys), cs in merged.items():
        cs = sorted({(c.article_id, c.sentence_start): c for c in cs}.values(),
                    key=lambda c: (ctx.articles[c.article_id].id, c.sentence_start))
        facts.append(_statement_fact(ctx, status, keys, cs))
    # the same sentences under one concept first, then under several: keep the larger fact
    facts.sort(key=lambda f: (f.status != "agreed", -len({e.sentence for r in f.reports for e in r.evidence})))
    return facts


def _statement_fact(ctx: EventContext, status: str, keys: tuple[str, ...], cs: list[Claim]) -> Fact:
    lex = load()
    ents = _shared_entities(ctx, cs) if status == "agreed" else _all_entities(ctx, cs)
    names = ", ".join(ctx.name(e) for e in ents[:_NAMES_SHOWN])
    subject = "; ".join(lex.label(k) for k in keys) + (f" ({names})" if names else "")

    def shown(group: Sequence[Claim]) -> str:
        found = dict.fromkeys(k for c in group for k in c.concepts if k in keys)
        return "; ".join(lex.label(k) for k in found)

    return Fact("statement", status, subject, "statement:" + "+".join(keys), ctx.reports(cs, shown),
                tuple(ents), keys, keys)


def _all_entities(ctx: EventContext, cs: list[Claim]) -> list[str]:
    ents = dict.fromkeys(e for c in cs for e in c.entities)
    return sorted(ents, key=lambda e: -ctx.weights.get(e, 1.0))


def _shared_entities(ctx: EventContext, cs: list[Claim]) -> list[str]:
    """Entities named by two or more of the sources, the people and organisations first."""
    by_source: dict[str, set[str]] = {}
    for c in cs:
        by_source.setdefault(ctx.source_of[c.article_id], set()).update(c.entities)
    counts: dict[str, int] = {}
    for ents in by_source.values():
        for e in ents:
            counts[e] = counts.get(e, 0) + 1
    shared = [e for e, n in counts.items() if n >= 2]
    # the id last: entities named alike would otherwise keep the order of a set (hash-seeded)
    return sorted(shared, key=lambda e: (-ctx.weights.get(e, 1.0), ctx.name(e), e))

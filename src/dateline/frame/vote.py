"""The event's PLOVER type, mode and context, voted over the members' lead sentences.

Each lead sentence with a type votes for it with weight ``member weight x score / (1 + index)``:
a confident classification of a first sentence counts most, a copy of another report counts
once with its original. Mode and context are voted the same way among the sentences of the
winning type. Ties go to the type whose best sentence comes first in the members' order.
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.frame.members import LeadSentence, Member
from dateline.frame.record_types import EventKind


def _top(votes: dict[str, float]) -> str | None:
    # dicts keep first-seen order, and max keeps the first of equal values
    return max(votes, key=lambda k: votes[k]) if votes else None


def type_sentences(member: Member, etype: str | None) -> list[LeadSentence]:
    """The member's lead sentences of the type, heaviest first."""
    own = [s for s in member.lead if etype and s.framed.event.type == etype]
    return sorted(own, key=lambda s: (-s.weight, s.index))


def decide_kind(members: Sequence[Member]) -> EventKind:
    votes: dict[str, float] = {}
    for m in members:
        for s in m.lead:
            if s.framed.event.type:
                votes[s.framed.event.type] = votes.get(s.framed.event.type, 0.0) + s.weight
    etype = _top(votes)
    modes: dict[str, float] = {}
    contexts: dict[str, float] = {}
    evidence = []
    for m in members:
        for s in type_sentences(m, etype):
            ev = s.framed.event
            if ev.mode:
                modes[ev.mode] = modes.get(ev.mode, 0.0) + s.weight
            if ev.context:
                contexts[ev.context] = contexts.get(ev.context, 0.0) + s.weight
            evidence.append(s.evidence(m.article))
    total = sum(votes.values())
    return EventKind(etype, _top(modes), _top(contexts), round(votes[etype] / total, 4) if etype else 0.0,
                     {k: round(v, 4) for k, v in sorted(votes.items(), key=lambda kv: -kv[1])}, tuple(evidence))

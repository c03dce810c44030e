"""What of an article lies in each of its sentences, found by bisection."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import TypeVar

from dateline.models import Sentence

T = TypeVar("T")


def by_sentence(items: Sequence[T], starts: Sequence[int], sentences: Sequence[Sentence]) -> list[list[T]]:
    """For each sentence, the items whose start (``starts``, one per item) lies in it, in their
    order: ``[x for x in items if s.start <= start(x) < s.end]``."""
    if any(a > b for a, b in zip(starts, starts[1:])):  # not in text order: one by one
        return [[x for x, p in zip(items, starts) if s.start <= p < s.end] for s in sentences]
    items = list(items)
    return [items[bisect_left(starts, s.start):bisect_left(starts, s.end)] for s in sentences]

"""Who speaks for a report, and which reports are independent of each other.

An article speaks for its outlet: the source or site its metadata names, else the agency its
dateline credits (``GENÈVE, 3 mars (AFP) -``: wire copy on a page that names no source is the
agency's report). Reports of one outlet, and a near-duplicate with its original, count as one
source. The store counts sources per event and the compare stage groups reports by them, from
this one rule.
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.models import Article


def outlet(a: Article) -> str | None:
    for name in (a.source, a.site_name, a.dateline.agency if a.dateline else None):
        if name and name.strip():
            return name.strip()
    return None


def source_groups(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> the id of the first article of its group: a copy joins its original (or the
    other copies of it, when the original is not among ``articles``); one outlet, whatever its
    letter case, is one group."""
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    first_of: dict[str, str] = {}
    for a in articles:
        if a.duplicate_of in parent:
            union(a.id, a.duplicate_of)
        elif a.duplicate_of:  # copies of one original found elsewhere are one source too
            union(a.id, first_of.setdefault("\0" + a.duplicate_of, a.id))
        name = outlet(a)
        if name:
            union(a.id, first_of.setdefault(name.casefold(), a.id))
    groups: dict[str, list[str]] = {}
    for a in articles:  # in article order, so each group's first member is its earliest
        groups.setdefault(find(a.id), []).append(a.id)
    return {m: members[0] for members in groups.values() for m in members}

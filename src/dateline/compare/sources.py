"""Which reports are independent: syndicated copies and reports of one outlet count once."""

from __future__ import annotations

from collections.abc import Sequence

from dateline.compare.records import Source
from dateline.models import Article


def independent_sources(articles: Sequence[Article]) -> tuple[list[Source], dict[str, str]]:
    """The source groups, in the order of their first article, and article id -> group name."""
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

    by_source: dict[str, str] = {}
    for a in articles:
        if a.duplicate_of and a.duplicate_of in parent:
            union(a.id, a.duplicate_of)
        name = (a.source or a.site_name or "").strip().lower()
        if name:
            union(a.id, by_source.setdefault(name, a.id))
    groups: dict[str, list[Article]] = {}
    for a in articles:
        groups.setdefault(find(a.id), []).append(a)
    sources, names = [], {}
    used: set[str] = set()
    for members in groups.values():
        first = members[0]
        name = first.source or first.site_name or f"{first.lang or 'xx'}:{first.id[:8]}"
        while name in used:  # two outlets named alike stay apart
            name += "'"
        used.add(name)
        sources.append(Source(name, tuple(a.id for a in members),
                              tuple(dict.fromkeys(a.lang or "?" for a in members))))
        names.update({a.id: name for a in members})
    return sources, names

"""Which reports are independent: syndicated copies and reports of one outlet count once
(the rule is :mod:`dateline.outlets`; here it becomes the comparison's named sources)."""

from __future__ import annotations

from collections.abc import Sequence

from dateline.compare.records import Source
from dateline.models import Article
from dateline.outlets import outlet, source_groups


def independent_sources(articles: Sequence[Article]) -> tuple[list[Source], dict[str, str]]:
    """The source groups, in the order of their first article, and article id -> group name."""
    group_of = source_groups(articles)
    groups: dict[str, list[Article]] = {}
    for a in articles:
        groups.setdefault(group_of[a.id], []).append(a)
    sources, names = [], {}
    used: set[str] = set()
    for members in groups.values():
        first = members[0]
        name = outlet(first) or f"{first.lang or 'xx'}:{first.id[:8]}"
        while name in used:  # two outlets named alike stay apart
            name += "'"
        used.add(name)
        sources.append(Source(name, tuple(a.id for a in members),
                              tuple(dict.fromkeys(a.lang or "?" for a in members))))
        names.update({a.id: name for a in members})
    return sources, names

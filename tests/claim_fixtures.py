"""Hand-built articles and analyses for the claims and compare tests: fixed mentions and times,
so the tests exercise claim extraction alone, not the tagger or the linker."""

from __future__ import annotations

from dataclasses import dataclass

from dateline.analyze.sentences import split_sentences
from dateline.claims import extract_claims
from dateline.models import Analysis, Article, Dateline, Mention, TimeExpression


@dataclass(frozen=True)
class M:
    """A mention to place: the ``nth`` occurrence of ``text``; ``role`` is a title the linker
    split off right before it (``Field Marshal`` Asim Munir)."""

    text: str
    type: str
    entity: str
    role: str | None = None
    nth: int = 0


def _find(text: str, needle: str, nth: int) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    return pos


def article(text: str, lang: str, mentions: tuple[M, ...] = (), *, id: str = "a" * 16, source: str | None = None,
            duplicate_of: str | None = None, times: tuple[tuple[str, str, str], ...] = (),
            dateline: Dateline | None = None) -> tuple[Article, Analysis]:
    """``times``: (text, first, last) of resolved time expressions."""
    ments = []
    for m in mentions:
        start = _find(text, m.text, m.nth)
        role_start = role_end = None
        if m.role:
            role_start = text.rindex(m.role, 0, start)
            role_end = role_start + len(m.role)
        ments.append(Mention(start, start + len(m.text), m.text, m.type, m.entity, m.role, role_start, role_end))
    texps = []
    for t, first, last in times:
        s = text.index(t)
        texps.append(TimeExpression(s, s + len(t), t, first, last, "day"))
    art = Article(id, text, "test", lang=lang, source=source, duplicate_of=duplicate_of, dateline=dateline)
    analysis = Analysis(id, tuple(split_sentences(text, lang)), tuple(sorted(ments, key=lambda m: m.start)),
                        tuple(texps))
    return art, analysis


def member(*args, **kwargs):
    art, analysis = article(*args, **kwargs)
    return art, analysis, extract_claims(art, analysis)


def of_kind(claims, kind: str) -> list:
    return [c for c in claims if c.kind == kind]

"""What comparing the reports of one event produces: facts with their status and evidence."""

from __future__ import annotations

from dataclasses import dataclass

STATUSES = ("agreed", "single", "differing")


@dataclass(frozen=True)
class Evidence:
    """One report's words for a fact: the sentence and the exact span, with their offsets into
    that article's text (both 0 where the claim came from the dateline, shown as ``span``)."""

    article_id: str
    lang: str | None
    sentence: str
    span: str
    sentence_start: int
    sentence_end: int
    start: int
    end: int


@dataclass(frozen=True)
class Report:
    """What one independent source says about a fact."""

    source: str
    articles: tuple[str, ...]
    value: str  # readable: the role as stated, the date, the count, the concepts found
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Fact:
    kind: str  # participant | role | place | date | number | statement
    status: str  # agreed | single | differing
    subject: str  # readable: "Asim Munir", "rank of Asim Munir", "meeting, talks (Asim Munir, ...)"
    key: str  # stable: kind and normalised value, e.g. "role:PER:asm-mnr:rank"
    reports: tuple[Report, ...]
    entities: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()
    values: tuple[str, ...] = ()  # the normalised values compared (role keys, dates, numbers)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(r.source for r in self.reports)


@dataclass(frozen=True)
class Source:
    """Reports counted once: copies of one another (``duplicate_of``) or from one ``source``."""

    name: str
    articles: tuple[str, ...]
    langs: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    sources: tuple[Source, ...]
    agreed: tuple[Fact, ...]
    single: tuple[Fact, ...]
    differing: tuple[Fact, ...]

    @property
    def facts(self) -> tuple[Fact, ...]:
        return self.agreed + self.single + self.differing

"""The event record: what one event is, decided across its reports, every field with its evidence.

Offsets, not copies, except that each piece of evidence also carries its sentence's text, so a
record read from JSON shows its support without the articles at hand.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Evidence:
    """One report's support for a field: the sentence ``[start, end)`` of the article's text and,
    inside it, the words that state the value. A value read from the dateline, title or
    publication date (``basis``) has no offsets in the text (0, 0) and ``text`` holds that line."""

    article_id: str
    start: int
    end: int
    text: str
    span: str | None = None  # trigger, name, place or date words
    span_start: int | None = None
    span_end: int | None = None
    basis: str = "text"  # text | dateline | title | published


@dataclass(frozen=True)
class EventKind:
    type: str | None  # PLOVER type
    mode: str | None
    context: str | None
    score: float  # the winning type's share of the weighted votes
    votes: dict[str, float]  # type -> summed vote weight
    evidence: tuple[Evidence, ...]  # trigger sentences, each member's best first


@dataclass(frozen=True)
class ActorRecord:
    entity: str
    name: str
    type: str  # PER ORG LOC NORP MISC
    country: str | None  # ISO 3166-1 alpha-2
    affiliation: str | None = None  # entity id of the organisation in a person's role
    affiliation_name: str | None = None
    evidence: tuple[Evidence, ...] = ()  # sentences where it acts in the event
    country_evidence: tuple[Evidence, ...] = ()  # sentences that give its country


@dataclass(frozen=True)
class PlaceRecord:
    entity: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str | None  # city, region, country ...
    basis: str  # located (``in Benghazi`` in the text) | dateline
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class DateRecord:
    first: str  # ISO day, both inclusive
    last: str
    granularity: str  # day | week | month | year | range
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Headline:
    text: str
    article_id: str
    basis: str  # title | sentence
    start: int | None = None  # sentence span when basis is sentence
    end: int | None = None


@dataclass(frozen=True)
class EventRecord:
    members: tuple[str, ...]  # article ids, in the order given
    kind: EventKind
    sources: tuple[ActorRecord, ...]
    targets: tuple[ActorRecord, ...]
    place: PlaceRecord | None
    date: DateRecord | None
    headline: Headline | None

    @property
    def type(self) -> str | None:
        return self.kind.type

    @property
    def mode(self) -> str | None:
        return self.kind.mode

    @property
    def context(self) -> str | None:
        return self.kind.context

    def as_dict(self) -> dict:
        """Plain dicts and lists, ready for ``json.dumps``; type, mode and context at the top."""
        d = asdict(self)
        kind = d.pop("kind")
        return {"type": kind["type"], "mode": kind["mode"], "context": kind["context"],
                "type_score": kind["score"], "type_votes": kind["votes"], "type_evidence": kind["evidence"], **d}

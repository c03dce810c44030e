"""The claim record: one atomic statement of one article, traced to its evidence by offsets."""

from __future__ import annotations

from dataclasses import dataclass, field

CLAIM_KINDS = ("participant", "place", "date", "number", "speech", "statement")


@dataclass(frozen=True)
class Claim:
    """``value`` is the normalised value: an entity id (place), an ISO date or ``--MM-DD``
    (date), a number (number), the role as stated (participant), the quote or reported
    content (speech), the concept keys joined by ``+`` (statement).

    ``start``/``end`` span the value in Article.text and ``sentence_start``/``sentence_end``
    the sentence around it; a claim read from the dateline (``basis == "dateline"``) has no
    span in the text, the dateline being split off it. ``detail`` holds the kind's
    normalised fields (unit, counted concept, role keys, speaker, source ...).
    """

    article_id: str
    kind: str  # one of CLAIM_KINDS
    value: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    entities: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()
    detail: dict[str, object] = field(default_factory=dict)
    basis: str = "text"  # text | dateline

    def as_dict(self) -> dict:
        """JSON-able form (:meth:`from_dict` gives the same claim back)."""
        return {"article_id": self.article_id, "kind": self.kind, "value": self.value, "start": self.start,
                "end": self.end, "sentence_start": self.sentence_start, "sentence_end": self.sentence_end,
                "entities": list(self.entities), "concepts": list(self.concepts), "detail": self.detail,
                "basis": self.basis}

    @classmethod
    def from_dict(cls, d: dict) -> Claim:
        # JSON turns the tuples in ``detail`` (spans, role keys) into lists: back to tuples
        return cls(d["article_id"], d["kind"], d["value"], d["start"], d["end"], d["sentence_start"],
                   d["sentence_end"], tuple(d["entities"]), tuple(d["concepts"]),
                   {k: _tuples(v) for k, v in d["detail"].items()}, d["basis"])


def _tuples(value: object) -> object:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value

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

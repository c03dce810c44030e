"""One event sentence framed: its PLOVER type and its source and target actors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from dateline.frame.actors import Actor, find_actors
from dateline.frame.events import EventType, classify_event, trigger_hits
from dateline.frame.linear import LinearModel
from dateline.models import Mention


@dataclass(frozen=True)
class FramedEvent:
    event: EventType
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]

    def as_dict(self) -> dict:
        """JSON-able form (:meth:`from_dict` gives the same back)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> FramedEvent:
        return cls(EventType(**d["event"]), tuple(Actor(**a) for a in d["sources"]),
                   tuple(Actor(**a) for a in d["targets"]))


def frame_sentence(text: str, lang: str | None, mentions: Sequence[Mention],
                   model: LinearModel | None = None, use_model: bool = True) -> FramedEvent:
    event = classify_event(text, lang, model, use_model=use_model)
    start, end = event.trigger_start, event.trigger_end
    if start is None:  # the model chose a type no trigger of which is here: anchor on the first trigger
        hits = trigger_hits(text, lang)
        if hits:
            first = min(hits, key=lambda hw: hw[0].start)[0]
            start, end = first.start, first.end
    sources, targets = find_actors(text, mentions, start, end)
    return FramedEvent(event, tuple(sources), tuple(targets))

"""Stage ``frame``, first part: what kind of event a sentence reports and who did it to whom.

- ``events.classify_event``: PLOVER event type (with mode and context) from trigger lexicons in
  seven languages, refined for English by a learned linear model;
- ``actors.find_actors``: source and target actors around the trigger, from entity mentions;
- ``snippets.label_snippet``: ACLED-style subtype of a short news snippet (learned, English).
"""

from dateline.frame.actors import Actor, find_actors
from dateline.frame.events import EventType, classify_event
from dateline.frame.plover import PLOVER_TYPES
from dateline.frame.sentence import FramedEvent, frame_sentence
from dateline.frame.snippets import SnippetLabel, label_snippet

__all__ = ["PLOVER_TYPES", "Actor", "EventType", "FramedEvent", "SnippetLabel", "classify_event", "find_actors",
           "frame_sentence", "label_snippet"]

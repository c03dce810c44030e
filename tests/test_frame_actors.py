"""Source and target actors around the trigger: active and passive voice, coordination, reporting
clauses, nationality words. Mentions are built by hand so the rules are tested alone."""

from __future__ import annotations

import re

from dateline.frame import find_actors, frame_sentence
from dateline.frame.actors import actor_phrases, is_passive
from dateline.models import Mention


def mentions(text: str, *spans: tuple[str, str]) -> list[Mention]:
    out = []
    for surface, etype in spans:
        m = re.search(re.escape(surface), text)
        assert m, surface
        out.append(Mention(m.start(), m.end(), surface, etype))
    return out


def actors(text: str, trigger: str, *spans: tuple[str, str]) -> tuple[list[str], list[str]]:
    t = text.index(trigger)
    sources, targets = find_actors(text, mentions(text, *spans), t, t + len(trigger))
    return [a.text for a in sources], [a.text for a in targets]


def test_coordinated_subjects_and_object():
    text = "Valdoria and Ostmark agreed on Tuesday to send grain to Lumeria, officials said."
    assert actors(text, "agreed", ("Valdoria", "LOC"), ("Ostmark", "LOC"), ("Lumeria", "LOC")) == (
        ["Valdoria", "Ostmark"], ["Lumeria"])


def test_nationality_words_with_their_noun_and_titles_with_names():
    text = "Ruritanian officials met Carpathian President Ana Varga in the capital."
    src, tgt = actors(text, "met", ("Ruritanian", "NORP"), ("Carpathian", "NORP"), ("Ana Varga", "PER"))
    assert src == ["Ruritanian officials"] and tgt == ["Carpathian President Ana Varga"]


def test_reporting_clause_is_not_a_target():
    text = "Ostmark rejected the offer, the Valdorian news agency Valpress reported."
    assert actors(text, "rejected", ("Ostmark", "LOC"), ("Valpress", "ORG")) == (["Ostmark"], [])


def test_appositive_and_prepositional_phrases_are_not_the_subject():
    text = "In a letter to Lumeria, Ostmark, a neighbour of Valdoria, refused to open the border."
    src, _ = actors(text, "refused", ("Lumeria", "LOC"), ("Ostmark", "LOC"), ("Valdoria", "LOC"))
    assert src == ["Ostmark"]


def test_english_passive():
    text = "A Lumerian convoy was attacked by Ostmark militiamen near the river."
    assert is_passive(text, text.index("attacked"), text.index("attacked") + 8)
    src, tgt = actors(text, "attacked", ("Lumerian", "NORP"), ("Ostmark", "ORG"))
    assert src == ["Ostmark militiamen"] and tgt == ["Lumerian"]


def test_italian_passive():
    text = "Il convoglio della Croce Azzurra è stato attaccato da miliziani ostmarchesi a Valdoria."
    src, tgt = actors(text, "attaccato", ("Croce Azzurra", "ORG"), ("ostmarchesi", "NORP"), ("Valdoria", "LOC"))
    assert src == ["ostmarchesi"] and tgt == ["Croce Azzurra"]


def test_acronym_in_brackets_stays_with_its_name():
    text = "The Valdorian Farmers Union (VFU) demanded lower taxes."
    phrases = actor_phrases(text, mentions(text, ("Valdorian Farmers Union", "ORG"), ("VFU", "ORG")))
    assert [p.text for p in phrases] == ["Valdorian Farmers Union (VFU)"]


def test_without_trigger_first_group_is_source():
    text = "Valdoria, Ostmark: Lumeria."
    sources, targets = find_actors(text, mentions(text, ("Valdoria", "LOC"), ("Ostmark", "LOC"), ("Lumeria", "LOC")))
    assert [a.text for a in sources] == ["Valdoria", "Ostmark"] and [a.text for a in targets] == ["Lumeria"]


def test_frame_sentence_end_to_end_with_the_analyzer():
    from dateline.pipeline import Analyzer

    text = "Germany and France agreed on Monday to send medical aid to Italy."
    framed = frame_sentence(text, "en", Analyzer().mentions(text, "en"))
    assert framed.event.type == "AGREE"
    assert [a.text for a in framed.sources] == ["Germany", "France"]
    assert [a.text for a in framed.targets] == ["Italy"]

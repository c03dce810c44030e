"""PLOVER event typing: trigger lexicons in seven languages, the learned English model, the seeds."""

from __future__ import annotations

import pytest
from helpers import EN_SEED, IT_SEED

from dateline.frame import PLOVER_TYPES, classify_event
from dateline.frame.lexicon import lexicon_languages
from dateline.frame.plover import canonical_type

# (lang, sentence, type): written for these tests; each trigger is an inflected form of a stem
MULTILINGUAL = [
    ("en", "The harbour council met the ferry operators on Monday.", "CONSULT"),
    ("it", "Il sindaco di Valdoria ha incontrato ieri i rappresentanti dei pescatori.", "CONSULT"),
    ("fr", "Le maire a rencontré mardi les délégués des agriculteurs.", "CONSULT"),
    ("es", "El gobierno regional rechazó la propuesta de los sindicatos.", "REJECT"),
    ("de", "Die Regierung hat den Vorschlag der Gewerkschaft abgelehnt.", "REJECT"),
    ("ru", "Министр встретился с представителями фермеров в понедельник.", "CONSULT"),
    ("pt", "O governo anunciou sanções contra a empresa de navegação.", "SANCTION"),
    ("it", "Migliaia di studenti hanno manifestato davanti al municipio.", "PROTEST"),
    ("de", "Die Polizei hat drei Männer am Bahnhof festgenommen.", "COERCE"),
    ("fr", "Les deux provinces ont signé un accord sur la pêche.", "AGREE"),
    ("es", "Un grupo armado atacó una patrulla en la carretera.", "ASSAULT"),
    ("ru", "Профсоюз потребовал повышения зарплаты.", "DEMAND"),
    ("pt", "O ministro criticou duramente a decisão do tribunal.", "DISAPPROVE"),
    ("en", "The ministry threatened to close the border crossing unless the tolls were paid.", "THREATEN"),
]


def test_there_are_eighteen_types_and_aliases_of_the_later_names():
    assert len(PLOVER_TYPES) == 18 and len(set(PLOVER_TYPES)) == 18
    assert {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"} <= set(PLOVER_TYPES)
    assert canonical_type("request") == "DEMAND" and canonical_type("ACCUSE") == "DISAPPROVE"
    assert set(lexicon_languages()) >= {"en", "it", "fr", "es", "de", "ru", "pt"}


@pytest.mark.parametrize(("lang", "text", "expected"), MULTILINGUAL)
def test_lexicon_trigger_in_each_language(lang, text, expected):
    event = classify_event(text, lang, use_model=False)
    assert event.type == expected
    assert event.method == "lexicon"
    assert event.trigger is not None and text[event.trigger_start:event.trigger_end] == event.trigger


@pytest.mark.parametrize(("lang", "text", "expected"), MULTILINGUAL)
def test_default_classification_agrees_on_clear_sentences(lang, text, expected):
    assert classify_event(text, lang).type == expected


def test_stems_match_inflections():
    for text in ("Il presidente incontrerà il ministro.", "Le delegazioni si sono incontrate a Trieste."):
        assert classify_event(text, "it", use_model=False).type == "CONSULT"
    assert classify_event("Делегации встретятся в среду.", "ru", use_model=False).trigger == "встретятся"


def test_mode_and_context():
    phoned = classify_event("The premier telephoned the president of the island republic on Friday.", "en")
    assert (phoned.type, phoned.mode) == ("CONSULT", "phone")
    visit = classify_event("Il ministro della difesa ha visitato la base militare di Valdoria.", "it")
    assert (visit.type, visit.mode, visit.context) == ("CONSULT", "visit", "military")


def test_a_longer_pattern_hides_the_words_inside_it():
    # "called for sanctions" is disapproval, not a sanction nor a demand
    event = classify_event("The bishop called for sanctions against the regime.", "en", use_model=False)
    assert event.type == "DISAPPROVE" and event.trigger == "called for sanctions"


def test_no_trigger_no_type():
    event = classify_event("Blue green yellow.", "en", use_model=False)
    assert event.type is None and event.score == 0.0 and event.trigger is None


def test_model_scores_are_probabilities():
    event = classify_event("The rebels agreed to a ceasefire with the army.", "en")
    assert event.method == "model" and event.type == "AGREE" and 0.0 < event.score <= 1.0


@pytest.mark.parametrize(("path", "lang"), [(EN_SEED, "en"), (IT_SEED, "it")])
def test_seeds_are_consultations(path, lang):
    if not path.exists():
        pytest.skip("seed not available")
    text = path.read_text(encoding="utf-8")
    event = classify_event(text, lang)
    assert event.type == "CONSULT"
    assert event.mode == "meet"
    assert event.context == "military"

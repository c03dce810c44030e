"""Participants and their roles as stated, from the linker's title split and from appositions,
in several languages."""

import pytest
from claim_fixtures import M, member, of_kind


def roles(claims, entity):
    return {c.value: c.detail["role_keys"] for c in of_kind(claims, "participant")
            if c.entities == (entity,) and c.value}


def test_english_apposition_before_and_linker_title():
    text = ("The Commander of the Northern Army, General Jane Doe, met the Chief of Army Staff of Ruritania, "
            "Field Marshal John Roe, in the capital.")
    _, _, claims = member(text, "en", (M("Jane Doe", "PER", "P:doe", role="General"),
                                       M("John Roe", "PER", "P:roe", role="Field Marshal")))
    assert roles(claims, "P:doe") == {"General": ("general",), "Commander of the Northern Army": ("commander",)}
    assert roles(claims, "P:roe") == {"Field Marshal": ("field_marshal",),
                                      "Chief of Army Staff of Ruritania": ("chief_of_army_staff",)}
    doe = next(c for c in of_kind(claims, "participant") if c.value == "Commander of the Northern Army")
    assert text[doe.start:doe.end] == doe.value  # evidence: offsets of the value
    assert text[doe.sentence_start:doe.sentence_end] == text


def test_italian_apposition_and_lowercase_title():
    text = ("Il Capo di Stato Maggiore dell’esercito, il generale Mario Rossi, ha incontrato a Roma "
            "il comandante militare libico Ahmed Salem e il suo vice, Omar Salem.")
    _, _, claims = member(text, "it", (M("Mario Rossi", "PER", "P:rossi", role="generale"),
                                       M("Ahmed Salem", "PER", "P:ahmed"), M("Omar Salem", "PER", "P:omar")))
    assert roles(claims, "P:rossi") == {"generale": ("general",),
                                        "Capo di Stato Maggiore dell’esercito": ("chief_of_army_staff",)}
    assert roles(claims, "P:ahmed") == {"comandante militare libico": ("commander",)}
    assert roles(claims, "P:omar") == {"vice": ("deputy",)}


@pytest.mark.parametrize(("lang", "text", "name", "role", "keys"), [
    ("fr", "Jean Dupont, ministre de la Défense, a rencontré des diplomates.", "Jean Dupont",
     "ministre de la Défense", ("defence_minister",)),
    ("es", "Ana García, portavoz del Gobierno, dijo que no habrá cambios.", "Ana García",
     "portavoz del Gobierno", ("spokesperson",)),
    ("de", "Der Verteidigungsminister Hans Müller besuchte die Truppe.", "Hans Müller",
     "Verteidigungsminister", ("defence_minister",)),
    ("pt", "O presidente João Silva visitou a cidade.", "João Silva", "presidente", ("president",)),
    ("ru", "Министр обороны Иван Петров провел встречу.", "Иван Петров", "Министр обороны", ("defence_minister",)),
])
def test_titles_in_other_languages(lang, text, name, role, keys):
    _, _, claims = member(text, lang, (M(name, "PER", "P:x"),))
    assert roles(claims, "P:x") == {role: keys}


def test_a_list_of_names_is_not_an_apposition():
    text = "Jane Doe, John Roe and the president met on Monday."
    _, _, claims = member(text, "en", (M("Jane Doe", "PER", "P:doe"), M("John Roe", "PER", "P:roe")))
    assert roles(claims, "P:doe") == {}


def test_every_participant_once_without_role_and_sources_left_out():
    text = "Jane Doe met officials of the Harbour Union, according to Reuters."
    _, _, claims = member(text, "en", (M("Jane Doe", "PER", "P:doe"), M("Harbour Union", "ORG", "O:hu"),
                                       M("Reuters", "ORG", "O:reuters")))
    named = [c.entities[0] for c in of_kind(claims, "participant")]
    assert named == ["P:doe", "O:hu"]  # Reuters is where the report comes from
    assert all(c.value == "" and c.detail["role_keys"] == () for c in of_kind(claims, "participant"))

"""Located events and dates, from the analysis' resolved times and from the dateline."""

import pytest
from claim_fixtures import M, member, of_kind

from dateline.models import Dateline


@pytest.mark.parametrize(("lang", "text", "name"), [
    ("en", "The ministers met in the city of Benghazi on Monday.", "Benghazi"),
    ("it", "I ministri si sono incontrati a Bengasi.", "Bengasi"),
    ("fr", "Les ministres se sont réunis à Benghazi.", "Benghazi"),
    ("es", "Los ministros se reunieron en Bengasi.", "Bengasi"),
    ("de", "Die Minister trafen sich in Bengasi.", "Bengasi"),
    ("ru", "Министры встретились в Бенгази.", "Бенгази"),
    ("pt", "Os ministros reuniram-se em Bengasi.", "Bengasi"),
])
def test_located_event(lang, text, name):
    _, _, claims = member(text, lang, (M(name, "LOC", "L:benghazi"),))
    [c] = of_kind(claims, "place")
    assert c.value == "L:benghazi" and text[c.start:c.end] == name


def test_an_adjective_of_region_may_stand_between_preposition_and_place():
    # "town" is governed by "in", and Schweinfurt is that town; Debrecen is named later in the sentence
    text = "Kessler will close its plant in the Bavarian town of Schweinfurt and move production to Debrecen."
    _, _, claims = member(text, "en", (M("Bavarian", "MISC", "M:bavarian"), M("Schweinfurt", "LOC", "L:sw"),
                                       M("Debrecen", "LOC", "L:db")))
    assert [c.value for c in of_kind(claims, "place")] == ["L:sw", "L:db"]
    # a capitalised word that is no adjective mention still ends the search
    _, _, claims = member("They met in the Kessler plant near Schweinfurt.", "en", (M("Schweinfurt", "LOC", "L:sw"),))
    assert [c.value for c in of_kind(claims, "place")] == ["L:sw"]  # through "near", not "in"
    _, _, claims = member("They met in Kessler Hall, Schweinfurt.", "en", (M("Schweinfurt", "LOC", "L:sw"),))
    assert of_kind(claims, "place") == []


@pytest.mark.parametrize(("lang", "text", "name"), [
    # a name after a facility noun: where someone was taken
    ("fr", "Les deux blessés ont été transportés à l'hôpital Tenon.", "Tenon"),
    ("it", "Il ferito è stato ricoverato presso l'ospedale Niguarda.", "Niguarda"),
    ("pt", "Os feridos foram levados para o hospital Santa Maria.", "Santa Maria"),
    # the seat of an embassy: where a mission sits
    ("en", "The ministry said through its embassy in Lisbon that no citizens were hurt.", "Lisbon"),
    ("it", "Lo ha fatto sapere la Farnesina attraverso l'ambasciata a Lisbona.", "Lisbona"),
    ("es", "La Embajada de España en Lisboa informó de que no hay víctimas.", "Lisboa"),
    ("de", "Die Botschaft in Lissabon teilte mit, es gebe keine Opfer.", "Lissabon"),
])
def test_a_facility_or_a_mission_seat_is_no_place_of_the_event(lang, text, name):
    _, _, claims = member(text, lang, (M(name, "LOC", "L:x"),))
    assert of_kind(claims, "place") == []


def test_a_facility_in_a_place_still_locates():
    text = "The wounded were taken to a hospital in Benghazi."
    _, _, claims = member(text, "en", (M("Benghazi", "LOC", "L:benghazi"),))
    assert [c.value for c in of_kind(claims, "place")] == ["L:benghazi"]


def test_a_place_after_an_embassy_mentioned_earlier_still_locates():
    text = "The embassy said the quake struck in Ribeira Grande at dawn."
    _, _, claims = member(text, "en", (M("Ribeira Grande", "LOC", "L:rg"),))
    assert [c.value for c in of_kind(claims, "place")] == ["L:rg"]


def test_a_place_named_without_a_preposition_is_not_located():
    _, _, claims = member("Libya and Egypt signed the deal.", "en", (M("Libya", "LOC", "L:ly"),))
    assert of_kind(claims, "place") == []


def test_dates_from_times_and_dateline():
    text = "The ministers met on Wednesday in Rome."
    _, _, claims = member(text, "en", times=(("on Wednesday", "2025-12-17", "2025-12-17"),),
                          dateline=Dateline("ROME, December 18", place="ROME", month=12, day=18))
    dates = of_kind(claims, "date")
    assert [(c.value, c.basis) for c in dates] == [("2025-12-17", "text"), ("--12-18", "dateline")]
    assert text[dates[0].start:dates[0].end] == "on Wednesday"


def test_range_and_unresolved_times():
    _, _, claims = member("Talks ran all week and resume later.", "en",
                          times=(("all week", "2025-12-15", "2025-12-21"), ("later", None, None)))
    assert [c.value for c in of_kind(claims, "date")] == ["2025-12-15/2025-12-21"]


def test_statement_concepts_and_entities():
    text = "Le ministre a rencontré Jean Dupont pour renforcer la coopération."
    _, _, claims = member(text, "fr", (M("Jean Dupont", "PER", "P:dupont"),))
    [s] = of_kind(claims, "statement")
    assert set(s.concepts) == {"meeting", "strengthening", "cooperation"} and s.entities == ("P:dupont",)
    assert (s.sentence_start, s.sentence_end) == (0, len(text))

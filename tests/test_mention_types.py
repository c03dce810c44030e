"""Types of the tagger's spans in languages it was not trained on: the gazetteer names places."""

from dateline.analyze.article import retype_big_places
from dateline.link import is_big_place
from dateline.models import Mention
from dateline.pipeline import Analyzer


def _m(text: str, type_: str, start: int = 0) -> Mention:
    return Mention(start, start + len(text), text, type_)


def test_big_places_by_name_as_written_not_demonyms_acronyms_or_small_towns():
    assert is_big_place("Genève", "fr") and is_big_place("Debrecen", "de") and is_big_place("Francia", "it")
    assert not is_big_place("ТАСС", "ru")  # the news agency, though also a town's alternate name
    assert not is_big_place("libico", "it") and not is_big_place("Libyan", "en")  # demonyms point at a country, not name it
    assert not is_big_place("Löhne", "de")  # a town of 40,000, and the German for wages
    assert not is_big_place("Kittipong", "fr")


def test_a_span_that_names_a_big_place_is_the_place_unless_a_person_of_the_text_bears_it():
    found = [_m("Genève", "ORG"), _m("Debrecen", "PER", 10), _m("Kessler", "ORG", 20),
             _m("Michael Jordan", "PER", 30), _m("Jordan", "PER", 50), _m("Regula Amstutz", "PER", 60)]
    out = retype_big_places(found, lambda name: is_big_place(name, "fr"))
    assert [m.type for m in out] == ["LOC", "LOC", "ORG", "PER", "PER", "PER"]


def test_only_where_the_tagger_was_not_trained():
    analyzer = Analyzer()
    fr = "Les ministres se sont retrouvés mardi à Genève pour une nouvelle série de pourparlers."
    place = [m for m in analyzer.mentions(fr, "fr") if m.text == "Genève"]
    assert [(m.type, m.entity) for m in place] == [("LOC", "LOC:geonames:2660646")]
    # in a trained language the tagger's own type stands (Spanish news names teams by their city)
    es = "El Barcelona ganó anoche al Valencia por dos goles a uno en el Camp Nou."
    tagged = {m.text: m.type for m in analyzer.tagger.tag(es, "es")}
    assert {m.text: m.type for m in analyzer.mentions(es, "es") if m.text in tagged} == tagged

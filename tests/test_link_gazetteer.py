"""The shipped gazetteer: places across languages and scripts, demonyms, titles."""

import gzip
import json
from importlib import resources

import pytest

from dateline.link import gazetteer as gz
from dateline.link.keys import KEY_VERSION


@pytest.fixture(scope="module")
def g():
    return gz.load()


def test_loads_and_matches_the_key_version(g):
    """Its load time is measured in bench/analyze_bench.py (load_seconds), not asserted here."""
    gz.load.cache_clear()
    g2 = gz.load()
    assert len(g2.places) > 30000
    data = json.loads(gzip.decompress(resources.files("dateline.data").joinpath("gazetteer.json.gz").read_bytes()))
    assert data["version"] == KEY_VERSION, "keys changed: run scripts/build_gazetteer.py"


@pytest.mark.parametrize("name,lang,place", [
    ("Benghazi", "en", "LOC:geonames:88319"), ("Bengasi", "it", "LOC:geonames:88319"),
    ("Бенгази", "ru", "LOC:geonames:88319"), ("بنغازي", "ar", "LOC:geonames:88319"),
    ("Libia", "it", "LOC:country:LY"), ("Libye", "fr", "LOC:country:LY"), ("Ливии", "ru", "LOC:country:LY"),
    ("Hiszpanii", "pl", "LOC:country:ES"), ("Allemagne", "fr", "LOC:country:DE"),
    ("Niemczech", "pl", "LOC:country:DE"), ("Warszawy", "pl", "LOC:geonames:756135"),
    ("Europie", "pl", "LOC:region:150"),
])
def test_places_across_languages(g, name, lang, place):
    assert g.lookup(name, lang).id == place


def test_places_carry_country_and_coordinates(g):
    p = g.lookup("Bengasi", "it")
    assert p.country == "LY" and 31 < p.lat < 33 and 19 < p.lon < 21 and p.kind == "city"
    ly = g.lookup("Libya", "en")
    assert ly.kind == "country" and ly.country == "LY" and ly.lat is not None  # capital's coordinates
    assert ly.name == "Libya"


@pytest.mark.parametrize("word,iso", [
    ("pakistano", "PK"), ("libico", "LY"), ("Pakistani", "PK"), ("Libyan", "LY"), ("pakistanische", "PK"),
    ("пакистанский", "PK"), ("libijski", "LY"), ("French", "FR"), ("français", "FR"), ("tedesco", "DE"),
    ("allemand", "DE"), ("Dutch", "NL"), ("Swiss", "CH"), ("British", "GB"), ("американский", "US"),
    ("Egyptian", "EG"), ("Amerykanie", "US"), ("egiziano", "EG"), ("italiano", "IT"), ("Thai", "TH"), ("тайский", "TH"),
])
def test_demonyms_point_to_their_country(g, word, iso):
    p = g.demonym_country(word)
    assert p is not None and p.id == f"LOC:country:{iso}", (word, p)


def test_organisations_by_acronym_in_several_languages(g):
    for acr in ("EU", "UE", "ЕС"):
        assert g.lookup(acr, None, "ORG").id == "ORG:EU"
    assert g.lookup("NATO", "en", "ORG").id == g.lookup("НАТО", "ru", "ORG").id == "ORG:NATO"
    assert g.lookup("Unii Europejskiej", "pl", "ORG").id == "ORG:EU"


@pytest.mark.parametrize("text,lang,role", [
    ("Field Marshal Asim Munir", "en", "Field Marshal"), ("Gen. John Smith", "en", "Gen."),
    ("President Joe Biden", "en", "President"), ("generale Asim Munir", "it", "generale"),
    ("général Jean Dupont", "fr", "général"), ("Bundeskanzler Olaf Scholz", "de", "Bundeskanzler"),
    ("генерал Иван Петров", "ru", "генерал"), ("prezydent Andrzej Duda", "pl", "prezydent"),
    ("ministro Carlos Pérez", "es", "ministro"), ("Bevollmächtigte Jana Moritz", "de", "Bevollmächtigte"),
    ("Betriebsratschef Udo Kranz", "de", "Betriebsratschef"),
])
def test_split_role(text, lang, role):
    r, n = gz.split_role(text, lang)
    assert r == role and text[n:][0].isupper()


def test_split_role_leaves_plain_names_and_bare_titles():
    assert gz.split_role("Asim Munir", "en") == (None, 0)
    assert gz.split_role("Generalissimo Franco", "en") == (None, 0)
    assert gz.split_role("President", "en") == (None, 0)


def test_role_before_a_mention():
    t = "ha incontrato il generale Asim Munir"
    assert gz.role_before(t, t.find("Asim"), "it") == ("generale", t.find("generale"), t.find("generale") + 8)
    t = "said Prime Minister Jane Doe"
    assert gz.role_before(t, t.find("Jane"), "en")[0] == "Prime Minister"
    assert gz.role_before("met Jane Doe", 4, "en") is None


def test_longest_name_counts_the_tokens_of_listed_names(g):
    assert g.longest_name("united") >= 3  # united arab emirates
    assert g.longest_name("new") >= 2  # new york, new delhi
    assert g.longest_name("zxqwvblorft") == 0


def test_spotting_skips_only_lookups_that_cannot_match(monkeypatch):
    """Pruning multi-word lookups by the names' first words finds exactly what trying every
    span finds."""
    from dateline.link import spotting

    texts = [
        ("Leaders of the United Arab Emirates met in New York and New Delhi with the United Nations.", "en"),
        ("La Repubblica Democratica del Congo e la Nuova Zelanda hanno firmato a Città del Messico.", "it"),
        ("Делегация Объединённых Арабских Эмиратов прибыла в Нью-Йорк.", "ru"),
        ("Przedstawiciele Zjednoczonych Emiratów Arabskich i Stanów Zjednoczonych spotkali się w Warszawie.", "pl"),
        ("Reuters reported from Rio de Janeiro, Sao Paulo and Hong Kong on Tuesday.", None),
    ]
    pruned = [spotting.spot(t, lang) for t, lang in texts]
    assert any(m.text == "United Arab Emirates" for m in pruned[0])
    monkeypatch.setattr(spotting, "_longest_from", lambda word, lang: spotting._MAX_TOKENS)
    assert [spotting.spot(t, lang) for t, lang in texts] == pruned


def test_a_skeleton_alone_does_not_make_a_town(g):
    """Phonetic keys bridge spellings and scripts, but a town found only by its skeleton must be
    spelled alike: the Azores are not Erzincan (TR) nor Akureyri (IS)."""
    for name, lang in (("Azores", "en"), ("Açores", "pt"), ("Andalusia", "en")):
        p = g.lookup(name, lang)
        assert p is None or p.kind != "city", (name, p)
    assert g.lookup("Вашингтоне", "ru").name == "Washington"
    assert g.lookup("Waszyngtonie", "pl").name == "Washington"


def test_ordinary_words_of_one_language_are_not_names_from_another(g):
    """Two ways a country's name in some locale became a German noun: the Slavic stem of the
    Estonian ``Armeenia`` is ``armeen`` (German ``Armeen``, armies), so stems are keys of their own,
    looked up for Slavic or unknown-language text only; and Ewondo writes India ``ɛ́ndə``, which
    folds to ``ende`` (``Ende``, end), so such Latin letters beyond accents are left out."""
    assert not g.is_place_name("Armeen", "de") and g.lookup("Armeen", "de", strict=True) is None
    ende = g.lookup("Ende", "de")
    assert ende is None or ende.id != "LOC:country:IN"
    # the stems still carry Slavic inflection, and England is not Angola (whose name in some
    # locale folds to the bare stem ``angl``)
    assert g.lookup("Armenii", "pl").id == "LOC:country:AM"
    assert g.lookup("Англии", "ru").id == g.lookup("Anglii", "pl").id == "LOC:country:GB"
    assert g.lookup("Hiszpanii", None).id == "LOC:country:ES"

"""The shipped gazetteer: places across languages and scripts, demonyms, titles."""

import time

import pytest

from dateline.link import gazetteer as gz
from dateline.link.keys import KEY_VERSION


@pytest.fixture(scope="module")
def g():
    return gz.load()


def test_loads_fast_and_matches_the_key_version(g):
    gz.load.cache_clear()
    t = time.perf_counter()
    g2 = gz.load()
    assert time.perf_counter() - t < 5  # about 0.5-1 s; generous for slow CI machines
    assert len(g2.places) > 30000
    import gzip, json
    from importlib import resources
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
    ("Egyptian", "EG"), ("Amerykanie", "US"), ("egiziano", "EG"), ("italiano", "IT"),
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
    ("ministro Carlos Pérez", "es", "ministro"),
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

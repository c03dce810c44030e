"""The multilingual concept and role lexicon: complete per language, and one concept key for
one idea across en, it, fr, es, de, ru, pt."""

import json
from importlib import resources

import pytest

from dateline.claims.lexicon import load
from dateline.claims.roles import role_keys
from dateline.claims.words import words

LANGS = ("en", "it", "fr", "es", "de", "ru", "pt")


def concepts(text: str, lang: str) -> set[str]:
    return {m.key for m in load().find_concepts(words(text), lang)}


def test_every_entry_has_every_language():
    raw = json.loads(resources.files("dateline").joinpath("data", "news-concepts.json").read_text("utf-8"))
    assert tuple(raw["languages"]) == LANGS
    assert len(raw["concepts"]) >= 100
    for section in ("concepts", "roles"):
        for key, entry in raw[section].items():
            assert entry["label"], key
            for lang in LANGS:
                assert entry[lang] and all(s.strip() for s in entry[lang]), (section, key, lang)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "The ministers held talks on a ceasefire and the deployment of a peacekeeping force.",
     {"meeting", "ceasefire", "deployment", "international_force"}),
    ("it", "I ministri si sono incontrati per discutere del cessate il fuoco e di una forza di pace.",
     {"meeting", "ceasefire", "international_force"}),
    ("fr", "Les ministres se sont rencontrés pour discuter du cessez-le-feu et d'une force internationale.",
     {"meeting", "ceasefire", "international_force"}),
    ("es", "Los ministros se reunieron para hablar del alto el fuego y de una fuerza internacional.",
     {"meeting", "ceasefire", "international_force"}),
    ("de", "Die Minister trafen sich, um über die Waffenruhe und eine internationale Truppe zu sprechen.",
     {"meeting", "ceasefire", "international_force"}),
    ("ru", "Министры встретились, чтобы обсудить перемирие и размещение миротворцев.",
     {"meeting", "ceasefire", "international_force"}),
    ("pt", "Os ministros reuniram-se para discutir o cessar-fogo e uma força de paz.",
     {"meeting", "ceasefire", "international_force"}),
])
def test_one_key_per_idea_across_languages(lang, text, expected):
    assert expected <= concepts(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Both sides agreed to strengthen bilateral ties and defence cooperation."),
    ("it", "Le parti hanno concordato di rafforzare i legami bilaterali e la cooperazione nella difesa."),
    ("fr", "Les deux parties ont convenu de renforcer les relations bilatérales et la coopération de défense."),
    ("es", "Ambas partes acordaron fortalecer las relaciones bilaterales y la cooperación en defensa."),
    ("de", "Beide Seiten wollen die bilateralen Beziehungen und die Zusammenarbeit bei der Verteidigung stärken."),
    ("ru", "Стороны договорились укреплять двусторонние отношения и сотрудничество в области обороны."),
    ("pt", "As partes concordaram em fortalecer as relações bilaterais e a cooperação em defesa."),
])
def test_relations_strengthening(lang, text):
    assert {"strengthening", "bilateral", "relations", "cooperation", "defence"} <= concepts(text, lang)


def test_whole_words_and_longest_match():
    assert "meeting" not in concepts("The metal works", "en")  # "met" is a whole word
    assert "meeting" in concepts("They met on Monday", "en")
    # the longer phrase wins: "forza di pace" is a force, not "peace"
    found = concepts("una forza di pace", "it")
    assert "international_force" in found and "peace" not in found


def test_unknown_language_uses_every_language():
    assert "guard_of_honour" in concepts("une garde d'honneur", None)


@pytest.mark.parametrize(("lang", "title", "keys"), [
    ("en", "Field Marshal", ("field_marshal",)),
    ("it", "feldmaresciallo", ("field_marshal",)),
    ("de", "Feldmarschall", ("field_marshal",)),
    ("en", "Chief of Army Staff", ("chief_of_army_staff",)),
    ("it", "Capo di Stato Maggiore dell’esercito pakistano", ("chief_of_army_staff",)),
    ("fr", "chef d'état-major de l'armée de terre", ("chief_of_army_staff",)),
    ("es", "jefe del Estado Mayor del Ejército", ("chief_of_army_staff",)),
    ("en", "Commander-in-Chief of the armed forces", ("commander_in_chief",)),
    ("ru", "главнокомандующий", ("commander_in_chief",)),
    ("pt", "ministro da Defesa", ("defence_minister",)),
    ("ru", "министра обороны", ("defence_minister",)),
])
def test_role_titles_normalised(lang, title, keys):
    assert role_keys(title, lang) == keys
    assert all(load().category(k) in ("rank", "office") for k in keys)

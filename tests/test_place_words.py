"""Names that open with a word for a kind of place are places, when the tagger said person."""

from dateline.analyze.place_words import retype_place_names
from dateline.models import Mention


def _m(text: str, type_: str) -> Mention:
    return Mention(0, len(text), text, type_)


def test_person_typed_place_names_become_places_in_several_languages():
    names = ["Lake Geneva", "Mont Blanc", "Golfo di Napoli", "Ilha Terceira", "Jezioro Bodeńskie", "Kap Arkona"]
    assert [m.type for m in retype_place_names([_m(n, "PER") for n in names])] == ["LOC"] * len(names)


def test_organisations_given_names_and_single_words_stay():
    kept = [_m("Monte dei Paschi", "ORG"), _m("Mount Sinai Hospital", "ORG"), _m("River Phoenix", "PER"),
            _m("Isla Fisher", "PER"), _m("Lake", "PER"), _m("Rio Ferdinand", "PER")]
    assert retype_place_names(kept) == kept


def test_a_lower_case_place_word_before_a_name_is_cut_off_and_the_name_is_the_place():
    text = "Il sisma ha colpito l'isola di São Miguel; Greek island of Crete; a ilha de São Jorge."
    spans = [(text.index(t), t, ty) for t, ty in [("isola di São Miguel", "ORG"), ("island of Crete", "MISC"),
                                                  ("ilha de São Jorge", "PER")]]
    out = retype_place_names([Mention(i, i + len(t), t, ty) for i, t, ty in spans])
    assert [(m.text, m.type, text[m.start:m.end]) for m in out] == [
        ("São Miguel", "LOC", "São Miguel"), ("Crete", "LOC", "Crete"), ("São Jorge", "LOC", "São Jorge")]
    # capitalised, the word is part of the name; not followed by a name, it is no place word
    kept = [_m("Isola di Capri", "ORG"), _m("island of stability", "MISC"), _m("lago del ciclismo", "EVT")]
    assert retype_place_names(kept) == kept


def test_the_bundled_example_finds_lake_geneva_as_a_place():
    from pathlib import Path

    from dateline.analyze.article import find_mentions
    from dateline.analyze.ner import CrfTagger

    text = (Path(__file__).resolve().parents[1] / "examples" / "01_en_geneva-talks.txt").read_text(encoding="utf-8")
    found = {m.text: m.type for m in find_mentions(text, "en", CrfTagger())}
    assert found.get("Lake Geneva") == "LOC"

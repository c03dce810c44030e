"""Sentence splitting: abbreviations, initials, numbers, quotes per language; offsets cover text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.analyze.sentences import split_sentences


def texts(text: str, lang: str | None) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text, lang)]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Mr. Hale met Dr. Ruiz and Gen. Oduya at 9 a.m. on Jan. 5. They spoke for an hour.",
     ["Mr. Hale met Dr. Ruiz and Gen. Oduya at 9 a.m. on Jan. 5.", "They spoke for an hour."]),
    ("en", "The plan was backed by the U.S. Senate. In the U.S. The vote came later.",
     ["The plan was backed by the U.S. Senate.", "In the U.S.", "The vote came later."]),
    ("en", "Orvan Ltd. and Kessit Inc. merged. Shares rose 3.5 percent to 1,200.75 dollars.",
     ["Orvan Ltd. and Kessit Inc. merged.", "Shares rose 3.5 percent to 1,200.75 dollars."]),
    ("en", "Sen. Ada Pell and Rep. Tom Ives, Jr. disagreed, i.e. they split. No. 4 won.",
     ["Sen. Ada Pell and Rep. Tom Ives, Jr. disagreed, i.e. they split.", "No. 4 won."]),
    ("it", "Il sig. Neri e il dott. Galli hanno firmato a pag. 4, ecc. Poi sono usciti.",
     ["Il sig. Neri e il dott. Galli hanno firmato a pag. 4, ecc.", "Poi sono usciti."]),
    ("it", "Il prof. Ferri ha parlato. La sala era piena.",
     ["Il prof. Ferri ha parlato.", "La sala era piena."]),
    ("fr", "M. Lefort et Mme Caron sont arrivés. Mgr Dufay a béni la ville en 30 av. J.-C. Fin.",
     ["M. Lefort et Mme Caron sont arrivés.", "Mgr Dufay a béni la ville en 30 av. J.-C.", "Fin."]),
    ("es", "El Sr. Ibarra y la Sra. Pons viajaron a EE.UU. para la cumbre. Dña. Lola no fue.",
     ["El Sr. Ibarra y la Sra. Pons viajaron a EE.UU. para la cumbre.", "Dña. Lola no fue."]),
    ("de", "Am 17. Dezember kamen ca. 1.200 Menschen, z. B. aus Ulm, d. h. viele. Dr. Kern sprach.",
     ["Am 17. Dezember kamen ca. 1.200 Menschen, z. B. aus Ulm, d. h. viele.", "Dr. Kern sprach."]),
    ("de", "Das Werk bzw. die Halle Nr. 3 schließt. Der 3. Oktober ist frei. Es kamen 40. Dann ging es.",
     ["Das Werk bzw. die Halle Nr. 3 schließt.", "Der 3. Oktober ist frei.", "Es kamen 40.",
      "Dann ging es."]),
    ("ru", "Закон приняли в 2021 г. Москва его поддержала, т.е. согласилась. Ущерб 5 млн. рублей.",
     ["Закон приняли в 2021 г. Москва его поддержала, т.е. согласилась.", "Ущерб 5 млн. рублей."]),
    ("ru", "Он живёт на ул. Ленина, им. Пушкина и т.д. Затем уехал.",
     ["Он живёт на ул. Ленина, им. Пушкина и т.д.", "Затем уехал."]),
    ("pt", "O Sr. Lopes e a Sra. Dias chegaram. A Dra. Melo ficou, etc. Depois saíram.",
     ["O Sr. Lopes e a Sra. Dias chegaram.", "A Dra. Melo ficou, etc.", "Depois saíram."]),
    ("pl", "Prof. Nowak mieszka przy ul. Długiej, np. w domu nr 5. Potem wyjechał.",
     ["Prof. Nowak mieszka przy ul. Długiej, np. w domu nr 5.", "Potem wyjechał."]),
])
def test_abbreviations(lang: str, text: str, expected: list[str]) -> None:
    assert texts(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "J. Marlow spoke to Donald J. Tenby. They agreed.",
     ["J. Marlow spoke to Donald J. Tenby.", "They agreed."]),
    ("en", 'She said: "We will stay." Then she left. (It was late.) Nobody argued.',
     ['She said: "We will stay."', "Then she left.", "(It was late.)", "Nobody argued."]),
    ("en", "He said it was “over.” The crowd cheered.", ["He said it was “over.”", "The crowd cheered."]),
    ("fr", "Il a déclaré : « C'est terminé. » Les autres sont partis.",
     ["Il a déclaré : « C'est terminé. »", "Les autres sont partis."]),
    ("it", "«Restiamo qui.» Poi se ne andò.", ["«Restiamo qui.»", "Poi se ne andò."]),
    ("en", "Will it hold? Nobody knows! Wait... Then silence.",
     ["Will it hold?", "Nobody knows!", "Wait...", "Then silence."]),
    ("en", "They waited... and waited. Yahoo! said nothing? no.",
     ["They waited... and waited.", "Yahoo! said nothing? no."]),
    ("es", "¿Vendrá mañana? ¡Claro que sí! Bien.", ["¿Vendrá mañana?", "¡Claro que sí!", "Bien."]),
    ("zh", "会谈结束了。双方同意！真的吗？是的", ["会谈结束了。", "双方同意！", "真的吗？", "是的"]),
    ("ar", "وصل الوفد. هل انتهت المحادثات؟ نعم", ["وصل الوفد.", "هل انتهت المحادثات؟", "نعم"]),
    ("en", "Title without a stop\n\nFirst paragraph here. Second one.\n\n  Last",
     ["Title without a stop", "First paragraph here.", "Second one.", "Last"]),
])
def test_initials_quotes_terminators_paragraphs(lang: str, text: str, expected: list[str]) -> None:
    assert texts(text, lang) == expected


def test_unknown_language_uses_every_list() -> None:
    assert texts("Dr. Lind met Sig. Bassi. They talked.", None) == [
        "Dr. Lind met Sig. Bassi.", "They talked."]


def test_empty_and_blank() -> None:
    assert split_sentences("", "en") == []
    assert split_sentences(" \n\n \t", "en") == []


def _check_cover(text: str, lang: str | None) -> None:
    spans = split_sentences(text, lang)
    prev = 0
    covered = set()
    for s in spans:
        assert prev <= s.start < s.end <= len(text)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        covered.update(range(s.start, s.end))
        prev = s.end
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


@given(st.text(alphabet=st.sampled_from(list("ab A.B!?…。\n «»\"”)3Mr.J")), max_size=80),
       st.sampled_from(["en", "de", "ru", "fr", None, "xx"]))
@settings(max_examples=300, deadline=None)
def test_property_spans_cover_text(text: str, lang: str | None) -> None:
    _check_cover(text, lang)


@given(st.text(max_size=200), st.sampled_from(["en", "it", None]))
@settings(max_examples=200, deadline=None)
def test_property_arbitrary_unicode(text: str, lang: str | None) -> None:
    _check_cover(text, lang)

"""The regex tokenizer: CoNLL-like tokens, exact offsets, sentence starts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.analyze.tokens import sentences, tokenize


def texts(s: str) -> list[str]:
    return [t.text for t in tokenize(s)]


def test_words_numbers_and_punctuation():
    assert texts("Field Marshal Asim Munir met Khalifa Haftar in Benghazi.") == [
        "Field", "Marshal", "Asim", "Munir", "met", "Khalifa", "Haftar", "in", "Benghazi", ".",
    ]
    assert texts("Prices rose 2,500.75 euros (3.5%) at 17:30!") == [
        "Prices", "rose", "2,500.75", "euros", "(", "3.5", "%", ")", "at", "17:30", "!",
    ]


def test_words_with_inner_apostrophes_and_hyphens_stay_whole():
    assert texts("O'Neill met Jean-Marie about COVID-19") == ["O'Neill", "met", "Jean-Marie", "about", "COVID-19"]
    assert texts("the U.S. and J. Smith") == ["the", "U.S.", "and", "J.", "Smith"]


def test_english_clitic_and_romance_elision_are_split():
    assert texts("Haftar's army") == ["Haftar", "'s", "army"]
    assert texts("il capo dell’esercito d'Italia") == ["il", "capo", "dell’", "esercito", "d'", "Italia"]


def test_other_scripts():
    assert texts("Хафтар встретился с Мунииром в Бенгази.") == ["Хафтар", "встретился", "с", "Мунииром", "в", "Бенгази", "."]
    assert texts("Ο Χαφτάρ στη Βεγγάζη") == ["Ο", "Χαφτάρ", "στη", "Βεγγάζη"]


def test_conll_style_text_round_trips():
    s = "EU rejects German call to boycott British lamb ."
    assert texts(s) == s.split(" ")


def test_sentence_starts():
    toks = tokenize('He left. "We stay," she said.\nNext line')
    firsts = [t.text for t in toks if t.first]
    assert firsts == ["He", '"', "We", "Next"]
    chunks = sentences(toks)
    assert [c[0].text for c in chunks] == ["He", '"', "Next"]


def test_empty():
    assert tokenize("") == []
    assert tokenize(" \n\t ") == []


@given(st.text(max_size=200))
def test_offsets_round_trip_and_cover_all_non_space(s):
    toks = tokenize(s)
    pos = 0
    for t in toks:
        assert s[t.start:t.end] == t.text
        assert t.start >= pos
        assert s[pos:t.start].strip() == ""
        pos = t.end
    assert s[pos:].strip() == ""

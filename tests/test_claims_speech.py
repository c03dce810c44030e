"""Direct and reported speech: quote span, speaker and the source it is attributed to."""

import pytest
from claim_fixtures import M, member, of_kind


def speech(text, lang, mentions=()):
    _, _, claims = member(text, lang, mentions)
    return of_kind(claims, "speech")


def test_quote_speaker_and_source_english():
    text = "“We will rebuild the bridge,” said Jane Doe, according to ISPR."
    [c] = speech(text, "en", (M("Jane Doe", "PER", "P:doe"), M("ISPR", "ORG", "O:ispr")))
    assert c.detail["mode"] == "direct"
    assert c.value == "We will rebuild the bridge," and text[c.start:c.end] == c.value
    assert (c.detail["speaker"], c.detail["speaker_entity"]) == ("Jane Doe", "P:doe")
    assert (c.detail["source"], c.detail["source_entity"]) == ("ISPR", "O:ispr")
    assert set(c.entities) == {"P:doe", "O:ispr"}


@pytest.mark.parametrize(("lang", "text", "source"), [
    ("it", "“Il ponte sarà ricostruito”, ha dichiarato l’esercito in una nota.", "l’esercito"),
    ("it", "Le parti hanno discusso della difesa, riporta la Radio dell’esercito.", "la Radio dell’esercito"),
    ("fr", "Le pont sera reconstruit, selon l'AFP.", "l'AFP"),
    ("es", "El puente será reconstruido, según fuentes militares.", "fuentes militares"),
    ("de", "Die Brücke wird laut Reuters wieder aufgebaut.", "Reuters"),
    ("ru", "Мост будет восстановлен, по данным ТАСС.", "ТАСС"),
    ("pt", "A ponte será reconstruída, segundo a agência.", "a agência"),
])
def test_attributed_sources(lang, text, source):
    [c] = speech(text, lang)
    assert c.detail["source"] == source
    assert c.detail["mode"] == ("direct" if "“" in text else "reported")


def test_speaker_before_the_verb_and_linked():
    text = "Asim Munir, ha ribadito l’impegno del Pakistan."
    [c] = speech(text, "it", (M("Asim Munir", "PER", "P:munir"),))
    assert c.detail["speaker_entity"] == "P:munir" and c.detail["mode"] == "reported"


def test_inverted_subject_after_a_comma():
    text = "Rossi ha incontrato il ministro e il suo vice, Paolo Bianchi, ha riferito l’ufficio stampa."
    [c] = speech(text, "it", (M("Paolo Bianchi", "PER", "P:bianchi"),))
    assert c.detail["source"] == "l’ufficio stampa"


def test_no_one_named():
    [c] = speech("It is reported that the talks will resume.", "en")
    assert c.detail["source"] is None and c.detail["speaker"] is None


def test_sentence_without_speech():
    assert speech("The bridge was rebuilt in May.", "en") == []

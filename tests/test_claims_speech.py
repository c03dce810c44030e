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


def _all_characters() -> str:
    return "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i <= 0xDFFF)


def test_cue_prefilter_misses_no_character():
    """A sentence is matched for cues only where one of its words (lowered by str.lower()) starts
    a cue: that is exact only if every character case-insensitive matching takes for a cue's
    letter lowers to that letter, or is one of those that send a sentence to the full match."""
    import re

    from dateline.claims import speech as sp

    letters = set()
    for lang in (*sp._PREPOSITIONAL, None):
        _, leads = sp._cue_tables(lang)
        assert leads is not None
        whole, prefixes = leads.whole, leads.prefixes
        words = [*whole, *prefixes, *(w for rests in whole.values() for rest in rests for w, _ in rest)]
        assert all(w and w == w.lower() and re.fullmatch(r"\w+", w) for w in words)
        letters.update(c for w in words for c in w)
    chars = _all_characters()
    odd = set(sp._CASE_ODD_CHARS)
    for letter in sorted(letters):
        for c in re.findall(re.escape(letter), chars, re.IGNORECASE):
            assert c.lower() == letter or c in odd, (letter, c)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The army SAID on Monday it had retreated."),
    ("en", "Troops withdrew, as reported by AP."),
    ("fr", "Le ministre a déclaré que le pont serait reconstruit."),
    ("fr", "Le pont sera reconstruit, d’après l'AFP."),
    ("ru", "Как сообщили в министерстве, мост восстановят."),
    ("pl", "Most zostanie odbudowany, ПО ДАННЫМ ТАСС."),
    ("pl", "Ktoś SAİD, że most zostanie odbudowany."),
    ("en", "Nobody here, only words like sayings and toldo."),
])
def test_cue_prefilter_agrees_with_the_full_match(lang, text):
    from dateline.claims import speech as sp
    from dateline.models import Sentence

    sent = Sentence(0, len(text))
    tables, leads = sp._cue_tables(lang)
    full = [m.span() for _, cues, _ in tables for m in cues.finditer(text, sent.start, sent.end)]
    assert sp._may_have_cue(text, sent, leads) or not full

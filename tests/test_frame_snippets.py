"""ACLED-style snippet labelling with the shipped model, and its text features."""

from __future__ import annotations

from dateline.frame import label_snippet
from dateline.frame.snippets import default_model, snippet_features
from dateline.frame.textfeatures import Vectorizer, raw_features, words


def test_words_collapse_digits_and_char_ngrams_stay_inside_words():
    assert words("Twelve killed, 14 hurt") == ["twelve", "killed", "00", "hurt"]
    grams = raw_features("ab cd", 0, (3, 3))
    assert set(grams) == {"c: ab", "c:ab ", "c: cd", "c:cd "}


def test_vectorizer_is_unit_length_with_extra_features_scaled():
    vec = Vectorizer.fit(["rain in the valley", "rain on the coast"], 1).with_extra(["cue"], 0.5)
    v = vec.transform("rain valley", {"cue": 1.0, "unknown": 1.0})
    cue = vec.vocabulary["cue"]
    assert v[cue] == 0.5
    assert abs(sum(x * x for c, x in v.items() if c != cue) - 1.0) < 1e-9
    assert Vectorizer.from_dict(vec.to_dict()).to_dict() == vec.to_dict()  # idf is stored rounded


def test_casualty_and_lexicon_cues():
    cues = snippet_features("Gunmen attacked a market, leaving 12 people killed and 30 wounded.")
    assert cues["casualties:killed"] == 1.0 and cues["casualties:injured"] == 1.0
    assert cues["lex:ASSAULT"] > 0


def test_label_is_one_of_the_model_classes():
    model = default_model()
    assert len(model.classes) >= 20 and "AIR_STRIKE" in model.classes
    label = label_snippet("Fighter jets carried out airstrikes on the village overnight, destroying several houses.")
    assert label.label == "AIR_STRIKE"
    assert 0.0 < label.score <= 1.0
    protest = label_snippet("Hundreds of teachers marched peacefully through the city centre demanding higher wages.")
    assert protest.label == "PEACE_PROTEST"

"""German: the tagger marks capitalised common nouns; the filter keeps names with evidence."""

from dateline.analyze.nouns import filter_noun_language_mentions
from dateline.models import Mention

TEXT = ("Der Streit um das Werk geht weiter. Am Dienstag sagte Betriebsrat Markus Hollenbach in "
        "Schweinfurt, die IG Metall werde kämpfen. Hollenbach nannte die Gewerkschaften einig.")


def _m(surface, type_="PER", last=False):
    start = TEXT.rindex(surface) if last else TEXT.index(surface)
    return Mention(start, start + len(surface), surface, type_)


def test_common_nouns_go_names_stay():
    tagged = [_m("Der Streit", "ORG"), _m("Werk", "LOC"), _m("Dienstag"), _m("Markus Hollenbach"),
              _m("Schweinfurt", "LOC"), _m("IG Metall", "ORG"), _m("Hollenbach", last=True), _m("Gewerkschaften")]
    kept = filter_noun_language_mentions(tagged, is_known_name=lambda name: name == "Schweinfurt")
    assert [m.text for m in kept] == ["Markus Hollenbach", "Schweinfurt", "IG Metall", "Hollenbach"]
    assert all(TEXT[m.start:m.end] == m.text for m in kept)


def test_leading_function_words_are_cut_from_a_run():
    tagged = [_m("Am Dienstag")]
    assert filter_noun_language_mentions(tagged, lambda _: False) == []
    start = TEXT.index("die IG Metall")
    [kept] = filter_noun_language_mentions([Mention(start, start + 13, "die IG Metall", "ORG")], lambda _: False)
    assert kept.text == "IG Metall" and TEXT[kept.start:kept.end] == "IG Metall"

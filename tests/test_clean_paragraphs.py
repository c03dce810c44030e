from __future__ import annotations

from dateline.clean.paragraphs import normalise_paragraphs


def test_blank_line_runs_and_trailing_junk():
    text = "\n\n  First  para\tgraph.  \n\n\n\n\nSecond paragraph.\n" + "\n" * 40 + "  \n"
    assert normalise_paragraphs(text) == "First para graph.\n\nSecond paragraph."


def test_single_newline_paragraphs_without_blank_lines():
    lines = [
        "The minister arrived in the capital on Tuesday for two days of talks with officials.",
        "According to the agency, the meeting covered trade, energy and border security.",
        "A joint statement is expected on Thursday after the final session.",
    ]
    assert normalise_paragraphs("\n".join(lines)) == "\n\n".join(lines)


def test_hard_wrapped_block_is_joined():
    text = ("The minister arrived in the capital on Tuesday for two days\n"
            "of talks with officials from the neighbouring countries, the\n"
            "agency said in a statement.\n"
            "\n"
            "A joint statement is expected on Thursday after the final\n"
            "session of the talks.\n")
    assert normalise_paragraphs(text) == (
        "The minister arrived in the capital on Tuesday for two days of talks with officials "
        "from the neighbouring countries, the agency said in a statement.\n\n"
        "A joint statement is expected on Thursday after the final session of the talks."
    )


def test_hard_wrap_hyphen_at_line_end():
    text = ("The committee discussed the long-awaited report on the inter-\n"
            "national shipping rules and the port fees in the region today.")
    assert "inter-national shipping" in normalise_paragraphs(text)


def test_short_lines_are_not_joined():
    text = "Rome\nParis\nBerlin"
    assert normalise_paragraphs(text) == "Rome\n\nParis\n\nBerlin"


def test_title_line_above_long_line_stays_separate():
    text = ("Summit ends\nThe summit ended on Thursday with a joint statement on trade and "
            "energy that all delegations signed.")
    assert normalise_paragraphs(text).split("\n\n")[0] == "Summit ends"


def test_leading_and_trailing_punctuation_only_paragraphs_dropped():
    assert normalise_paragraphs("***\n\nText.\n\n---\n\n.") == "Text."
    assert normalise_paragraphs("A.\n\n***\n\nB.") == "A.\n\n***\n\nB."


def test_empty():
    assert normalise_paragraphs("") == ""
    assert normalise_paragraphs(" \n\t\n ") == ""

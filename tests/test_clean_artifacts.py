from __future__ import annotations

import pytest

from dateline.clean.artifacts import remove_artifacts


@pytest.mark.parametrize("text, expected", [
    ("It was reported. . The talks went on.", "It was reported. The talks went on."),
    ("Tara Reid , 33 , checked in .", "Tara Reid, 33, checked in."),
    ("Prices rose,, then fell , , again.", "Prices rose, then fell, again."),
    ("U.S. . The team left.", "U.S. The team left."),
])
def test_fixes(text, expected):
    assert remove_artifacts(text) == expected


@pytest.mark.parametrize("text", [
    "He paused . . . and then spoke.",  # spaced ellipsis
    "Il a dit : « non » ; puis il est parti !",  # French spacing before : ; ! and »
    "Pi is 3.14 and the file is report.pdf here.",
    "Version 2 .5 is not fixed.",
    "Read more about the budget in the annex.",
])
def test_kept(text):
    assert remove_artifacts(text) == text


def test_label_paragraphs_dropped_only_when_alone():
    text = "\n\n".join(["First.", "Advertisement", "Second.", "READ MORE:", "Pubblicità",
                        "Anzeige", "Реклама", "Нашли ошибку?", "Third."])
    assert remove_artifacts(text) == "First.\n\nSecond.\n\nThird."


def test_paragraph_structure_kept():
    assert remove_artifacts("A , b.\n\nC.") == "A, b.\n\nC."

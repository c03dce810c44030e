from __future__ import annotations

import pytest

from dateline.clean.byline import split_byline

BODY = "Il governo ha approvato la legge sul bilancio dopo un lungo dibattito."


@pytest.mark.parametrize("last, byline", [
    ("Lucia Giannini", "Lucia Giannini"),
    ("di Lucia Giannini", "Lucia Giannini"),
    ("By John A. Smith", "John A. Smith"),
    ("Par Claire Martin", "Claire Martin"),
    ("Por María José de la Fuente", "María José de la Fuente"),
    ("Von Hans-Peter Müller", "Hans-Peter Müller"),
    ("От Ивана Петрова", "Ивана Петрова"),
    ("Lucia Giannini, ANSA", "Lucia Giannini, ANSA"),
    ("John Smith and Jane Doe", "John Smith and Jane Doe"),
    ("Reuters", "Reuters"),
    ("(AFP)", "AFP"),
    ("(Reporting by John Smith; Editing by Jane Doe)", "Reporting by John Smith; Editing by Jane Doe"),
    ("LUCIA GIANNINI", "LUCIA GIANNINI"),
])
def test_trailing_bylines(last, byline):
    assert split_byline(f"{BODY}\n\n{last}") == (byline, BODY)


@pytest.mark.parametrize("last", [
    "Il governo ha deciso.",  # a sentence
    "The talks will resume on Monday",  # lower-case words
    "All Rights Reserved",
    "Thank You",
    "Go Colts",
    "Giannini",  # one word
    "Copyright 2025 Lucia Giannini",
    "Anna Maria Luisa Rosa Bianchi",  # five name words
    "Ms Lucia Giannini, who wrote this report for the agency in Rome",  # too long
    "Di Maio Luigi",  # "Di" capitalised is a surname, then "Maio Luigi" stays... a name: see below
])
def test_not_bylines(last):
    text = f"{BODY}\n\n{last}"
    byline, rest = split_byline(text)
    if last == "Di Maio Luigi":
        # A capitalised "Di" is part of the name, not a prefix.
        assert (byline, rest) == ("Di Maio Luigi", BODY)
    else:
        assert (byline, rest) == (None, text)


def test_leading_by_line():
    assert split_byline(f"By John Smith\n\n{BODY}") == ("John Smith", BODY)
    assert split_byline(f"By John Smith, Reuters\n\n{BODY}") == ("John Smith, Reuters", BODY)


def test_leading_name_without_prefix_is_not_a_byline():
    text = f"Lucia Giannini\n\n{BODY}"
    assert split_byline(text) == (None, text)


def test_whole_text_is_never_taken():
    assert split_byline("Lucia Giannini") == (None, "Lucia Giannini")

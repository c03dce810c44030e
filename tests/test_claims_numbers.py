"""Numbers with units, normalised, with what is counted, in several languages."""

import pytest
from claim_fixtures import member, of_kind
from hypothesis import given
from hypothesis import strategies as st

from dateline.claims.numbers import parse_number


def numbers(text, lang):
    _, _, claims = member(text, lang)
    return [(c.value, c.detail["unit"], c.detail["counted"], text[c.start:c.end]) for c in of_kind(claims, "number")]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "The strike hit a market, killing 6 civilians and wounding 12 people.",
     [("6", "person", "killed", "6 civilians"), ("12", "person", "wounded", "12 people")]),
    ("it", "Nell'attacco ci sono stati 12 morti e 30 feriti.",
     [("12", "person", "killed", "12 morti"), ("30", "person", "wounded", "30 feriti")]),
    ("fr", "La police a arrêté 40 manifestants.", [("40", "person", "arrested", "40 manifestants")]),
    ("es", "El ataque dejó 7 muertos.", [("7", "person", "killed", "7 muertos")]),
    ("de", "Bei dem Anschlag wurden 8 Menschen getötet.", [("8", "person", "killed", "8 Menschen getötet")]),
    ("ru", "В результате удара 6 человек погибли.", [("6", "person", "killed", "6 человек погибли")]),
    ("pt", "O ataque deixou 9 mortos.", [("9", "person", "killed", "9 mortos")]),
])
def test_casualty_counts(lang, text, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "value", "unit", "span"), [
    ("en", "The fund gave $5 million to the port.", "5000000", "USD", "$5 million"),
    ("fr", "Paris a promis 5 millions d'euros.", "5000000", "EUR", "5 millions d'euros"),
    ("it", "Il governo ha stanziato 2,5 miliardi di euro.", "2500000000", "EUR", "2,5 miliardi di euro"),
    ("es", "Los daños superan 1.500 millones de dólares.", "1500000000", "USD", "1.500 millones de dólares"),
    ("de", "Die Preise stiegen um 2,5 Prozent.", "2.5", "percent", "2,5 Prozent"),
    ("en", "Turnout was 61 per cent.", "61", "percent", "61 per cent"),
    ("ru", "Инфляция составила 9,5%.", "9.5", "percent", "9,5%"),
    ("pt", "O desemprego caiu para 7 por cento.", "7", "percent", "7 por cento"),
])
def test_money_and_percentages(lang, text, value, unit, span):
    [(v, u, _, s)] = numbers(text, lang)
    assert (v, u, s) == (value, unit, span)


def test_bare_numbers_and_years_are_not_claims():
    assert numbers("In 2024 the council met 3 times in room 12.", "en") == []


@pytest.mark.parametrize(("raw", "value"), [
    ("1,500", 1500), ("1.500", 1500), ("1.5", 1.5), ("3,5", 3.5), ("1.234,5", 1234.5), ("1,234.5", 1234.5),
    ("12 000", 12000),
])
def test_parse_number(raw, value):
    assert parse_number(raw) == value


@given(st.integers(min_value=0, max_value=10**9))
def test_parse_number_reads_grouped_thousands(n):
    assert parse_number(f"{n:,}") == n
    assert parse_number(f"{n:,}".replace(",", ".")) == n

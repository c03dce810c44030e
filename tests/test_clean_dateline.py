from __future__ import annotations

import pytest

from dateline.clean.dateline import split_dateline

# (text, dateline text, place, agency, month, day, year, body)
POSITIVE = [
    ("RABAT, December 17. . The Commander met the marshal.",
     "RABAT, December 17", "RABAT", None, 12, 17, None, "The Commander met the marshal."),
    ("ROMA, 17 dicembre - Il governo ha approvato la legge.",
     "ROMA, 17 dicembre", "ROMA", None, 12, 17, None, "Il governo ha approvato la legge."),
    ("MOSCOW, Dec 17 /TASS/. The Kremlin said talks would go on.",
     "MOSCOW, Dec 17 /TASS/", "MOSCOW", "TASS", 12, 17, None, "The Kremlin said talks would go on."),
    ("BERLIN (dpa) - Die Bundesregierung plant neue Regeln.",
     "BERLIN (dpa)", "BERLIN", "dpa", None, None, None, "Die Bundesregierung plant neue Regeln."),
    ("PARIS, 17 décembre 2025 (AFP) - Le président a reçu son homologue.",
     "PARIS, 17 décembre 2025 (AFP)", "PARIS", "AFP", 12, 17, 2025, "Le président a reçu son homologue."),
    ("MADRID, 17 dic (EFE).- El Gobierno aprobó el decreto.",
     "MADRID, 17 dic (EFE)", "MADRID", "EFE", 12, 17, None, "El Gobierno aprobó el decreto."),
    ("МОСКВА, 17 декабря. /ТАСС/. Президент провел совещание.",
     "МОСКВА, 17 декабря. /ТАСС/", "МОСКВА", "ТАСС", 12, 17, None, "Президент провел совещание."),
    ("LISBOA, 17 dez (Lusa) - O Governo aprovou o orçamento.",
     "LISBOA, 17 dez (Lusa)", "LISBOA", "Lusa", 12, 17, None, "O Governo aprovou o orçamento."),
    ("WASHINGTON (Reuters) - The Senate passed the bill.",
     "WASHINGTON (Reuters)", "WASHINGTON", "Reuters", None, None, None, "The Senate passed the bill."),
    ("SÃO PAULO, 17 de dezembro de 2025 - O presidente viajou.",
     "SÃO PAULO, 17 de dezembro de 2025", "SÃO PAULO", None, 12, 17, 2025, "O presidente viajou."),
    ("NEW YORK, Dec. 17 (AP) — Stocks fell sharply on Wednesday.",
     "NEW YORK, Dec. 17 (AP)", "NEW YORK", "AP", 12, 17, None, "Stocks fell sharply on Wednesday."),
    ("Kyiv, 17 December (Reuters) - Ukraine said it shot down drones.",
     "Kyiv, 17 December (Reuters)", "Kyiv", "Reuters", 12, 17, None, "Ukraine said it shot down drones."),
    ("BERLIN, 17. Dezember 2025 (dpa) - Der Bundestag hat abgestimmt.",
     "BERLIN, 17. Dezember 2025 (dpa)", "BERLIN", "dpa", 12, 17, 2025, "Der Bundestag hat abgestimmt."),
    ("Berlin, 17. Dezember - Der Bundestag hat abgestimmt.",
     "Berlin, 17. Dezember", "Berlin", None, 12, 17, None, "Der Bundestag hat abgestimmt."),
    ("МОСКВА, 17 дек — РИА Новости. Президент провел совещание.",
     "МОСКВА, 17 дек — РИА Новости", "МОСКВА", "РИА Новости", 12, 17, None, "Президент провел совещание."),
    ("(ANSA) - ROMA, 17 DIC - Il governo ha approvato la legge.",
     "(ANSA) - ROMA, 17 DIC", "ROMA", "ANSA", 12, 17, None, "Il governo ha approvato la legge."),
    ("GAZA CITY, Gaza Strip (AP) — Israeli strikes hit the city.",
     "GAZA CITY, Gaza Strip (AP)", "GAZA CITY", "AP", None, None, None, "Israeli strikes hit the city."),
    ("WASHINGTON — The Senate voted late on Tuesday.",
     "WASHINGTON", "WASHINGTON", None, None, None, None, "The Senate voted late on Tuesday."),
    ("Kyiv (Reuters) - Ukraine said it shot down drones.",
     "Kyiv (Reuters)", "Kyiv", "Reuters", None, None, None, "Ukraine said it shot down drones."),
    ("Madrid, 17 de diciembre (EFE).- El Gobierno aprobó el decreto.",
     "Madrid, 17 de diciembre (EFE)", "Madrid", "EFE", 12, 17, None, "El Gobierno aprobó el decreto."),
    ("RIO DE JANEIRO, 17 dez (Lusa) - O Governo aprovou.",
     "RIO DE JANEIRO, 17 dez (Lusa)", "RIO DE JANEIRO", "Lusa", 12, 17, None, "O Governo aprovou."),
    ("N'DJAMENA, Feb 29 (Reuters) - Chad said.",
     "N'DJAMENA, Feb 29 (Reuters)", "N'DJAMENA", "Reuters", 2, 29, None, "Chad said."),
    ("LONDON 1996-08-30\n\nWest Indian all-rounder took four wickets.",
     "LONDON 1996-08-30", "LONDON", None, 8, 30, 1996, "West Indian all-rounder took four wickets."),
    ("КИЇВ, 17 грудня — Укрінформ. Уряд ухвалив рішення.",
     "КИЇВ, 17 грудня — Укрінформ", "КИЇВ", "Укрінформ", 12, 17, None, "Уряд ухвалив рішення."),
    ("ROMA, 17 dicembre: Il governo ha deciso.",
     "ROMA, 17 dicembre", "ROMA", None, 12, 17, None, "Il governo ha deciso."),
    ("КИЇВ. 17 грудня. УНН. Уряд ухвалив рішення.",
     "КИЇВ. 17 грудня. УНН", "КИЇВ", "УНН", 12, 17, None, "Уряд ухвалив рішення."),
    ("ЛОНДОН, 17 дек - ПРАЙМ . Компания объявила о выкупе акций.",
     "ЛОНДОН, 17 дек - ПРАЙМ", "ЛОНДОН", "ПРАЙМ", 12, 17, None, "Компания объявила о выкупе акций."),
    ("АСТАНА. КАЗИНФОРМ - Правительство утвердило план.",
     "АСТАНА. КАЗИНФОРМ", "АСТАНА", "КАЗИНФОРМ", None, None, None, "Правительство утвердило план."),
    ("MOSCOW, Dec 17. NATO said the talks failed.",  # not NATO as agency: not followed by "."
     "MOSCOW, Dec 17", "MOSCOW", None, 12, 17, None, "NATO said the talks failed."),
    ("ST. LOUIS (AP) — A storm hit the city.",
     "ST. LOUIS (AP)", "ST. LOUIS", "AP", None, None, None, "A storm hit the city."),
    ("LOUISVILLE, Ky. (AP) — Protesters marched downtown.",
     "LOUISVILLE, Ky. (AP)", "LOUISVILLE", "AP", None, None, None, "Protesters marched downtown."),
]


@pytest.mark.parametrize("text, dl_text, place, agency, month, day, year, body", POSITIVE)
def test_datelines(text, dl_text, place, agency, month, day, year, body):
    dateline, rest = split_dateline(text)
    assert dateline is not None
    assert dateline.text == dl_text
    assert dateline.place == place
    assert dateline.agency == agency
    assert (dateline.month, dateline.day, dateline.year) == (month, day, year)
    assert dateline.year_source == ("text" if year else None)
    assert rest == body


@pytest.mark.parametrize("text", [
    "President Biden said on Monday that the talks would continue.",
    "IL GOVERNO ha deciso di approvare la legge.",
    "IL GOVERNO - ha deciso di approvare la legge.",
    "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY .",
    "Rome, 17 December. The city was quiet.",
    "On Monday, December 17 - the markets fell.",
    "December 17, 2025 - The day the vote took place.",
    "BREAKING: Explosion reported in the port.",
    "BREAKING - Explosion reported in the port.",
    "John Smith (Labour) - The MP said he would resign.",
    "Paris (France) - the city of lights.",
    "Le gouvernement a annoncé, 17 décembre, un plan.",
    "Der Bundestag hat am 17. Dezember abgestimmt.",
    "Президент провел совещание 17 декабря.",
    "WASHINGTON, Feb 30 (Reuters) - An impossible date.",
    "PARIS, Texas - a small town.",
    "Madrid es la capital de España.",
    "El Gobierno, 17 dic - aprobó.",
    "NEW YORK",
    "",
    "Събота, 17 декември 2025 г.\n\nПравителството прие плана.",
    "Sobota, 17 grudnia - Rząd przyjął plan.",
])
def test_not_datelines(text):
    assert split_dateline(text) == (None, text)


def test_only_the_opening_of_the_first_paragraph():
    text = "The talks went on.\n\nROMA, 17 dicembre - Il governo ha deciso."
    assert split_dateline(text) == (None, text)


def test_lang_hint_is_accepted():
    dateline, rest = split_dateline("LISBOA, 17 set (Lusa) - O Governo aprovou.", lang_hint="pt")
    assert (dateline.month, dateline.day) == (9, 17)
    assert rest == "O Governo aprovou."

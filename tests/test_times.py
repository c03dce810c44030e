"""Time expressions: every kind in en, it, fr, es, de, ru, pt against a fixed anchor, weekday
edge cases, New Year, false positives, anchors (published, dateline, partial) and the seeds."""

from __future__ import annotations

import re

import pytest
from helpers import EN_SEED, IT_SEED
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.analyze.times import find_times
from dateline.clean import clean
from dateline.models import Dateline, RawDocument

SAT = "2025-12-20"  # a Saturday
WED = "2025-12-17"  # a Wednesday


def only(text: str, lang: str, published: str | None = SAT, dateline: Dateline | None = None):
    found = find_times(text, lang, published, dateline)
    assert len(found) == 1, found
    t = found[0]
    assert text[t.start:t.end] == t.text
    return t


def resolved(text: str, lang: str, published: str | None = SAT) -> tuple[str, str | None, str | None, str]:
    t = only(text, lang, published)
    return t.text, t.first, t.last, t.granularity


DAY17 = ("2025-12-17", "2025-12-17", "day")
YESTERDAY = ("2025-12-19", "2025-12-19", "day")
TODAY = ("2025-12-20", "2025-12-20", "day")
TOMORROW = ("2025-12-21", "2025-12-21", "day")
LAST_WEEK = ("2025-12-08", "2025-12-14", "week")
LAST_MONTH = ("2025-11-01", "2025-11-30", "month")
THIS_YEAR = ("2025-01-01", "2025-12-31", "year")
MARCH_2026 = ("2026-03-01", "2026-03-31", "month")
YEAR_2024 = ("2024-01-01", "2024-12-31", "year")

CASES = [
    # (lang, sentence, expected span text, resolution)
    ("en", "They met on 17 December 2025 in Tunis.", "17 December 2025", DAY17),
    ("en", "They met on December 17, 2025 in Tunis.", "December 17, 2025", DAY17),
    ("en", "They met on December 17 in Tunis.", "December 17", DAY17),
    ("en", "They met on Wednesday in Tunis.", "Wednesday", DAY17),
    ("en", "They met last Wednesday in Tunis.", "last Wednesday", DAY17),
    ("en", "They met three days ago in Tunis.", "three days ago", DAY17),
    ("en", "They met yesterday in Tunis.", "yesterday", YESTERDAY),
    ("en", "They meet today in Tunis.", "today", TODAY),
    ("en", "They meet tomorrow in Tunis.", "tomorrow", TOMORROW),
    ("en", "They met last week in Tunis.", "last week", LAST_WEEK),
    ("en", "They met last month in Tunis.", "last month", LAST_MONTH),
    ("en", "They met twice this year in Tunis.", "this year", THIS_YEAR),
    ("en", "They will meet in March 2026 in Tunis.", "March 2026", MARCH_2026),
    ("en", "They first met in 2024 in Tunis.", "2024", YEAR_2024),
    ("it", "Si sono incontrati il 17 dicembre 2025 a Tunisi.", "17 dicembre 2025", DAY17),
    ("it", "Si sono incontrati il 17 dicembre a Tunisi.", "17 dicembre", DAY17),
    ("it", "Si sono incontrati mercoledì a Tunisi.", "mercoledì", DAY17),
    ("it", "Si sono incontrati mercoledì scorso a Tunisi.", "mercoledì scorso", DAY17),
    ("it", "Si sono incontrati tre giorni fa a Tunisi.", "tre giorni fa", DAY17),
    ("it", "Si sono incontrati ieri a Tunisi.", "ieri", YESTERDAY),
    ("it", "Si incontrano oggi a Tunisi.", "oggi", TODAY),
    ("it", "Si incontrano domani a Tunisi.", "domani", TOMORROW),
    ("it", "Si sono incontrati la settimana scorsa a Tunisi.", "la settimana scorsa", LAST_WEEK),
    ("it", "Si sono incontrati il mese scorso a Tunisi.", "il mese scorso", LAST_MONTH),
    ("it", "Si sono incontrati due volte quest'anno a Tunisi.", "quest'anno", THIS_YEAR),
    ("it", "Si incontreranno a marzo 2026 a Tunisi.", "marzo 2026", MARCH_2026),
    ("it", "Si sono conosciuti nel 2024 a Tunisi.", "2024", YEAR_2024),
    ("fr", "Ils se sont vus le 17 décembre 2025 à Tunis.", "17 décembre 2025", DAY17),
    ("fr", "Ils se sont vus le 17 décembre à Tunis.", "17 décembre", DAY17),
    ("fr", "Ils se sont vus mercredi à Tunis.", "mercredi", DAY17),
    ("fr", "Ils se sont vus mercredi dernier à Tunis.", "mercredi dernier", DAY17),
    ("fr", "Ils se sont vus il y a trois jours à Tunis.", "il y a trois jours", DAY17),
    ("fr", "Ils se sont vus hier à Tunis.", "hier", YESTERDAY),
    ("fr", "Ils se voient aujourd'hui à Tunis.", "aujourd'hui", TODAY),
    ("fr", "Ils se voient demain à Tunis.", "demain", TOMORROW),
    ("fr", "Ils se sont vus la semaine dernière à Tunis.", "la semaine dernière", LAST_WEEK),
    ("fr", "Ils se sont vus le mois dernier à Tunis.", "le mois dernier", LAST_MONTH),
    ("fr", "Ils se sont vus deux fois cette année à Tunis.", "cette année", THIS_YEAR),
    ("fr", "Ils se verront en mars 2026 à Tunis.", "mars 2026", MARCH_2026),
    ("fr", "Ils se sont connus en 2024 à Tunis.", "2024", YEAR_2024),
    ("es", "Se reunieron el 17 de diciembre de 2025 en Túnez.", "17 de diciembre de 2025", DAY17),
    ("es", "Se reunieron el 17 de diciembre en Túnez.", "17 de diciembre", DAY17),
    ("es", "Se reunieron el miércoles en Túnez.", "miércoles", DAY17),
    ("es", "Se reunieron el miércoles pasado en Túnez.", "miércoles pasado", DAY17),
    ("es", "Se reunieron hace tres días en Túnez.", "hace tres días", DAY17),
    ("es", "Se reunieron ayer en Túnez.", "ayer", YESTERDAY),
    ("es", "Se reúnen hoy en Túnez.", "hoy", TODAY),
    ("es", "Se reúnen mañana en Túnez.", "mañana", TOMORROW),
    ("es", "Se reunieron la semana pasada en Túnez.", "la semana pasada", LAST_WEEK),
    ("es", "Se reunieron el mes pasado en Túnez.", "el mes pasado", LAST_MONTH),
    ("es", "Se reunieron dos veces este año en Túnez.", "este año", THIS_YEAR),
    ("es", "Se reunirán en marzo de 2026 en Túnez.", "marzo de 2026", MARCH_2026),
    ("es", "Se conocieron en 2024 en Túnez.", "2024", YEAR_2024),
    ("de", "Sie trafen sich am 17. Dezember 2025 in Tunis.", "17. Dezember 2025", DAY17),
    ("de", "Sie trafen sich am 17.12.2025 in Tunis.", "17.12.2025", DAY17),
    ("de", "Sie trafen sich am 17. Dezember in Tunis.", "17. Dezember", DAY17),
    ("de", "Sie trafen sich am Mittwoch in Tunis.", "Mittwoch", DAY17),
    ("de", "Sie trafen sich letzten Mittwoch in Tunis.", "letzten Mittwoch", DAY17),
    ("de", "Sie trafen sich vor drei Tagen in Tunis.", "vor drei Tagen", DAY17),
    ("de", "Sie trafen sich gestern in Tunis.", "gestern", YESTERDAY),
    ("de", "Sie treffen sich heute in Tunis.", "heute", TODAY),
    ("de", "Sie treffen sich morgen in Tunis.", "morgen", TOMORROW),
    ("de", "Sie trafen sich letzte Woche in Tunis.", "letzte Woche", LAST_WEEK),
    ("de", "Sie trafen sich vergangenen Monat in Tunis.", "vergangenen Monat", LAST_MONTH),
    ("de", "Sie trafen sich dieses Jahr zweimal in Tunis.", "dieses Jahr", THIS_YEAR),
    ("de", "Sie treffen sich im März 2026 in Tunis.", "März 2026", MARCH_2026),
    ("de", "Sie kennen sich seit 2024 aus Tunis.", "2024", YEAR_2024),
    ("ru", "Они встретились 17 декабря 2025 года в Тунисе.", "17 декабря 2025 года", DAY17),
    ("ru", "Они встретились 17 декабря в Тунисе.", "17 декабря", DAY17),
    ("ru", "Они встретились в среду в Тунисе.", "среду", DAY17),
    ("ru", "Они встретились в прошлую среду в Тунисе.", "прошлую среду", DAY17),
    ("ru", "Они встретились три дня назад в Тунисе.", "три дня назад", DAY17),
    ("ru", "Они встретились вчера в Тунисе.", "вчера", YESTERDAY),
    ("ru", "Они встречаются сегодня в Тунисе.", "сегодня", TODAY),
    ("ru", "Они встретятся завтра в Тунисе.", "завтра", TOMORROW),
    ("ru", "Они встретились на прошлой неделе в Тунисе.", "прошлой неделе", LAST_WEEK),
    ("ru", "Они встретились в прошлом месяце в Тунисе.", "прошлом месяце", LAST_MONTH),
    ("ru", "Они встречались дважды в этом году в Тунисе.", "этом году", THIS_YEAR),
    ("ru", "Они встретятся в марте 2026 года в Тунисе.", "марте 2026 года", MARCH_2026),
    ("ru", "Они познакомились в 2024 году в Тунисе.", "2024 году", YEAR_2024),
    ("pt", "Reuniram-se em 17 de dezembro de 2025 em Túnis.", "17 de dezembro de 2025", DAY17),
    ("pt", "Reuniram-se em 17 de dezembro em Túnis.", "17 de dezembro", DAY17),
    ("pt", "Reuniram-se na quarta-feira em Túnis.", "quarta-feira", DAY17),
    ("pt", "Reuniram-se na quarta-feira passada em Túnis.", "quarta-feira passada", DAY17),
    ("pt", "Reuniram-se há três dias em Túnis.", "há três dias", DAY17),
    ("pt", "Reuniram-se ontem em Túnis.", "ontem", YESTERDAY),
    ("pt", "Reúnem-se hoje em Túnis.", "hoje", TODAY),
    ("pt", "Reúnem-se amanhã em Túnis.", "amanhã", TOMORROW),
    ("pt", "Reuniram-se na semana passada em Túnis.", "na semana passada", LAST_WEEK),
    ("pt", "Reuniram-se no mês passado em Túnis.", "no mês passado", LAST_MONTH),
    ("pt", "Reuniram-se duas vezes este ano em Túnis.", "este ano", THIS_YEAR),
    ("pt", "Vão reunir-se em março de 2026 em Túnis.", "março de 2026", MARCH_2026),
    ("pt", "Conheceram-se em 2024 em Túnis.", "2024", YEAR_2024),
]


@pytest.mark.parametrize("lang, text, span, expected", CASES)
def test_each_kind_in_each_language(lang: str, text: str, span: str, expected: tuple) -> None:
    assert resolved(text, lang) == (span, *expected)


@pytest.mark.parametrize("text, lang, expected", [
    ("Signed 2025-12-17.", "en", "2025-12-17"),
    ("Signed 17/12/2025.", "it", "2025-12-17"),
    ("Signed 12/17/2025.", "en", "2025-12-17"),  # English slashes: month first
    ("Signed 17/12/2025.", "en", "2025-12-17"),  # ... unless the first number cannot be a month
    ("Firmato il 17-12-2025.", "it", "2025-12-17"),
])
def test_numeric_dates(text: str, lang: str, expected: str) -> None:
    t = only(text, lang)
    assert (t.first, t.last, t.anchor) == (expected, expected, None)  # explicit: no anchor used


# -- weekdays ---------------------------------------------------------------------------------

def test_bare_weekday_equal_to_anchor_is_the_anchor_day() -> None:
    assert only("They met on Wednesday.", "en", WED).first == WED


def test_last_weekday_equal_to_anchor_is_one_week_back() -> None:
    assert only("They met last Wednesday.", "en", WED).first == "2025-12-10"
    assert only("Si sono visti mercoledì scorso.", "it", WED).first == "2025-12-10"


def test_last_weekday_the_day_before() -> None:
    assert only("They met last Tuesday.", "en", WED).first == "2025-12-16"


def test_next_weekday_and_future_cue() -> None:
    assert only("They meet next Wednesday.", "en", WED).first == "2025-12-24"
    assert only("Si vedranno mercoledì prossimo.", "it", SAT).first == "2025-12-24"
    assert only("The minister will travel on Monday.", "en", SAT).first == "2025-12-22"
    assert only("The minister travelled on Monday.", "en", SAT).first == "2025-12-15"


def test_weekday_with_date_is_one_expression() -> None:
    t = only("They met on Wednesday, December 17, in Tunis.", "en")
    assert (t.text, t.first) == ("Wednesday, December 17", "2025-12-17")


# -- years and anchors -----------------------------------------------------------------------

def test_new_year_crossing() -> None:
    assert only("They met on December 30.", "en", "2026-01-02").first == "2025-12-30"
    assert only("Si sono visti il 30 dicembre.", "it", "2026-01-02").first == "2025-12-30"
    assert only("Se vieron la semana pasada.", "es", "2026-01-02").first == "2025-12-22"


def test_partial_date_near_future_and_far_past() -> None:
    assert only("A new strike is called for 19 March.", "en", "2026-03-12").first == "2026-03-19"
    assert only("Prices peaked on 19 June.", "en", "2026-03-12").first == "2025-06-19"
    assert only("The summit will take place on 10 June.", "en", "2026-03-12").first == "2026-06-10"


def test_published_datetime_and_dateline_anchor() -> None:
    assert only("Ieri.", "it", "2025-12-20T18:30:00+01:00").first == "2025-12-19"
    t = only("They met yesterday.", "en", None, Dateline(text="X, Dec 18", month=12, day=18, year=2025))
    assert (t.first, t.anchor) == ("2025-12-17", "dateline")
    assert only("They met yesterday.", "en", SAT).anchor == "published"


def test_partial_dateline_keeps_spans_unresolved() -> None:
    partial = Dateline(text="RABAT, December 17", place="RABAT", month=12, day=17)
    found = find_times("They met on Wednesday and again yesterday, and on 3 March 2024.",
                       "en", None, partial)
    assert [t.text for t in found] == ["Wednesday", "yesterday", "3 March 2024"]
    assert [(t.first, t.anchor) for t in found[:2]] == [(None, None), (None, None)]
    assert found[2].first == "2024-03-03"  # a full date needs no anchor


def test_no_anchor_at_all() -> None:
    t = only("Si sono visti la settimana scorsa.", "it", None)
    assert (t.first, t.last, t.granularity, t.anchor) == (None, None, "week", None)


# -- false positives --------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("Growth was 2,1% and inflation 3.5%.", "it"),
    ("The final score was 3-1 after extra time.", "en"),
    ("Sie kam mit die Kollegen.", "de"),
    ("Der Zug fährt um 10.30 Uhr ab, Gleis 12.", "de"),
    ("We may march on 10:30 this morning.", "en"),
    ("He scored 2017 points in his career.", "en"),
    ("Vinse in 2 set senza problemi.", "it"),
    ("Plácido Domingo cantó en Santo Domingo.", "es"),
    ("Защита окружающей среды важна, среда обитания тоже.", "ru"),
    ("Jeden Mittwochs gibt es Markt; guten Morgen.", "de"),
    ("Salió por la mañana.", "es"),
    ("Population 1,2025 thousand; code 31.02.2025 invalid.", "en"),
])
def test_false_positives(text: str, lang: str) -> None:
    assert find_times(text, lang, SAT, None) == []


# -- seeds ------------------------------------------------------------------------------------

def _seed(path):
    if not path.exists():
        pytest.skip(f"seed not found: {path}")
    return clean(RawDocument(origin=str(path), data=path.read_bytes()))


def test_italian_seed_mercoledi_scorso() -> None:
    article = _seed(IT_SEED)
    assert article.published and article.published.startswith("2025-12-20")
    times = find_times(article.text, article.lang, article.published, article.dateline)
    hits = [t for t in times if "mercoledì scorso" in t.text]
    assert len(hits) == 1
    assert (hits[0].first, hits[0].last, hits[0].anchor) == ("2025-12-17", "2025-12-17", "published")


def test_english_seed_partial_dateline_leaves_dates_open() -> None:
    article = _seed(EN_SEED)
    assert article.published is None and article.dateline and article.dateline.year is None
    times = find_times(article.text, article.lang, article.published, article.dateline)
    for t in times:  # nothing anchored; only a date that states its year may resolve
        assert t.anchor is None
        assert t.first is None or re.search(r"\d{4}", t.text)


# -- properties -------------------------------------------------------------------------------

_PIECES = st.sampled_from([
    "17 December 2025", "December 17", "mercoledì scorso", "ieri", "il y a trois jours", " ",
    "letzten Mittwoch", "в среду", "2,1%", "3-1", "2025-12-17", "17.12.2025", "in 2024", ".",
    "hace 3 días", "la semana pasada", "a", "Wednesday", "\n\n", "31.02.2025", "mañana", "0",
])


@given(st.lists(_PIECES, max_size=20).map("".join) | st.text(max_size=120),
       st.sampled_from(["en", "it", "fr", "es", "de", "ru", "pt", "pl", None, "xx"]),
       st.sampled_from([SAT, "2026-01-02", "garbage", None]))
@settings(max_examples=400, deadline=None)
def test_property_spans_in_bounds_ordered_disjoint(text: str, lang: str | None, published: str | None) -> None:
    prev = 0
    for t in find_times(text, lang, published, None):
        assert prev <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert (t.first is None) == (t.last is None)
        if t.first:
            assert t.first <= t.last
        prev = t.end

"""The event record (stage `frame`): type, actors, place, date and headline decided across an
event's reports, with evidence per report. The seeds, then reports written for these tests."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from helpers import EN_SEED, IT_SEED, SEEDS

from dateline.frame.members import frame_members
from dateline.frame.record import EventRecord, Evidence, build_record
from dateline.frame.record_date import complete_year
from dateline.models import RawDocument
from dateline.pipeline import Analyzer, clean_document

MUNIR, HAFTAR = "PER:asm-mnr", "PER:glf-gftr"

# Written for these tests: one fictional meeting reported in French (a Geneva dateline without a
# year, the meeting in Marseille "mardi") and in Spanish (a publication date, "el martes").
FR = ("GENÈVE, 4 mars (Agence) - Le ministre marocain des Affaires étrangères, Karim Benali, a rencontré mardi "
      "à Marseille son homologue espagnol Javier Ortega pour discuter de la coopération portuaire entre les "
      "deux pays.\n\nLes deux ministres ont signé une déclaration commune sur la sécurité maritime en "
      "Méditerranée, selon un communiqué.\n\nKarim Benali doit se rendre à Madrid au printemps.")
ES = ("date 2026-03-05\n\nEl ministro de Asuntos Exteriores de España, Javier Ortega, se reunió el martes en "
      "Marsella con el ministro marroquí Karim Benali para hablar de la cooperación portuaria.\n\n"
      "Ambos firmaron una declaración conjunta sobre la seguridad marítima, informó el ministerio.")
# German, verb-final: the participle ends the clause, the auxiliary stands between the actors.
DE = ("Die österreichische Außenministerin Anna Berger hat am Montag in Graz den slowenischen "
      "Regierungschef Marko Novak getroffen. Die beiden Politiker sprachen über den Ausbau der "
      "Bahnverbindung zwischen beiden Ländern.")
# An English wire report whose year-less dateline is the only date, and an Italian one with only
# a publication date: the dateline's day, its year from the Italian report.
EN_WIRE = ("NAIROBI, June 2 - Farmers' unions in Kenya held talks with the Ministry of Agriculture about "
           "fertiliser prices, the unions said.\n\nThe unions asked for lower prices before the planting season.")
IT_LATER = ("date 2024-06-04\n\nI sindacati degli agricoltori del Kenya hanno incontrato il ministero "
            "dell'Agricoltura per discutere dei prezzi dei fertilizzanti.")


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _members(analyzer: Analyzer, docs: list[tuple[str, dict[str, str]]]) -> tuple[list, dict]:
    members, touched = [], set()
    for i, (text, meta) in enumerate(docs):
        article = clean_document(RawDocument(f"fixture-{i}", text.encode(), meta=meta))
        analysis, ids = analyzer.analyze(article)
        touched.update(ids)
        members.append((article, analysis))
    return members, {e.id: e for e in analyzer.entities(touched)}


def _record(analyzer: Analyzer, docs: list[tuple[str, dict[str, str]]]) -> tuple[EventRecord, dict]:
    members, entities = _members(analyzer, docs)
    return build_record(members, entities), {a.id: a for a, _ in members}


def _articles_of(evidence: tuple[Evidence, ...]) -> set[str]:
    return {e.article_id for e in evidence}


def _check_offsets(record: EventRecord, articles: dict) -> None:
    """Every piece of evidence from the text is its article's sentence at those offsets."""
    fields = [record.kind.evidence, *(a.evidence + a.country_evidence for a in record.sources + record.targets)]
    fields += [record.place.evidence if record.place else (), record.date.evidence if record.date else ()]
    for evidence in fields:
        for e in evidence:
            if e.basis == "text":
                text = articles[e.article_id].text
                assert text[e.start:e.end] == e.text
                assert e.span_start is None or text[e.span_start:e.span_end] == e.span


def _actors(record: EventRecord) -> dict:
    return {a.entity: a for a in record.sources + record.targets}


# -- the seeds ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds(analyzer):
    if not SEEDS.exists():
        pytest.skip("../shared/seeds not present")
    return _record(analyzer, [(EN_SEED.read_text(encoding="utf-8"), {}), (IT_SEED.read_text(encoding="utf-8"), {})])


def test_seeds_type_is_consult_with_triggers_from_both_reports(seeds):
    record, articles = seeds
    assert (record.type, record.mode) == ("CONSULT", "meet")
    assert record.kind.score > 0.5
    assert _articles_of(record.kind.evidence) == set(articles)
    triggers = {e.span for e in record.kind.evidence}
    assert {"holding talks", "incontrato"} <= triggers
    _check_offsets(record, articles)


def test_seeds_actors_linked_with_countries(seeds):
    record, articles = seeds
    actors = _actors(record)
    munir, haftar = actors[MUNIR], actors[HAFTAR]
    assert munir in record.sources and haftar in record.targets
    assert (munir.name, munir.type, munir.country) == ("Asim Munir", "PER", "PK")
    assert (haftar.name, haftar.country, haftar.affiliation_name) == ("Khalifa Haftar", "LY", "Libyan National Army")
    for actor in (munir, haftar):
        assert _articles_of(actor.evidence) == set(articles)
        assert _articles_of(actor.country_evidence) == set(articles)
    spans = {e.span for e in munir.country_evidence}
    assert "Commander-in-Chief of Pakistan's armed forces" in spans  # "Pakistan's armed forces"
    assert any("esercito pakistano" in s for s in spans)
    # the LNA is Haftar's affiliation, not an actor beside him
    assert "ORG:LNA" not in actors


def test_seeds_place_is_benghazi_not_the_dateline_city(seeds):
    record, articles = seeds
    place = record.place
    assert (place.name, place.country, place.kind, place.basis) == ("Benghazi", "LY", "city", "located")
    assert place.lat == pytest.approx(32.11, abs=0.1) and place.lon == pytest.approx(20.07, abs=0.1)
    assert _articles_of(place.evidence) == set(articles)
    assert {"Benghazi", "Bengasi"} <= {e.span for e in place.evidence}


def test_seeds_date_completes_the_year_less_dateline(seeds):
    record, articles = seeds
    assert (record.date.first, record.date.last, record.date.granularity) == ("2025-12-17", "2025-12-17", "day")
    assert _articles_of(record.date.evidence) == set(articles)
    by_basis = {e.basis: e for e in record.date.evidence}
    assert by_basis["dateline"].text == "RABAT, December 17"
    assert by_basis["text"].span == "mercoledì scorso"


def test_seeds_headline_and_json(seeds):
    record, articles = seeds
    h = record.headline
    assert h.basis == "sentence" and h.article_id in articles
    assert articles[h.article_id].text[h.start:h.end].strip() == h.text
    assert "Asim Munir" in h.text
    d = json.loads(json.dumps(record.as_dict(), ensure_ascii=False))
    assert d["type"] == "CONSULT" and d["date"]["first"] == "2025-12-17"
    assert d["place"]["name"] == "Benghazi" and d["members"] == list(record.members)
    assert {a["entity"] for a in d["sources"] + d["targets"]} >= {MUNIR, HAFTAR}


# -- reports written for these tests ------------------------------------------------------------

@pytest.fixture(scope="module")
def fr_es(analyzer):
    return _record(analyzer, [(FR, {}), (ES, {})])


def test_fr_es_pair_type_actors_countries(fr_es):
    record, articles = fr_es
    assert record.type == "CONSULT"
    actors = {a.name: a for a in record.sources + record.targets}
    assert actors["Karim Benali"].country == "MA"  # "ministre marocain"
    assert actors["Javier Ortega"].country == "ES"  # "espagnol", "de España"
    assert actors["Karim Benali"] in record.sources and actors["Javier Ortega"] in record.targets
    assert _articles_of(actors["Javier Ortega"].evidence) == set(articles)
    _check_offsets(record, articles)


def test_fr_es_place_beats_the_dateline_city(fr_es):
    record, articles = fr_es
    assert (record.place.name, record.place.country, record.place.basis) == ("Marseille", "FR", "located")
    assert {e.span for e in record.place.evidence} == {"Marseille", "Marsella"}  # not the dateline's GENÈVE
    assert _articles_of(record.place.evidence) == set(articles)


def test_fr_weekday_resolved_through_a_dateline_year_from_the_other_report(fr_es):
    record, articles = fr_es
    fr_id = next(i for i, a in articles.items() if a.lang == "fr")
    assert articles[fr_id].dateline.year is None  # no year in the French report itself
    assert (record.date.first, record.date.last) == ("2026-03-03", "2026-03-03")  # Tuesday before the 5th
    spans = {(e.article_id, e.span) for e in record.date.evidence}
    assert (fr_id, "mardi") in spans and any(s == "martes" for _, s in spans)


def test_member_order_does_not_change_the_decisions(analyzer):
    members, entities = _members(analyzer, [(FR, {}), (ES, {})])
    a, b = build_record(members, entities), build_record(members[::-1], entities)
    assert (a.type, a.mode, a.place.entity, a.date.first, a.date.last) == \
        (b.type, b.mode, b.place.entity, b.date.first, b.date.last)
    assert set(a.place.evidence) == set(b.place.evidence) and set(a.date.evidence) == set(b.date.evidence)
    assert {x.entity for x in a.sources} == {x.entity for x in b.sources}
    assert {x.entity for x in a.targets} == {x.entity for x in b.targets}
    assert build_record(members, entities).as_dict() == a.as_dict()  # deterministic


def test_reports_of_one_outlet_count_once(analyzer):
    members, _ = _members(analyzer, [(FR, {}), (ES, {}), (DE, {})])
    same = [(replace(a, source="Agence Exemple"), x) if a.lang != "de" else (a, x) for a, x in members]
    assert [m.weight for m in frame_members(same)] == [0.5, 0.5, 1.0]


def test_de_single_report_verb_final(analyzer):
    record, articles = _record(analyzer, [(DE, {"published": "2025-05-13"})])
    assert record.type == "CONSULT"
    [source], [target] = record.sources, record.targets
    assert (source.name, source.country) == ("Anna Berger", "AT")
    assert (target.name, target.country) == ("Marko Novak", "SI")
    assert (record.place.name, record.place.country) == ("Graz", "AT")
    assert (record.date.first, record.date.last) == ("2025-05-12", "2025-05-12")  # am Montag
    assert record.headline.text.startswith("Die österreichische Außenministerin")
    _check_offsets(record, articles)


def test_year_less_dateline_takes_the_year_of_another_report(analyzer):
    record, articles = _record(analyzer, [(EN_WIRE, {}), (IT_LATER, {})])
    assert (record.date.first, record.date.last) == ("2024-06-02", "2024-06-02")
    [ev] = record.date.evidence
    assert ev.basis == "dateline" and ev.text.startswith("NAIROBI")
    assert articles[ev.article_id].lang == "en" and articles[ev.article_id].dateline.year is None


def test_dateline_city_is_the_place_only_when_the_text_locates_nothing(analyzer):
    record, _ = _record(analyzer, [(EN_WIRE, {})])
    # "in Kenya" is where; the dateline city is where the report was filed
    assert (record.place.name, record.place.kind, record.place.basis) == ("Kenya", "country", "located")
    assert record.date is None  # no year anywhere
    unlocated = EN_WIRE.replace(" in Kenya", "")
    record, _ = _record(analyzer, [(unlocated, {})])
    assert (record.place.name, record.place.country, record.place.basis) == ("Nairobi", "KE", "dateline")
    assert record.place.lat is not None and record.place.evidence[0].text == "NAIROBI, June 2"


def test_complete_year_across_new_year():
    assert complete_year(12, 31, [(date(2026, 1, 2), 1.0)]) == 2025
    assert complete_year(1, 2, [(date(2025, 12, 30), 1.0)]) == 2026
    assert complete_year(6, 2, [(date(2024, 6, 4), 0.1), (date(2023, 6, 1), 1.0)]) == 2023
    assert complete_year(2, 29, [(date(2025, 3, 1), 1.0)]) == 2024
    assert complete_year(3, 4, []) is None


def test_no_members_gives_an_empty_record():
    record = build_record([], {})
    assert record.type is None and not record.sources and not record.targets
    assert record.place is None and record.date is None and record.headline is None
    assert json.loads(json.dumps(record.as_dict()))["members"] == []

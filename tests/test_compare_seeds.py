"""Issue 5's acceptance case: the two real seeds (English wire report, Italian report three days
later) compared as one event. Everything below comes from the general rules and the lexicon."""

import json

import pytest
from helpers import EN_SEED, IT_SEED, SEEDS

from dateline.claims import extract_claims
from dateline.compare import compare_event, comparison_dict, render_comparison
from dateline.models import RawDocument
from dateline.pipeline import Analyzer, clean_document

pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not present")

MUNIR, HAFTAR, SADDAM = "Asim Munir", "Khalifa Haftar", "Saddam Khalifa Haftar"


@pytest.fixture(scope="module")
def event():
    analyzer = Analyzer()
    members, touched = [], set()
    for path in (EN_SEED, IT_SEED):
        article = clean_document(RawDocument(str(path), path.read_bytes()))
        analysis, ids = analyzer.analyze(article)
        touched.update(ids)
        members.append((article, analysis, extract_claims(article, analysis)))
    entities = {e.id: e for e in analyzer.entities(touched)}
    comparison = compare_event(members, entities)
    langs = {s.name: s.langs[0] for s in comparison.sources}
    return comparison, langs, entities


def _langs(fact, langs):
    return {langs[r.source] for r in fact.reports}


def _statements(facts, concept):
    return [f for f in facts if f.kind == "statement" and concept in f.concepts]


def _names(fact, entities):
    return {entities[e].name for e in fact.entities if e in entities}


def test_two_independent_sources(event):
    _, langs, _ = event
    assert sorted(langs.values()) == ["en", "it"]


def test_agreed_meeting_of_munir_and_haftar(event):
    comparison, langs, entities = event
    [meeting] = _statements(comparison.agreed, "meeting")
    assert _langs(meeting, langs) == {"en", "it"}
    assert {MUNIR, HAFTAR} <= _names(meeting, entities)
    it = next(r for r in meeting.reports if langs[r.source] == "it")
    assert any("ha incontrato mercoledì scorso a Bengasi" in e.sentence for e in it.evidence)
    participants = {f.subject for f in comparison.agreed if f.kind == "participant"}
    assert {MUNIR, HAFTAR} <= participants


def test_agreed_strengthening_of_bilateral_relations(event):
    comparison, langs, _ = event
    for concept in ("strengthening", "relations", "bilateral"):
        facts = _statements(comparison.agreed, concept)
        assert facts and all(_langs(f, langs) == {"en", "it"} for f in facts), concept
    [strengthening] = _statements(comparison.agreed, "strengthening")
    en = next(r for r in strengthening.reports if langs[r.source] == "en")
    assert any("strength of bilateral relations" in e.sentence for e in en.evidence)


def test_agreed_place_and_date(event):
    comparison, _, _ = event
    assert any(f.kind == "place" and f.subject == "Benghazi" for f in comparison.agreed)
    [date] = [f for f in comparison.agreed if f.kind == "date"]
    assert set(date.values) == {"--12-17", "2025-12-17"}  # the dateline's day and "mercoledì scorso"


def test_only_in_the_italian_report(event):
    comparison, langs, _ = event
    [saddam] = [f for f in comparison.single if f.kind == "participant" and f.subject == SADDAM]
    assert _langs(saddam, langs) == {"it"}
    for concept in ("guard_of_honour", "training", "counter_terrorism", "cooperation"):
        facts = _statements(comparison.single, concept)
        assert facts and all(_langs(f, langs) == {"it"} for f in facts), concept
        assert not _statements(comparison.agreed, concept), concept
    [training] = _statements(comparison.single, "training")
    assert "counter_terrorism" in training.concepts and "cooperation" in training.concepts  # one sentence
    assert not [f for f in comparison.facts if f.kind == "participant" and f.subject == SADDAM
                and f.status != "single"]


def test_only_in_the_english_report(event):
    comparison, langs, entities = event
    visits = _statements(comparison.single, "visit")
    washington = [f for f in visits if "Washington" in _names(f, entities)]
    assert washington and all(_langs(f, langs) == {"en"} for f in washington)
    force = _statements(comparison.single, "international_force")
    assert force and all(_langs(f, langs) == {"en"} for f in force)
    assert any("Gaza" in _names(f, entities) for f in force)
    assert not _statements(comparison.agreed, "international_force") and not _statements(comparison.agreed, "visit")


def test_munir_office_and_rank_differ(event):
    comparison, langs, _ = event
    differing = {f.subject: f for f in comparison.differing}
    rank, office = differing[f"rank of {MUNIR}"], differing[f"office of {MUNIR}"]
    by_lang = lambda f: {langs[r.source]: r.value for r in f.reports}
    assert by_lang(rank) == {"en": "Field Marshal", "it": "generale"}
    assert by_lang(office) == {"en": "Commander-in-Chief of Pakistan's armed forces",
                               "it": "Capo di Stato Maggiore dell’esercito pakistano"}
    assert set(rank.values) == {"field_marshal", "general"}
    assert set(office.values) == {"commander_in_chief", "chief_of_army_staff"}
    # nothing else differs, and Haftar's office (Commander / comandante) agrees
    assert set(differing) == {f"rank of {MUNIR}", f"office of {MUNIR}"}
    assert any(f.subject == f"office of {HAFTAR}" for f in comparison.agreed)


def test_rendered_for_people_and_machines(event):
    comparison, _, _ = event
    text = render_comparison(comparison)
    assert f"rank of {MUNIR}" in text and "guardia d’onore" in text
    assert json.loads(json.dumps(comparison_dict(comparison)))["differing"]

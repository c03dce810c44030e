"""The shipped CRF entity tagger: spans, types, offsets, languages."""

from __future__ import annotations

import pytest

from dateline.analyze.ner import CrfTagger, Mention, decode_bio, default_model_path
from dateline.analyze.tokens import tokenize
from dateline.eval.entities import evaluate_entities

needs_model = pytest.mark.skipif(not default_model_path().is_file(), reason="NER model not built")


@pytest.fixture(scope="module")
def tagger() -> CrfTagger:
    if not default_model_path().is_file():
        pytest.skip("NER model not built (scripts/train_ner.py)")
    return CrfTagger()


def spans(tagger: CrfTagger, text: str, lang: str) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in tagger.tag(text, lang)}


def test_seed_sentence_en(tagger):
    got = spans(tagger, "Field Marshal Asim Munir met Khalifa Haftar in Benghazi.", "en")
    assert {("Asim Munir", "PER"), ("Khalifa Haftar", "PER"), ("Benghazi", "LOC")} <= got


CASES = [
    # (lang, text, expected (span, type) pairs)
    ("en", "Prime Minister Keir Starmer spoke to reporters in London on Tuesday.",
     {("Keir Starmer", "PER"), ("London", "LOC")}),
    ("en", "The European Union and NATO sent observers to Ukraine.",
     {("European Union", "ORG"), ("NATO", "ORG"), ("Ukraine", "LOC")}),
    ("es", "El presidente Pedro Sánchez viajó a Bruselas para reunirse con la Comisión Europea.",
     {("Pedro Sánchez", "PER"), ("Bruselas", "LOC")}),
    ("nl", "Premier Mark Rutte sprak dinsdag in Den Haag met de Belgische minister.",
     {("Mark Rutte", "PER"), ("Den Haag", "LOC")}),
    ("pl", "Premier Donald Tusk spotkał się w Warszawie z przedstawicielami Komisji Europejskiej.",
     {("Donald Tusk", "PER"), ("Warszawie", "LOC")}),
    ("ru", "Владимир Путин провёл переговоры с президентом Турции в Москве.",
     {("Владимир Путин", "PER"), ("Москве", "LOC")}),
    ("it", "Il presidente Sergio Mattarella ha ricevuto a Roma il generale Khalifa Haftar.",
     {("Sergio Mattarella", "PER"), ("Roma", "LOC"), ("Khalifa Haftar", "PER")}),
    ("de", "Angela Merkel sprach mit Wladimir Putin über die Ukraine.",
     {("Angela Merkel", "PER"), ("Wladimir Putin", "PER"), ("Ukraine", "LOC")}),
    ("bg", "Премиерът Бойко Борисов пристигна в София.", {("Бойко Борисов", "PER"), ("София", "LOC")}),
    ("cs", "Andrej Babiš jednal v Praze s Emmanuelem Macronem.",
     {("Andrej Babiš", "PER"), ("Praze", "LOC"), ("Emmanuelem Macronem", "PER")}),
    ("sl", "Janez Janša je v Ljubljani sprejel Angelo Merkel.",
     {("Janez Janša", "PER"), ("Ljubljani", "LOC"), ("Angelo Merkel", "PER")}),
    # sentence-initial Ukrainian name (missed before the model was trained on all SlavicNER dev stories)
    ("uk", "Володимир Зеленський зустрівся з Джо Байденом у Вашингтоні.",
     {("Володимир Зеленський", "PER"), ("Вашингтоні", "LOC")}),
]

# Known misses of the shipped model, kept visible rather than hidden (see PROVENANCE / report).
KNOWN_MISSES = [
    # No German training data: capitalised common nouns next to a name join it or become names.
    ("de", "Bundeskanzler Friedrich Merz traf am Montag in Berlin den französischen Präsidenten.",
     {("Friedrich Merz", "PER"), ("Berlin", "LOC")}),
]


@pytest.mark.parametrize("lang,text,expected", CASES, ids=[c[0] + str(i) for i, c in enumerate(CASES)])
def test_sentences_in_several_languages(tagger, lang, text, expected):
    assert expected <= spans(tagger, text, lang)


@pytest.mark.xfail(reason="known weakness of the CRF model", strict=False)
@pytest.mark.parametrize("lang,text,expected", KNOWN_MISSES, ids=[c[0] for c in KNOWN_MISSES])
def test_known_misses(tagger, lang, text, expected):
    assert expected <= spans(tagger, text, lang)


def test_offsets_round_trip_on_raw_text(tagger):
    text = "RABAT, December 17 (Reuters) -\n\nPakistan's army chief met Khalifa Haftar in Benghazi.\n\n  Libya's LNA said so."
    mentions = tagger.tag(text, "en")
    assert mentions
    for m in mentions:
        assert isinstance(m, Mention)
        assert text[m.start : m.end] == m.text
        assert m.type in {"PER", "ORG", "LOC", "MISC", "EVT", "PRO"}
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_empty_and_blank_text(tagger):
    assert tagger.tag("", "en") == []
    assert tagger.tag("  \n ", "ru") == []
    assert tagger.tag("...", None) == []


def test_unknown_language_still_tags(tagger):
    assert ("Benghazi", "LOC") in spans(tagger, "Khalifa Haftar returned to Benghazi.", "xx")


def test_decode_bio_turns_labels_into_character_spans():
    text = "Asim Munir visited Benghazi"
    toks = tokenize(text)
    got = decode_bio(toks, ["B-PER", "I-PER", "O", "B-LOC"], text)
    assert got == [Mention(0, 10, "PER", "Asim Munir"), Mention(19, 27, "LOC", "Benghazi")]
    # a stray I- opens a mention; a type change closes the previous one
    got = decode_bio(toks, ["I-ORG", "I-PER", "O", "I-LOC"], text)
    assert [(m.text, m.type) for m in got] == [("Asim", "ORG"), ("Munir", "PER"), ("Benghazi", "LOC")]


def test_decode_bio_leaves_elisions_out_of_spans():
    text = "il capo dell’Esercito Nazionale dell’Italia"
    toks = tokenize(text)
    assert [t.text for t in toks] == ["il", "capo", "dell’", "Esercito", "Nazionale", "dell’", "Italia"]
    got = decode_bio(toks, ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "B-LOC"], text)
    assert [(m.text, m.type) for m in got] == [("Esercito Nazionale", "ORG"), ("Italia", "LOC")]
    assert decode_bio(toks[:3], ["O", "O", "B-MISC"], text) == []


def test_decode_bio_leaves_a_closing_stop_out_but_keeps_abbreviations():
    text = "anunciou a Proteção Civil dos Açores. A Acme Inc. e a U.S. Steel"
    toks = tokenize(text)
    labels = ["O"] * len(toks)
    words = [t.text for t in toks]
    for k in range(words.index("Proteção"), words.index(".") + 1):  # the tagger ran into the stop
        labels[k] = "I-ORG"
    labels[words.index("Proteção")] = "B-ORG"
    a = words.index("Acme")  # "Inc." is two tokens, "Inc" and "."
    labels[a], labels[a + 1], labels[a + 2] = "B-ORG", "I-ORG", "I-ORG"
    labels[words.index("U.S.")], labels[words.index("Steel")] = "B-ORG", "I-ORG"
    got = [m.text for m in decode_bio(toks, labels, text)]
    assert got == ["Proteção Civil dos Açores", "Acme Inc.", "U.S. Steel"]


@needs_model
def test_model_loads_lazily():
    t = CrfTagger()
    assert t._tagger is None
    t.tag("Haftar", "en")
    assert t._tagger is not None


def test_missing_model_says_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="train_ner.py"):
        CrfTagger(tmp_path / "nope.crfsuite").tag("Haftar", "en")


class _FixedTagger:
    """Returns the mentions it was built with, whatever the text."""

    def __init__(self, by_text: dict[str, list[Mention]]) -> None:
        self.by_text = by_text

    def tag(self, text: str, lang: str | None) -> list[Mention]:
        return self.by_text.get(text, [])


def _write(path, records):
    import json

    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_evaluate_entities_strict_scores_and_predictions(tmp_path):
    import io
    import json

    a = "Asim Munir met Khalifa Haftar in Benghazi ."
    b = "Reuters reported the Gaza plan ."
    path = _write(tmp_path / "g.jsonl", [
        {"id": "a", "lang": "en", "text": a, "mentions": [
            {"start": 0, "end": 10, "type": "PER", "entity": None},
            {"start": 15, "end": 29, "type": "PER", "entity": None},
            {"start": 33, "end": 41, "type": "LOC", "entity": None}]},
        {"id": "b", "lang": "es", "text": b, "mentions": [
            {"start": 0, "end": 7, "type": "ORG", "entity": None},
            {"start": 21, "end": 25, "type": "MISC", "entity": None}]},
    ])
    tagger = _FixedTagger({
        a: [Mention(0, 10, "PER", "Asim Munir"), Mention(15, 22, "PER", "Khalifa"), Mention(33, 41, "LOC", "Benghazi")],
        b: [Mention(0, 7, "ORG", "Reuters"), Mention(21, 25, "EVT", "Gaza")],  # EVT counts as MISC here
    })
    out = io.StringIO()
    r = evaluate_entities(path, out, tagger=tagger)
    assert (r["tp"], r["predicted"], r["gold"]) == (4, 5, 5)
    assert r["precision"] == r["recall"] == r["f1"] == 0.8
    assert r["per_language"]["en"]["tp"] == 2 and r["per_language"]["es"]["f1"] == 1.0
    assert r["per_type"]["PER"]["tp"] == 1 and r["per_type"]["MISC"]["tp"] == 1
    assert r["type_mapping"]["predicted_to_file"] == {"EVT": "MISC", "PRO": "MISC"}
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [x["id"] for x in lines] == ["a", "b"]
    assert lines[1]["mentions"][1] == {"start": 21, "end": 25, "type": "EVT", "entity": None}
    only = evaluate_entities(path, tagger=tagger, only_ids=["b"])
    assert only["records"] == 1 and only["f1"] == 1.0
    json.dumps(r)


def test_evaluate_entities_linking_hook_and_collapsed_types(tmp_path):
    t = "Haftar met Хафтар in Bengasi ."
    path = _write(tmp_path / "s.jsonl", [
        {"id": "x", "lang": "ru", "text": t, "mentions": [
            {"start": 0, "end": 6, "type": "PER", "entity": "PER-Haftar"},
            {"start": 11, "end": 17, "type": "PER", "entity": "PER-Haftar"},
            {"start": 21, "end": 28, "type": "EVT", "entity": "LOC-Benghazi"}]},
    ])
    tagger = _FixedTagger(
        {t: [Mention(0, 6, "PER", "Haftar"), Mention(11, 17, "PER", "Хафтар"), Mention(21, 28, "MISC", "Bengasi")]}
    )

    def linker(records, mentions):
        return [["e1", "e2", "e3"] for _ in records]

    r = evaluate_entities(path, tagger=tagger, entity_linker=linker)
    assert r["type_mapping"]["predicted_to_file"] == {}
    assert r["tp"] == 2  # MISC is not EVT in the strict score
    assert r["collapsed"]["tp"] == 3  # but is in the collapsed one
    # the two matched Haftar mentions got different ids: precision 1, recall 1/2
    assert r["linking"]["mentions"] == 2
    assert r["linking"]["bcubed_precision"] == 1.0 and r["linking"]["bcubed_recall"] == 0.5


def test_model_attributes_are_the_models_own():
    """The attribute names read from the model file are those CRFsuite itself reports."""
    if not default_model_path().is_file():
        pytest.skip("NER model not built")
    import pycrfsuite

    from dateline.analyze.crf_attributes import model_attributes

    known = model_attributes(default_model_path())
    raw = pycrfsuite.Tagger()
    raw.open(str(default_model_path()))
    weighted = {attr for attr, _ in raw.info().state_features}
    assert known is not None and weighted <= known
    assert len(known) - len(weighted) < 0.01 * len(known)


def test_model_attributes_of_a_file_that_is_no_model(tmp_path):
    from dateline.analyze.crf_attributes import model_attributes

    (tmp_path / "x.crfsuite").write_bytes(b"lCRF" + b"\x00" * 10)
    (tmp_path / "y.crfsuite").write_text("not a model", encoding="utf-8")
    assert model_attributes(tmp_path / "x.crfsuite") is None
    assert model_attributes(tmp_path / "y.crfsuite") is None
    assert model_attributes(tmp_path / "missing.crfsuite") is None


@needs_model
def test_dropping_unknown_features_changes_no_label():
    """The tagger sends only attributes its model knows; every label stays what the full
    feature lists give, and the lists it sends are shorter."""
    from dateline.analyze.ner import _ALL_FEATURES, document_sequences

    t = CrfTagger()
    t._load()
    assert t._features is not _ALL_FEATURES and t._features.known
    texts = [(text, lang) for lang, text, _ in CASES] + [
        ("Zxqwv Blorft visited Quibbleton-on-Sea with the Frobnik Society on 3 March.", "en"),
        ("Die Gewerkschaft Verdi rief am Dienstag in Schweinfurt zum Streik auf.", "de"),
    ]
    sent = total = 0
    for text, lang in texts:
        for (_, full), (_, kept) in zip(
            document_sequences(tokenize(text), lang), document_sequences(tokenize(text), lang, t._features)
        ):
            assert t._tagger.tag(full) == t._tagger.tag(kept)
            assert all(set(k) <= set(f) for k, f in zip(kept, full))
            sent += sum(map(len, kept))
            total += sum(map(len, full))
    assert sent < total


def test_bio_labels_invert_decode_bio():
    from dateline.analyze.ner import bio_labels

    text = "Marta Oliveira visited Porto Alegre on Friday ."
    toks = tokenize(text)
    labels = bio_labels(toks, [(0, 14, "PER"), (23, 35, "LOC")])
    assert labels[:5] == ["B-PER", "I-PER", "O", "B-LOC", "I-LOC"] and set(labels[5:]) == {"O"}
    assert [(m.start, m.end, m.type) for m in decode_bio(toks, labels, text)] == [(0, 14, "PER"), (23, 35, "LOC")]


def test_plain_crf_baseline_trains_and_is_scored_in_the_same_run(tmp_path):
    from dateline.eval.ner_baseline import train_plain_crf

    people = ["Marta Oliveira", "Jonas Berg", "Ilse Varga", "Tomas Reyes", "Anna Kowal", "Pedro Lind"]
    towns = ["Porto Alegre", "Lund", "Szeged", "Cadiz", "Gdynia", "Tartu"]
    rows = []
    for k, (who, town) in enumerate(zip(people * 3, towns[1:] * 3 + towns[:1] * 3)):
        text = f"{who} visited {town} on Friday ."
        rows.append({"id": f"r{k}", "lang": "en", "text": text, "mentions": [
            {"start": 0, "end": len(who), "type": "PER", "entity": None},
            {"start": len(who) + 9, "end": len(who) + 9 + len(town), "type": "LOC", "entity": None}]})
    train = _write(tmp_path / "train.jsonl", rows)
    tagger, info = train_plain_crf(rows, tmp_path)
    assert info["sentences"] == len(rows)
    assert [(m.type, m.text) for m in tagger.tag("Ilse Varga visited Lund on Friday .")] == [
        ("PER", "Ilse Varga"), ("LOC", "Lund")]
    test = _write(tmp_path / "test.jsonl", rows[:4])
    r = evaluate_entities(test, tagger=_FixedTagger({}), baseline_train=train)
    assert r["f1"] == 0.0 and r["baseline_plain_crf"]["f1"] == 1.0  # the baseline learned what the other missed
    assert r["baseline_plain_crf"]["f1_per_language"] == {"en": 1.0} and r["baseline_plain_crf"]["untouched"] is None

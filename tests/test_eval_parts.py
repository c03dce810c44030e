"""The untouched part of the dev sets: stable, disjoint, grouped, and never trained on."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from dateline.eval.parts import SHARE, dataset_of, select, split_of, untouched_mask
from dateline.eval.labels import text_key

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev"
DATA = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data"


def _records(n: int, prefix: str = "doc") -> list[dict]:
    return [{"id": f"{prefix}-{i}", "text": f"Report number {i} of the council meeting."} for i in range(n)]


def test_the_part_is_a_quarter_of_the_groups_and_does_not_depend_on_order():
    records = _records(200)
    untouched = select("plover_events", records, "untouched")
    tuning = select("plover_events", records, "tuning")
    assert len(untouched) == round(SHARE * 200)
    assert {r["id"] for r in untouched}.isdisjoint(r["id"] for r in tuning)
    assert len(untouched) + len(tuning) == 200
    shuffled = records[:]
    random.Random(3).shuffle(shuffled)
    assert {r["id"] for r in select("plover_events", shuffled, "untouched")} == {r["id"] for r in untouched}
    assert select("plover_events", records, "all") == records


def test_ecb_topics_stay_whole():
    records = [{"id": f"{topic}_{doc}{kind}"} for topic in range(1, 21) for doc in range(4)
               for kind in ("ecb", "ecbplus")]
    mask = untouched_mask("ecbplus_events.jsonl", records)
    by_topic: dict[str, set[bool]] = {}
    for r, m in zip(records, mask):
        by_topic.setdefault(r["id"].split("_")[0], set()).add(m)
    assert all(len(parts) == 1 for parts in by_topic.values())
    assert sum(True in parts for parts in by_topic.values()) == 5  # a quarter of 20 topics


def test_semeval_pairs_sharing_an_article_stay_together():
    # articles 1..40 in pairs, and article 1 in a pair with every article of a chain
    ids = [f"{2 * i + 1}_{2 * i + 2}" for i in range(20)] + ["1_900", "900_901", "901_902"]
    records = [{"id": i} for i in ids]
    mask = dict(zip(ids, untouched_mask("semeval2022_pairs.jsonl", records)))
    assert mask["1_2"] == mask["1_900"] == mask["900_901"] == mask["901_902"]


def test_slavicner_documents_fall_in_the_same_part_in_both_files():
    records = _records(120, prefix="brexit/pl/file")
    assert untouched_mask("slavicner_stories.jsonl", records) == untouched_mask("slavicner_entities.jsonl", records)


def test_another_file_is_not_split():
    records = _records(10)
    assert dataset_of("/tmp/my_reports.jsonl") is None
    assert untouched_mask("/tmp/my_reports.jsonl", records) is None
    assert select(None, records, "tuning") == records
    assert select(None, records, "untouched") == []
    assert split_of("/tmp/my_reports.jsonl", records) is None
    with pytest.raises(ValueError, match="part must be one of"):
        select("plover_events", records, "held-out")


def test_eval_events_reports_the_untouched_part(tmp_path):
    from dateline.eval.events import evaluate_events

    sentences = [("Police arrested three protesters in the capital on Monday.", "ARREST"),
                 ("The two ministers agreed to cooperate on border security.", "AGREE"),
                 ("Rebels attacked an army convoy near the river.", "ASSAULT"),
                 ("The union demanded higher wages from the government.", "DEMAND")] * 3
    path = tmp_path / "plover_events.jsonl"
    path.write_text("".join(json.dumps({"id": f"own-{i}", "lang": "en", "text": t, "event": e, "source": [],
                                        "target": []}) + "\n" for i, (t, e) in enumerate(sentences)),
                    encoding="utf-8")
    result = evaluate_events(str(path))
    part = result["untouched"]
    assert part["records"] == 3 == part["split"]["untouched_records"]
    assert result["records"] == 12
    assert part["model_trained_on"] == 0
    assert 0.0 <= part["baseline_tfidf_words_svm"]["accuracy"] <= 1.0  # scikit-learn is in the test extra
    other = tmp_path / "mine.jsonl"
    other.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert evaluate_events(str(other))["untouched"] is None


def _dev(name: str) -> list[dict]:
    path = DEV / name
    if not path.exists():
        pytest.skip(f"{path} is not there")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("name, model", [("plover_events.jsonl", "plover-event-model.json"),
                                         ("case2021_snippets.jsonl", "case-snippet-model.json.gz")])
def test_shipped_event_models_never_saw_the_untouched_part(name, model):
    records = _dev(name)
    raw = (DATA / model).read_bytes()
    meta = json.loads(gzip.decompress(raw) if model.endswith(".gz") else raw)["meta"]
    seen = set(meta["trained_on"])
    mask = untouched_mask(name, records)
    untouched = [text_key(r["text"]) for r, m in zip(records, mask) if m]
    tuning = [text_key(r["text"]) for r, m in zip(records, mask) if not m]
    assert untouched and sum(k in seen for k in untouched) == 0
    assert sum(k in seen for k in tuning) >= 0.9 * len(tuning)

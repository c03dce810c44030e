"""`dateline eval events` and `dateline eval snippets` on small fixture files written here."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dateline.cli import main
from dateline.eval.events import TokenF1
from dateline.eval.labels import macro_f1, per_label

EVENTS = [
    {"id": "e1", "lang": "en", "text": "Germany and France agreed on Monday to send medical aid to Italy.",
     "event": "AGREE", "source": ["Germany", "France"], "target": ["Italy"]},
    {"id": "e2", "lang": "en", "text": "Spain rejected a proposal from Portugal on fishing quotas.",
     "event": "REJECT", "source": ["Spain"], "target": ["Portugal"]},
    {"id": "e3", "lang": "en", "text": "Polish farmers protested in Warsaw against cheap imports.",
     "event": "PROTEST", "source": ["Polish farmers"], "target": ["Warsaw"]},
    # gold says CONSULT on purpose: the classifier's AGREE must count as an error
    {"id": "e4", "lang": "en", "text": "Norway and Sweden signed a treaty on fisheries.",
     "event": "CONSULT", "source": ["Norway and Sweden"], "target": []},
]
SNIPPETS = [
    {"id": "s1", "lang": "en", "label": "AIR_STRIKE",
     "text": "Fighter jets carried out airstrikes on the village overnight, destroying several houses."},
    {"id": "s2", "lang": "en", "label": "PEACE_PROTEST",
     "text": "Hundreds of teachers marched peacefully through the city centre demanding higher wages."},
    {"id": "s3", "lang": "en", "label": "ARREST",
     "text": "Fighter jets carried out airstrikes on the village overnight, destroying several houses."},
]


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_token_f1_is_micro_averaged_over_bags_of_tokens():
    f1 = TokenF1()
    f1.add(["Polish farmers"], ["Polish farmers"])  # 2 of 2
    f1.add(["United States", "Jordan"], ["United States"])  # 2 overlap, 3 predicted, 2 gold
    f1.add([], ["Hungarian"])  # 0 of 1
    assert (f1.overlap, f1.predicted, f1.gold) == (4, 5, 5)
    assert f1.result() == {"precision": 0.8, "recall": 0.8, "f1": 0.8}


def test_label_figures():
    gold, pred = ["A", "A", "B", "C"], ["A", "B", "B", None]
    table = per_label(gold, pred)
    assert table["A"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "support": 2}
    assert table["B"]["precision"] == 0.5 and table["C"]["recall"] == 0.0
    assert abs(macro_f1(gold, pred) - (0.6667 + 0.6667 + 0.0) / 3) < 1e-9


def test_eval_events_command(tmp_path):
    data, preds = _write(tmp_path / "events.jsonl", EVENTS), tmp_path / "pred.jsonl"
    result = CliRunner().invoke(main, ["eval", "events", str(data), "--predictions", str(preds)])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["records"] == 4
    assert out["event_type"]["accuracy"] == 0.75
    assert out["event_type"]["per_type"]["CONSULT"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert out["event_type"]["per_type"]["AGREE"]["precision"] == 0.5
    # sources: 7 predicted tokens, all right, of 8 gold ("and" of e4 is a gold token no actor text has)
    assert out["actors"]["source_token"] == {"precision": 1.0, "recall": 0.875, "f1": 0.9333}
    assert out["actors"]["target_token"]["recall"] == 1.0
    assert "micro-averaged" in out["actors"]["token_f1"]
    assert out["model"]["trained_on_this_file"] is False and out["model"]["records_seen_in_training"] == 0
    assert out["model"]["cv_on_its_training_data"]["folds"] == 5
    assert out["records_per_second"] > 0
    rows = [json.loads(line) for line in preds.read_text(encoding="utf-8").splitlines()]
    assert [r["event"] for r in rows] == ["AGREE", "REJECT", "PROTEST", "AGREE"]
    assert rows[0]["source"] == ["Germany", "France"] and rows[0]["target"] == ["Italy"]


def test_eval_events_lexicon_only(tmp_path):
    data = _write(tmp_path / "events.jsonl", EVENTS)
    out = json.loads(CliRunner().invoke(main, ["eval", "events", str(data), "--lexicon-only"]).output)
    assert out["typing"] == "lexicon only" and out["event_type"]["accuracy"] == 0.75
    assert out["model"]["trained_on_this_file"] is False


def test_eval_snippets_command(tmp_path):
    data, preds = _write(tmp_path / "snippets.jsonl", SNIPPETS), tmp_path / "pred.jsonl"
    result = CliRunner().invoke(main, ["eval", "snippets", str(data), "--predictions", str(preds)])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["records"] == 3 and out["accuracy"] == 0.6667
    assert out["per_label"]["AIR_STRIKE"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "support": 1}
    assert out["per_label"]["ARREST"]["recall"] == 0.0
    assert out["macro_f1"] == round((0.6667 + 1.0 + 0.0) / 3, 4)
    assert out["model"]["trained_on_this_file"] is False
    assert out["model"]["cv_on_its_training_data"]["model"]["macro_f1"] > 0.6
    labels = [json.loads(line)["label"] for line in preds.read_text(encoding="utf-8").splitlines()]
    assert labels == ["AIR_STRIKE", "PEACE_PROTEST", "AIR_STRIKE"]

"""scripts/train_event_types.py on a small generated dataset: trains, scores with numpy, and a
retrain with --check finds byte-identical files."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from helpers import ROOT

from dateline.frame.linear import LinearModel

pytest.importorskip("sklearn")

_PLOVER = {
    "AGREE": "{a} and {b} agreed to build a {x} together",
    "REJECT": "{a} rejected the {x} proposal from {b}",
    "PROTEST": "Workers in {a} protested against the {x} plan of {b}",
}
_CASE = {
    "AIR_STRIKE": "Warplanes bombed a {x} near {a}, killing {n} people",
    "PEACE_PROTEST": "Residents of {a} held a peaceful march over the {x} in {b}",
    "ARREST": "Police in {a} arrested {n} suspects linked to the {x}",
}
_PLACES = ["Valdoria", "Ostmark", "Lumeria", "Carpathia", "Norland", "Sudmark"]
_THINGS = ["bridge", "railway", "dam", "school", "harbour", "market"]


def _write(path, templates, key, per_label=6):
    rows = []
    for label, template in templates.items():
        for i in range(per_label):
            text = template.format(a=_PLACES[i % 6], b=_PLACES[(i + 2) % 6], x=_THINGS[(i * 5) % 6], n=i + 2)
            rows.append({"id": f"{label}-{i}", "lang": "en", "text": text + ".", key: label,
                         "source": [], "target": []})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_training_is_reproducible_and_models_score(tmp_path):
    plover, case = tmp_path / "plover.jsonl", tmp_path / "case.jsonl"
    _write(plover, _PLOVER, "event")
    _write(case, _CASE, "label")
    out = tmp_path / "models"
    out.mkdir()
    script = [sys.executable, str(ROOT / "scripts" / "train_event_types.py"), "--plover", str(plover),
              "--case", str(case), "--out-dir", str(out)]
    run = subprocess.run([*script, "--folds", "3"], check=False, capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    event_model = LinearModel.load(out / "plover-event-model.json")
    snippet_model = LinearModel.load(out / "case-snippet-model.json.gz")
    assert event_model.classes == ("AGREE", "PROTEST", "REJECT")
    assert event_model.meta["cv"]["folds"] == 3 and 0.0 <= event_model.meta["cv"]["model"]["accuracy"] <= 1.0
    assert len(event_model.meta["trained_on"]) == 18
    assert (out / "plover-event-model.PROVENANCE.md").exists() and (out / "case-snippet-model.PROVENANCE.md").exists()
    # fitted on separable data: the training texts come back with their labels
    text = _CASE["ARREST"].format(a="Valdoria", b="", x="dam", n=3) + "."
    assert snippet_model.classes[int(snippet_model.scores(text).argmax())] == "ARREST"

    check = subprocess.run([*script, "--folds", "3", "--check"], check=False, capture_output=True, text=True, cwd=ROOT)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.count("identical") == 2
    (out / "plover-event-model.json").write_text("{}\n", encoding="utf-8")
    changed = subprocess.run([*script, "--folds", "3", "--check"], check=False, capture_output=True, text=True, cwd=ROOT)
    assert changed.returncode == 1 and "DIFFERS" in changed.stdout

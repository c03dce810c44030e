"""Similarity features, the shipped judge, correlation helpers and reproducible training.

All texts here are written for these tests (no evaluation data)."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from dateline.clean import clean
from dateline.eval.similarity import average_ranks, pearson, spearman
from dateline.models import RawDocument
from dateline.pipeline import Analyzer
from dateline.similarity.features import FEATURE_NAMES, SimilarityContext, pair_features
from dateline.similarity.judge import Judge

ROOT = Path(__file__).resolve().parents[1]

EN = """Floods kill 12 in Porto Alegre as Brazil declares emergency

PORTO ALEGRE, May 6 (Reuters) - Heavy floods killed 12 people in Porto Alegre, in southern Brazil, on
Monday 6 May 2024, and forced 3400 residents from their homes, the governor Eduardo Leite said. President
Luiz Inacio Lula da Silva declared a state of emergency and sent the army to help with the rescue."""

IT = """Alluvione a Porto Alegre, 12 morti: il Brasile dichiara lo stato di emergenza

Le inondazioni hanno ucciso 12 persone a Porto Alegre, nel sud del Brasile, lunedì 6 maggio 2024, e
costretto 3400 abitanti a lasciare le loro case, ha detto il governatore Eduardo Leite. Il presidente
Luiz Inacio Lula da Silva ha dichiarato lo stato di emergenza e ha inviato l'esercito."""

OTHER = """Tokyo stocks close higher on exporters

TOKYO, November 14 - Japanese shares rose on Thursday 14 November 2019 as Toyota and Sony gained, while
the yen weakened against the dollar. The Nikkei index added 0.7 percent, its third gain in a week."""


def _analyse(analyzer: Analyzer, name: str, text: str, lang: str):
    article = clean(RawDocument(name, data=text.encode(), meta={"lang": lang}))
    return article, analyzer.analyze(article)[0]


@pytest.fixture(scope="module")
def pairs():
    analyzer = Analyzer()
    en, it, other = (_analyse(analyzer, n, t, lang) for n, t, lang in
                     (("en", EN, "en"), ("it", IT, "it"), ("other", OTHER, "en")))
    ctx = SimilarityContext().fit([en, it, other])
    return pair_features(en, it, ctx), pair_features(it, other, ctx), pair_features(other, en, ctx)


def test_feature_vector_has_one_value_per_name(pairs):
    for features in pairs:
        assert features.shape == (len(FEATURE_NAMES),)
        assert np.all(np.isfinite(features))


def test_same_event_across_languages_beats_unrelated(pairs):
    judge = Judge.load()
    same, unrelated1, unrelated2 = pairs
    assert judge.probability(same) > max(judge.probability(unrelated1), judge.probability(unrelated2))
    assert judge.semeval_score(same) < min(judge.semeval_score(unrelated1), judge.semeval_score(unrelated2))
    # the cross-language evidence is what ties the pair: shared entities and numbers
    names = list(FEATURE_NAMES)
    assert same[names.index("ent_jaccard")] > unrelated1[names.index("ent_jaccard")]
    assert same[names.index("number_jaccard")] > 0


def test_judge_scores_in_range(pairs):
    judge = Judge.load()
    for features in (*pairs, np.zeros(len(FEATURE_NAMES)), np.full(len(FEATURE_NAMES), 100.0)):
        assert 0.0 <= judge.probability(features) <= 1.0
        assert 1.0 <= judge.semeval_score(features) <= 4.0
    matrix = np.vstack(pairs)
    assert judge.semeval_scores(matrix).shape == (3,)


def test_features_are_symmetric(pairs):
    analyzer = Analyzer()
    en, it = _analyse(analyzer, "en", EN, "en"), _analyse(analyzer, "it", IT, "it")
    ctx = SimilarityContext().fit([en, it])
    assert np.allclose(pair_features(en, it, ctx), pair_features(it, en, ctx))


def test_pearson_and_spearman_by_hand():
    x, y = np.array([1.0, 2.0, 3.0, 4.0]), np.array([2.0, 1.0, 4.0, 3.0])
    # means 2.5; deviations (-1.5,-.5,.5,1.5) and (-.5,-1.5,1.5,.5): sum of products 2, sums of squares 5
    assert pearson(x, y) == pytest.approx(0.6)
    assert spearman(x, y) == pytest.approx(0.6)
    assert list(average_ranks(np.array([10.0, 20.0, 10.0, 30.0]))) == [1.5, 3.0, 1.5, 4.0]
    # ties: ranks (1.5,1.5,3) vs (1,2,3): deviations (-.5,-.5,1) and (-1,0,1) -> 1.5 / sqrt(1.5 * 2)
    assert spearman(np.array([1.0, 1.0, 2.0]), np.array([1.0, 2.0, 3.0])) == pytest.approx(1.5 / 3 ** 0.5)
    assert spearman(x, -x) == pytest.approx(-1.0)


_PEOPLE = ["Anna Keller", "Marco Rossi", "John Baker", "Maria Lopez", "Peter Novak", "Laura Weiss"]
_PLACES = ["Berlin", "Madrid", "Warsaw", "Lisbon", "Vienna", "Athens"]
_WHAT = ["opened a new bridge", "signed a trade agreement", "announced an inquiry into a fire",
         "met striking teachers", "visited a flooded district", "presented a budget"]


def _synthetic_pairs(path: Path) -> None:
    """A small made-up SemEval-style file: pairs of the same event (score 1) and of different
    events (score 4), generated from a fixed seed."""
    rng = random.Random(7)
    events = [(rng.choice(_PEOPLE), rng.choice(_PLACES), rng.choice(_WHAT), rng.randint(1, 28), rng.randint(10, 999))
              for _ in range(12)]

    def text(e, variant: int) -> str:
        person, place, what, day, number = e
        lead = f"{place.upper()}, March {day} - " if variant else ""
        return (f"{lead}{person} {what} in {place} on March {day}, 2023, with {number} people present. "
                f"Officials in {place} said the plan would take {number // 10 + 2} months.")

    rows = []
    for i, e in enumerate(events):
        j = (i + 5) % len(events)
        for k, (other, gold) in enumerate(((text(e, 1), 1.0), (text(events[j], 1), 4.0))):
            rows.append(json.dumps({"id": f"{100 + i}_{200 + 2 * i + k}", "lang1": "en", "lang2": "en",
                                    "text1": text(e, 0), "text2": other, "overall": gold}) + "\n")
    path.write_text("".join(rows), encoding="utf-8")


def test_training_is_reproducible(tmp_path):
    data, out = tmp_path / "pairs.jsonl", tmp_path / "judge.json"
    _synthetic_pairs(data)
    script = [sys.executable, str(ROOT / "scripts" / "train_judge.py"), "--data", str(data), "--out", str(out)]
    subprocess.run([*script, "--folds", "3"], check=True, capture_output=True, cwd=ROOT)
    model = json.loads(out.read_text())
    assert model["feature_names"] == list(FEATURE_NAMES)
    assert (tmp_path / "judge.PROVENANCE.md").exists()
    check = subprocess.run([*script, "--check"], check=False, capture_output=True, text=True, cwd=ROOT)
    assert check.returncode == 0, check.stdout + check.stderr
    # and the check notices a changed file
    out.write_text(out.read_text().replace('"format": 1', '"format": 2'))
    assert subprocess.run([*script, "--check"], check=False, capture_output=True, cwd=ROOT).returncode == 1


def test_eval_similarity_command(tmp_path):
    from click.testing import CliRunner

    from dateline.cli import main

    data, preds = tmp_path / "pairs.jsonl", tmp_path / "pred.jsonl"
    _synthetic_pairs(data)
    result = CliRunner().invoke(main, ["eval", "similarity", str(data), "--predictions", str(preds)])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["pairs"] == 24 and "en-en" in out["by_lang_pair"]
    assert -1.0 <= out["judge"]["pearson"] <= 1.0 and -1.0 <= out["baseline_char_tfidf"]["pearson"] <= 1.0
    rows = [json.loads(line) for line in preds.read_text().splitlines()]
    assert len(rows) == 24 and all(1.0 <= r["score"] <= 4.0 for r in rows)

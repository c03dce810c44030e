"""BCubed precision/recall/F1 on hand-computed examples."""

from __future__ import annotations

import pytest

from dateline.eval.bcubed import bcubed


def test_perfect_clustering_scores_one():
    r = bcubed(["a", "a", "b"], ["x", "x", "y"])
    assert r["precision"] == r["recall"] == r["f1"] == 1.0
    assert r["items"] == 3


def test_label_names_do_not_matter():
    assert bcubed([7, 7, 3, 3], ["x", "x", "y", "y"])["f1"] == 1.0


def test_everything_in_one_cluster():
    # gold {1,2} {3}; predicted {1,2,3}
    # precision: items 1,2 -> 2/3 each, item 3 -> 1/3  => (2/3+2/3+1/3)/3 = 5/9
    # recall: every item's gold cluster is inside its predicted one => 1
    r = bcubed(["p", "p", "p"], ["a", "a", "b"])
    assert r["precision"] == pytest.approx(5 / 9)
    assert r["recall"] == pytest.approx(1.0)
    assert r["f1"] == pytest.approx(2 * (5 / 9) / (5 / 9 + 1))


def test_all_singletons():
    # gold {1,2,3,4}; predicted four singletons: precision 1, recall 1/4 each
    r = bcubed([1, 2, 3, 4], ["g"] * 4)
    assert r["precision"] == pytest.approx(1.0)
    assert r["recall"] == pytest.approx(0.25)
    assert r["f1"] == pytest.approx(0.4)


def test_mixed_example():
    # gold: A={0,1,2}, B={3,4}; predicted: P={0,1}, Q={2,3,4}
    # precision: 0,1 -> 2/2; 2 -> 1/3; 3,4 -> 2/3  => (1+1+1/3+2/3+2/3)/5 = 11/15
    # recall:    0,1 -> 2/3; 2 -> 1/3; 3,4 -> 2/2  => (2/3+2/3+1/3+1+1)/5 = 11/15
    r = bcubed(["P", "P", "Q", "Q", "Q"], ["A", "A", "A", "B", "B"])
    assert r["precision"] == pytest.approx(11 / 15)
    assert r["recall"] == pytest.approx(11 / 15)
    assert r["f1"] == pytest.approx(11 / 15)


def test_none_prediction_is_a_singleton():
    # None items are never clustered together: gold {0,1}; predicted None, None
    r = bcubed([None, None], ["g", "g"])
    assert r["precision"] == pytest.approx(1.0)
    assert r["recall"] == pytest.approx(0.5)


def test_empty_and_mismatched_inputs():
    assert bcubed([], []) == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "items": 0}
    with pytest.raises(ValueError):
        bcubed(["a"], ["a", "b"])

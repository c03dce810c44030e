import gzip
import json

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.eval.shingles import page_counts, score

BODY = ("The river ferry resumed service on Monday after a week of repairs to the landing stage, "
        "the operator said, adding that timetables would return to normal by Wednesday.")
PAGE = f"""<html><head><title>Ferry back</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Ferry back</h1><p>{BODY}</p>
<p>Passengers had used a replacement bus that added forty minutes to the journey across town.</p></article>
<footer>Copyright Example Media. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>"""


def test_page_counts_match_the_benchmark_definition():
    # identical: all true positives
    assert page_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    # true "a b c d e" has shingles abcd, bcde; pred "a b c d x" has abcd, bcdx
    tp, fp, fn = page_counts("a b c d e", "a b c d x")
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    # counts are multisets: a repeated shingle counts twice
    tp, fp, fn = page_counts("a b c d", "a b c d a b c d")
    assert (tp, fp, fn) == pytest.approx((1 / 5, 4 / 5, 0))  # abcd x2, bcda, cdab, dabc


def test_score_averages_pages_then_takes_f1():
    pages = [(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)]  # precision 1 and 0.5, recall 1 and 1
    s = score(pages)
    assert s["precision"] == pytest.approx(0.75) and s["recall"] == pytest.approx(1.0)
    assert s["f1"] == pytest.approx(2 * 0.75 / 1.75)
    # an empty prediction: precision undefined for that page (skipped), recall 0
    s = score([(0.0, 0.0, 1.0), (1.0, 0.0, 0.0)])
    assert s["precision"] == 1.0 and s["recall"] == 0.5


def test_eval_extraction_command_on_own_pages(tmp_path):
    (tmp_path / "p1.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    rec = {"id": "p1", "html_file": "p1.html.gz", "url": "https://news.example.org/ferry", "body": BODY}
    (tmp_path / "pages.jsonl").write_text(json.dumps(rec) + "\n")
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(main, ["eval", "extraction", str(tmp_path / "pages.jsonl"), "--predictions", str(out)])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output)
    assert metrics["pages"] == 1
    assert metrics["recall"] == 1.0  # the whole gold body was found
    assert 0.5 < metrics["precision"] < 1.0  # plus the second paragraph, which the gold leaves out
    assert "Copyright" not in json.loads(out.read_text())["body"]
    assert json.loads(out.read_text())["id"] == "p1"
    # the plain baseline, in the same run: trafilatura's defaults on the same page
    assert set(metrics["baseline_trafilatura"]) == {"precision", "recall", "f1"}
    assert metrics["baseline_trafilatura"]["recall"] == 1.0

"""End-to-end cleaning of the two real seeds (read by path, never copied)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from dateline.clean import clean
from dateline.models import RawDocument

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
EN_SEED = SEEDS / "000_86f91d993f60fa5c.txt"
IT_SEED = SEEDS / "002_1cef10ead9d50a7f.txt"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not there")


def _clean(path: Path):
    return clean(RawDocument(origin=str(path), data=path.read_bytes()))


def test_english_seed():
    article = _clean(EN_SEED)
    assert article.lang == "en"
    assert article.dateline is not None
    assert article.dateline.place == "RABAT"
    assert (article.dateline.month, article.dateline.day) == (12, 17)
    assert article.dateline.year is None  # no publication date is known: no year is invented
    assert article.published is None
    assert article.text.startswith("The Commander-in-Chief")
    assert ". ." not in article.text
    assert article.text == article.text.strip()
    assert not article.text.endswith("\n")
    assert "\n\n\n" not in article.text
    assert article.text.count("\n\n") == 3  # four paragraphs, one per line of the original
    assert "Türkiye – countries" in article.text
    assert len(article.id) == 16


def test_italian_seed():
    article = _clean(IT_SEED)
    assert article.lang == "it"
    assert article.published == "2025-12-20"
    assert article.header == {"date": "2025-12-20"}
    assert article.text.startswith("Il Capo di Stato Maggiore")
    assert article.byline == "Lucia Giannini"
    assert not article.text.rstrip().endswith("Lucia Giannini")
    assert "dell’esercito" in article.text  # curly apostrophe kept
    assert "date 2025-12-20" not in article.text
    assert "2025-12-20" not in article.text
    assert article.dateline is None
    assert article.text.endswith("tra i due Paesi.")
    assert unicodedata.is_normalized("NFC", article.text)


def test_seeds_get_stable_distinct_ids():
    assert _clean(EN_SEED).id == _clean(EN_SEED).id
    assert _clean(EN_SEED).id != _clean(IT_SEED).id

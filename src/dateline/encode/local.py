"""Plug-ins for a model the user has on disk: an ONNX export or a sentence-transformers directory.

Nothing is downloaded: the directory must hold everything (Dateline runs offline).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from dateline.encode.base import EncoderError, EncoderUnavailable, l2_normalise

BATCH = 32
DEFAULT_MAX_TOKENS = 256  # sentence-transformers' usual max_seq_length; a lead needs fewer
_POOLED = ("sentence_embedding", "pooler_output")
_TOKENS = ("last_hidden_state", "token_embeddings")


def _max_tokens(directory: Path) -> int:
    config = directory / "sentence_bert_config.json"
    if config.is_file():
        value = json.loads(config.read_text(encoding="utf-8")).get("max_seq_length")
        if isinstance(value, int) and value > 0:
            return value
    return DEFAULT_MAX_TOKENS


class OnnxEncoder:
    """A transformer exported to ONNX (``model.onnx`` or ``onnx/model.onnx``, as
    sentence-transformers and optimum export it) with a HuggingFace ``tokenizer.json``: mean
    pooling of the token outputs over the attention mask, then L2 normalisation (the
    sentence-transformers recipe). A graph whose output is already one row per text is used as is.
    """

    def __init__(self, directory: str | Path, threads: int | None = None) -> None:
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise EncoderUnavailable(f"onnx:{directory}", "onnxruntime and tokenizers", "onnx") from exc
        self.directory = Path(directory)
        model = next((p for p in (self.directory / "model.onnx", self.directory / "onnx" / "model.onnx")
                      if p.is_file()), None)
        vocab = self.directory / "tokenizer.json"
        if model is None or not vocab.is_file():
            raise EncoderError(f"{self.directory}: expected model.onnx (or onnx/model.onnx) and tokenizer.json")
        self.name = f"onnx:{self.directory}"
        self._tokenizer = Tokenizer.from_file(str(vocab))
        self._tokenizer.enable_truncation(_max_tokens(self.directory))
        if self._tokenizer.padding is None:
            pad = next((t for t in ("[PAD]", "<pad>") if self._tokenizer.token_to_id(t) is not None), None)
            self._tokenizer.enable_padding(pad_id=self._tokenizer.token_to_id(pad) if pad else 0,
                                           pad_token=pad or "[PAD]")
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # errors only: optimiser notes about a user's graph are noise here
        if threads:
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self._inputs = {i.name: (np.int32 if "int32" in i.type else np.int64) for i in self._session.get_inputs()}
        unknown = set(self._inputs) - {"input_ids", "attention_mask", "token_type_ids"}
        if unknown or "input_ids" not in self._inputs:
            raise EncoderError(f"{model}: unsupported graph inputs {sorted(self._inputs)}")
        outputs = [o.name for o in self._session.get_outputs()]
        self._output = next((n for n in (*_POOLED, *_TOKENS) if n in outputs), outputs[0])
        self.dim = int(self._batch(["."]).shape[1])  # one probe: exports often leave the width symbolic

    def _batch(self, texts: list[str]) -> np.ndarray:
        encoded = self._tokenizer.encode_batch(texts)
        columns = {"input_ids": [e.ids for e in encoded], "attention_mask": [e.attention_mask for e in encoded],
                   "token_type_ids": [e.type_ids for e in encoded]}
        feed = {name: np.asarray(columns[name], dtype=dtype) for name, dtype in self._inputs.items()}
        out = np.asarray(self._session.run([self._output], feed)[0], dtype=np.float32)
        if out.ndim == 2:
            return out
        if out.ndim != 3:
            raise EncoderError(f"{self.name}: output '{self._output}' has shape {out.shape}")
        mask = np.asarray(columns["attention_mask"], dtype=np.float32)[:, :, None]
        return (out * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1.0)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        texts = list(texts)
        return l2_normalise(np.vstack([self._batch(texts[i:i + BATCH]) for i in range(0, len(texts), BATCH)]))


class SentenceTransformerEncoder:
    """A sentence-transformers model saved in a local directory, run on the CPU."""

    def __init__(self, directory: str | Path, threads: int | None = None) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EncoderUnavailable(f"st:{directory}", "sentence-transformers (and torch)",
                                     "sentence-transformers") from exc
        self.directory = Path(directory)
        if not (self.directory / "modules.json").is_file():
            raise EncoderError(f"{self.directory}: not a saved sentence-transformers model (no modules.json)")
        if threads:
            import torch

            torch.set_num_threads(threads)
        self.name = f"st:{self.directory}"
        # local_files_only: a path that is not a model must fail here, never reach for a hub
        self._model = SentenceTransformer(str(self.directory), device="cpu", local_files_only=True)
        self.dim = int(self.encode(["."]).shape[1])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, getattr(self, "dim", 0)), dtype=np.float32)
        rows = self._model.encode(list(texts), batch_size=BATCH, convert_to_numpy=True,
                                  normalize_embeddings=True, show_progress_bar=False)
        return l2_normalise(rows)

"""Tiny models that tests build themselves, in the layouts the encoder plug-ins load."""

from __future__ import annotations

from pathlib import Path

import numpy as np

# Our own sentences: the vocabulary of the tiny models.
SENTENCES = (
    "the river flooded the old town after three days of rain",
    "rescue teams reached the flooded town by boat",
    "the central bank raised interest rates again on tuesday",
    "markets fell after the bank announced the new rates",
    "a new bridge over the river opened to traffic",
)
SPECIAL = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")


def vocabulary() -> list[str]:
    words = sorted({w for s in SENTENCES for w in s.split()})
    return [*SPECIAL, *words]


def word_tokenizer(kind: str = "wordlevel"):
    """A HuggingFace tokenizer over :data:`SENTENCES`: whole words (WordLevel) or WordPiece."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers

    vocab = {w: i for i, w in enumerate(vocabulary())}
    model = (models.WordLevel(vocab, unk_token="[UNK]") if kind == "wordlevel"
             else models.WordPiece(vocab, unk_token="[UNK]"))
    tokenizer = Tokenizer(model)
    tokenizer.normalizer = normalizers.Lowercase()
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    return tokenizer


def build_onnx_model(directory: Path, dim: int = 16, nested: bool = False, pooled: bool = False) -> Path:
    """Save tokenizer.json and an ONNX graph (embedding gather, a small matmul, tanh) into
    ``directory``; ``nested`` puts the graph in onnx/ as sentence-transformers exports it;
    ``pooled`` makes the graph output one row per text (the first token's vector) instead."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(7)
    vocab_size = len(vocabulary())
    embedding = rng.normal(size=(vocab_size, dim)).astype(np.float32)
    projection = (np.eye(dim) + 0.1 * rng.normal(size=(dim, dim))).astype(np.float32)
    nodes = [
        helper.make_node("Gather", ["embedding", "input_ids"], ["gathered"], axis=0),
        helper.make_node("MatMul", ["gathered", "projection"], ["projected"]),
        helper.make_node("Tanh", ["projected"], ["last_hidden_state"]),
    ]
    output = helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "tokens", dim])
    if pooled:
        nodes += [helper.make_node("Gather", ["last_hidden_state", "zero"], ["sentence_embedding"], axis=1)]
        output = helper.make_tensor_value_info("sentence_embedding", TensorProto.FLOAT, ["batch", dim])
    graph = helper.make_graph(
        nodes, "tiny_encoder",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "tokens"])],
        [output],
        initializer=[numpy_helper.from_array(embedding, "embedding"),
                     numpy_helper.from_array(projection, "projection"),
                     *([numpy_helper.from_array(np.asarray(0, dtype=np.int64), "zero")] if pooled else [])],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8  # readable by any onnxruntime of the last years
    onnx.checker.check_model(model)
    target = directory / "onnx" / "model.onnx" if nested else directory / "model.onnx"
    target.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(target))
    word_tokenizer().save(str(directory / "tokenizer.json"))
    return directory


def build_sentence_transformer(directory: Path, dim: int = 16) -> Path:
    """A one-layer BERT over :data:`SENTENCES` with a WordPiece tokenizer and mean pooling,
    saved with sentence-transformers into ``directory`` (needs torch and sentence-transformers)."""
    import torch
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    try:
        from sentence_transformers.sentence_transformer.modules import (
            Pooling,
            Transformer,
        )
    except ImportError:  # sentence-transformers < 6
        from sentence_transformers.models import Pooling, Transformer
    from sentence_transformers import SentenceTransformer

    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(vocabulary()), hidden_size=dim, num_hidden_layers=1,
                        num_attention_heads=2, intermediate_size=2 * dim, max_position_embeddings=64)
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=word_tokenizer("wordpiece"), model_max_length=64,
                                        unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                                        sep_token="[SEP]", mask_token="[MASK]")
    raw = directory / "hf"
    BertModel(config).save_pretrained(raw)
    tokenizer.save_pretrained(raw)
    words = Transformer(str(raw), max_seq_length=64)
    model = SentenceTransformer(modules=[words, Pooling(dim, pooling_mode="mean")], device="cpu")
    target = directory / "st"
    model.save(str(target))
    return target


def export_onnx(model_dir: Path) -> None:
    """Export the BERT of :func:`build_sentence_transformer` to ``model_dir/onnx/model.onnx``
    (token outputs, as sentence-transformers' ONNX export lays it out)."""
    import torch
    from transformers import BertModel

    bert = BertModel.from_pretrained(str(model_dir.parent / "hf")).eval()

    class TokenOutputs(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    names = ["input_ids", "attention_mask", "token_type_ids"]
    ids = torch.ones((2, 5), dtype=torch.long)
    (model_dir / "onnx").mkdir(exist_ok=True)
    torch.onnx.export(TokenOutputs(), (ids, ids, torch.zeros_like(ids)), str(model_dir / "onnx" / "model.onnx"),
                      input_names=names, output_names=["last_hidden_state"], opset_version=17, dynamo=False,
                      dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]})

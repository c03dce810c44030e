"""Multilingual sentence encoders behind one small interface (optional: none is in the default path).

``load_encoder(spec)`` with spec ``use``, ``e5``, ``onnx:DIR`` or ``st:DIR`` returns an
:class:`Encoder`; each adapter imports its package only when loaded and, when it is missing,
raises :class:`EncoderUnavailable` naming the extra to install. See docs/similarity.md.
"""

from __future__ import annotations

from dateline.encode.base import (
    Encoder,
    EncoderError,
    EncoderUnavailable,
    article_text,
    cosines,
    l2_normalise,
    lead_text,
)

SPECS = ("use", "e5", "onnx:DIR", "st:DIR")

__all__ = [
    "SPECS",
    "Encoder",
    "EncoderError",
    "EncoderUnavailable",
    "article_text",
    "cosines",
    "l2_normalise",
    "lead_text",
    "load_encoder",
]


def load_encoder(spec: str, threads: int | None = 1) -> Encoder:
    """The encoder named by ``spec``; ``threads`` caps its CPU threads (None: the package's default).

    One thread by default: on 2 shared cores USE ran 183 leads/s with 1 thread, 45-75 with 2 and
    6 with its own default of 4 (threads oversubscribed by the other work on the machine)."""
    kind, _, path = spec.partition(":")
    if kind in ("use", "e5") and not path:
        from dateline.encode.packaged import E5Encoder, UseEncoder

        return UseEncoder(threads) if kind == "use" else E5Encoder(threads)
    if kind in ("onnx", "st") and path:
        from dateline.encode.local import OnnxEncoder, SentenceTransformerEncoder

        return OnnxEncoder(path, threads) if kind == "onnx" else SentenceTransformerEncoder(path, threads)
    raise EncoderError(f"unknown encoder '{spec}': expected one of {', '.join(SPECS)}")

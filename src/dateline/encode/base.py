"""What every sentence encoder offers, and the text of an article that encoders see."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from dateline.analyze.sentences import split_sentences
from dateline.models import Article

# Title + lead, not the whole text: the packaged encoders drift with length on full articles
# and a lead is where a report states its event (../shared/NOTES-dependencies.md).
LEAD_SENTENCES = 2
LEAD_CHARS = 400
_SPACE = re.compile(r"\s+")


@runtime_checkable
class Encoder(Protocol):
    """A sentence encoder: texts in, one L2-normalised float32 row per text out."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Shape ``(len(texts), dim)``; rows have unit length (cosine = dot product)."""
        ...


class EncoderError(ValueError):
    """A bad encoder spec or model directory."""


class EncoderUnavailable(ImportError):
    """The package an encoder needs is not installed; the message names the extra to install."""

    def __init__(self, spec: str, package: str, extra: str) -> None:
        super().__init__(f"encoder '{spec}' needs the package {package}: pip install 'dateline[{extra}]'")
        self.extra = extra


def l2_normalise(rows: np.ndarray) -> np.ndarray:
    """Unit-length float32 rows; an all-zero row stays zero instead of becoming NaN."""
    rows = np.asarray(rows, dtype=np.float32)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms > 0, norms, 1.0).astype(np.float32)


def lead_text(title: str | None, text: str, lang: str | None = None,
              sentences: int = LEAD_SENTENCES, max_chars: int = LEAD_CHARS) -> str:
    """Title + the first ``sentences`` sentences of ``text``, at most ``max_chars`` characters
    (cut at a word boundary), white space collapsed."""
    head = text[: max_chars * 3]  # enough for the first sentences; splitting all of it is waste
    spans = split_sentences(head, lang)[:sentences]
    lead = " ".join(head[s.start:s.end] for s in spans) if spans else head
    joined = _SPACE.sub(" ", f"{title or ''} {lead}").strip()
    if len(joined) <= max_chars:
        return joined
    cut = joined[:max_chars]
    space = cut.rfind(" ")
    return cut[:space] if space > max_chars // 2 else cut


def article_text(article: Article) -> str:
    """The text of an article that encoders embed: its title and lead."""
    return lead_text(article.title, article.text, article.lang)


def cosines(encoder: Encoder, left: Sequence[str], right: Sequence[str]) -> np.ndarray:
    """Cosine of each pair ``(left[i], right[i])``; each distinct text is encoded once."""
    unique = list(dict.fromkeys([*left, *right]))
    rows = encoder.encode(unique)
    index = {t: i for i, t in enumerate(unique)}
    a = rows[[index[t] for t in left]]
    b = rows[[index[t] for t in right]]
    return np.einsum("ij,ij->i", a, b).astype(np.float64)

"""Sparse text features for the learned linear models: word n-grams and character n-grams within
word boundaries, TF-IDF weighted with sublinear term frequency and unit length.

Written without scikit-learn so the shipped models score with the same code that trained them:
the training script fits a ``Vectorizer`` here, hands its vectors to scikit-learn, and stores the
vocabulary and idf beside the weights.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_NUMBER = re.compile(r"\d")


def words(text: str) -> list[str]:
    """Lowercased words; digits collapsed to 0 so counts generalise (``12 killed`` ~ ``7 killed``)."""
    return [_NUMBER.sub("0", w) for w in _WORD.findall(text.lower())]


def raw_features(text: str, word_ngrams: int, char_range: tuple[int, int]) -> Counter[str]:
    """Counts of ``w:`` word n-grams (1..word_ngrams) and ``c:`` char n-grams of padded words."""
    tokens = words(text)
    counts: Counter[str] = Counter()
    for n in range(1, word_ngrams + 1):
        for i in range(len(tokens) - n + 1):
            counts["w:" + " ".join(tokens[i:i + n])] += 1
    lo, hi = char_range
    if lo > 0:
        for token in tokens:
            padded = f" {token} "
            for n in range(lo, hi + 1):
                for i in range(len(padded) - n + 1):
                    counts["c:" + padded[i:i + n]] += 1
    return counts


@dataclass(frozen=True)
class Vectorizer:
    vocabulary: dict[str, int]
    idf: tuple[float, ...]
    word_ngrams: int = 1
    char_range: tuple[int, int] = (0, 0)
    extra_scale: float = 1.0  # extra features enter as value * extra_scale beside the unit-length n-grams

    @classmethod
    def fit(cls, texts: Iterable[str], word_ngrams: int = 1, char_range: tuple[int, int] = (0, 0),
            min_df: int = 1) -> Vectorizer:
        """Smooth idf as scikit-learn's TfidfVectorizer: ln((1 + n) / (1 + df)) + 1."""
        df: Counter[str] = Counter()
        n = 0
        for text in texts:
            df.update(raw_features(text, word_ngrams, char_range).keys())
            n += 1
        kept = sorted(f for f, c in df.items() if c >= min_df)
        idf = tuple(math.log((1 + n) / (1 + df[f])) + 1.0 for f in kept)
        return cls({f: i for i, f in enumerate(kept)}, idf, word_ngrams, tuple(char_range))

    def transform(self, text: str, extra: dict[str, float] | None = None) -> dict[int, float]:
        """Unit-length TF-IDF vector as {column: value}; ``extra`` features (already scaled) are
        added after normalisation, under their own names, when the vocabulary has them."""
        vec: dict[int, float] = {}
        for feature, count in raw_features(text, self.word_ngrams, self.char_range).items():
            col = self.vocabulary.get(feature)
            if col is not None:
                vec[col] = (1.0 + math.log(count)) * self.idf[col]
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vec = {c: v / norm for c, v in vec.items()}
        for name, value in (extra or {}).items():
            col = self.vocabulary.get(name)
            if col is not None and value:
                vec[col] = value * self.extra_scale
        return vec

    def to_dict(self) -> dict:
        return {"features": sorted(self.vocabulary, key=self.vocabulary.__getitem__),
                "idf": [float(f"{v:.8g}") for v in self.idf],
                "word_ngrams": self.word_ngrams, "char_range": list(self.char_range),
                "extra_scale": self.extra_scale}

    @classmethod
    def from_dict(cls, d: dict) -> Vectorizer:
        return cls({f: i for i, f in enumerate(d["features"])}, tuple(d["idf"]), int(d["word_ngrams"]),
                   tuple(d["char_range"]), float(d.get("extra_scale", 1.0)))

    def with_extra(self, names: Iterable[str], scale: float = 1.0) -> Vectorizer:
        """The same vectorizer with extra named columns (they get idf 1 and are not normalised)."""
        vocab = dict(self.vocabulary)
        idf = list(self.idf)
        for name in names:
            if name not in vocab:
                vocab[name] = len(idf)
                idf.append(1.0)
        return Vectorizer(vocab, tuple(idf), self.word_ngrams, self.char_range, scale)

"""The plain NER baseline, trained and scored in the eval run: a CRF over the textbook features.

Word (lower case), shape, prefixes and suffixes of 1-3 characters, capitalisation, and the same
words two either side; no language code, no gazetteer, no document hints, no word lists: what
the issue's "plain CRF" names. It is trained on a labelled file (``dateline eval entities
--baseline-train``, for CoNLL its training sentences) with CRFsuite, the library the shipped
tagger uses, and the same tokenizer and span decoding, so the difference measured is the
features and the training text alone. One model over all the file's languages: on CoNLL
(2026-12-07) one model per language was the weaker baseline (untouched mean F1 0.796 against
0.802), so the stronger one is kept.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from dateline.analyze.ner import Mention, bio_labels, decode_bio, word_shape
from dateline.analyze.tokens import sentences, tokenize

PARAMS = {"c1": 0.1, "c2": 0.1, "max_iterations": 100, "feature.possible_transitions": True}


def _word(w: str) -> list[str]:
    low = w.lower()
    return [f"w={low}", f"shape={word_shape(w)}", f"p1={low[:1]}", f"p2={low[:2]}", f"p3={low[:3]}",
            f"s1={low[-1:]}", f"s2={low[-2:]}", f"s3={low[-3:]}", f"title={w.istitle()}", f"upper={w.isupper()}"]


def features(words: list[str]) -> list[list[str]]:
    """CRFsuite attributes of one sentence's words."""
    out = []
    for i, w in enumerate(words):
        f = ["bias", *_word(w)]
        for d in (-2, -1, 1, 2):
            j = i + d
            f.append(f"{d}:w={words[j].lower()}" if 0 <= j < len(words) else f"{d}:pad")
            if 0 <= j < len(words) and abs(d) == 1:
                f.append(f"{d}:shape={word_shape(words[j])}")
        out.append(f)
    return out


class PlainCrf:
    """``tag(text, lang)`` as :class:`~dateline.analyze.ner.CrfTagger` has it, from a model trained here."""

    def __init__(self, model: Path) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model))

    def tag(self, text: str, lang: str | None = None) -> list[Mention]:
        out: list[Mention] = []
        for sent in sentences(tokenize(text)):
            out.extend(decode_bio(sent, self._tagger.tag(features([t.text for t in sent])), text))
        return out


def train_plain_crf(records: list[dict], folder: Path | None = None) -> tuple[PlainCrf, dict]:
    """Train on ``{text, mentions}`` records (types as they are); the tagger and what it took."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(PARAMS)
    started = time.perf_counter()
    n = 0
    for rec in records:
        toks = tokenize(rec["text"])
        labels = bio_labels(toks, [(m["start"], m["end"], m["type"]) for m in rec["mentions"]])
        pos = 0
        for sent in sentences(toks):
            trainer.append(features([t.text for t in sent]), labels[pos:pos + len(sent)])
            pos += len(sent)
            n += 1
    with tempfile.TemporaryDirectory(prefix="dateline-plain-crf-") as scratch:
        model = Path(folder or scratch) / "plain.crfsuite"
        trainer.train(str(model))
        tagger = PlainCrf(model)  # CRFsuite reads the whole model in: the scratch file can go
    return tagger, {"features": "word, shape, affixes 1-3, capitalisation, words at -2..+2",
                    "params": PARAMS, "records": len(records), "sentences": n,
                    "seconds": round(time.perf_counter() - started, 1)}

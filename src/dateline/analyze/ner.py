"""Entity mentions from a compact CRF tagger that ships with the package.

``CrfTagger().tag(text, lang)`` returns :class:`Mention` spans (character offsets into ``text``)
typed PER, ORG, LOC or MISC, plus EVT and PRO where the model learned them (see
``data/ner-crf.PROVENANCE.md``). One model serves every language: the language code and its
group are features, so a language the model was not trained on still gets the shared
word-shape, affix and context features.

The feature function :func:`sentence_features` is shared with ``scripts/train_ner.py``; change it
only together with a retrained model.
"""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from dateline.analyze.crf_attributes import model_attributes
from dateline.analyze.tokens import Token, sentences, tokenize

TYPES = ("PER", "ORG", "LOC", "MISC", "EVT", "PRO")
MODEL_NAME = "ner-crf.crfsuite"
PLACES_NAME = "ner-crf.places.txt"  # one-word country/territory names from CLDR (babel), lower case


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention: ``text == source[start:end]``."""

    start: int
    end: int
    type: str
    text: str


# Language groups: features conjoined with the group let a language borrow the capitalisation
# habits of its relatives (it, pt, fr from es; de from nl; sk, hr from pl/cs/sl; be, mk from ru/uk/bg).
_GROUPS = {
    "en": "en",
    **dict.fromkeys(("es", "it", "pt", "fr", "ca", "ro", "gl"), "rom"),
    **dict.fromkeys(("nl", "de", "da", "sv", "no", "nb", "nn", "af", "lb"), "ger"),
    **dict.fromkeys(("pl", "cs", "sk", "sl", "hr", "bs", "sr-latn", "lt", "lv"), "slL"),
    **dict.fromkeys(("ru", "uk", "bg", "be", "mk", "sr"), "slC"),
}


def language_group(lang: str | None) -> str:
    return _GROUPS.get((lang or "").lower(), "oth")


def _script(ch: str) -> str:
    o = ord(ch)
    if o < 0x250:
        return "L"
    if 0x370 <= o < 0x400:
        return "G"
    if 0x400 <= o < 0x530:
        return "C"
    return "O"


def word_shape(word: str) -> str:
    """Collapsed shape: ``Benghazi`` -> ``Xx``, ``NATO`` -> ``X``, ``COVID-19`` -> ``X-d``."""
    out = []
    prev = ""
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.isalpha():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if c != prev:
            out.append(c)
            prev = c
    return "".join(out)


_PLACES: frozenset[str] | None = None


def _places() -> frozenset[str]:
    """Lower-cased one-word place names plus their forms without the last one or two letters."""
    global _PLACES
    if _PLACES is None:
        path = Path(str(resources.files("dateline") / "data" / PLACES_NAME))
        names = path.read_text(encoding="utf-8").split() if path.is_file() else []
        forms = set()
        for n in names:
            forms.add(n)
            for k in (1, 2):
                if len(n) - k >= 4:
                    forms.add("~" + n[:-k])
        _PLACES = frozenset(forms)
    return _PLACES


def _place_feature(low: str, places: frozenset[str]) -> str | None:
    """``G`` for a listed name, ``Gs`` for an inflected form (a stem shared after cutting 1-3 letters)."""
    if low in places:
        return "G"
    if len(low) >= 5:
        for k in (1, 2, 3):
            if len(low) - k >= 4 and "~" + low[:-k] in places:
                return "Gs"
            if low[:-k] in places:
                return "Gs"
    return None


class _Word:
    """What a word contributes on its own, computed once per distinct word (see ``Features``)."""

    __slots__ = ("as_next", "as_next2", "as_prev", "as_prev2", "cls", "feats", "low", "shape", "suffix3")

    def __init__(self, word: str, known: frozenset[str] | None = None) -> None:
        low = word.lower()
        shape = word_shape(word)
        n = len(word)
        f = ["b", "w=" + low, "sh=" + shape, "sc=" + _script(word[0])]
        if n > 1:
            for k in (1, 2, 3, 4):
                if n > k:
                    f.append(f"s{k}=" + low[-k:])
                    f.append(f"p{k}=" + low[:k])
        if word[0].isupper():
            f.append("T")
            if n > 1 and word.isupper():
                f.append("U")
        elif word.isdigit():
            f.append("D")
        elif not word[0].isalnum():
            f.append("P")
        if n == 1:
            f.append("L1")
        elif n > 12:
            f.append("Llong")
        self.feats = _kept(f, known)
        self.low = low
        self.shape = shape
        # a neighbour's coarse class: its lower form, or its shape when it is capitalised
        self.cls = "C" + shape[:3] if word[0].isupper() else low
        self.suffix3 = low[-3:] if len(low) > 3 else None
        # what this word says as a neighbour, built once per word rather than once per occurrence
        s3 = (self.suffix3,) if self.suffix3 else ()
        self.as_prev = _kept(("w-1=" + low, *("s3-1=" + x for x in s3), "c-1=" + self.cls), known)
        self.as_prev2 = _kept(("w-2=" + low, "c-2=" + self.cls), known)
        self.as_next = _kept(("w+1=" + low, *("s3+1=" + x for x in s3), "c+1=" + self.cls), known)
        self.as_next2 = _kept(("w+2=" + low, "c+2=" + self.cls), known)


def _kept(names, known: frozenset[str] | None) -> tuple[str, ...]:
    return tuple(names) if known is None else tuple(x for x in names if x in known)


class Features:
    """Builds CRFsuite attribute lists, keeping only the names in ``known`` (None: all of them).

    Training sees every feature; the tagger passes its model's attributes (``crf_attributes``), so
    strings the model has no weight for are never sent. What depends only on a word (and the
    text's language), on a pair of neighbouring words or on a pair of shapes is cached, so a
    feature string is built once per distinct word or pair rather than once per occurrence.
    """

    _CACHE_MAX = 200_000

    def __init__(self, known: frozenset[str] | None = None) -> None:
        self.known = known
        self._words: dict[str, _Word] = {}
        self._by_lang: dict[str, dict[str, tuple[_Word, tuple[str, ...], tuple[str, ...]]]] = {}
        self._word_pairs: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._shape_pairs: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._firsts: dict[tuple[str, str], tuple[str, ...]] = {}

    def word(self, word: str) -> _Word:
        info = self._words.get(word)
        if info is None:
            info = _Word(word, self.known)
            if len(self._words) >= self._CACHE_MAX:
                self._words.clear()
            self._words[word] = info
        return info

    def in_language(self, lang: str) -> dict[str, tuple[_Word, tuple[str, ...], tuple[str, ...]]]:
        """Per word of a text in ``lang``: its parts, the features before the document hint
        (the word's own, the language) and those after it (place list, shape in the group)."""
        table = self._by_lang.get(lang)
        if table is None or len(table) >= self._CACHE_MAX:
            table = self._by_lang[lang] = {}
        return table

    def word_in(self, table: dict, word: str, lang: str) -> tuple[_Word, tuple[str, ...], tuple[str, ...]]:
        x = self.word(word)
        head = x.feats + _kept(("lg=" + lang,), self.known)
        tail = []
        if word[0].isupper():
            gz = _place_feature(x.low, _places())
            if gz:
                tail.append(gz)
        tail.extend(_kept((language_group(lang) + "|sh=" + x.shape,), self.known))
        row = table[word] = (x, head, tuple(tail))
        return row

    def word_pair(self, left: _Word, right: _Word) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The word bigram as the right word's ``bg-1`` and as the left word's ``bg+1``."""
        return self._pair(self._word_pairs, left.low, right.low, "bg-1=", "bg+1=")

    def shape_pair(self, left: _Word, right: _Word) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The shape bigram as seen from the right word and from the left word."""
        return self._pair(self._shape_pairs, left.shape, right.shape, "sh-1|sh=", "sh|sh+1=")

    def _pair(self, cache: dict, a: str, b: str, from_right: str, from_left: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        key = (a, b)
        pair = cache.get(key)
        if pair is None:
            pair = (_kept((from_right + a + "|" + b,), self.known), _kept((from_left + a + "|" + b,), self.known))
            if len(cache) >= self._CACHE_MAX:
                cache.clear()
            cache[key] = pair
        return pair

    def first(self, group: str, shape: str) -> tuple[str, ...]:
        """What a sentence-initial word adds."""
        key = (group, shape)
        feats = self._firsts.get(key)
        if feats is None:
            if len(self._firsts) >= self._CACHE_MAX:
                self._firsts.clear()
            feats = self._firsts[key] = ("F", *_kept((group + "|F|" + shape,), self.known))
        return feats


_ALL_FEATURES = Features()


def document_hints(tokens: list[Token]) -> dict[int, str]:
    """Per token index, what the rest of the text says about a capitalised word.

    ``DL``: the same word also occurs in lower case (a common word, capitalised here by position);
    ``DC``: it also occurs capitalised in the middle of a sentence (a name).
    """
    lower: set[str] = set()
    cap_mid: dict[str, int] = {}
    for t in tokens:
        c = t.text[0]
        if c.islower():
            lower.add(t.text.lower())
        elif c.isupper() and not t.first:
            k = t.text.lower()
            cap_mid[k] = cap_mid.get(k, 0) + 1
    hints: dict[int, str] = {}
    for i, t in enumerate(tokens):
        if t.text[0].isupper() and len(t.text) > 1:
            k = t.text.lower()
            if k in lower:
                hints[i] = "DL"
            elif cap_mid.get(k, 0) - (0 if t.first else 1) > 0:
                hints[i] = "DC"
    return hints


def document_sequences(
    tokens: list[Token], lang: str | None, features: Features | None = None
) -> list[tuple[list[Token], list[list[str]]]]:
    """The text's sentences with their CRFsuite attribute lists (document hints included)."""
    hints = document_hints(tokens)
    out = []
    pos = 0
    for sent in sentences(tokens):
        extra = [hints.get(pos + j) for j in range(len(sent))]
        pos += len(sent)
        out.append((sent, sentence_features([t.text for t in sent], [t.first for t in sent], lang, extra, features)))
    return out


def sentence_features(
    words: list[str],
    firsts: list[bool],
    lang: str | None,
    extra: list[str | None] | None = None,
    features: Features | None = None,
) -> list[list[str]]:
    """CRFsuite attribute lists for one sentence (``words`` are token texts)."""
    fs = features or _ALL_FEATURES
    lang = (lang or "xx").lower()
    g = language_group(lang)
    table = fs.in_language(lang)
    rows = [table.get(w) or fs.word_in(table, w, lang) for w in words]
    info = [r[0] for r in rows]
    n = len(words)
    # pair j joins words j and j+1: its first half goes to word j+1, its second to word j
    word_pairs = [fs.word_pair(info[j], info[j + 1]) for j in range(n - 1)]
    shape_pairs = [fs.shape_pair(info[j], info[j + 1]) for j in range(n - 1)]
    out: list[list[str]] = []
    for i in range(n):
        x, head, tail = rows[i]
        f = list(head)
        if extra is not None and extra[i]:
            f.append(extra[i])
        f.extend(tail)
        if firsts[i]:
            f.extend(fs.first(g, x.shape))
        if i > 0:
            f.extend(info[i - 1].as_prev)
            f.extend(word_pairs[i - 1][0])
            f.extend(shape_pairs[i - 1][0])
            if i > 1:
                f.extend(info[i - 2].as_prev2)
        else:
            f.append("BOS")
        if i < n - 1:
            f.extend(info[i + 1].as_next)
            f.extend(word_pairs[i][1])
            f.extend(shape_pairs[i][1])
            if i < n - 2:
                f.extend(info[i + 2].as_next2)
        else:
            f.append("EOS")
        out.append(f)
    return out


def _is_closing_stop(before: Token, tok: Token) -> bool:
    """A full stop or comma the tagger ran into; the stop of a short abbreviation (``Inc.``,
    ``Corp.``, ``Bros.``: four letters or fewer, glued to it) stays in the name."""
    if tok.text not in (".", ",", ";", ":"):
        return False
    return tok.text != "." or before.end < tok.start or len(before.text) > 4


def _is_elision(tok: Token) -> bool:
    return tok.text[-1] in "'’"


def bio_labels(tokens: list[Token], spans: list[tuple[int, int, str]]) -> list[str]:
    """BIO labels of ``tokens`` from character spans ``(start, end, type)``: the inverse of
    :func:`decode_bio`, for training. A token inside an earlier span keeps that span's label."""
    labels = ["O"] * len(tokens)
    starts = [t.start for t in tokens]
    for start, end, typ in sorted(spans, key=lambda m: (m[0], m[1])):
        i = bisect.bisect_right(starts, start) - 1
        if i < 0 or tokens[i].end <= start:
            i += 1
        first = True
        while i < len(tokens) and tokens[i].start < end:
            if labels[i] == "O":
                labels[i] = ("B-" if first else "I-") + typ
            first = False
            i += 1
    return labels


def decode_bio(tokens: list[Token], labels: list[str], text: str) -> list[Mention]:
    """Character-span mentions from BIO labels; a stray ``I-`` opens a new mention.

    Romance elisions at either edge (``l’``, ``dell’``) and a full stop or comma token at the end
    (``Bombeiros dos Açores .``) are left out of the span.
    """
    spans: list[tuple[int, int, str]] = []  # first token, last token (inclusive), type
    first = -1
    typ = ""
    for i, lab in enumerate(labels):
        if lab == "O":
            if typ:
                spans.append((first, i - 1, typ))
                typ = ""
            continue
        bio, _, t = lab.partition("-")
        if bio == "I" and t == typ:
            continue
        if typ:
            spans.append((first, i - 1, typ))
        first, typ = i, t
    if typ:
        spans.append((first, len(labels) - 1, typ))
    mentions: list[Mention] = []
    for i, j, t in spans:
        while i <= j and _is_elision(tokens[i]):
            i += 1
        while j >= i and (_is_elision(tokens[j]) or j > i and _is_closing_stop(tokens[j - 1], tokens[j])):
            j -= 1
        if i <= j:
            start, end = tokens[i].start, tokens[j].end
            mentions.append(Mention(start, end, t, text[start:end]))
    return mentions


def default_model_path() -> Path:
    return Path(str(resources.files("dateline") / "data" / MODEL_NAME))


class CrfTagger:
    """Tags entity mentions with a CRFsuite model; the model is opened on first use."""

    def __init__(self, model_path: str | Path | None = None) -> None:
        self.model_path = Path(model_path) if model_path else default_model_path()
        self._tagger: Any = None  # pycrfsuite.Tagger, opened on first use
        self._features = _ALL_FEATURES  # replaced by the model's own on first use
        self._lock = threading.Lock()

    def _load(self) -> Any:
        if self._tagger is None:
            with self._lock:
                if self._tagger is None:
                    import pycrfsuite

                    if not self.model_path.is_file():
                        raise FileNotFoundError(
                            f"NER model not found at {self.model_path}; run scripts/train_ner.py to build it"
                        )
                    tagger = pycrfsuite.Tagger()
                    tagger.open(str(self.model_path))
                    known = model_attributes(self.model_path)
                    if known is not None:
                        self._features = Features(known)
                    self._tagger = tagger
        return self._tagger

    @property
    def labels(self) -> list[str]:
        return list(self._load().labels())

    def tag(self, text: str, lang: str | None = None) -> list[Mention]:
        """Mentions in ``text`` (character spans, in order). ``lang`` is an ISO 639-1 code or None."""
        if not text or text.isspace():
            return []
        tagger = self._load()
        mentions: list[Mention] = []
        for sent, feats in document_sequences(tokenize(text), lang, self._features):
            with self._lock:  # a pycrfsuite Tagger is not safe to share between threads
                labels = tagger.tag(feats)
            mentions.extend(decode_bio(sent, labels, text))
        return mentions

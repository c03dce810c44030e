"""Stage `analyze`: one article -> sentences, entity mentions (not yet linked), time expressions."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from dateline.analyze.ner import CrfTagger
from dateline.analyze.nouns import NOUN_CAPITALISING, filter_noun_language_mentions
from dateline.analyze.place_words import retype_place_names
from dateline.analyze.sentences import split_sentences
from dateline.analyze.times import find_times
from dateline.models import Analysis, Article, Mention


def analyze_article(article: Article, tagger: CrfTagger, extra_mentions: Iterable[Mention] = (),
                    is_known_name: Callable[[str], bool] | None = None,
                    is_big_place: Callable[[str], bool] | None = None) -> Analysis:
    """``extra_mentions`` (e.g. gazetteer matches) fill gaps: where one overlaps a tagged
    mention, the tagger's span wins."""
    sentences = split_sentences(article.text, article.lang)
    mentions = find_mentions(article.text, article.lang, tagger, extra_mentions, is_known_name, is_big_place)
    times = find_times(article.text, article.lang, article.published, article.dateline)
    return Analysis(article.id, tuple(sentences), tuple(mentions), tuple(times))


# Languages the shipped tagger was trained on (scripts/train_ner.py). Elsewhere it guesses from
# related languages, and a gazetteer's word on a span's type is worth more than its own. Measured
# on the CoNLL dev sentences: gazetteer names added to the tagger's cost 0.5-3 points of F1 there.
TAGGER_LANGUAGES = frozenset("en es nl bg cs pl ru sl uk".split())


def find_mentions(text: str, lang: str | None, tagger: CrfTagger, extra_mentions: Iterable[Mention] = (),
                  is_known_name: Callable[[str], bool] | None = None,
                  is_big_place: Callable[[str], bool] | None = None) -> list[Mention]:
    """``is_known_name`` (a gazetteer lookup) confirms single words in languages that capitalise
    every noun, where the tagger's word alone is not enough (see :mod:`dateline.analyze.nouns`);
    ``is_big_place`` (a country or a city of 100,000 or more) types the tagger's spans in the
    languages it was not trained on (see :func:`retype_big_places`)."""
    tagged = [t for t in (trim_elisions(Mention(m.start, m.end, m.text, m.type)) for m in tagger.tag(text, lang))
              if t is not None]
    if lang in NOUN_CAPITALISING:
        tagged = filter_noun_language_mentions(tagged, is_known_name or (lambda _: False))
    tagged = retype_place_names(tagged)
    trained = lang in TAGGER_LANGUAGES
    if trained:  # its misses there are rarely names a gazetteer knows; its own types are better
        extra_mentions = [m for m in extra_mentions if m.type == "NORP"]
    elif is_big_place is not None:
        tagged = retype_big_places(tagged, is_big_place)
    return merge_mentions(tagged, extra_mentions, extra_types_win=not trained)


def retype_big_places(mentions: list[Mention], is_big_place: Callable[[str], bool]) -> list[Mention]:
    """In a language the tagger never saw, a span it found that is exactly the name of a country
    or a big city is that place, whatever type it guessed (``à Genève`` tagged ORG, ``im
    ungarischen Debrecen`` PER). Gazetteer spotting proposes new spans only for cities of
    300,000 or more (smaller ones' names are too often words); a span the tagger already took for
    a name needs less. A one-word person that some person of the text also bears stays a person
    (``Jordan`` after ``Michael Jordan``)."""
    person_words = {w for m in mentions if m.type == "PER" and " " in m.text for w in m.text.split()}
    return [replace(m, type="LOC") if m.type in ("PER", "ORG", "MISC") and m.text not in person_words
            and is_big_place(m.text) else m for m in mentions]


# An elided article glued to a name: l’Inter-Services, dell’Esercito, d'Italia; or left dangling
# at the end of a span: "Capo di Stato Maggiore dell’".
_LEADING_ELISION = re.compile(r"^[^\W\d_]{1,5}['’](?=[^\W\d_])")
_TRAILING_ELISION = re.compile(r"\s+[^\W\d_]{1,5}['’]$")


def trim_elisions(m: Mention) -> Mention | None:
    text, start = m.text, m.start
    lead = _LEADING_ELISION.match(text)
    if lead and text[lead.end()].isupper():
        text, start = text[lead.end():], start + lead.end()
    tail = _TRAILING_ELISION.search(text)
    if tail:
        text = text[: tail.start()]
    if not text.strip():
        return None
    return m if (start, text) == (m.start, m.text) else replace(m, start=start, end=start + len(text), text=text)


def merge_mentions(primary: list[Mention], extra: Iterable[Mention], extra_types_win: bool = False) -> list[Mention]:
    """Add the ``extra`` mentions that overlap none of ``primary``. With ``extra_types_win``, an
    extra mention with exactly the span of a primary one gives it its type (a gazetteer knows
    ``Bengasi`` is a place better than a tagger that never saw Italian)."""
    extra = list(extra)
    same_span = {(m.start, m.end): m for m in extra} if extra_types_win else {}
    out = [replace(m, type=same_span[(m.start, m.end)].type) if (m.start, m.end) in same_span else m
           for m in primary]
    taken = sorted((m.start, m.end) for m in out)
    for m in sorted(extra, key=lambda m: (m.start, -(m.end - m.start))):
        if not any(s < m.end and m.start < e for s, e in taken):
            out.append(m)
            taken.append((m.start, m.end))
    return sorted(out, key=lambda m: (m.start, m.end))

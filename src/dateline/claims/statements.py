"""Statements: what a sentence says, as a bag of language-independent concept keys from the
news lexicon plus the linked entities in it, so sentences can be aligned across languages."""

from __future__ import annotations

from dateline.claims.lexicon import load
from dateline.claims.records import Claim
from dateline.claims.spans import by_sentence
from dateline.models import Mention, Sentence


def statement_claims(article_id: str, text: str, sentences: tuple[Sentence, ...], lang: str | None,
                     mentions: list[Mention]) -> list[Claim]:
    lex = load()
    claims = []
    linked = [m for m in mentions if m.entity]
    for sent, in_sentence in zip(sentences, by_sentence(linked, [m.start for m in linked], sentences)):
        matches = lex.find_concepts_in(text, sent.start, sent.end, lang)
        if not matches:
            continue
        keys = tuple(dict.fromkeys(m.key for m in matches))
        ents = tuple(dict.fromkeys(m.entity for m in in_sentence))
        spans = tuple((m.key, m.start, m.end) for m in matches)
        claims.append(Claim(article_id, "statement", "+".join(keys), sent.start, sent.end, sent.start, sent.end,
                            entities=ents, concepts=keys, detail={"concept_spans": spans}))
    return claims

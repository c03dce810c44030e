"""Claims of one analysed article, every kind, in text order within each kind."""

from __future__ import annotations

from dateline.claims.dates import date_claims
from dateline.claims.numbers import number_claims
from dateline.claims.participants import participant_claims
from dateline.claims.places import place_claims
from dateline.claims.records import Claim
from dateline.claims.speech import speech_claims
from dateline.claims.statements import statement_claims
from dateline.models import Analysis, Article


def extract_claims(article: Article, analysis: Analysis) -> list[Claim]:
    text, lang, sents = article.text, article.lang, analysis.sentences
    mentions = sorted(analysis.mentions, key=lambda m: (m.start, m.end))
    speech = speech_claims(article.id, text, sents, lang, mentions)
    sources = [span for c in speech for span in c.detail.get("attribution_spans", ())]
    times = [(t.start, t.end) for t in analysis.times]
    return [
        *participant_claims(article.id, text, sents, lang, mentions, sources),
        *place_claims(article.id, text, sents, lang, mentions),
        *date_claims(article, sents, analysis.times),
        *number_claims(article.id, text, sents, lang, times),
        *speech,
        *statement_claims(article.id, text, sents, lang, mentions),
    ]

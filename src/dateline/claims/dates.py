"""Dates: the analysis' resolved time expressions, and the dateline's date, which for a wire
report is the day it was filed and often has no year (``RABAT, December 17``)."""

from __future__ import annotations

from dateline.claims.records import Claim
from dateline.models import Article, Sentence, TimeExpression


def date_claims(article: Article, sentences: tuple[Sentence, ...], times: tuple[TimeExpression, ...]) -> list[Claim]:
    claims = []
    for t in times:
        if not t.first:
            continue
        sent = next((s for s in sentences if s.start <= t.start < s.end), None)
        value = t.first if t.first == t.last else f"{t.first}/{t.last}"
        claims.append(Claim(article.id, "date", value, t.start, t.end,
                            sent.start if sent else t.start, sent.end if sent else t.end,
                            detail={"first": t.first, "last": t.last, "granularity": t.granularity,
                                    "text": t.text, "anchor": t.anchor}))
    d = article.dateline
    if d and d.month and d.day:
        full = d.as_date()
        value = full.isoformat() if full else f"--{d.month:02d}-{d.day:02d}"
        claims.append(Claim(article.id, "date", value, 0, 0, 0, 0, basis="dateline",
                            detail={"first": value, "last": value, "granularity": "day", "text": d.text,
                                    "anchor": "dateline"}))
    return claims

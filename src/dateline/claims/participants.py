"""Participants: the people and organisations a report names, each with the roles or titles it
gives them. Organisations named as who reports or states something (``according to Reuters``,
``ha dichiarato l’Inter-Services Public Relations``) are where the report comes from, not who
takes part, and are left out there."""

from __future__ import annotations

from dateline.claims.records import Claim
from dateline.claims.roles import roles_of
from dateline.claims.spans import by_sentence
from dateline.models import Mention, Sentence

PARTICIPANT_TYPES = ("PER", "ORG")


def participant_claims(article_id: str, text: str, sentences: tuple[Sentence, ...], lang: str | None,
                       mentions: list[Mention], source_spans: list[tuple[int, int]]) -> list[Claim]:
    in_source = lambda m: m.type == "ORG" and any(m.start < e and s < m.end for s, e in source_spans)
    claims: list[Claim] = []
    first: dict[str, tuple[Mention, Sentence]] = {}
    with_role: set[str] = set()
    for sent, ments in zip(sentences, by_sentence(mentions, [m.start for m in mentions], sentences)):
        for m in ments:
            if m.type not in PARTICIPANT_TYPES or not m.entity or in_source(m):
                continue
            first.setdefault(m.entity, (m, sent))
            for role in roles_of(m, text, sent, lang, ments) if m.type == "PER" else ():
                with_role.add(m.entity)
                claims.append(Claim(article_id, "participant", role.text, role.start, role.end, sent.start,
                                    sent.end, entities=(m.entity,),
                                    detail={"name": m.text, "name_start": m.start, "name_end": m.end,
                                            "role_keys": role.keys, "how": role.how}))
    for entity, (m, sent) in first.items():
        if entity not in with_role:
            claims.append(Claim(article_id, "participant", "", m.start, m.end, sent.start, sent.end,
                                entities=(entity,), detail={"name": m.text, "name_start": m.start,
                                                            "name_end": m.end, "role_keys": (), "how": None}))
    claims.sort(key=lambda c: (c.sentence_start, c.start))
    return claims

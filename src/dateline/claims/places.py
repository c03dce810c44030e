"""Located events: a place name governed by a locative preposition (``in Benghazi``, ``a
Bengasi``, ``à Tripoli``, ``в Бенгази``), allowing a few lower-case words between them
(``in the city of Benghazi``, ``nella Libia orientale`` reads the other way and needs none), and
among them an adjective of nationality or region (``in the Bavarian town of Schweinfurt``, a
MISC mention). A name after a facility noun (``à l'hôpital Tenon``, ``all'ospedale Niguarda``)
names the facility, where someone was taken, not the place of the event: no claim. Nor is the
seat of an institution (``the embassy in Lisbon``, ``la Embajada de España en Lisboa``): where a
report says a mission or office is, not where anything happened."""

from __future__ import annotations

from dateline.claims.records import Claim
from dateline.claims.spans import by_sentence
from dateline.claims.words import last_words
from dateline.models import Mention, Sentence

_LOCATIVE = {
    "en": "in at to near into inside outside",
    "it": "a ad in nel nella nei negli nelle presso verso",
    "fr": "à a au aux en dans près vers",
    "es": "en a al hacia cerca",
    "de": "in im nach bei nahe",
    "ru": "в во на под около",
    "pt": "em no na nos nas a para perto",
}
_ALL = frozenset(" ".join(_LOCATIVE.values()).split())
# facilities named after a person or a quarter ("hôpital Tenon", "Ospedale Niguarda")
_FACILITY = frozenset("""hospital hospitals clinic prison jail hôpital clinique prison ospedale clinica
    policlinico carcere hospital clínica cárcel prisión krankenhaus klinik klinikum gefängnis
    больница больницу госпиталь госпитале клиника клинику тюрьма тюрьму hospital clínica prisão""".split())
# missions and offices: "X in <place>" says where X sits
_SEAT = frozenset("""embassy embassies consulate consulates mission ambasciata ambasciate consolato embajada
    embajadas consulado ambassade ambassades consulat botschaft botschaften konsulat generalkonsulat
    посольство посольства посольстве консульство консульства embaixada embaixadas""".split())
_BETWEEN = 4  # words allowed between the preposition and the name
_SEAT_BEFORE = 3  # words before the preposition searched for a seat noun


def _preps(lang: str | None) -> frozenset[str]:
    return frozenset(_LOCATIVE[lang].split()) if lang in _LOCATIVE else _ALL


def place_claims(article_id: str, text: str, sentences: tuple[Sentence, ...], lang: str | None,
                 mentions: list[Mention]) -> list[Claim]:
    preps = _preps(lang)
    # offsets inside adjectives of nationality or region
    adjectives = {i for m in mentions if m.type in ("MISC", "NORP") for i in range(m.start, m.end)}
    qualifier = lambda start: text[start].islower() or start in adjectives  # noqa: E731
    claims = []
    places = [m for m in mentions if m.type == "LOC" and m.entity]
    for sent, in_sentence in zip(sentences, by_sentence(places, [m.start for m in places], sentences)):
        for m in in_sentence:
            # the words before the name that the rules below look at: up to _BETWEEN between it
            # and the preposition, and _SEAT_BEFORE before that
            prefix = last_words(text, sent.start, m.start, _BETWEEN + 1 + _SEAT_BEFORE)
            first = max(0, len(prefix) - (_BETWEEN + 1))
            for i in range(len(prefix) - 1, first - 1, -1):
                w = prefix[i]
                if w.norm in preps:
                    between = prefix[i + 1:]
                    head = prefix[max(0, i - _SEAT_BEFORE):i]
                    if (all(qualifier(b.start) for b in between) and not any(b.norm in _FACILITY for b in between)
                            and not any(b.norm in _SEAT for b in head)):
                        claims.append(Claim(article_id, "place", m.entity, m.start, m.end, sent.start, sent.end,
                                            entities=(m.entity,),
                                            detail={"name": m.text, "preposition": text[w.start:w.end]}))
                    break
                if not qualifier(w.start):
                    break
    return claims

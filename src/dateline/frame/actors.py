"""Source and target actors of an event sentence, from its entity mentions and the trigger.

Rules, in order:
1. actor phrases: mentions of people, organisations, places and nationalities (NORP, and the
   tagger's MISC for capitalised ``Hungarian``), merged when only titles or capitalised words lie
   between them (``Russian`` + ``President`` + ``Boris Yeltsin``), with a role split off by the
   tagger put back, an acronym in brackets kept with its name, and a following actor noun taken in
   (``Afghan rebel leaders``, ``United Nations peacekeepers``);
2. phrases in a reporting clause (``, the White House announced``; ``according to ...``) are not
   actors of the event;
3. active voice: the source is the last phrase before the trigger with those coordinated with it
   (``X and Y agreed``); the target is the first phrase after it, with its coordinated ones;
4. passive voice (an auxiliary before the trigger, an agent marker after it: ``was attacked by``,
   ``è stato ... da``, ``a été ... par``, ``fue ... por``, ``foi ... por``): swapped, the agent is
   the source and the subject the target.
Without a trigger the first phrase group is the source and the next one the target.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.models import Mention

ACTOR_TYPES = frozenset({"PER", "ORG", "LOC", "NORP", "MISC"})



def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that make a nationality or a name into an actor: "Afghan rebel leaders", "U.N. negotiator".
_ACTOR_NOUNS = _wordset("""
official officials diplomat diplomats leader leaders rebel rebels troops forces soldiers soldier police
policemen government authorities army military militiamen militia militias militants guerrillas guerillas
civilians refugees workers farmers students president minister ministers negotiator negotiators envoy
parliament court delegation delegates hackers doctors inhabitants protesters demonstrators peacekeepers
observers inspectors mediator spokesman spokeswoman spokesperson navy warships aircraft jets helicopters
ambassador embassy premier opposition leadership nationals citizens people youths villagers settlers
fighters gunmen commander commanders chief emir king prince officers agents agency ministry
""")

_GAP_WORDS = _wordset("of the for de del di du des von der new former top senior acting deputy foreign defence "
                      "defense interior prime")
_GAP_TOKEN = re.compile(r"[\w.'’-]+")
_ACRONYM_GAP = re.compile(r"^\s*\(\s*$")
_COORDINATION = re.compile(r"^\s*(?:,\s*)?(?:and|or|&|e|ed|et|y|und|и|as well as|together with)?\s*(?:the\s+)?$",
                           re.IGNORECASE)
_REPORTING_AFTER = re.compile(r"[\s)]*(?:\w+\s+){0,2}?(?:said|says|announced|reported|told|confirmed|added|"
                              r"stated|charged|noted|disse|ha detto|ha dichiarato|a déclaré|a dit|dijo|"
                              r"afirmó|sagte|erklärte|заявил|сообщил)\b", re.IGNORECASE)
_REPORTING_BEFORE = re.compile(r"(?:according to|reported by|secondo|selon|según|segundo|laut|по словам|"
                               r"\bsaid|\bsays|\btold)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|is|are|be|è|e'|sono|stat[oaie]|viene|vengono|fu|furono|"
                          r"été|fut|furent|fue|fueron|sido|foi|foram)\s+(?:\w+(?:ly|mente|ment)\s+)?$",
                          re.IGNORECASE)
_AGENT = re.compile(r"\S*(?:\s+\S+){0,6}?\s+(?:by|da|dal|dallo|dalla|dai|dagli|dalle|par|por|pelo|pela|pelos|"
                    r"pelas)\s+", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"\b(?:to|of|in|from|with|for|on|at|against|into|near|over|by|under|"
                                 r"a|di|da|in|con|per|su|à|de|en|avec|pour|sur|con|para|por|em|com|zu|mit|für|"
                                 r"auf|aus|в|на|с|из|к|от|для)\s+(?:the\s+|il\s+|la\s+|le\s+|el\s+|o\s+|der\s+|die\s+|dem\s+)?$",
                                 re.IGNORECASE)
_APPOSITIVE = re.compile(r",\s+(?:a|an|the|un|una|uno|une|ein|eine|um|uma)\s[^,]{0,80},")
_WORD = re.compile(r"\s*([a-zà-ÿ][\w-]*)")


@dataclass(frozen=True)
class Actor:
    text: str
    start: int
    end: int
    type: str  # type of the phrase's last mention (its head)
    entity: str | None = None


def _title_gap(gap: str) -> bool:
    """Only titles, capitalised words and name particles between two mentions (``'s new President``)."""
    if len(gap) > 40 or any(c in gap for c in ",;:()[]\"“”"):
        return False
    gap = gap.removeprefix("'s").removeprefix("’s")
    return all(t[:1].isupper() or t.lower() in _GAP_WORDS or t.lower() in _ACTOR_NOUNS
               for t in _GAP_TOKEN.findall(gap))


def _extend_noun(text: str, end: int) -> int:
    """End of the phrase after up to three lowercase words, the last an actor noun (a possessive
    ``'s`` may come first: ``Sudan's government``)."""
    best = pos = end
    if text.startswith(("'s ", "’s "), end):
        pos = end + 2
    for _ in range(3):
        m = _WORD.match(text, pos)
        if not m:
            break
        pos = m.end()
        if m.group(1).lower() in _ACTOR_NOUNS:
            best = pos
    return best


def actor_phrases(text: str, mentions: Sequence[Mention]) -> list[Actor]:
    spans: list[list] = []  # [start, end, type, entity]
    for m in sorted((m for m in mentions if m.type in ACTOR_TYPES), key=lambda m: (m.start, -m.end)):
        start = min(m.start, m.role_start) if m.role_start is not None else m.start
        if spans and start < spans[-1][1]:
            continue  # overlapping mention: keep the first
        if spans and _title_gap(text[spans[-1][1]:start]):
            spans[-1][1:] = [m.end, m.type, m.entity]
        elif spans and _ACRONYM_GAP.match(text[spans[-1][1]:start]):
            close = text.find(")", m.end, m.end + 3)
            spans[-1][1] = close + 1 if close >= 0 else m.end
        else:
            spans.append([start, m.end, m.type, m.entity])
    actors = []
    for start, end, etype, entity in spans:
        end = _extend_noun(text, end)
        actors.append(Actor(text[start:end], start, end, etype, entity))
    return actors


def _reporting(text: str, actor: Actor) -> bool:
    return bool(_REPORTING_AFTER.match(text, actor.end) or _REPORTING_BEFORE.search(text[max(0, actor.start - 60):actor.start]))


def _group(text: str, phrases: list[Actor], anchor: int, step: int) -> list[Actor]:
    """The phrase at ``anchor`` and its neighbours in direction ``step`` joined to it by and/commas."""
    group = [phrases[anchor]]
    i = anchor + step
    while 0 <= i < len(phrases):
        left, right = (phrases[i], group[-1]) if step < 0 else (group[-1], phrases[i])
        if not _COORDINATION.match(text[left.end:right.start]):
            break
        group.append(phrases[i])
        i += step
    return sorted(group, key=lambda a: a.start)


def _subject_candidates(text: str, before: list[Actor], trigger_start: int) -> list[Actor]:
    """Phrases before the trigger that can be its subject: not inside an appositive
    (``Pakistan, a key U.S. ally, has refused``) nor the object of a preposition
    (``In a letter to the United Nations, Iraq said``); all of them if that leaves none."""
    asides = [m.span() for m in _APPOSITIVE.finditer(text, 0, trigger_start)]
    kept = [a for a in before
            if not any(s < a.start and a.end < e for s, e in asides)
            and not _PREPOSITION_BEFORE.search(text[max(0, a.start - 30):a.start])]
    return kept or before


def is_passive(text: str, trigger_start: int, trigger_end: int) -> bool:
    return bool(_PASSIVE_AUX.search(text[max(0, trigger_start - 40):trigger_start]) and _AGENT.match(text, trigger_end - 1))


def find_actors(text: str, mentions: Sequence[Mention], trigger_start: int | None = None,
                trigger_end: int | None = None) -> tuple[list[Actor], list[Actor]]:
    """(sources, targets) of the event whose trigger is text[trigger_start:trigger_end]."""
    phrases = actor_phrases(text, mentions)
    if trigger_start is None or trigger_end is None:
        phrases = [a for a in phrases if not _reporting(text, a)]
        if not phrases:
            return [], []
        first = _group(text, phrases, 0, 1)
        rest = phrases[len(first):]
        return first, _group(text, rest, 0, 1) if rest else []
    before = _subject_candidates(text, [a for a in phrases if a.end <= trigger_start], trigger_start)
    after = [a for a in phrases if a.start >= trigger_end and not _reporting(text, a)]
    subject = _group(text, before, len(before) - 1, -1) if before else []
    if is_passive(text, trigger_start, trigger_end):
        agent = _AGENT.match(text, trigger_end - 1)
        by = [a for a in after if a.start >= agent.end()] if agent else []
        return (_group(text, by, 0, 1) if by else []), subject
    return subject, (_group(text, after, 0, 1) if after else [])

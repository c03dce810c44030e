"""Roles and titles of people, as stated: the linker's split-off title (``Field Marshal`` Asim
Munir), an apposition before the name (``The Commander-in-Chief of ..., Field Marshal Asim
Munir``; ``Il Capo di Stato Maggiore ..., il generale Asim Munir``) or after it (``Asim Munir,
Pakistan's army chief,``), and a lower-case title right before it (``il comandante militare
libico Khalifa Haftar``). A phrase counts as a title only where the role lexicon finds one in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.claims.lexicon import load
from dateline.claims.words import last_words, tokens, words
from dateline.models import Mention, Sentence

# Articles that may stand between an apposition's comma and the name or its title.
_DETERMINER = re.compile(
    r"(?:\b(?:the|il|lo|la|le|gli|i|un|una|el|los|las|der|die|den|dem|des|o|a|os|as|les|l|un|une|his|her|its|suo|sua)\s*|\bl['’])$",
    re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:“”«»\"()\[\]]")
_MAX_TITLE_WORDS = 10
_ARTICLES = frozenset(("the", "a", "an", "il", "lo", "la", "le", "l", "el", "los", "las", "der", "die", "das", "o",
                       "os", "as", "les", "un", "une", "his", "her", "its", "their", "suo", "sua", "son", "sa",
                       "su", "sein", "seine", "ihr", "ihre"))


@dataclass(frozen=True)
class Role:
    text: str
    start: int
    end: int
    keys: tuple[str, ...]  # role lexicon keys found in the text (field_marshal, commander ...)
    how: str  # linker | apposition | title


def role_keys(text: str, lang: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.key for m in load().find_roles(words(text), lang)))


def roles_of(mention: Mention, text: str, sentence: Sentence, lang: str | None,
             mentions: list[Mention]) -> list[Role]:
    found: list[Role] = []
    if mention.role and mention.role_start is not None and mention.role_end is not None:
        found.append(Role(mention.role, mention.role_start, mention.role_end, role_keys(mention.role, lang), "linker"))
    head = mention.role_start if mention.role_start is not None else mention.start
    for role in (_apposition_before(text, sentence, head, lang, mentions), _title_before(text, sentence, head, lang),
                 _apposition_after(text, sentence, mention, lang, mentions)):
        if role and all(role.start != r.start for r in found):
            found.append(role)
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:"):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _last_title(text: str, start: int, end: int, lang: str | None) -> Role | None:
    """The title ending a segment: its last role word (with role words right before it, as in
    ``Deputy Prime Minister``) up to the end (``Commander of the Libyan National Army (LNA)``)."""
    ws = words(text, start, end)
    matches = load().find_roles(ws, lang)
    if not matches:
        return None
    i = len(matches) - 1
    while i > 0 and not text[matches[i - 1].end:matches[i].start].strip():
        i -= 1
    first = matches[i]
    if len(ws) - first.first > _MAX_TITLE_WORDS:
        return None
    s, e = _trimmed(text, first.start, end)
    return Role(text[s:e], s, e, role_keys(text[s:e], lang), "apposition")


def _apposition_before(text: str, sentence: Sentence, head: int, lang: str | None,
                       mentions: list[Mention]) -> Role | None:
    before = text[sentence.start:head]
    det = _DETERMINER.search(before.rstrip())
    stripped = (before.rstrip()[: det.start()] if det else before).rstrip()
    if not stripped.endswith(","):
        return None
    comma = sentence.start + len(stripped) - 1
    # a parenthesis inside the title (``Army (LNA)``) is not a break: only , ; : and quotes are
    breaks = [b for b in _CLAUSE_BREAK.finditer(text, sentence.start, comma) if b.group() not in "()[]"]
    seg_start = breaks[-1].end() if breaks else sentence.start
    # nor does an apposition reach back over another person's name
    seg_start = max([seg_start] + [m.end for m in mentions if m.type == "PER" and seg_start <= m.start and m.end <= comma])
    return _last_title(text, seg_start, comma, lang)


def _apposition_after(text: str, sentence: Sentence, mention: Mention, lang: str | None,
                      mentions: list[Mention]) -> Role | None:
    m = re.match(r"\s*,\s*", text[mention.end:sentence.end])
    if not m:
        return None
    seg_start = mention.end + m.end()
    nxt = _CLAUSE_BREAK.search(text, seg_start, sentence.end)
    seg_end = nxt.start() if nxt else sentence.end
    # another person in the segment means a list of names, not an apposition
    if any(o.type == "PER" and seg_start <= o.start < seg_end for o in mentions):
        return None
    ws = words(text, seg_start, seg_end)
    matches = load().find_roles(ws, lang)
    if not matches:
        return None
    # only articles, possessives and names before the title: "Pakistan's army chief", not
    # "met the Chief of Army Staff"
    lead = text[seg_start:matches[0].start].split()
    if not all(w.lower() in _ARTICLES or w[0].isupper() for w in lead):
        return None
    s, e = _trimmed(text, matches[0].start, seg_end)
    if len(tokens(text, s, e)[0]) > _MAX_TITLE_WORDS:
        return None
    return Role(text[s:e], s, e, role_keys(text[s:e], lang), "apposition")


def _title_before(text: str, sentence: Sentence, head: int, lang: str | None) -> Role | None:
    """A title joined to the name by spaces alone (``il comandante militare libico Khalifa
    Haftar``, ``Verteidigungsminister Hans Müller``): words after the title must be lower-case
    (adjectives), so a name or a verb in between rules it out."""
    kept: list = []
    for w in reversed(last_words(text, sentence.start, head, 4)):
        if text[w.end:(kept[0].start if kept else head)].strip():
            break
        kept.insert(0, w)
    matches = load().find_roles(kept, lang) if kept else []
    for m in matches:
        if all(text[w.start].islower() for w in kept[m.last:]):
            s, e = _trimmed(text, m.start, kept[-1].end)
            return Role(text[s:e], s, e, role_keys(text[s:e], lang), "title")
    return None

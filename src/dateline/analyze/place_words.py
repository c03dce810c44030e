"""Names that open with a word for a kind of place (``Lake Geneva``, ``Mont Blanc``, ``Golfo di
Napoli``) are places, whatever the tagger says. Only a PER type is corrected: a person's name
rarely begins with one of these words, while an organisation's often does (``Monte dei Paschi``,
``Mount Sinai Hospital``), so ORG and MISC stay as tagged. Words that are also given names
(River, Isla, Rio, Sierra) or titles (Capo) are left out.

Written in lower case, the word is no part of the name but says what the name is: a mention of
any type that opens with it and a linking word (``isola di São Miguel``, ``ilha de São Jorge``,
``island of Crete``) is the place that follows, and only that is kept as the mention, so it
links like the bare name in another report.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.models import Mention

PLACE_HEADS = frozenset(
    """
    lake loch mount mt. cape gulf strait bay island islands isle
    lac mont golfe île îles cap détroit
    lago monte golfo isola isole stretto
    lagoa ilha ilhas serra cabo
    estrecho islas
    golf kaap insel inseln kap bucht
    jezioro góra zatoka wyspa przylądek
    """.split()
)


# a lower-case place word, a linking word, then a capitalised name
_LOWER_HEAD = re.compile(r"(\w+)\s+(?:of|of the|d[eiu]|del|della|dell['’]|delle|des|do|dos|da|das|de la|von|der)\s+"
                         r"(?=[^\W\d_])", re.UNICODE)


def _named_part(m: Mention) -> Mention | None:
    """``isola di São Miguel`` -> a LOC mention of ``São Miguel`` (None when it is not so shaped)."""
    found = _LOWER_HEAD.match(m.text)
    if not found or not found.group(1).islower() or found.group(1) not in PLACE_HEADS:
        return None
    rest = m.text[found.end():]
    if not rest[:1].isupper():
        return None
    return replace(m, start=m.start + found.end(), text=rest, type="LOC", entity=None)


def retype_place_names(mentions: list[Mention]) -> list[Mention]:
    """PER mentions of two or more words whose first word names a kind of place become LOC; a
    mention that opens with a lower-case place word and a linking word becomes the place named."""
    out = []
    for m in mentions:
        words = m.text.split()
        named = _named_part(m)
        if named is not None:
            m = named
        elif m.type == "PER" and len(words) > 1 and words[0].casefold() in PLACE_HEADS:
            m = replace(m, type="LOC")
        out.append(m)
    return out

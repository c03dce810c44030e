"""Names that open with a word for a kind of place (``Lake Geneva``, ``Mont Blanc``, ``Golfo di
Napoli``) are places, whatever the tagger says. Only a PER type is corrected: a person's name
rarely begins with one of these words, while an organisation's often does (``Monte dei Paschi``,
``Mount Sinai Hospital``), so ORG and MISC stay as tagged. Words that are also given names
(River, Isla, Rio, Sierra) or titles (Capo) are left out.
"""

from __future__ import annotations

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


def retype_place_names(mentions: list[Mention]) -> list[Mention]:
    """PER mentions of two or more words whose first word names a kind of place become LOC."""
    out = []
    for m in mentions:
        words = m.text.split()
        if m.type == "PER" and len(words) > 1 and words[0].casefold() in PLACE_HEADS:
            m = replace(m, type="LOC")
        out.append(m)
    return out

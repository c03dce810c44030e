"""The PLOVER event types Dateline assigns.

PLOVER's 18-type version (the one of the PLOVER gold-standard records): verbal and material
cooperation, then verbal and material conflict. The later 16-type revision renamed DEMAND to
REQUEST and DISAPPROVE to ACCUSE and folded INVESTIGATE and FIGHT into other types; those two new
names are accepted as aliases of the old ones.
"""

from __future__ import annotations

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",            # verbal cooperation
    "COOPERATE", "AID", "RETREAT",                        # material cooperation
    "INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN",  # verbal conflict
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT",  # material conflict
)

ALIASES = {"REQUEST": "DEMAND", "ACCUSE": "DISAPPROVE"}


def canonical_type(name: str) -> str:
    """``REQUEST`` -> ``DEMAND``; any PLOVER name in either version to the 18-type one."""
    name = name.strip().upper()
    return ALIASES.get(name, name)

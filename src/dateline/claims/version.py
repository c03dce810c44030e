"""Which claims extractor this is: a hash of the claims package's code and its lexicon. The
store keeps each article's claims under it (with the framing of its lead, stored_events.report_frames),
so claims kept by another version of the extractors are extracted again."""

from __future__ import annotations

from functools import cache

from dateline.claims.lexicon import DATA
from dateline.packaged import code_digest


@cache
def claims_version() -> str:
    return code_digest("dateline.claims", (DATA,))

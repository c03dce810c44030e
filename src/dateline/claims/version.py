"""Which claims extractor this is: a hash of the claims package's code and its lexicon. The
store keeps each article's claims under it (pipeline.claims_of), so claims kept by another
version of the extractors are extracted again, with no version number to remember to bump."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

from dateline.claims.lexicon import DATA


@cache
def claims_version() -> str:
    digest = hashlib.sha256()
    package = resources.files("dateline.claims")
    for entry in sorted(package.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".py"):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    digest.update(resources.files("dateline").joinpath("data", DATA).read_bytes())
    return digest.hexdigest()[:16]

"""Content ids: the same text always gets the same 16-hex-digit id."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalize_for_id(text: str) -> str:
    """Fold case, compatibility forms, punctuation and spacing, so cosmetic re-encodings of one
    report (curly vs straight quotes, NBSP, line wrapping) give one id."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _NON_WORD.sub(" ", folded).strip()


def content_id(text: str) -> str:
    return hashlib.sha256(normalize_for_id(text).encode("utf-8")).hexdigest()[:16]

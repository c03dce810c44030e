"""Paragraphs: tidy spacing inside lines and separate paragraphs by exactly one blank line."""

from __future__ import annotations

import re

_INLINE_SPACE = re.compile(r"[^\S\n]+")  # any run of whitespace other than a newline
_BLANK_LINES = re.compile(r"\n\s*\n")
# A line ending like this closes a sentence; a hard-wrapped line mostly ends mid-sentence.
_SENTENCE_END = re.compile(r"[.!?…:;\"'”»“)\]]$")
_HAS_WORD = re.compile(r"\w")

WRAP_MAX = 100  # lines of a hard-wrapped block are shorter than this (wrapping at 60-80 columns)
WRAP_MIN_MEAN = 40  # ...but not so short that they look like a list, an address or verse


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Several lines of similar, moderate length that mostly end mid-sentence."""
    if len(lines) < 2:
        return False
    body = lines[:-1]  # the last line of a wrapped paragraph is any length and ends a sentence
    if max(len(line) for line in body) > WRAP_MAX:
        return False
    if sum(len(line) for line in body) / len(body) < WRAP_MIN_MEAN:
        return False
    open_ended = sum(1 for line in body if not _SENTENCE_END.search(line))
    return open_ended * 2 >= len(body)


def _join_wrapped(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        # "inter-\nnational": keep the hyphen (it may be a real compound) but no space.
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out += line
        else:
            out += " " + line
    return out


def normalise_paragraphs(text: str) -> str:
    """Collapse spaces and tabs, strip lines, keep one paragraph per blank-line-separated block
    (joining hard-wrapped lines), or one per line where a block's lines are not wrapped;
    drop blank runs and leading/trailing paragraphs without a letter or digit. Paragraphs are
    joined by ``"\\n\\n"``."""
    lines = [_INLINE_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    blocks = [block.split("\n") for block in _BLANK_LINES.split("\n".join(lines))]
    paragraphs: list[str] = []
    for block in blocks:
        block = [line for line in block if line]
        if _is_hard_wrapped(block):
            paragraphs.append(_join_wrapped(block))
        else:
            paragraphs.extend(block)
    # Trailing junk (rules, dots, asterisks) carries no text; in the middle it may mark a break.
    while paragraphs and not _HAS_WORD.search(paragraphs[-1]):
        paragraphs.pop()
    while paragraphs and not _HAS_WORD.search(paragraphs[0]):
        paragraphs.pop(0)
    return "\n\n".join(paragraphs)

"""Compressed forms of the JSON text the store keeps (schema 6).

A packed value is a BLOB: one tag byte, then the data.

- ``1``: the text, UTF-8, zlib-compressed.
- ``2``: JSON text with long base64 strings in it (a live cluster of the clusterer: its term
  ids, weights and fields), each string decoded to its bytes and the text around them kept as
  it is, in one zlib stream. Bytes that read as a strictly increasing array of 32-bit integers
  (term ids) are kept as the differences between them, byte planes apart, which compresses to
  about a half of the plain bytes. Unpacking puts each string back where it was, so it gives back
  exactly the text that was packed; a string whose base64 is not canonical stays in the text, and
  a text without such strings is packed with tag ``1``.
- ``3``, ``4``, ``5``: a report frame (stage frame), an event's record, a placement's evidence,
  UTF-8, zlib-compressed with a preset dictionary (:data:`FRAME_WORDS`, :data:`RECORD_WORDS`,
  :data:`EVIDENCE_WORDS`): the field names and shape of such JSON, which a value of a few hundred
  bytes to a few kilobytes otherwise spells out once more each time (on 4,476 reports: frames and
  records a sixth smaller than with tag ``1``, evidence a third).
- ``6``: a JSON list of pairs of integers as ``json.dumps`` writes it (an analysis's sentences),
  as the differences between one integer and the next, zigzag varints: a third of tag ``1``. A
  text of any other form is packed with tag ``1``.
- ``7``: a report frame, zlib-compressed with its article's text (UTF-8) and then
  :data:`FRAME_WORDS` as the preset dictionary (the last 32 KiB of the two, as zlib keeps): a
  frame quotes its article (speech, names, the spans of its claims), which the dictionary turns
  into references. A quarter smaller than tag ``3`` on 4,476 reports; unpacking needs the same text.

:func:`unpack` also takes a ``str`` (a value kept before schema 6) and gives it back as it is.
Tags are never reused: a new form takes a new tag.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib

import numpy as np

_TEXT, _OBJECT, _FRAME, _RECORD, _EVIDENCE, _PAIRS, _FRAME_OF_TEXT = 1, 2, 3, 4, 5, 6, 7
_MEMBER = re.compile(rb'"([A-Za-z0-9+/]{64,}={0,2})"')  # a quoted base64 string of 48 bytes or more
_RISING = "r"  # a member kept as differences of rising int32s, byte planes apart
_BYTES = "b"


def pack(text: str, level: int = 6) -> bytes:
    """``text`` zlib-compressed (``level`` 1 to 9: faster to more compact)."""
    return bytes((_TEXT,)) + zlib.compress(text.encode("utf-8"), level)


def pack_frame(text: str, level: int = 6, article_text: str | None = None) -> bytes:
    """A report frame's JSON text, compressed with the frames' preset dictionary, and with its
    article's text before it when given (tag ``7``: :func:`unpack` then needs that text)."""
    if article_text is None:
        return _pack_with(_FRAME, text, level)
    z = zlib.compressobj(level, zdict=_frame_dict(article_text))
    return bytes((_FRAME_OF_TEXT,)) + z.compress(text.encode("utf-8")) + z.flush()


def _frame_dict(article_text: str) -> bytes:
    return (article_text.encode("utf-8") + _DICTS[_FRAME])[-32768:]  # zlib's window


def pack_record(text: str, level: int = 6) -> bytes:
    """An event record's JSON text, compressed with the records' preset dictionary."""
    return _pack_with(_RECORD, text, level)


def pack_evidence(text: str, level: int = 6) -> bytes:
    """A placement's evidence (JSON text), compressed with the evidence's preset dictionary."""
    return _pack_with(_EVIDENCE, text, level)


def _pack_with(tag: int, text: str, level: int) -> bytes:
    z = zlib.compressobj(level, zdict=_DICTS[tag])
    return bytes((tag,)) + z.compress(text.encode("utf-8")) + z.flush()


def pack_object(text: str, level: int = 6) -> bytes:
    """JSON text with long base64 strings in it as tag ``2``; without, as :func:`pack`."""
    packed = _pack_members(text, level)
    return packed if packed is not None else pack(text, level)


def pack_pairs(text: str) -> bytes:
    """A JSON list of integer pairs as tag ``6``; other text as :func:`pack`."""
    try:
        pairs = json.loads(text)
    except ValueError:
        return pack(text)
    if (not isinstance(pairs, list) or json.dumps(pairs) != text
            or not all(isinstance(p, list) and len(p) == 2 and all(type(x) is int for x in p) for p in pairs)):
        return pack(text)
    out, last = bytearray((_PAIRS,)), 0
    for x in (x for p in pairs for x in p):
        step, last = x - last, x
        z = (step << 1) if step >= 0 else ((-step) << 1) - 1  # zigzag: small either way
        while z >= 0x80:
            out.append((z & 0x7F) | 0x80)
            z >>= 7
        out.append(z)
    return bytes(out)


def _unpack_pairs(value: bytes) -> str:
    flat, last, z, shift = [], 0, 0, 0
    for b in value[1:]:
        z |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            last += (z >> 1) if not z & 1 else -((z + 1) >> 1)
            flat.append(last)
            z = shift = 0
    return json.dumps([flat[i:i + 2] for i in range(0, len(flat), 2)])


def unpack(value: bytes | str | None, article_text: str | None = None) -> str | None:
    """The text a ``pack`` function was given; a ``str`` as it is. A frame packed with its
    article's text (tag ``7``) needs that text as ``article_text``."""
    if value is None or isinstance(value, str):
        return value
    tag = value[0]
    if tag == _FRAME_OF_TEXT:
        if article_text is None:
            raise ValueError("a frame packed with its article's text unpacks only with that text")
        z = zlib.decompressobj(zdict=_frame_dict(article_text))
        return (z.decompress(value[1:]) + z.flush()).decode("utf-8")
    if tag == _TEXT:
        return zlib.decompress(value[1:]).decode("utf-8")
    if tag == _OBJECT:
        return _unpack_members(value)
    if tag == _PAIRS:
        return _unpack_pairs(value)
    if tag in _DICTS:
        z = zlib.decompressobj(zdict=_DICTS[tag])
        return (z.decompress(value[1:]) + z.flush()).decode("utf-8")
    raise ValueError(f"unknown packed value (tag {tag})")


def _pack_members(text: str, level: int) -> bytes | None:
    body = text.encode("utf-8")
    members, parts, kept, at = [], [], [], 0
    for match in _MEMBER.finditer(body):
        v = match.group(1)
        try:
            raw = base64.b64decode(v, validate=True)
        except (binascii.Error, ValueError):
            continue
        if base64.b64encode(raw) != v:
            continue
        form, data = _BYTES, raw
        if len(raw) % 4 == 0:
            ids = np.frombuffer(raw, dtype="<i4").astype(np.int64)
            if len(ids) > 1 and bool(np.all(ids[1:] > ids[:-1])):
                steps = np.diff(ids, prepend=0).astype("<u4")  # the first step is ids[0] itself
                form, data = _RISING, steps.view(np.uint8).reshape(-1, 4).T.tobytes()
        kept.append(body[at:match.start(1)])
        at = match.end(1)
        members.append([form, len(data)])
        parts.append(data)
    if not members:
        return None
    kept.append(body[at:])
    head = json.dumps([[len(k) for k in kept], members]).encode("ascii")  # JSON text has no NUL
    return bytes((_OBJECT,)) + zlib.compress(head + b"\0" + b"".join(kept) + b"".join(parts), level)


def _unpack_members(value: bytes) -> str:
    data = zlib.decompress(value[1:])
    cut = data.index(b"\0")
    sizes, members = json.loads(data[:cut])
    at = cut + 1
    kept = []
    for n in sizes:
        kept.append(data[at:at + n])
        at += n
    out = [kept[0]]
    for (form, n), after in zip(members, kept[1:]):
        raw = data[at:at + n]
        at += n
        if form == _RISING:
            steps = np.frombuffer(raw, dtype=np.uint8).reshape(4, -1).T.copy().view("<u4").ravel()
            raw = np.cumsum(steps, dtype=np.int64).astype("<i4").tobytes()
        out.append(base64.b64encode(raw))
        out.append(after)
    return b"".join(out).decode("utf-8")


# The preset dictionaries of tags 3 to 5: a value's field names in their order, with empty
# values, the shapes it takes (a claim of each kind) and words of the code's vocabulary that
# recur. Never edit one: the values packed with it need it to unpack. JSON of another shape still
# packs and unpacks, only less small; a better dictionary takes a new tag.

# frame.members.ReportFrame.as_dict: claims of each kind, a lead sentence's event
FRAME_WORDS = (
    '"LOC:country:", "ORG:", "PER:", "NORP:", "LOC:", "EVT:", "PRO:", "score": 1.0, '
    '{"event": {"type": null, "mode": null, "context": null, "score": 0.0, "trigger_start": null, '
    '"trigger_end": null, "trigger": null, "method": "lexicon"}, "sources": [], "targets": [{"text": "", '
    '"start": 0, "end": 0, "type": "PER", "entity": ""}]}, '
    '{"article_id": "", "kind": "date", "value": "", "start": 0, "end": 0, "sentence_start": 0, '
    '"sentence_end": 0, "entities": [], "concepts": [], "detail": {"text": "", "first": "", "last": "", '
    '"granularity": "day", "anchor": "published"}, "basis": "text"}, '
    '{"article_id": "", "kind": "number", "value": "", "start": 0, "end": 0, "sentence_start": 0, '
    '"sentence_end": 0, "entities": [], "concepts": [], "detail": {"number": 0, "unit": "person", '
    '"counted": null, "noun": null}, "basis": "text"}, '
    '{"article_id": "", "kind": "speech", "value": "", "start": 0, "end": 0, "sentence_start": 0, '
    '"sentence_end": 0, "entities": [], "concepts": [], "detail": {"mode": "direct", "speaker": null, '
    '"speaker_entity": null, "source": null, "source_entity": null, "cue": null, "attribution_spans": []}, '
    '"basis": "text"}, '
    '{"article_id": "", "kind": "place", "value": "", "start": 0, "end": 0, "sentence_start": 0, '
    '"sentence_end": 0, "entities": [""], "concepts": [], "detail": {"name": "", "preposition": ""}, '
    '"basis": "text"}, '
    '{"article_id": "", "kind": "statement", "value": "", "start": 0, "end": 0, "sentence_start": 0, '
    '"sentence_end": 0, "entities": ["", ""], "concepts": [""], "detail": {"concept_spans": [["", 0, 0]]}, '
    '"basis": "text"}, '
    '{"claims": [{"article_id": "", "kind": "participant", "value": "", "start": 0, "end": 0, '
    '"sentence_start": 0, "sentence_end": 0, "entities": [""], "concepts": [], "detail": {"name": "", '
    '"name_start": 0, "name_end": 0, "role_keys": [], "how": null}, "basis": "text"}], "lead": [{"event": '
)

_CITED = ('{"article_id": "", "basis": "text", "end": 0, "span": "", "span_end": 0, "span_start": 0, "start": 0, '
             '"text": ""}')
_ACTOR = ('{"affiliation": null, "affiliation_name": null, "country": null, "country_evidence": [], "entity": "", '
          '"evidence": [' + _CITED + '], "name": "", "type": "PER"}')
# frame's EventRecord.as_dict, keys sorted
RECORD_WORDS = (
    '{"context": null, "date": {"evidence": [' + _CITED + '], "first": "", "granularity": "day", "last": ""}, '
    '"headline": {"article_id": "", "basis": "", "end": null, "start": null, "text": ""}, "members": [""], '
    '"mode": null, "place": {"basis": "", "country": null, "entity": "LOC:country:", "evidence": [' + _CITED + '], '
    '"kind": "city", "lat": null, "lon": null, "name": ""}, "sources": [' + _ACTOR + '], '
    '"targets": [' + _ACTOR + '], "type": "", "type_evidence": [' + _CITED + '], "type_score": 0.0, '
    '"type_votes": {"AGREE": 0}}'
)

# the clusterer's evidence for a placement (pipeline.stages), keys sorted, and its feature names
EVIDENCE_WORDS = (
    '"cluster_top3_in_article", "key_share", "per_conflict", "names_cos", "entities_cos_other_lang", '
    '"names_sqrt_cos_other_lang", "lead_masked_sqrt_cos_other_lang", "per_sqrt_cos_other_lang", "numbers_cos", '
    '"per_cos", "stems_cos_other_lang", "lead_masked_sqrt_cos", "e:LOC:country:", "e:ORG:", "e:PER:", "LOC:country:", '
    '{"judged": 0, "new_story": false, "reasons": [["lead_chars_sqrt_cos", 0.0], ["stems_sqrt_cos", 0.0]], '
    '"shared": ["ORG:", "PER:", "LOC:"], "story_probability": null}'
)

_DICTS = {tag: words.encode("utf-8") for tag, words in
          ((_FRAME, FRAME_WORDS), (_RECORD, RECORD_WORDS), (_EVIDENCE, EVIDENCE_WORDS))}

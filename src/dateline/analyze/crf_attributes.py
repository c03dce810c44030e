"""The attribute names a CRFsuite model knows, read from its file.

The tagger drops every feature string the model has no weight for before handing a sentence to
CRFsuite: an unknown attribute scores nothing, but converting and looking it up costs about a
third of the tagging time. CRFsuite's writer keeps only attributes with an active feature, so the
model's attribute dictionary is exactly the set worth sending.

The dictionary is a CQDB chunk (CRFsuite's constant hash database); its backward array maps each
attribute id to a record ``(id: u32, size: u32, name: bytes + NUL)``. Any surprise in the layout
returns None and the tagger sends every feature, as before: this is a speed-up, never a change of
output.
"""

from __future__ import annotations

import struct
from pathlib import Path

_HEADER = struct.Struct("<4sI4sIIIIIII")  # magic, size, type, version, features, labels, attrs, 3 offsets
_CQDB = struct.Struct("<4sIIIII")  # chunk id, size, flag, byte order, backward size, backward offset
_RECORD = struct.Struct("<II")


def model_attributes(path: str | Path) -> frozenset[str] | None:
    """Every attribute name in the CRFsuite model at ``path``, or None if the file is not one."""
    try:
        data = Path(path).read_bytes()
        magic, _, typ, _, _, _, n_attrs, _, _, off_attrs = _HEADER.unpack_from(data, 0)
        if magic != b"lCRF" or typ != b"FOMC":
            return None
        chunk, _, _, _, bwd_size, bwd_offset = _CQDB.unpack_from(data, off_attrs)
        if chunk != b"CQDB" or bwd_size != n_attrs:
            return None
        names = []
        for i, off in enumerate(struct.unpack_from(f"<{bwd_size}I", data, off_attrs + bwd_offset)):
            rid, size = _RECORD.unpack_from(data, off_attrs + off)
            if rid != i or size < 1:
                return None
            start = off_attrs + off + _RECORD.size
            names.append(data[start : start + size - 1].decode("utf-8"))
        return frozenset(names)
    except (OSError, struct.error, UnicodeDecodeError):
        return None

"""Plain-text primitives that several stages share: decoding bytes, month names, content ids.

Kept apart from the stages so that importing one (say, analysis) does not load another's
dependencies (reading pulls in trafilatura)."""

"""The ``analyze`` stage: tokens, entity mentions and (later) sentences and time expressions."""

"""PostgreSQL store locations in messages (no psycopg needed)."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


def redact(location: str) -> str:
    """``location`` as shown to people: a URL's password replaced by ``***``; a path as it is."""
    if not location.startswith(("postgres://", "postgresql://")):
        return location
    parts = urlsplit(location)
    if parts.password is None:
        return location
    netloc = f"{parts.username}:***@{parts.hostname or ''}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))

"""API keys: who may read and who may write.

Keys come from ``--api-key-file`` (one per line, optionally ``name: key``; blank lines and
``#`` comments skipped). Only their SHA-256 hashes are kept, in memory and in the store
(``Store.add_api_key``); a request's ``Authorization: Bearer KEY`` is checked by hashing it.
The keys of the file given at start are the ones accepted, so taking a key out of the file and
restarting revokes it. Writing always needs a key; reading needs one unless the server is bound
to a loopback address.
"""

from __future__ import annotations

import hashlib
import ipaddress
from dataclasses import dataclass
from pathlib import Path

from fastapi import Request

from dateline.api.errors import ApiError

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
HOW_TO_CONFIGURE = ("start the server with --api-key-file FILE (one key per line, optionally 'name: key'; "
                    "make one with: python -c \"import secrets; print(secrets.token_urlsafe(32))\"), "
                    "then send it as 'Authorization: Bearer KEY'")


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and localhost; anything else (0.0.0.0, a LAN address, a name) is public."""
    host = host.strip().strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def read_key_file(path: str | Path) -> dict[str, str]:
    """``{sha256 hash: name}`` of the keys in a key file; a key without a name is ``key-LINE``."""
    keys: dict[str, str] = {}
    text = Path(path).read_text(encoding="utf-8")
    for lineno, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, key = line.partition(":")
        name, key = (name.strip(), key.strip()) if sep else (f"key-{lineno}", line)
        if not key or not name or any(c.isspace() for c in key):
            raise ValueError(f"{path}:{lineno}: not a key (a line is 'KEY' or 'name: KEY', the key without spaces)")
        keys[hash_key(key)] = name
    if not keys:
        raise ValueError(f"{path}: no keys in the file")
    return keys


@dataclass(frozen=True)
class Identity:
    """Who a request is for rate limiting: a key's name, or the client's address."""

    bucket: str
    key_name: str | None = None


class KeyRing:
    """The accepted keys (by hash) and the rule for reads."""

    def __init__(self, hashes: dict[str, str], *, public: bool) -> None:
        self.hashes = dict(hashes)
        self.public = public  # bound to a non-loopback address: reads need a key too

    def name_of(self, request: Request) -> str | None:
        """The name of the request's key; None without one; 401 for a key that is not accepted."""
        header = request.headers.get("authorization")
        if header is None:
            return None
        scheme, _, key = header.partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            raise unauthorized("the Authorization header must be 'Bearer KEY'")
        name = self.hashes.get(hash_key(key.strip()))
        if name is None:
            if not self.hashes:
                raise no_keys()
            raise unauthorized("the API key is not valid (check it against the server's --api-key-file)")
        return name

    def identify(self, request: Request, *, write: bool) -> Identity:
        name = self.name_of(request)
        if name is not None:
            return Identity(f"key:{name}", name)
        if write or self.public:
            if not self.hashes:
                raise no_keys(reading=not write)
            what = "writing" if write else "reading from a server not bound to loopback"
            raise unauthorized(f"{what} needs an API key: send 'Authorization: Bearer KEY'")
        client = request.client.host if request.client else "unknown"
        return Identity(f"addr:{client}")


def unauthorized(message: str) -> ApiError:
    return ApiError(401, message, {"WWW-Authenticate": 'Bearer realm="dateline"'})


def no_keys(*, reading: bool = False) -> ApiError:
    what = "reading from a server bound to a public address" if reading else "writing"
    return ApiError(403, f"{what} needs an API key and this server has none configured: {HOW_TO_CONFIGURE}")

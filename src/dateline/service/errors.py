"""Errors a service function raises; each face turns them into its own answer (a CLI message and
exit status 1, an HTTP status with a JSON error)."""

from __future__ import annotations


class ServiceError(Exception):
    """``message`` says what went wrong and what to do; ``status`` is the HTTP status it maps to."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(ServiceError):
    status = 404


class Ambiguous(ServiceError):
    status = 409


class BadRequest(ServiceError):
    status = 400


class Busy(ServiceError):
    """Another writer holds the store for longer than an interactive caller should wait."""

    status = 503


def resolve(found: list[str], given: str, kind: str, listing: str) -> str:
    """The one id among ``found`` (ids starting with ``given``) that ``given`` names."""
    if given in found:
        return given
    if not found:
        raise NotFound(f"no {kind} with id {given!r} (see {listing})")
    if len(found) > 1:
        raise Ambiguous(f"{given!r} matches {len(found)} {kind}s: {', '.join(found[:5])}; give more of the id")
    return found[0]

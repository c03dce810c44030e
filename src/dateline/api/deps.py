"""FastAPI dependencies shared by the API routes and the web UI.

``store: Store = Depends(get_store)`` gives the app's store: every call on it goes to the store
of the thread that makes the call (``dateline.api.stores``), so it is safe in a sync handler
whichever worker thread runs it.
``Depends(reader)`` / ``Depends(writer)`` check the request's API key (``dateline.api.auth``)
and its rate (``dateline.api.limits``), and give who it is.
"""

from __future__ import annotations

from fastapi import Request

from dateline.api.auth import Identity
from dateline.api.errors import ApiError
from dateline.store import Store


def get_store(request: Request) -> Store:
    """The store, as the current worker thread's own connection (opened on first use)."""
    return request.app.state.store


def _checked(request: Request, *, write: bool) -> Identity:
    try:
        identity: Identity = request.app.state.keys.identify(request, write=write)
    except ApiError as exc:
        if exc.status == 401:  # a refused key costs the client address a token: guessing keys is rate limited too
            client = request.client.host if request.client else "unknown"
            request.app.state.rate.check(f"addr:{client}", client)
        raise
    who = f"key {identity.key_name!r}" if identity.key_name else identity.bucket.removeprefix("addr:")
    request.app.state.rate.check(identity.bucket, who)
    return identity


async def reader(request: Request) -> Identity:
    """A read: open on a loopback-bound server, else it needs a key; counted against the rate."""
    return _checked(request, write=False)


async def writer(request: Request) -> Identity:
    """A write: needs a key (401 without a valid one, 403 when none is configured); counted against the rate."""
    return _checked(request, write=True)

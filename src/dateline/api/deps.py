"""FastAPI dependencies shared by the API routes and the web UI.

Use as ``store: Store = Depends(get_store)``; the app keeps a ``ThreadStores`` in
``app.state.stores`` (see ``dateline.api.app.create_app``).
"""

from __future__ import annotations

from fastapi import Request

from dateline.store import Store


def get_store(request: Request) -> Store:
    """The store for the current worker thread, opened on first use."""
    return request.app.state.stores.get()

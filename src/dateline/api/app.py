"""The ASGI app: the JSON API under ``/api/``, the OpenAPI document at ``/openapi.json`` and, when
``dateline.web`` is installed, the web UI at ``/`` with its files at ``/static``."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from fastapi import Depends, FastAPI

from dateline import __version__
from dateline.api import routes_read, routes_write
from dateline.api.auth import KeyRing, is_loopback, read_key_file
from dateline.api.deps import reader
from dateline.api.errors import install_error_handlers
from dateline.api.limits import DEFAULT_MAX_BODY, DEFAULT_RATE, RateLimiter
from dateline.api.stores import ThreadLocalStore, ThreadStores
from dateline.service import queries
from dateline.store import open_store

log = logging.getLogger("dateline.api")

DESCRIPTION = """Events, articles, entities and stories of a Dateline store, full-text search,
exports (CSV, JSON Lines, PLOVER) and `POST /api/reports` to take reports in.
Errors are `{"error": {"status": N, "message": "..."}}`. Writing needs `Authorization: Bearer KEY`;
reading does too when the server is not bound to loopback. See docs/api.md."""


def create_app(db: str | Path, *, api_keys_file: str | Path | None = None, host: str = "127.0.0.1",
               rate_per_minute: int = DEFAULT_RATE, max_body_bytes: int = DEFAULT_MAX_BODY,
               busy_seconds: float = 30.0) -> FastAPI:
    """The app over the store at ``db``.

    ``host`` is the address the server binds: on anything but loopback, reads need a key too.
    ``api_keys_file``: the accepted keys (their hashes are kept in the store). ``rate_per_minute``:
    requests per key, or per client address for open reads (0: no limit). ``max_body_bytes``: the
    largest request body. ``busy_seconds``: how long a write waits for another writer before 503.
    """
    hashes = read_key_file(api_keys_file) if api_keys_file else {}
    with open_store(db) as store:  # creates or migrates the store now, not in the first request
        for key_hash, name in hashes.items():
            store.add_api_key(key_hash, name)

    # no /docs or /redoc: their pages load Swagger UI / ReDoc from a CDN, and Dateline stays offline
    app = FastAPI(title="Dateline", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None)
    stores = ThreadStores(db)
    app.state.stores = stores
    app.state.store = ThreadLocalStore(stores)  # what ``deps.get_store`` gives handlers
    app.state.keys = KeyRing(hashes, public=not is_loopback(host))
    app.state.rate = RateLimiter(rate_per_minute)
    app.state.max_body_bytes = max_body_bytes
    app.state.busy_seconds = busy_seconds
    app.state.warm = None  # the pipeline's Warm, made by the first write request (routes_write)
    app.state.write_lock = threading.Lock()
    app.state.html_error_page = None

    # in the background: the server answers at once, and the first event page finds it done
    threading.Thread(target=queries.warm_up, name="warm-up", daemon=True).start()

    install_error_handlers(app)
    app.include_router(routes_read.router)
    app.include_router(routes_write.router)
    mount_web(app)
    return app


def mount_web(app: FastAPI) -> None:
    """The web UI's pages and static files, when the ``dateline.web`` package is there."""
    try:
        from dateline.web.routes import router as web_router
    except ImportError as exc:
        if exc.name in ("dateline.web", "dateline.web.routes"):
            log.info("no web UI (dateline.web.routes not there); serving the API only")
        else:  # the web UI is there but does not import: serve the API and say why
            log.warning("the web UI did not load (%s); serving the API only", exc)
        return
    # its pages are reads: the same key rule and rate as the API's (a public bind needs a key)
    app.include_router(web_router, dependencies=[Depends(reader)])
    import dateline.web.routes as web_routes

    app.state.html_error_page = getattr(web_routes, "error_page", None)  # optional: HTML errors for pages
    static = Path(web_routes.__file__).resolve().parent / "static"
    if static.is_dir():
        from fastapi.staticfiles import StaticFiles

        app.mount("/static", StaticFiles(directory=static), name="static")

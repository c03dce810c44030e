"""Every error the API answers, in one JSON shape: ``{"error": {"status": N, "message": "..."}}``.

The message says what went wrong and what to do. Service errors keep their status (404 no such
id, 409 ambiguous prefix, 400 bad cursor, 503 busy); FastAPI's validation errors become 422s in
the same shape (with ``details``), and unknown paths 404s.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Mapping

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline.service.errors import ServiceError
from dateline.store.writer_lock import WriterBusyError

log = logging.getLogger("dateline.api")

BUSY_RETRY_AFTER = "5"  # seconds a client is told to wait when the store is busy


class ApiError(ServiceError):
    """An error of the HTTP face itself (auth, limits, media type), with its status and headers."""

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = dict(headers or {})


def error_response(status: int, message: str, headers: Mapping[str, str] | None = None,
                   **extra: object) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message, **extra}}, status_code=status,
                        headers=dict(headers or {}))


def _field(loc: tuple | list) -> str:
    where, *rest = list(loc) or ["request"]
    name = ".".join(str(p) for p in rest)
    return f"{where} parameter {name!r}" if name else str(where)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> JSONResponse:
        headers = getattr(exc, "headers", None) or ({"Retry-After": BUSY_RETRY_AFTER} if exc.status == 503 else None)
        return error_response(exc.status, exc.message, headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        message = "; ".join(f"{_field(e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in errors)
        details = [{k: v for k, v in e.items() if k in ("loc", "msg", "type", "ctx")} for e in errors]
        return error_response(422, message or "invalid request", details=jsonable_encoder(details))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        page = getattr(request.app.state, "html_error_page", None)
        if page is not None and not request.url.path.startswith("/api/"):
            return page(request, exc.status_code, str(exc.detail))  # the web UI answers its own pages
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such path {request.url.path}; the API's paths are listed at /openapi.json"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}; see /openapi.json"
        return error_response(exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(WriterBusyError)
    async def writer_busy(request: Request, exc: WriterBusyError) -> JSONResponse:
        return error_response(503, f"the store is busy: {exc}; retry in a few seconds",
                              {"Retry-After": BUSY_RETRY_AFTER})

    @app.exception_handler(sqlite3.OperationalError)
    async def sqlite_error(request: Request, exc: sqlite3.OperationalError) -> JSONResponse:
        if "locked" in str(exc) or "busy" in str(exc):
            return error_response(503, "the store is busy (another process holds it); retry in a few seconds",
                                  {"Retry-After": BUSY_RETRY_AFTER})
        log.error("store error on %s %s", request.method, request.url.path, exc_info=exc)
        return internal_error()

    try:
        import psycopg
    except ImportError:  # no PostgreSQL store without it
        psycopg = None
    if psycopg is not None:
        @app.exception_handler(psycopg.OperationalError)
        async def postgres_error(request: Request, exc: Exception) -> JSONResponse:
            # the server went away or refused the connection: nothing the client did
            log.error("store error on %s %s", request.method, request.url.path, exc_info=exc)
            return error_response(503, "the store's PostgreSQL server is unreachable; retry in a few seconds",
                                  {"Retry-After": BUSY_RETRY_AFTER})

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        return internal_error()  # Starlette logs the traceback after this answer


def internal_error() -> JSONResponse:
    return error_response(500, "internal error; the server log has the details, please report it")

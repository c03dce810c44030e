"""``POST /api/reports``: take reports in and run them through the whole pipeline.

The body is one report as a JSON object, or a batch as JSON Lines; both are read by ingest's
JSON Lines reader, so a report is accepted or rejected exactly as ``dateline ingest`` would.
Writes are one at a time in this process (one lock, one ``Warm`` analyzer and clusterer kept
between requests); across processes the pipeline takes the store's writer lock per batch.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from dateline.api.auth import Identity
from dateline.api.deps import writer
from dateline.api.errors import ApiError, error_response
from dateline.api.limits import read_body
from dateline.api.models import ERRORS, ReportIn, Taken
from dateline.models import RawDocument, Rejection
from dateline.read import ReadOptions
from dateline.read.jsonl import read_jsonl_bytes, record_document
from dateline.service.errors import Busy
from dateline.store.writer_lock import WriterBusyError

router = APIRouter(prefix="/api", responses=ERRORS)

JSON_TYPES = {"application/json"}
JSONL_TYPES = {"application/x-ndjson", "application/jsonl", "application/json-lines", "application/x-jsonlines"}
SEND = ("send one report as a JSON object (Content-Type: application/json) or several as JSON Lines "
        "(Content-Type: application/x-ndjson), each with 'text' and any of id, url, title, published, "
        "lang, source, author")

REQUEST_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": ReportIn.model_json_schema()},
    "application/x-ndjson": {"schema": {"type": "string", "description": "one report object per line"}},
    "application/jsonl": {"schema": {"type": "string", "description": "one report object per line"}},
}}}


@router.post("/reports", status_code=201, response_model=Taken, openapi_extra=REQUEST_BODY,
             summary="Take reports in: store, analyse, cluster; answers where each was placed",
             responses={200: {"model": Taken, "description": "nothing new: every report was stored already"},
                        201: {"model": Taken, "description": "stored (and which were rejected)"},
                        413: {"description": "the body is over the size limit"},
                        415: {"description": "not JSON or JSON Lines"}})
async def post_reports(request: Request, who: Annotated[Identity, Depends(writer)]) -> JSONResponse:
    media = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    if media not in JSON_TYPES | JSONL_TYPES:
        raise ApiError(415, f"Content-Type {media!r} is not accepted: {SEND}")
    app: FastAPI = request.app
    body = await read_body(request, app.state.max_body_bytes)  # after the key check: no large uploads unasked
    origin = f"api:{who.key_name}"
    items = documents(origin, body, jsonl=media in JSONL_TYPES, max_bytes=app.state.max_body_bytes)
    taken = await run_in_threadpool(write_reports, app, items)
    stored = taken["new"] + taken["near_duplicate"]
    if stored + taken["duplicate"] == 0:
        rejected = "; ".join(f"{r['input']}: {r['reason']}" for r in taken["rejections"][:5])
        return error_response(422, f"nothing stored: {rejected or 'no reports in the body'}; {SEND}",
                              rejections=taken["rejections"])
    return JSONResponse(taken, status_code=201 if stored else 200)


def documents(origin: str, body: bytes, *, jsonl: bool, max_bytes: int) -> list[RawDocument | Rejection]:
    """The body's reports, read as ingest reads a .jsonl file (one Rejection per bad record)."""
    if jsonl:
        return list(read_jsonl_bytes(origin, body, ReadOptions(max_bytes=max_bytes), what="request body"))
    if not body.strip():
        return [Rejection(origin, "empty request body")]
    item = record_document(origin, body, 1)
    if isinstance(item, Rejection):  # one object, not a file of lines: "line 1" would only confuse
        return [Rejection(origin, item.reason.replace(" on line 1", "").replace("line 1 is", "the body is"))]
    return [item]


def write_reports(app: FastAPI, items: Iterable[RawDocument | Rejection]) -> dict:
    """Run on a worker thread: one write request at a time in this process, on this thread's store."""
    wait = app.state.busy_seconds
    if not app.state.write_lock.acquire(timeout=wait):
        raise Busy(f"another write request has been running for over {wait:g} s; retry in a few seconds")
    try:
        store = app.state.stores.get()
        try:  # wait here, for a bounded time, for another process's batch (watch, ingest) to finish
            with store.writing(timeout=wait):
                pass
        except WriterBusyError:
            raise Busy(f"another process (ingest, watch) has been writing the store for over {wait:g} s; "
                       "retry in a few seconds") from None
        # imported here: the pipeline takes most of the app's import time, and reading needs none of it
        from dateline.pipeline import Warm
        from dateline.service.commands import take_reports

        if app.state.warm is None:
            app.state.warm = Warm()  # the analyzer and clusterer, kept between write requests
        return take_reports(store, items, warm=app.state.warm).as_dict()
    finally:
        app.state.write_lock.release()

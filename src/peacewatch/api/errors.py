"""One error body for every failure the API reports, and the handlers that produce it.

Clients (the dashboard, scripts, other tools) read one shape whatever went wrong: refused input,
a missing token, an unknown id, a store that is busy, or a failure of ours. An unexpected
exception is logged and answered as a 500 in the same shape, without a traceback.

A store that cannot take a request (store/errors.py) is not the client's fault and usually not
for long: a write that kept losing races with other writes is a 409 and one held by another
process a 503, both with ``Retry-After``. The sentence sent is ours; the store's own message,
which names server paths and processes, goes to the log only.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from peacewatch.api.responses import SafeJSONResponse
from peacewatch.store.errors import NotAStore, StoreBusy, StoreConflict, StoreError, StoreMissing

log = logging.getLogger("peacewatch.api")


class ErrorItem(BaseModel):
    field: str | None = Field(None, description="The parameter or body field at fault, when there is one.")
    location: str | None = Field(None, description="query, path, body or header.")
    message: str


class ErrorBody(BaseModel):
    """Every error response: the HTTP status, its name, one readable sentence and the fields at fault."""

    status: int
    title: str = Field(description="The status's name, e.g. Unprocessable Entity.")
    detail: str = Field(description="What went wrong, in one sentence.")
    errors: list[ErrorItem] = Field(default_factory=list)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": HTTPStatus(code).phrase}
    for code in (400, 401, 403, 404, 409, 422, 500, 503)
}
"""Declared on every route so that OpenAPI documents the error shape."""


class ApiError(Exception):
    """An error the API answers with: status, sentence, and optionally the field at fault."""

    def __init__(self, status: int, detail: str, field: str | None = None, location: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = [ErrorItem(field=field, location=location, message=detail)] if field else []
        self.headers = headers


def error_response(status: int, detail: str, errors: list[ErrorItem] | None = None,
                   headers: dict[str, str] | None = None) -> SafeJSONResponse:
    body = ErrorBody(status=status, title=HTTPStatus(status).phrase, detail=detail, errors=errors or [])
    return SafeJSONResponse(body.model_dump(), status_code=status, headers=headers)


CONFLICT_RETRY_AFTER = 1
"""Seconds a client should wait before sending again a write that lost to concurrent writes."""
BUSY_RETRY_AFTER = 10
"""Seconds a client should wait when another process holds the store (an ingest or a backup)."""

CONFLICT_DETAIL = ("the store was busy with other writes to the same records and this write was not kept; "
                   "send it again")


def store_error_response(error: StoreError) -> SafeJSONResponse:
    """The answer to a store that could not take the request: what to do, never a traceback."""
    log.warning("store error: %s", error)
    if isinstance(error, StoreConflict):
        return error_response(409, CONFLICT_DETAIL, headers={"Retry-After": str(CONFLICT_RETRY_AFTER)})
    if isinstance(error, StoreBusy):
        return error_response(503, "the store is in use by another process (an ingest or a backup); try again later",
                              headers={"Retry-After": str(BUSY_RETRY_AFTER)})
    if isinstance(error, (StoreMissing, NotAStore)):
        return error_response(503, "the server's store is missing or is not a peacewatch store; "
                                   "an operator must restore it")
    return error_response(503, "the store could not be used for this request; the error has been logged")


def _field(loc: tuple[Any, ...]) -> tuple[str | None, str | None]:
    where = str(loc[0]) if loc else None
    rest = [str(p) for p in loc[1:]]
    return (".".join(rest) or where), where


async def _api_error(_: Request, exc: Exception) -> SafeJSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.detail, exc.errors, exc.headers)


async def _store_error(_: Request, exc: Exception) -> SafeJSONResponse:
    assert isinstance(exc, StoreError)
    return store_error_response(exc)


async def _http_error(_: Request, exc: Exception) -> SafeJSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return error_response(exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))


async def _validation_error(_: Request, exc: Exception) -> SafeJSONResponse:
    assert isinstance(exc, RequestValidationError)
    items = []
    for error in exc.errors():
        field, where = _field(tuple(error.get("loc", ())))
        items.append(ErrorItem(field=field, location=where, message=str(error.get("msg", "invalid"))))
    detail = "; ".join(f"{i.field}: {i.message}" if i.field else i.message for i in items) or "invalid request"
    return error_response(422, detail, items)


def _is_conflict(scope: Scope, error: Exception) -> bool:
    """Whether the app's store calls ``error`` a lost write race (one no ``atomic`` retried)."""
    stores = getattr(getattr(scope.get("app"), "state", None), "stores", None)
    root = getattr(stores, "root", None)
    return root is not None and root.is_conflict(error)


class CatchAll:
    """Answers an unexpected exception with a 500 in the error shape and logs it; a lost write
    race that escaped ``Store.atomic`` is a 409 like the one ``atomic`` gives up with.

    A middleware rather than an ``Exception`` handler: Starlette re-raises after such a handler,
    and the server then drops the connection the client may be reusing.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except Exception as error:
            conflict = _is_conflict(scope, error)
            if conflict:
                log.warning("write conflict on %s %s: %s", scope.get("method"), scope.get("path"), error)
            else:
                log.exception("unexpected error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            if conflict:
                response = error_response(409, CONFLICT_DETAIL, headers={"Retry-After": str(CONFLICT_RETRY_AFTER)})
            else:
                response = error_response(500, "internal error: the server could not answer this request; it has been logged")
            await response(scope, receive, send)


def install(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_middleware(CatchAll)

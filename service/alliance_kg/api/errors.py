"""One error envelope for every answer that is not a success: RFC 9457 `application/problem+json`.

    HTTPException (Starlette)   any status raised by routing or a handler
     +-- ProblemError            a problem with extra members (e.g. `offered` on a 406)
    RequestValidationError      -> 422, with the validation `errors`
    StoreError                  -> QueryError 400, QueryTimeoutError 503, StoreUnavailable 503
    any other exception         -> 500, with no detail leaked

A problem body holds `type` (always `about:blank`: the status says it all), `title` (the
status phrase), `status` and `detail` (what went wrong, for a person to read).
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from alliance_kg.store.base import QueryError, QueryTimeoutError, StoreError, StoreUnavailable

PROBLEM_MEDIA_TYPE = "application/problem+json"

logger = logging.getLogger(__name__)


class ProblemError(HTTPException):
    """An HTTP error answered as a problem document, with optional extra members."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(status_code=status, detail=detail, headers=headers)
        self.extra = extra


def problem_response(
    status: int, detail: str, *, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    """The problem document for `status`, with `detail` and any extra members."""
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        **jsonable_encoder(extra),
    }
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


def _http_exception(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    extra = exc.extra if isinstance(exc, ProblemError) else {}
    return problem_response(exc.status_code, str(exc.detail), headers=exc.headers, **extra)


def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [{key: error.get(key) for key in ("loc", "msg", "type")} for error in exc.errors()]
    return problem_response(422, "The request does not match the schema.", errors=errors)


def _store_error(_: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, QueryError):
        return problem_response(400, str(exc))
    if isinstance(exc, QueryTimeoutError):
        return problem_response(503, f"The query ran past its time limit: {exc}")
    if isinstance(exc, StoreUnavailable):
        return problem_response(503, f"The store cannot be reached: {exc}")
    logger.error("store error", exc_info=exc)
    return problem_response(500, "The store failed to answer.")


def _unexpected_error(_: Request, exc: Exception) -> JSONResponse:
    logger.error("unhandled error", exc_info=exc)
    return problem_response(500, "An unexpected error occurred; it has been logged.")


def install_problem_handlers(app: FastAPI) -> None:
    """Answer every error raised while handling a request with a problem document."""
    app.add_exception_handler(HTTPException, _http_exception)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(Exception, _unexpected_error)

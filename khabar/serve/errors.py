"""One JSON error shape for every error the server returns, and the handlers that produce it."""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from khabar.errors import KhabarError, StoreError, UsageError

log = logging.getLogger("khabar.serve")

# Short machine-readable codes by HTTP status.
CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    500: "internal_error",
    503: "store_unavailable",
}


class ErrorDetail(BaseModel):
    """What went wrong."""

    status: int
    code: str
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorResponse(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


class ApiError(Exception):
    """An error a route raises on purpose, turned into the JSON error shape."""

    def __init__(self, status: int, message: str, details: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = details


def error_body(status: int, message: str, details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The error shape as a plain dict."""
    return {"error": {"status": status, "code": CODES.get(status, "error"), "message": message, "details": details}}


def error_response(status: int, message: str, details: list[dict[str, Any]] | None = None) -> JSONResponse:
    """A JSON response in the error shape."""
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(error_body(status, message, details), status_code=status, headers=headers)


def error_bytes(status: int, message: str) -> bytes:
    """The error shape serialised (for the raw ASGI guard)."""
    return json.dumps(error_body(status, message)).encode()


def _plain(value: Any) -> Any:
    """A validation error's input made JSON-safe."""
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return repr(value)[:200]
    return value


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    """Pydantic's errors, reduced to where, what and the input."""
    return [
        {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "input": _plain(e.get("input"))}
        for e in exc.errors()
    ]


async def on_http(request: Request, exc: Exception) -> JSONResponse:
    """Starlette/FastAPI HTTP exceptions (404, 405...)."""
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "error")
    return error_response(exc.status_code, message)


async def on_validation(request: Request, exc: Exception) -> JSONResponse:
    """Invalid parameters or body (422)."""
    assert isinstance(exc, RequestValidationError)
    return error_response(422, "invalid request", _validation_details(exc))


async def on_api(request: Request, exc: Exception) -> JSONResponse:
    """Errors raised on purpose by the routes."""
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.message, exc.details)


async def on_khabar(request: Request, exc: Exception) -> JSONResponse:
    """khabar's typed errors: a busy or missing store is 503, bad usage 422, the rest 500."""
    assert isinstance(exc, KhabarError)
    if isinstance(exc, StoreError):
        return error_response(503, f"{exc.code}: {exc}")
    if isinstance(exc, UsageError):
        return error_response(422, f"{exc.code}: {exc}")
    log.error("khabar error on %s: %s", request.url.path, exc)
    return error_response(500, f"{exc.code}: internal error")


async def on_crash(request: Request, exc: Exception) -> JSONResponse:
    """Anything unexpected: logged with its traceback, answered without internals."""
    log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return error_response(500, "internal error")


def install(app: FastAPI) -> None:
    """Register every handler on an app."""
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(ApiError, on_api)
    app.add_exception_handler(KhabarError, on_khabar)
    app.add_exception_handler(Exception, on_crash)


# Declared on every route so that the OpenAPI document describes the one error shape.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": CODES[status]} for status in (400, 404, 413, 422, 500, 503)
}
WRITE_ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERROR_RESPONSES,
    **{status: {"model": ErrorResponse, "description": CODES[status]} for status in (401, 403, 415)},
}

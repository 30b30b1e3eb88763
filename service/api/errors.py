"""Exception handlers: every refusal is a 4xx naming the field; input values are never echoed or logged."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from service.intake import InputError
from signals.errors import KonfliktError

log = logging.getLogger("service.errors")
# Seconds a client should wait before retrying when the database is unreachable. The pool checks each
# connection before use (pool_pre_ping), so the first request after the database is back succeeds.
DATABASE_RETRY_AFTER_SECONDS = 5


def field_name(loc: Sequence[str | int]) -> str:
    """("body", "complaints", 3, "text") -> "complaints[3].text"; a bare ("body",) -> "body"."""
    parts = list(loc[1:] if loc and loc[0] in ("body", "query", "path", "header") and len(loc) > 1 else loc)
    name = ""
    for part in parts:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else str(part)
    return name or "body"


def _validation_body(items: Sequence[tuple[Sequence[str | int], str, str]]) -> dict[str, Any]:
    detail = [
        {"loc": list(loc), "field": field_name(loc), "msg": msg, "type": kind} for loc, msg, kind in items
    ]
    first = detail[0]
    more = f" (and {len(detail) - 1} more)" if len(detail) > 1 else ""
    return {"message": f"{first['field']}: {first['msg']}{more}", "detail": detail}


async def _request_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return JSONResponse(
            {"detail": "the request body is not valid JSON"}, status_code=status.HTTP_400_BAD_REQUEST
        )
    # pydantic's errors carry the offending `input` (complaint text); only loc, msg and type go back.
    items = [
        (tuple(e.get("loc", ())), str(e.get("msg", "invalid value")), str(e.get("type", "invalid")))
        for e in errors
    ]
    log.info("request refused", extra={"status": 422, "count": len(items)})
    return JSONResponse(_validation_body(items), status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)


async def _input_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, InputError)
    return JSONResponse(_validation_body(list(exc.errors)), status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)


async def _integrity_error(request: Request, exc: Exception) -> JSONResponse:
    # hide_parameters on the engine keeps values out of the exception; still, only its type is logged.
    log.warning("write conflict", extra={"error_type": type(exc).__name__})
    return JSONResponse(
        {
            "detail": "the write conflicted with stored data (a duplicate or a concurrent change); "
            "nothing was saved"
        },
        status_code=status.HTTP_409_CONFLICT,
    )


async def _database_unavailable(request: Request, exc: Exception) -> JSONResponse:
    log.error("database unavailable", extra={"error_type": type(exc).__name__})
    return JSONResponse(
        {"detail": "the database is unavailable; nothing was saved, try again"},
        status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
        headers={"Retry-After": str(DATABASE_RETRY_AFTER_SECONDS)},
    )


async def _unstorable_value(request: Request, exc: Exception) -> JSONResponse:
    # The database refused a value (SQLSTATE class 22, e.g. a NUL character in a path or query
    # parameter on PostgreSQL): bad input, not a server fault. Values are never echoed.
    log.info("value refused by the database", extra={"error_type": type(exc).__name__})
    return JSONResponse(
        {
            "detail": "a value in the request cannot be stored or searched (e.g. a NUL character); nothing was saved"
        },
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
    )


async def _konflikt_error(request: Request, exc: Exception) -> JSONResponse:
    # KonfliktError messages are written for users and never contain complaint text.
    return JSONResponse({"detail": str(exc)}, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.error("unexpected error", exc_info=exc)  # the JSON formatter logs type and stack, not the message
    return JSONResponse({"detail": "internal error; it has been logged"}, status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _request_validation)
    app.add_exception_handler(InputError, _input_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(IntegrityError, _integrity_error)
    app.add_exception_handler(OperationalError, _database_unavailable)
    app.add_exception_handler(DataError, _unstorable_value)
    app.add_exception_handler(KonfliktError, _konflikt_error)
    app.add_exception_handler(Exception, _unexpected)

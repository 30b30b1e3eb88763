"""Request body limits, checked while the body streams in (a missing or false Content-Length is no way round).

Bulk endpoints (annotate, contacts) take up to `max_annotate_body_bytes` (25 MiB by default);
every other endpoint takes one complaint at most, 1 MiB.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SMALL_BODY_BYTES = 1024 * 1024  # one complaint is at most 20,000 characters, even JSON-escaped
BULK_PATHS = frozenset({"/v1/annotate", "/v1/contacts"})


def _too_large(limit: int) -> str:
    return f"the request body is too large: this endpoint takes at most {limit:,} bytes"


class BodyLimit:
    """Refuse bodies over the endpoint's limit with a JSON 413, before or while reading them."""

    def __init__(self, app: ASGIApp, *, bulk_limit: int, small_limit: int = SMALL_BODY_BYTES) -> None:
        self.app = app
        self.bulk_limit = bulk_limit
        self.small_limit = small_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.bulk_limit if scope["path"].rstrip("/") in BULK_PATHS else self.small_limit
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await JSONResponse({"detail": _too_large(limit)}, status_code=413)(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # FastAPI re-raises an HTTPException met while reading the body; the app's
                    # handler turns it into the JSON 413.
                    raise HTTPException(413, _too_large(limit))
            return message

        await self.app(scope, counted, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None

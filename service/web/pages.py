"""Rendering the pages: the Jinja2 environment (autoescaped), Danish filters, error pages, headers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.datastructures import MutableHeaders
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.web import views
from signals.schema import DEPARTMENTS, ROOT_CAUSES

# Every path the pages own; the API's responses are left exactly as they were.
PAGE_PREFIXES = ("/sager", "/indsigt", "/log-ind", "/log-ud", "/static/")

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",  # case ids are in the URLs
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


def is_page_path(path: str) -> bool:
    return path == "/" or path.startswith(PAGE_PREFIXES)


class SecurityHeaders:
    """Adds the security headers to the pages' responses; pages (not assets) are never cached."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_page_path(scope["path"]):
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                if not static:
                    headers["cache-control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


@dataclass(frozen=True)
class WebState:
    """What the pages need, built once by `install_web`: the signing secret and the templates."""

    secret: bytes | None  # None: the pages are off (production without KONFLIKT_SESSION_SECRET)
    lifetime_seconds: float
    templates: Jinja2Templates


def _page_context(request: Request) -> dict[str, Any]:
    """Shared by every template: who is signed in and their sign-out token."""
    return {
        "caller": getattr(request.state, "caller", None),
        "csrf": getattr(request.state, "csrf", None),
        "path": request.url.path,
        "role_labels": views.ROLE_LABELS,
        "departments": DEPARTMENTS,
        "root_causes": ROOT_CAUSES,
    }


def make_templates() -> Jinja2Templates:
    env = Environment(
        loader=PackageLoader("service.web", "templates"),
        autoescape=select_autoescape(["html"], default=True),
        undefined=StrictUndefined,  # a misspelt variable is an error in tests, not a blank
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        dato=views.date_da,
        dato_tid=views.datetime_da,
        maaned=views.month_da,
        procent=views.percent_da,
        tal=views.number_da,
        forvaltning=views.department_name,
        aarsag=views.root_cause_label,
    )
    return Jinja2Templates(env=env, context_processors=[_page_context])


def web_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


def render(request: Request, template: str, context: dict[str, Any], *, status_code: int = 200) -> Response:
    return web_state(request).templates.TemplateResponse(request, template, context, status_code=status_code)


class WebError(Exception):
    """A refusal shown as a Danish page (the API's JSON errors are not for people)."""

    def __init__(self, status_code: int, title: str, message: str) -> None:
        super().__init__(title)
        self.status_code = status_code
        self.title = title
        self.message = message


class SignInRequired(Exception):
    """No valid session: go to the sign-in page, and back here afterwards."""

    def __init__(self, next_path: str | None = None) -> None:
        super().__init__("sign-in required")
        self.next_path = next_path


async def _web_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, WebError)
    return render(
        request, "error.html", {"title": exc.title, "message": exc.message}, status_code=exc.status_code
    )


async def _sign_in_required(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SignInRequired)
    target = "/"
    if exc.next_path:
        from urllib.parse import urlencode

        target += "?" + urlencode({"naeste": exc.next_path})
    return RedirectResponse(target, status_code=303)


def install_error_pages(app: FastAPI) -> None:
    app.add_exception_handler(WebError, _web_error)
    app.add_exception_handler(SignInRequired, _sign_in_required)

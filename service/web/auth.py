"""Sessions of the pages: sign in with an API key, the signed session cookie, CSRF checks, roles.

The key is checked by `service.keys.authenticate` (the API's own check) and then forgotten: the
cookie names only the key's id. Every request looks the key row up again, so a revoked key is
signed out at once. Roles are checked by the API's `require_role`, so a refusal is audited alike.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, cast
from urllib.parse import urlsplit

from fastapi import Depends, Form, HTTPException, Request, status
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from service.api.deps import SessionDep, require_role
from service.audit import record_audit
from service.keys import AuthenticationError, Caller, Role, authenticate
from service.tables import ApiKeyRow
from service.web import tokens
from service.web.pages import SignInRequired, WebError, WebState, render, web_state

SESSION_COOKIE = "__Host-konflikt-session"
SIGN_IN_COOKIE = "__Host-konflikt-login"
SIGN_IN_SECONDS = 3600.0  # how long a sign-in form stays usable
ROLE_NAMES = {"advisor": "borgerrådgivere", "analyst": "analytikere", "forvaltning": "forvaltninger"}


def _set_cookie(response: Response, name: str, value: str, *, max_age: int) -> None:
    # __Host- cookies must be Secure, Path=/ and without Domain; browsers accept Secure cookies from
    # http://localhost and http://127.0.0.1, so a local server works without TLS.
    response.set_cookie(name, value, max_age=max_age, path="/", secure=True, httponly=True, samesite="lax")


def _delete_cookie(response: Response, name: str) -> None:
    response.delete_cookie(name, path="/", secure=True, httponly=True, samesite="lax")


def enabled_state(request: Request) -> WebState:
    """The pages' state; 503 with the reason when they are switched off."""
    state = web_state(request)
    if state.secret is None:
        raise WebError(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            "Websiderne er slået fra",
            "Serveren mangler indstillingen KONFLIKT_SESSION_SECRET. Kontakt driften.",
        )
    return state


StateDep = Annotated[WebState, Depends(enabled_state)]


def signed_in(request: Request, session: Session, state: WebState) -> tuple[Caller, tokens.WebSession] | None:
    """The caller of a genuine, unexpired session cookie whose key is still valid; else None."""
    assert state.secret is not None
    web_session = tokens.read_session(state.secret, request.cookies.get(SESSION_COOKIE))
    if web_session is None:
        return None
    row = session.get(ApiKeyRow, web_session.key_id)
    if row is None or row.revoked_at is not None:
        return None
    return Caller(key_id=row.key_id, role=cast(Role, row.role), forvaltning=row.forvaltning), web_session


def page_caller(request: Request, state: StateDep, session: SessionDep) -> Caller:
    """The signed-in caller, or a redirect to the sign-in page (and back here afterwards)."""
    assert state.secret is not None
    found = signed_in(request, session, state)
    if found is None:
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise SignInRequired(here if request.method == "GET" else None)
    caller, web_session = found
    request.state.caller = caller  # for the request log line and the templates
    request.state.csrf = tokens.csrf_token(state.secret, web_session.session_id)
    request.state.web_session = web_session
    return caller


PageCallerDep = Annotated[Caller, Depends(page_caller)]


def checked_csrf(
    request: Request, caller: PageCallerDep, state: StateDep, csrf_token: Annotated[str, Form()] = ""
) -> Caller:
    """The signed-in caller of a form post whose CSRF token belongs to this session; else 403."""
    assert state.secret is not None
    if not tokens.csrf_ok(state.secret, request.state.web_session.session_id, csrf_token):
        raise WebError(
            status.HTTP_403_FORBIDDEN,
            "Formularen kunne ikke godkendes",
            "Siden var for gammel eller kom ikke fra Konfliktsignaler. "
            "Gå tilbage, genindlæs siden og prøv igen.",
        )
    return caller


PostCallerDep = Annotated[Caller, Depends(checked_csrf)]


def page_role(*roles: Role) -> Callable[..., Caller]:
    """A form post only `roles` may make (after its CSRF check); a refusal is audited like the API's."""
    api_check = require_role(*roles)
    names = " eller ".join(ROLE_NAMES[role] for role in roles)

    def dependency(request: Request, caller: PostCallerDep, session: SessionDep) -> Caller:
        try:
            return api_check(request, caller, session)
        except HTTPException:
            raise WebError(
                status.HTTP_403_FORBIDDEN, "Ikke tilladt", f"Kun {names} kan gøre dette."
            ) from None

    return dependency


AdvisorPostDep = Annotated[Caller, Depends(page_role("advisor"))]


def safe_next(target: str | None) -> str:
    """Where to go after sign-in: only our own pages, never another site (no open redirect)."""
    if not target or "\\" in target or any(ch in target for ch in "\r\n"):
        return "/sager"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith(("/sager", "/indsigt")):
        return "/sager"
    return target


def sign_in_page(
    request: Request,
    state: WebState,
    *,
    next_path: str | None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    """The sign-in form with a fresh CSRF token bound to a short-lived pre-session cookie."""
    assert state.secret is not None
    cookie, nonce = tokens.new_sign_in(state.secret, lifetime_seconds=SIGN_IN_SECONDS)
    signed_out = request.query_params.get("logget_ud") == "1"
    response = render(
        request,
        "sign_in.html",
        {
            "form_csrf": tokens.csrf_token(state.secret, nonce),
            "next_path": safe_next(next_path),
            "error": error,
            "signed_out": signed_out and error is None,
        },
        status_code=status_code,
    )
    _set_cookie(response, SIGN_IN_COOKIE, cookie, max_age=int(SIGN_IN_SECONDS))
    return response


def sign_in(
    request: Request, session: Session, state: WebState, *, api_key: str, csrf_token: str, next_path: str
) -> Response:
    """Check the form's CSRF token and the key; on success set the session cookie and go on."""
    assert state.secret is not None
    nonce = tokens.read_sign_in(state.secret, request.cookies.get(SIGN_IN_COOKIE))
    if not tokens.csrf_ok(state.secret, nonce, csrf_token):
        return sign_in_page(
            request,
            state,
            next_path=next_path,
            error="Formularen var udløbet. Indtast nøglen igen.",
            status_code=status.HTTP_403_FORBIDDEN,
        )
    try:
        caller = authenticate(session, api_key.strip())
    except AuthenticationError:
        record_audit(session, None, action="web.sign_in", method="POST", path=request.url.path, status=401)
        session.commit()
        return sign_in_page(
            request,
            state,
            next_path=next_path,
            error="Nøglen blev ikke genkendt, eller den er spærret.",
            status_code=status.HTTP_401_UNAUTHORIZED,
        )
    request.state.caller = caller
    record_audit(session, caller, action="web.sign_in", method="POST", path=request.url.path, status=303)
    session.commit()
    _, token = tokens.new_session(state.secret, caller.key_id, lifetime_seconds=state.lifetime_seconds)
    response = RedirectResponse(safe_next(next_path), status_code=status.HTTP_303_SEE_OTHER)
    _set_cookie(response, SESSION_COOKIE, token, max_age=int(state.lifetime_seconds))
    _delete_cookie(response, SIGN_IN_COOKIE)
    return response


def sign_out() -> Response:
    response = RedirectResponse("/?logget_ud=1", status_code=status.HTTP_303_SEE_OTHER)
    _delete_cookie(response, SESSION_COOKIE)
    return response

"""`/`: the sign-in form (or straight to the queue when signed in); `/log-ind` and `/log-ud`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from service.api.deps import SessionDep
from service.web.auth import PostCallerDep, StateDep, sign_in, sign_in_page, sign_out, signed_in

router = APIRouter(include_in_schema=False)


@router.get("/")
def start(request: Request, state: StateDep, session: SessionDep, naeste: str | None = None) -> Response:
    if signed_in(request, session, state) is not None:
        return RedirectResponse("/sager", status_code=303)
    return sign_in_page(request, state, next_path=naeste)


@router.post("/log-ind")
def log_in(
    request: Request,
    state: StateDep,
    session: SessionDep,
    api_key: Annotated[str, Form()] = "",
    csrf_token: Annotated[str, Form()] = "",
    naeste: Annotated[str, Form()] = "",
) -> Response:
    return sign_in(request, session, state, api_key=api_key, csrf_token=csrf_token, next_path=naeste)


@router.post("/log-ud")
def log_out(caller: PostCallerDep) -> Response:
    """Sign-out needs the session's CSRF token too: another site cannot sign a user out."""
    return sign_out()

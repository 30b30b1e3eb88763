"""Shared dependencies as typed aliases, so a route's signature reads as a declaration of what it needs."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import datetime
from typing import Annotated, Any

import anyio.to_thread
from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from service.audit import record_audit
from service.batching import AnnotationBatcher
from service.champion import ChampionHolder, NoChampionError
from service.keys import AuthenticationError, Caller, Role, authenticate
from service.metrics import ServiceMetrics
from service.settings import Settings
from signals.model import Annotator
from signals.schema import COPENHAGEN

_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="API key",
    description="`Authorization: Bearer <key>`; keys are made with `konflikt keys create`.",
)


# Dependencies that only read app state are `async def`: FastAPI runs a plain `def` dependency in
# the thread pool, and each such hop (a thread hand-off and a GIL round) cost more than the work.


async def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_metrics(request: Request) -> ServiceMetrics:
    metrics: ServiceMetrics = request.app.state.metrics
    return metrics


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request. Routes commit what they write; anything uncommitted is rolled back.

    Making a session touches no database, so it happens on the event loop; closing it (a rollback
    of anything left open, the connection back to the pool) runs in the thread pool."""
    session: Session = request.app.state.session_factory()
    try:
        yield session
    finally:
        await anyio.to_thread.run_sync(session.close)


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
MetricsDep = Annotated[ServiceMetrics, Depends(get_metrics)]
SessionDep = Annotated[Session, Depends(get_session)]


def _refuse_missing_key() -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED,
        "missing API key: send `Authorization: Bearer <key>`",
        headers={"WWW-Authenticate": "Bearer"},
    )


def _refuse_key(exc: AuthenticationError) -> HTTPException:
    return HTTPException(status.HTTP_401_UNAUTHORIZED, str(exc), headers={"WWW-Authenticate": "Bearer"})


def get_caller(
    request: Request,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Caller:
    """The authenticated caller; 401 without a valid, unrevoked key."""
    if credentials is None:
        raise _refuse_missing_key()
    try:
        caller = authenticate(session, credentials.credentials)
    except AuthenticationError as exc:
        raise _refuse_key(exc) from None
    request.state.caller = caller  # for the request log line
    return caller


CallerDep = Annotated[Caller, Depends(get_caller)]


def require_role(*roles: Role) -> Callable[..., Caller]:
    """A dependency admitting only `roles`; a refusal is audited (in its own transaction) and is a 403."""

    def dependency(request: Request, caller: CallerDep, session: SessionDep) -> Caller:
        if caller.role in roles:
            return caller
        complaint_id = request.path_params.get("complaint_id")
        record_audit(
            session,
            caller,
            action="denied",
            method=request.method,
            path=request.url.path,
            status=status.HTTP_403_FORBIDDEN,
            complaint_ids=[complaint_id] if complaint_id else (),
        )
        session.commit()
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            f"a {caller.role} key may not do this; it needs the role {' or '.join(roles)}",
        )

    return dependency


class KeyedConnection:
    """The authenticated caller and the autocommit connection its key was checked on.

    For requests that write nothing but their audit entry (annotate): one pooled connection
    serves the key lookup and the audit insert, each statement its own transaction, so the
    request needs no session, no BEGIN and no COMMIT round trip, and the entry is committed
    when its insert returns. `close` hands the connection back to the pool (idempotent)."""

    __slots__ = ("caller", "connection")

    def __init__(self, caller: Caller, connection: Connection) -> None:
        self.caller = caller
        self.connection = connection

    def close(self) -> None:
        self.connection.close()


class KeyCheck:
    """A request's API key, checked by `connect` in the worker thread that does the route's work.

    The route's one thread-pool call checks the key first, so a request pays for one thread hop
    rather than one for the key and one for the work. The key is checked on every request, and
    nothing else is handed out before it is: `connect` is the only way to the caller."""

    __slots__ = ("_engine", "_key", "_request", "attempted")

    def __init__(self, engine: Engine, key: str, request: Request) -> None:
        self._engine = engine
        self._key = key
        self._request = request
        self.attempted = False

    def connect(self) -> KeyedConnection:
        """The caller and an autocommit connection; 401 for an unknown or revoked key. Blocking."""
        self.attempted = True
        connection = self._engine.connect()
        try:
            caller = authenticate(connection, self._key)
        except AuthenticationError as exc:
            connection.close()
            raise _refuse_key(exc) from None
        except BaseException:
            connection.close()
            raise
        self._request.state.caller = caller  # for the request log line
        return KeyedConnection(caller, connection)

    def refuse_if_invalid(self) -> None:
        """`connect` for a request refused before its route ran: a bad key's 401 comes first."""
        self.connect().close()


async def get_key_check(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> AsyncIterator[KeyCheck]:
    """The key to check in the route's own thread-pool call (a missing key is refused at once).

    If anything after this dependency refuses the request before the route has checked the key
    (no model, an invalid body), the key is checked here first, so the refusals come in the
    same order as when the key is checked before everything else: 401, then 503, then 422."""
    if credentials is None:
        raise _refuse_missing_key()
    check = KeyCheck(request.app.state.autocommit_engine, credentials.credentials, request)
    try:
        yield check
    except Exception:
        if not check.attempted:
            await anyio.to_thread.run_sync(check.refuse_if_invalid)
        raise


KeyCheckDep = Annotated[KeyCheck, Depends(get_key_check)]


AdvisorDep = Annotated[Caller, Depends(require_role("advisor"))]
ReaderDep = Annotated[Caller, Depends(require_role("advisor", "analyst", "forvaltning"))]


async def get_champion(request: Request) -> Annotator:
    """The loaded champion model; 503 with the reason when there is none."""
    holder: ChampionHolder = request.app.state.champion
    try:
        return holder.require()
    except NoChampionError as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, str(exc)) from None


ChampionDep = Annotated[Annotator, Depends(get_champion)]


def batcher_of(request: Request) -> AnnotationBatcher:
    """The app's annotation batcher: concurrent small requests share one model call."""
    batcher: AnnotationBatcher = request.app.state.batcher
    return batcher


def as_utc(moment: datetime | None) -> datetime | None:
    """A query-string time; without an offset it is Copenhagen time, as in the input files."""
    if moment is None:
        return None
    return moment.replace(tzinfo=COPENHAGEN) if moment.tzinfo is None else moment


def audit_here(
    request: Request,
    session: Session | Connection,
    caller: Caller,
    *,
    action: str,
    status_code: int,
    complaint_ids: list[str] | tuple[str, ...] = (),
    item_count: int | None = None,
) -> None:
    """Add the audit entry for this request to the request's transaction."""
    record_audit(
        session,
        caller,
        action=action,
        method=request.method,
        path=request.url.path,
        status=status_code,
        complaint_ids=complaint_ids,
        item_count=item_count,
    )


# Error responses declared in the OpenAPI schema, shared by the routers.
ERROR_DESCRIPTIONS: dict[int, str] = {
    400: "The body is not valid JSON.",
    401: "Missing, unknown or revoked API key.",
    403: "The key's role may not do this.",
    404: "No such complaint in the caller's scope.",
    409: "The complaint id is taken, or a concurrent write conflicted.",
    413: "The body or the number of items is over the limit.",
    422: "A value is invalid; the message names its field.",
    503: "No model is loaded, or the database is unavailable.",
}


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    from service.api.schemas import ErrorBody, ValidationErrorBody

    return {
        code: {
            "description": ERROR_DESCRIPTIONS[code],
            "model": ValidationErrorBody if code == 422 else ErrorBody,
        }
        for code in codes
    }

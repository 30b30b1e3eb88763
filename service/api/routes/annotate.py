"""`POST /v1/annotate`: annotate up to `max_annotate_items` complaints; stores nothing but the audit entry."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

import anyio.to_thread
from fastapi import APIRouter, HTTPException, Request, Response, status
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import ValidationError
from sqlalchemy import Connection, Engine
from starlette.exceptions import HTTPException as StarletteHTTPException

from service.api.deps import (
    ChampionDep,
    KeyedConnection,
    KeyedConnectionDep,
    MetricsDep,
    SettingsDep,
    audit_here,
    batcher_of,
    bearer,
    error_responses,
    refuse_key,
    refuse_missing_key,
    require_champion,
)
from service.api.schemas import AnnotateRequest, AnnotateResponse
from service.intake import complaint_batch, contact_frame
from service.keys import AuthenticationError, Caller, authenticate
from service.metrics import ServiceMetrics
from service.settings import Settings
from signals.model import Annotator


class AnnotateRoute(APIRoute):
    """The route of `annotate` below: documented by its signature, served in one thread-pool call.

    FastAPI's own handler solves the dependencies (a thread hop for the key check, a generator
    dependency holding the connection) and the endpoint then hops again for the work; with a fast
    model that machinery was the larger part of a single-complaint request. Here a body sent as
    `application/json` is read and parsed as FastAPI does, and one thread-pool call checks the
    key, finds the model, validates the body and annotates, refusing in FastAPI's order: 401,
    503, 422, then 413 for too many items. Anything else (another content type, an empty body,
    malformed JSON) goes to FastAPI's own handler and gets its answers.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        documented = super().get_route_handler()

        async def handle(request: Request) -> Response:
            if request.headers.get("content-type") != "application/json":
                return await documented(request)
            try:
                raw = await request.body()
            except StarletteHTTPException:  # the body limit's 413, let through as FastAPI does
                raise
            except Exception as exc:  # a broken upload: FastAPI's answer
                raise HTTPException(
                    status.HTTP_400_BAD_REQUEST, "There was an error parsing the body"
                ) from exc
            if not raw:
                return await documented(request)
            try:
                data = json.loads(raw)
            except ValueError:  # not JSON, or not UTF-8: FastAPI's 400 (the body is cached for it)
                return await documented(request)
            credentials = await bearer(request)
            if credentials is None:
                raise refuse_missing_key()
            work = functools.partial(_check_and_annotate, request, credentials.credentials, data)
            return await anyio.to_thread.run_sync(work)

        return handle


router = APIRouter(prefix="/v1", tags=["annotate"], route_class=AnnotateRoute)


@router.post(
    "/annotate",
    response_model=AnnotateResponse,
    summary="Annotate complaints (all roles); nothing is stored",
    responses=error_responses(400, 401, 413, 422, 503),
)
async def annotate(
    body: AnnotateRequest,
    request: Request,
    keyed: KeyedConnectionDep,
    model: ChampionDep,
    settings: SettingsDep,
    metrics: MetricsDep,
) -> Response:
    """Root causes, mediation score and flag per complaint, in request order.

    Contacts in the body are the citizens' history; only those strictly before a complaint's
    `received_at` count. Texts are anonymised before the model sees them.
    """
    # Reached only for bodies `AnnotateRoute` hands to FastAPI (another content type, say).
    _refuse_too_many(body, settings)
    work = functools.partial(_annotate_and_close, body, request, keyed, model, settings, metrics)
    return await anyio.to_thread.run_sync(work)


def _refuse_too_many(body: AnnotateRequest, settings: Settings) -> None:
    if len(body.complaints) > settings.max_annotate_items:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            f"complaints: {len(body.complaints):,} items; "
            f"at most {settings.max_annotate_items:,} are annotated per request",
        )


def _check_and_annotate(request: Request, key: str, data: Any) -> Response:
    """What FastAPI's dependencies and the endpoint do, in their order, on one pooled connection."""
    state = request.app.state
    engine: Engine = state.autocommit_engine
    with engine.connect() as connection:  # back to the pool at the end of this call, whatever happens
        try:
            caller = authenticate(connection, key)
        except AuthenticationError as exc:
            raise refuse_key(exc) from None
        request.state.caller = caller  # for the request log line
        model = require_champion(state.champion)
        try:
            # as FastAPI validates a body parameter, so the errors are the same
            body = AnnotateRequest.model_validate(data, from_attributes=True)
        except ValidationError as exc:
            errors = [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
            raise RequestValidationError(errors, body=data) from None
        settings: Settings = state.settings
        _refuse_too_many(body, settings)
        return _annotate(body, request, connection, caller, model, settings, state.metrics)


def _annotate_and_close(
    body: AnnotateRequest,
    request: Request,
    keyed: KeyedConnection,
    model: Annotator,
    settings: Settings,
    metrics: ServiceMetrics,
) -> Response:
    with keyed.connection:  # back to the pool at the end of this call, whatever happens
        return _annotate(body, request, keyed.connection, keyed.caller, model, settings, metrics)


def _annotate(
    body: AnnotateRequest,
    request: Request,
    connection: Connection,
    caller: Caller,
    model: Annotator,
    settings: Settings,
    metrics: ServiceMetrics,
) -> Response:
    tolerance = timedelta(seconds=settings.future_tolerance_seconds)
    batch = complaint_batch(body.complaints, loc=("body", "complaints"), tolerance=tolerance)
    contacts = contact_frame(body.contacts, loc=("body", "contacts"), tolerance=tolerance)
    annotations = batcher_of(request).annotate(model, batch.frame, contacts)
    # One autocommitted insert: the entry is durable before the answer is sent.
    audit_here(request, connection, caller, action="annotate", status_code=200, item_count=len(annotations))
    metrics.annotated("annotate", count=len(annotations), flagged=sum(a.mediation_flag for a in annotations))
    # Serialised here, in the worker thread, by pydantic directly: FastAPI's response_model path
    # would validate the annotations again and serialise them on the event loop (24 ms for a
    # batch of 1,000 against 10 ms, and no other request served meanwhile).
    answer = AnnotateResponse(annotations=annotations).model_dump_json()
    return Response(answer, media_type="application/json")

"""The app factory. Nothing is built at import: settings, engine and model come to life in `create_app`
and its lifespan, so tests and `konflikt serve` each build the app they need.

    uvicorn --factory service.main:create_app     # settings from KONFLIKT_* variables
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import time
from collections.abc import AsyncIterator
from typing import Any

import anyio.to_thread
from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.api.errors import install_error_handlers
from service.api.limits import BodyLimit
from service.api.main import api_router
from service.batching import AnnotationBatcher
from service.champion import ChampionHolder, ModelSource, RegistrySource
from service.db import ensure_schema, make_engine, make_session_factory
from service.logs import configure_logging
from service.metrics import UNMATCHED, ServiceMetrics, expose_metrics
from service.settings import Settings, check_settings, get_settings
from service.web import install_web
from signals.model import Annotator

log = logging.getLogger("service.requests")

DESCRIPTION = """Root causes (kerneårsager) and mediation flags for complaints to the citizen advisor.

Every endpoint but `/health` needs `Authorization: Bearer <key>` (`konflikt keys create`).
Texts are anonymised before anything is stored, logged or annotated. A department key sees only
its own department's complaints. Every read and write of a complaint is audited."""


class RequestObserver:
    """Per request, one JSON log line (method, route template, status, duration, key id; never
    bodies) and the request metrics: both from the route the router matched, with no lookup of
    our own."""

    def __init__(self, app: ASGIApp, metrics: ServiceMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_and_note(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            seconds = time.perf_counter() - started
            route = getattr(scope.get("route"), "path", None)
            caller = scope.get("state", {}).get("caller")
            self.metrics.request_done(route or UNMATCHED, scope["method"], status, seconds)
            log.info(
                "request",
                extra={
                    "method": scope["method"],
                    # the route template, not the raw path: no ids or query strings in logs
                    "path": route or "(unmatched)",
                    "status": status,
                    "duration_ms": round(seconds * 1000, 1),
                    "key_id": getattr(caller, "key_id", None),
                },
            )


WARM_UP_COMPLAINT = {
    "complaint_id": "warm-up",
    "received_at": "2026-01-05T10:00:00+01:00",
    "citizen_id": "warm-up",
    "channel": "email",
    "text": "Jeg har ventet længe på svar fra kommunen.",
}


def _warm_up_anonymiser() -> None:
    """Build the anonymiser's tables now, so the first request does not pay for them."""
    from signals.anonymise import anonymise

    anonymise("Start")


def warm_up_model(model: Annotator) -> None:
    """Annotate one fixed complaint, so a new champion is ready before it serves anyone."""
    from signals.loader import complaints_from_records, contacts_from_records

    complaints = complaints_from_records([WARM_UP_COMPLAINT], source="warm-up").frame
    contacts = contacts_from_records([], source="warm-up").frame
    if len(model.annotate(complaints, contacts)) != 1:
        raise ValueError("expected one annotation")


async def _poll_champion(holder: ChampionHolder, every: float) -> None:
    """Ask the registry for a new champion every `every` seconds, loading it off the event loop."""
    while True:
        await asyncio.sleep(every)
        try:
            await anyio.to_thread.run_sync(holder.refresh)
        except Exception:  # keep polling whatever one attempt did; the error is logged
            logging.getLogger(__name__).exception("champion refresh crashed")


def create_app(settings: Settings | None = None, *, model_source: ModelSource | None = None) -> FastAPI:
    """Build the service. `model_source` replaces the registry (tests inject their own models)."""
    settings = settings or get_settings()
    check_settings(settings)
    if settings.json_logs:
        configure_logging(settings.log_level)
    metrics = ServiceMetrics()
    source = model_source or RegistrySource(settings.registry)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.database_url)
        await anyio.to_thread.run_sync(
            functools.partial(ensure_schema, engine, migrate=settings.auto_migrate)
        )
        app.state.engine = engine
        app.state.session_factory = make_session_factory(engine)
        # The same pool, each statement its own transaction: annotate's key lookup and audit entry.
        app.state.autocommit_engine = engine.execution_options(isolation_level="AUTOCOMMIT")
        holder = ChampionHolder(source, on_swap=metrics.model_loaded, warm_up=warm_up_model)
        app.state.champion = holder
        await anyio.to_thread.run_sync(_warm_up_anonymiser)
        await anyio.to_thread.run_sync(holder.refresh)
        poller = asyncio.create_task(_poll_champion(holder, settings.model_poll_seconds))
        try:
            yield
        finally:
            poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await poller
            engine.dispose()

    docs = settings.docs_enabled
    app = FastAPI(
        title="Konfliktsignaler",
        summary="Flags and annotations for complaints to the citizen advisor",
        description=DESCRIPTION,
        version="1",
        lifespan=lifespan,
        docs_url="/docs" if docs else None,
        redoc_url=None,
        openapi_url="/openapi.json" if docs else None,
        # FastAPI's own telemetry logs would carry validation inputs (complaint text).
        telemetry={"logs": False},
    )
    app.state.settings = settings
    app.state.metrics = metrics
    app.state.batcher = AnnotationBatcher()
    install_error_handlers(app)
    app.include_router(api_router)
    install_web(app, settings)  # the advisors' and departments' pages (service/web)
    expose_metrics(app, metrics)
    app.add_middleware(BodyLimit, bulk_limit=settings.max_annotate_body_bytes)
    app.add_middleware(RequestObserver, metrics=metrics)
    return app


def run_kwargs(settings: Settings) -> dict[str, Any]:
    """uvicorn options shared by `konflikt serve`: our JSON logs, not uvicorn's formats."""
    return {"log_config": None, "access_log": False, "log_level": settings.log_level.lower()}

"""`POST /v1/annotate`: annotate up to `max_annotate_items` complaints; stores nothing but the audit entry."""

from __future__ import annotations

import functools
from datetime import timedelta

import anyio.to_thread
from fastapi import APIRouter, HTTPException, Request, status
from sqlalchemy.orm import Session

from service.api.deps import (
    CallerDep,
    ChampionDep,
    MetricsDep,
    SessionDep,
    SettingsDep,
    audit_here,
    batcher_of,
    error_responses,
)
from service.api.schemas import AnnotateRequest, AnnotateResponse
from service.intake import complaint_batch, contact_frame
from service.keys import Caller
from service.metrics import ServiceMetrics
from service.settings import Settings
from signals.model import Annotator

router = APIRouter(prefix="/v1", tags=["annotate"])


@router.post(
    "/annotate",
    response_model=AnnotateResponse,
    summary="Annotate complaints (all roles); nothing is stored",
    responses=error_responses(400, 401, 413, 422, 503),
)
async def annotate(
    body: AnnotateRequest,
    request: Request,
    caller: CallerDep,
    model: ChampionDep,
    session: SessionDep,
    settings: SettingsDep,
    metrics: MetricsDep,
) -> AnnotateResponse:
    """Root causes, mediation score and flag per complaint, in request order.

    Contacts in the body are the citizens' history; only those strictly before a complaint's
    `received_at` count. Texts are anonymised before the model sees them.
    """
    if len(body.complaints) > settings.max_annotate_items:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            f"complaints: {len(body.complaints):,} items; "
            f"at most {settings.max_annotate_items:,} are annotated per request",
        )
    # The work (CPU and the database) in one thread-pool call rather than a hop per step.
    work = functools.partial(_annotate, body, request, caller, model, session, settings, metrics)
    return await anyio.to_thread.run_sync(work)


def _annotate(
    body: AnnotateRequest,
    request: Request,
    caller: Caller,
    model: Annotator,
    session: Session,
    settings: Settings,
    metrics: ServiceMetrics,
) -> AnnotateResponse:
    tolerance = timedelta(seconds=settings.future_tolerance_seconds)
    batch = complaint_batch(body.complaints, loc=("body", "complaints"), tolerance=tolerance)
    contacts = contact_frame(body.contacts, loc=("body", "contacts"), tolerance=tolerance)
    annotations = batcher_of(request).annotate(model, batch.frame, contacts)
    metrics.annotated("annotate", count=len(annotations), flagged=sum(a.mediation_flag for a in annotations))
    audit_here(request, session, caller, action="annotate", status_code=200, item_count=len(annotations))
    session.commit()
    return AnnotateResponse(annotations=annotations)

"""`GET /v1/insights`: root-cause counts and mediation-flag rates per month, within the caller's scope."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request

from service.api.deps import ReaderDep, SessionDep, as_utc, audit_here, error_responses
from service.api.schemas import InsightMonth, Insights
from service.queries import ComplaintFilter, insights
from signals.schema import DepartmentCode

router = APIRouter(prefix="/v1", tags=["insights"])


@router.get(
    "/insights",
    response_model=Insights,
    summary="Root causes and mediation flags per month (a department sees its own)",
    responses=error_responses(401, 403, 422),
)
def read_insights(
    request: Request,
    caller: ReaderDep,
    session: SessionDep,
    forvaltning: DepartmentCode | None = None,
    since: Annotated[datetime | None, Query(description="received_at at or after (ISO 8601).")] = None,
    until: Annotated[datetime | None, Query(description="received_at before (ISO 8601).")] = None,
) -> Insights:
    filters = ComplaintFilter(forvaltning=forvaltning, since=as_utc(since), until=as_utc(until))
    figures = insights(session, caller, filters)
    audit_here(request, session, caller, action="insights.read", status_code=200, item_count=len(figures))
    session.commit()
    scope = caller.forvaltning if caller.role == "forvaltning" else forvaltning
    return Insights(
        forvaltning=scope,  # type: ignore[arg-type]
        months=[
            InsightMonth(
                month=f.month,
                complaints=f.complaints,
                annotated=f.annotated,
                flagged=f.flagged,
                flag_rate=f.flag_rate,
                root_causes=f.root_causes,
            )
            for f in figures
        ],
    )

"""Stored complaints: create (advisor), list and read (departments: their own), feedback (advisor)."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request, status

from service.api.deps import (
    AdvisorDep,
    ChampionDep,
    MetricsDep,
    ReaderDep,
    SessionDep,
    SettingsDep,
    as_utc,
    audit_here,
    batcher_of,
    error_responses,
)
from service.api.schemas import (
    ComplaintCreate,
    ComplaintDetail,
    ComplaintOut,
    ComplaintPage,
    FeedbackIn,
    FeedbackOut,
)
from service.api.summary import contact_summary
from service.intake import complaint_batch
from service.queries import ComplaintFilter, get_complaint, list_complaints
from service.store import (
    add_complaint,
    add_feedback,
    annotation_of,
    complaint_exists,
    contacts_of,
    latest_feedback,
    to_datetime,
)
from service.tables import ComplaintRow, FeedbackRow
from signals.schema import DepartmentCode, RootCauseCode

router = APIRouter(prefix="/v1/complaints", tags=["complaints"])

ComplaintId = Annotated[str, Path(min_length=1, max_length=200)]
# Far beyond any real list, and inside the databases' 64-bit integers (2**63 overflowed them).
MAX_OFFSET = 1_000_000_000


def feedback_out(row: FeedbackRow | None) -> FeedbackOut | None:
    if row is None:
        return None
    return FeedbackOut(
        complaint_id=row.complaint_id,
        root_causes=row.root_causes,  # type: ignore[arg-type]
        mediation_potential=1 if row.mediation_potential else 0,
        key_id=row.key_id,
        created_at=row.created_at,
    )


def complaint_out(row: ComplaintRow, feedback: FeedbackRow | None = None) -> dict[str, object]:
    return {
        "complaint_id": row.complaint_id,
        "received_at": row.received_at,
        "citizen_id": row.citizen_id,
        "forvaltning": row.forvaltning,
        "channel": row.channel,
        "text": row.text,
        "created_at": row.created_at,
        "annotation": annotation_of(row.annotation),
        "feedback": feedback_out(feedback),
    }


@router.post(
    "",
    response_model=ComplaintOut,
    status_code=status.HTTP_201_CREATED,
    summary="Store one complaint (anonymised) and annotate it (advisor)",
    responses=error_responses(400, 401, 403, 409, 413, 422, 503),
)
def create_complaint(
    body: ComplaintCreate,
    request: Request,
    caller: AdvisorDep,
    model: ChampionDep,
    session: SessionDep,
    settings: SettingsDep,
    metrics: MetricsDep,
) -> ComplaintOut:
    """The text is anonymised before it is stored or annotated; the annotation uses the citizen's
    stored contacts before `received_at` (post them first with `POST /v1/contacts`)."""
    complaint_id = body.complaint_id or f"c-{secrets.token_hex(8)}"
    if complaint_exists(session, complaint_id):
        raise HTTPException(status.HTTP_409_CONFLICT, f"complaint_id {complaint_id!r} is already stored")
    batch = complaint_batch(
        [body.model_copy(update={"complaint_id": complaint_id})],
        loc=("body",),
        single=True,
        tolerance=timedelta(seconds=settings.future_tolerance_seconds),
        keep_original_text=settings.keep_original_text,
    )
    record = batch.frame.iloc[0].to_dict()
    contacts = contacts_of(session, [record["citizen_id"]], before=to_datetime(record["received_at"]))
    annotation = batcher_of(request).annotate(model, batch.frame, contacts)[0]
    row = add_complaint(
        session,
        record,
        annotation=annotation,
        created_by=caller.key_id,
        original_text=batch.original_texts[0] if batch.original_texts else None,
    )
    audit_here(
        request, session, caller, action="complaint.create", status_code=201, complaint_ids=[complaint_id]
    )
    session.commit()
    metrics.annotated("complaints", count=1, flagged=int(annotation.mediation_flag))
    return ComplaintOut.model_validate(complaint_out(row))


@router.get(
    "",
    response_model=ComplaintPage,
    summary="List complaints in the caller's scope, newest first",
    responses=error_responses(401, 403, 422),
)
def list_(
    request: Request,
    caller: ReaderDep,
    session: SessionDep,
    forvaltning: DepartmentCode | None = None,
    flagged: Annotated[bool | None, Query(description="Only flagged (true) or unflagged (false).")] = None,
    root_cause: RootCauseCode | None = None,
    since: Annotated[datetime | None, Query(description="received_at at or after (ISO 8601).")] = None,
    until: Annotated[datetime | None, Query(description="received_at before (ISO 8601).")] = None,
    q: Annotated[
        str | None,
        Query(min_length=2, max_length=200, description="Search: words in the anonymised text (any case)."),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> ComplaintPage:
    """A department key sees its own department's complaints only, whatever the filters or search say.
    Search terms are not logged or audited (they may name a person); the audit lists the ids returned."""
    filters = ComplaintFilter(
        forvaltning=forvaltning,
        flagged=flagged,
        root_cause=root_cause,
        since=as_utc(since),
        until=as_utc(until),
        text=q,
    )
    total, rows = list_complaints(session, caller, filters, limit=limit, offset=offset)
    feedback = latest_feedback(session, [row.complaint_id for row in rows])
    ids = [row.complaint_id for row in rows]
    audit_here(request, session, caller, action="complaint.list", status_code=200, complaint_ids=ids)
    session.commit()
    items = [ComplaintOut.model_validate(complaint_out(row, feedback.get(row.complaint_id))) for row in rows]
    return ComplaintPage(total=total, limit=limit, offset=offset, items=items)


def _in_scope_or_404(
    request: Request, session: SessionDep, caller: ReaderDep, complaint_id: str
) -> ComplaintRow:
    row = get_complaint(session, caller, complaint_id)
    if row is None:
        # Another department's complaint looks exactly like a missing one; the attempt is audited.
        audit_here(
            request, session, caller, action="complaint.read", status_code=404, complaint_ids=[complaint_id]
        )
        session.commit()
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no complaint {complaint_id!r}")
    return row


@router.get(
    "/{complaint_id}",
    response_model=ComplaintDetail,
    summary="One complaint with its annotation and the citizen's contact summary",
    responses=error_responses(401, 403, 404),
)
def read(
    request: Request, caller: ReaderDep, session: SessionDep, complaint_id: ComplaintId
) -> ComplaintDetail:
    row = _in_scope_or_404(request, session, caller, complaint_id)
    summary = contact_summary(session, row)
    feedback = latest_feedback(session, [complaint_id]).get(complaint_id)
    audit_here(
        request, session, caller, action="complaint.read", status_code=200, complaint_ids=[complaint_id]
    )
    session.commit()
    return ComplaintDetail.model_validate({**complaint_out(row, feedback), "contact_summary": summary})


@router.post(
    "/{complaint_id}/feedback",
    response_model=FeedbackOut,
    status_code=status.HTTP_201_CREATED,
    summary="Record an advisor's corrected root causes and mediation judgement (advisor)",
    responses=error_responses(400, 401, 403, 404, 413, 422),
)
def feedback(
    body: FeedbackIn, request: Request, caller: AdvisorDep, session: SessionDep, complaint_id: ComplaintId
) -> FeedbackOut:
    """Becomes training data: `konflikt feedback export` writes the latest judgement per complaint."""
    _in_scope_or_404(request, session, caller, complaint_id)
    row = add_feedback(
        session,
        complaint_id,
        root_causes=list(body.root_causes),
        mediation_potential=body.mediation_potential,
        key_id=caller.key_id,
    )
    audit_here(
        request, session, caller, action="complaint.feedback", status_code=201, complaint_ids=[complaint_id]
    )
    session.commit()
    result = feedback_out(row)
    assert result is not None
    return result

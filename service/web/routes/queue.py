"""`/sager`: the triage queue, highest mediation score first, with filters, paging and the capacity line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from service.api.deps import SessionDep, audit_here
from service.champion import ChampionHolder
from service.keys import Caller
from service.queries import ComplaintFilter, list_complaints
from service.store import latest_feedback
from service.web.auth import PageCallerDep
from service.web.filters import parse_filters, start_of_day
from service.web.pages import render
from service.web.views import queue_item
from signals.schema import COPENHAGEN

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 25


@dataclass(frozen=True)
class Capacity:
    """How many flagged complaints the advisors can take a week, and how many this week has."""

    per_week: float | None  # from the champion model's training settings; None when it does not say
    flagged_this_week: int
    week_start: datetime

    @property
    def over(self) -> bool:
        return self.per_week is not None and self.flagged_this_week > self.per_week


def week_start(now: datetime | None = None) -> datetime:
    """Monday 00:00 of the current week, Copenhagen time."""
    today = (now or datetime.now(COPENHAGEN)).astimezone(COPENHAGEN).date()
    return start_of_day(today - timedelta(days=today.weekday()))


def capacity(session: Session, caller: Caller, holder: ChampionHolder) -> Capacity:
    """Flagged complaints received this week, within the caller's scope (a department counts its own)."""
    start = week_start()
    this_week = ComplaintFilter(flagged=True, since=start, until=start + timedelta(days=7))
    flagged, _ = list_complaints(session, caller, this_week, limit=1, offset=0)
    settings = getattr(holder.current, "capacity", None)
    per_week = settings.get("per_week") if isinstance(settings, dict) else None
    per_week = float(per_week) if isinstance(per_week, int | float) and per_week > 0 else None
    return Capacity(per_week, flagged, start)


@router.get("/sager")
def queue(request: Request, caller: PageCallerDep, session: SessionDep) -> Response:
    filters = parse_filters(caller, request.query_params)
    total, rows = list_complaints(
        session,
        caller,
        filters.complaint_filter(),
        limit=PAGE_SIZE,
        offset=(filters.page - 1) * PAGE_SIZE,
        order="mediation",
    )
    ids = [row.complaint_id for row in rows]
    feedback = latest_feedback(session, ids)
    items = [queue_item(row, feedback.get(row.complaint_id)) for row in rows]
    load = capacity(session, caller, request.app.state.champion)
    # The same audit entry as GET /v1/complaints: which complaints this caller was shown.
    audit_here(request, session, caller, action="complaint.list", status_code=200, complaint_ids=ids)
    session.commit()
    pages = max(1, -(-total // PAGE_SIZE))
    return render(
        request,
        "queue.html",
        {
            "items": items,
            "total": total,
            "filters": filters,
            "page": filters.page,
            "pages": pages,
            "first": (filters.page - 1) * PAGE_SIZE + 1,
            "last": (filters.page - 1) * PAGE_SIZE + len(items),
            "previous_query": filters.query(page=filters.page - 1) if filters.page > 1 else None,
            "next_query": filters.query(page=filters.page + 1) if filters.page < pages else None,
            "capacity": load,
        },
    )

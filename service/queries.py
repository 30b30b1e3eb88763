"""Reading complaints within the caller's scope: lists, one record, insights, and the feedback export.

Department isolation lives in `in_scope`: every query on complaints here starts from it, so a
department's WHERE clause is built in one place and applied by the database, never afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import pandas as pd
from sqlalchemy import ColumnElement, Select, case, false, func, select, true
from sqlalchemy.orm import Session

from service.keys import Caller
from service.tables import AnnotationRootCauseRow, AnnotationRow, ComplaintRow, FeedbackRow


def in_scope(caller: Caller) -> ColumnElement[bool]:
    """The condition on `complaints` that limits a caller to what its role may see."""
    if caller.role != "forvaltning":
        return true()
    if caller.forvaltning is None:  # cannot happen for keys made by `create_key`; never widen to NULL
        return false()
    return ComplaintRow.forvaltning == caller.forvaltning


def scoped_complaints(caller: Caller) -> Select[ComplaintRow]:
    return select(ComplaintRow).where(in_scope(caller))


@dataclass(frozen=True)
class ComplaintFilter:
    forvaltning: str | None = None
    flagged: bool | None = None
    root_cause: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    text: str | None = None  # words in the anonymised text, case-insensitive


def _like_pattern(words: str) -> str:
    """A LIKE pattern matching `words` literally (%, _ and the escape character are escaped)."""
    escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filtered(stmt: Select[ComplaintRow], filters: ComplaintFilter) -> Select[ComplaintRow]:
    if filters.forvaltning is not None:
        stmt = stmt.where(ComplaintRow.forvaltning == filters.forvaltning)
    if filters.flagged is not None:
        flagged = select(AnnotationRow.complaint_id).where(AnnotationRow.mediation_flag.is_(filters.flagged))
        stmt = stmt.where(ComplaintRow.complaint_id.in_(flagged))
    if filters.root_cause is not None:
        coded = select(AnnotationRootCauseRow.complaint_id).where(
            AnnotationRootCauseRow.code == filters.root_cause
        )
        stmt = stmt.where(ComplaintRow.complaint_id.in_(coded))
    if filters.since is not None:
        stmt = stmt.where(ComplaintRow.received_at >= filters.since)
    if filters.until is not None:
        stmt = stmt.where(ComplaintRow.received_at < filters.until)
    if filters.text:
        stmt = stmt.where(ComplaintRow.text.ilike(_like_pattern(filters.text), escape="\\"))
    return stmt


ListOrder = Literal["newest", "mediation"]


def list_complaints(
    session: Session,
    caller: Caller,
    filters: ComplaintFilter,
    *,
    limit: int,
    offset: int,
    order: ListOrder = "newest",
) -> tuple[int, list[ComplaintRow]]:
    """One page of complaints and the total count matching the filters in scope.

    `order`: newest first, or highest mediation score first (the advisors' triage queue; ties and
    unannotated complaints after, newest first).
    """
    stmt = _filtered(scoped_complaints(caller), filters)
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    if order == "mediation":
        stmt = stmt.outerjoin(AnnotationRow, AnnotationRow.complaint_id == ComplaintRow.complaint_id)
        stmt = stmt.order_by(AnnotationRow.mediation_score.desc().nulls_last())
    page = (
        stmt.order_by(ComplaintRow.received_at.desc(), ComplaintRow.complaint_id).limit(limit).offset(offset)
    )
    return total, list(session.scalars(page))


def get_complaint(session: Session, caller: Caller, complaint_id: str) -> ComplaintRow | None:
    """One complaint if it exists and is in scope; out of scope looks exactly like absent."""
    return session.scalar(scoped_complaints(caller).where(ComplaintRow.complaint_id == complaint_id))


@dataclass(frozen=True)
class MonthFigures:
    month: str
    complaints: int
    annotated: int
    flagged: int
    root_causes: dict[str, int]

    @property
    def flag_rate(self) -> float | None:
        return self.flagged / self.annotated if self.annotated else None


def insights(session: Session, caller: Caller, filters: ComplaintFilter) -> list[MonthFigures]:
    """Per Copenhagen month: complaints, annotated, flagged and root-cause counts, within scope."""
    scoped = _filtered(scoped_complaints(caller), filters).subquery()
    counts = (
        select(
            scoped.c.received_month,
            func.count(scoped.c.complaint_id),
            func.count(AnnotationRow.complaint_id),
            func.coalesce(func.sum(case((AnnotationRow.mediation_flag.is_(True), 1), else_=0)), 0),
        )
        .select_from(scoped)
        .outerjoin(AnnotationRow, AnnotationRow.complaint_id == scoped.c.complaint_id)
        .group_by(scoped.c.received_month)
    )
    causes = (
        select(scoped.c.received_month, AnnotationRootCauseRow.code, func.count())
        .select_from(scoped)
        .join(AnnotationRootCauseRow, AnnotationRootCauseRow.complaint_id == scoped.c.complaint_id)
        .group_by(scoped.c.received_month, AnnotationRootCauseRow.code)
    )
    by_month: dict[str, dict[str, int]] = {}
    for month, code, count in session.execute(causes):
        by_month.setdefault(month, {})[code] = int(count)
    figures = [
        MonthFigures(
            month=month,
            complaints=int(n),
            annotated=int(annotated),
            flagged=int(flagged),
            root_causes=dict(sorted(by_month.get(month, {}).items(), key=lambda item: (-item[1], item[0]))),
        )
        for month, n, annotated, flagged in session.execute(counts)
    ]
    return sorted(figures, key=lambda f: f.month)


def export_feedback(session: Session) -> pd.DataFrame:
    """Advisors' latest judgement per complaint, as training labels.

    Columns: complaint_id, root_causes (list of codes), mediation_potential (0/1), key_id,
    created_at (UTC). One row per complaint; the newest feedback wins.
    """
    stmt = select(FeedbackRow).order_by(FeedbackRow.created_at, FeedbackRow.id)
    latest: dict[str, FeedbackRow] = {row.complaint_id: row for row in session.scalars(stmt)}
    rows = sorted(latest.values(), key=lambda row: row.complaint_id)
    return pd.DataFrame(
        {
            "complaint_id": pd.Series([r.complaint_id for r in rows], dtype=object),
            "root_causes": pd.Series([list(r.root_causes) for r in rows], dtype=object),
            "mediation_potential": pd.Series([int(r.mediation_potential) for r in rows], dtype="int64"),
            "key_id": pd.Series([r.key_id for r in rows], dtype=object),
            "created_at": pd.Series(pd.to_datetime([r.created_at for r in rows], utc=True)),
        }
    )

"""Writing complaints, annotations, contacts and feedback; reading a citizen's contacts as a loader table.

Functions add to the caller's session and never commit: one request is one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from service.tables import (
    AnnotationRootCauseRow,
    AnnotationRow,
    ComplaintRow,
    ContactRow,
    FeedbackRow,
    utcnow,
)
from signals.schema import COPENHAGEN, Annotation
from signals.timeparse import UTC_DTYPE  # what the loader gives

CONTACT_COLUMNS = ("citizen_id", "occurred_at", "channel", "recipient", "kind")
_CHUNK = 500  # bound parameters per IN (...): well under SQLite's limit


def _chunks(values: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def to_datetime(value: Any) -> datetime:
    """A loader timestamp (pandas, tz-aware UTC) as a Python datetime."""
    return pd.Timestamp(value).to_pydatetime()


def month_of(moment: datetime) -> str:
    """The Copenhagen calendar month of a moment, "YYYY-MM"."""
    return moment.astimezone(COPENHAGEN).strftime("%Y-%m")


def complaint_exists(session: Session, complaint_id: str) -> bool:
    return session.get(ComplaintRow, complaint_id) is not None


def add_complaint(
    session: Session,
    record: dict[str, Any],
    *,
    annotation: Annotation,
    created_by: str,
    original_text: str | None = None,
) -> ComplaintRow:
    """Add one complaint (a loader row as a dict, text already anonymised) with its annotation."""
    received_at = to_datetime(record["received_at"])
    row = ComplaintRow(
        complaint_id=str(record["complaint_id"]),
        received_at=received_at,
        received_month=month_of(received_at),
        citizen_id=str(record["citizen_id"]),
        forvaltning=record.get("forvaltning") or None,
        channel=str(record["channel"]),
        text=str(record["text"]),
        original_text=original_text,
        created_at=utcnow(),
        created_by=created_by,
    )
    session.add(row)
    session.add(annotation_row(annotation))
    session.flush()
    return row


def annotation_row(annotation: Annotation) -> AnnotationRow:
    return AnnotationRow(
        complaint_id=annotation.complaint_id,
        model_version=annotation.model_version,
        root_causes=list(annotation.root_causes),
        root_cause_scores=dict(annotation.root_cause_scores),
        mediation_score=float(annotation.mediation_score),
        mediation_flag=bool(annotation.mediation_flag),
        explanation=dict(annotation.explanation),
        created_at=utcnow(),
        codes=[AnnotationRootCauseRow(code=code) for code in dict.fromkeys(annotation.root_causes)],
    )


def annotation_of(row: AnnotationRow | None) -> Annotation | None:
    if row is None:
        return None
    return Annotation(
        complaint_id=row.complaint_id,
        root_causes=row.root_causes,  # type: ignore[arg-type]
        root_cause_scores=row.root_cause_scores,
        mediation_score=row.mediation_score,
        mediation_flag=row.mediation_flag,
        explanation=row.explanation,
        model_version=row.model_version,
    )


def _contact_key(
    citizen_id: str, occurred_at: datetime, channel: str, recipient: str, kind: str
) -> tuple[Any, ...]:
    return (citizen_id, occurred_at, channel, recipient, kind)


def add_contacts(session: Session, frame: pd.DataFrame) -> tuple[int, int]:
    """Add contact events not stored yet; returns (stored, duplicates). Repeating a post is harmless."""
    incoming = [
        _contact_key(
            str(r.citizen_id), to_datetime(r.occurred_at), str(r.channel), str(r.recipient), str(r.kind)
        )
        for r in frame.itertuples(index=False)
    ]
    existing: set[tuple[Any, ...]] = set()
    citizens = sorted({key[0] for key in incoming})
    for chunk in _chunks(citizens):
        stmt = select(*(getattr(ContactRow, c) for c in CONTACT_COLUMNS)).where(
            ContactRow.citizen_id.in_(chunk)
        )
        existing.update(_contact_key(*row) for row in session.execute(stmt))
    new = [key for key in dict.fromkeys(incoming) if key not in existing]
    now = utcnow()
    session.add_all(
        ContactRow(citizen_id=c, occurred_at=t, channel=ch, recipient=rcp, kind=k, created_at=now)
        for c, t, ch, rcp, k in new
    )
    session.flush()
    return len(new), len(incoming) - len(new)


def contacts_of(
    session: Session, citizen_ids: Iterable[str], *, before: datetime | None = None
) -> pd.DataFrame:
    """The stored contacts of these citizens (optionally strictly before a moment) as a loader table."""
    ids = sorted(set(citizen_ids))
    rows: list[tuple[Any, ...]] = []
    for chunk in _chunks(ids):
        stmt = select(*(getattr(ContactRow, c) for c in CONTACT_COLUMNS)).where(
            ContactRow.citizen_id.in_(chunk)
        )
        if before is not None:
            stmt = stmt.where(ContactRow.occurred_at < before)
        rows.extend(tuple(row) for row in session.execute(stmt.order_by(ContactRow.occurred_at)))
    frame = pd.DataFrame(rows, columns=list(CONTACT_COLUMNS))
    frame["occurred_at"] = pd.to_datetime(frame["occurred_at"], utc=True).astype(UTC_DTYPE)
    for column in ("citizen_id", "channel", "recipient", "kind"):
        frame[column] = frame[column].astype(object)
    return frame


def add_feedback(
    session: Session, complaint_id: str, *, root_causes: list[str], mediation_potential: int, key_id: str
) -> FeedbackRow:
    row = FeedbackRow(
        complaint_id=complaint_id,
        root_causes=list(dict.fromkeys(root_causes)),
        mediation_potential=bool(mediation_potential),
        key_id=key_id,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return row


def latest_feedback(session: Session, complaint_ids: Sequence[str]) -> dict[str, FeedbackRow]:
    """The most recent feedback per complaint, for the given ids."""
    latest: dict[str, FeedbackRow] = {}
    for chunk in _chunks(list(complaint_ids)):
        stmt = (
            select(FeedbackRow)
            .where(FeedbackRow.complaint_id.in_(chunk))
            .order_by(FeedbackRow.created_at, FeedbackRow.id)
        )
        for row in session.scalars(stmt):
            latest[row.complaint_id] = row  # ascending order: the last one wins
    return latest

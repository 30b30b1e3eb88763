"""The audit log: who (key id and role) did what to which complaints, when, with what outcome.

Entries for successful requests are added to the request's own session, so they commit in the
same transaction as the data they describe; refused requests get their own short transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.keys import Caller
from service.tables import AuditComplaintRow, AuditRow, utcnow

COMPLAINT_ID_LENGTH = 200  # tables.ComplaintRow.complaint_id


def record_audit(
    session: Session,
    caller: Caller | None,
    *,
    action: str,
    method: str,
    path: str,
    status: int,
    complaint_ids: Iterable[str] = (),
    item_count: int | None = None,
) -> AuditRow:
    """Add one audit entry to `session` (the caller commits it with the rest of the request)."""
    # unique, in order; an id longer than any stored id (a refused request's raw path, say) names
    # no complaint, and would not fit the column
    ids = [cid for cid in dict.fromkeys(complaint_ids) if 0 < len(cid) <= COMPLAINT_ID_LENGTH]
    entry = AuditRow(
        at=utcnow(),
        key_id=caller.key_id if caller else None,
        role=caller.role if caller else None,
        action=action,
        method=method,
        path=path[:500],
        status=status,
        item_count=item_count if item_count is not None else (len(ids) or None),
        complaints=[AuditComplaintRow(complaint_id=cid) for cid in ids],
    )
    session.add(entry)
    return entry


def query_audit(
    session: Session,
    *,
    key_id: str | None = None,
    complaint_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 1_000,
) -> list[AuditRow]:
    """Audit entries, newest first, filtered by key, complaint and time (since inclusive, until exclusive)."""
    stmt = select(AuditRow).order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(limit)
    if key_id is not None:
        stmt = stmt.where(AuditRow.key_id == key_id)
    if complaint_id is not None:
        touched = select(AuditComplaintRow.audit_id).where(AuditComplaintRow.complaint_id == complaint_id)
        stmt = stmt.where(AuditRow.id.in_(touched))
    if since is not None:
        stmt = stmt.where(AuditRow.at >= since)
    if until is not None:
        stmt = stmt.where(AuditRow.at < until)
    return list(session.scalars(stmt))

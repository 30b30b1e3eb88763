"""The audit log: who (key id and role) did what to which complaints, when, with what outcome.

Entries for successful requests are written in the request's own transaction, so they commit
with the data they describe; refused requests get their own short transaction. A request that
writes nothing else (annotate) writes its entry as one statement on an autocommit connection:
committed, and so durable, before the answer leaves.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import cast

from sqlalchemy import Connection, Table, insert, select
from sqlalchemy.orm import Session

from service.keys import Caller
from service.tables import AuditComplaintRow, AuditRow, utcnow

COMPLAINT_ID_LENGTH = 200  # tables.ComplaintRow.complaint_id


_ENTRIES = cast(Table, AuditRow.__table__)
_TOUCHED = cast(Table, AuditComplaintRow.__table__)
# Core statements, built once: the ORM's unit of work cost more than the insert itself.
_INSERT_ENTRY = insert(_ENTRIES)
_INSERT_ENTRY_RETURNING_ID = insert(_ENTRIES).returning(_ENTRIES.c.id)
_INSERT_TOUCHED = insert(_TOUCHED)


def record_audit(
    session: Session | Connection,
    caller: Caller | None,
    *,
    action: str,
    method: str,
    path: str,
    status: int,
    complaint_ids: Iterable[str] = (),
    item_count: int | None = None,
) -> None:
    """Write one audit entry in the transaction of `session` (the caller commits it with the rest
    of the request), or, on a connection in autocommit mode, as its own committed statement
    (only without `complaint_ids`: an entry and its complaint rows are two statements)."""
    # unique, in order; an id longer than any stored id (a refused request's raw path, say) names
    # no complaint, and would not fit the column
    ids = [cid for cid in dict.fromkeys(complaint_ids) if 0 < len(cid) <= COMPLAINT_ID_LENGTH]
    connection = session.connection() if isinstance(session, Session) else session
    if ids and connection.get_execution_options().get("isolation_level") == "AUTOCOMMIT":
        raise ValueError("an audit entry with complaint ids needs a transaction, not autocommit")
    values = {
        "at": utcnow(),
        "key_id": caller.key_id if caller else None,
        "role": caller.role if caller else None,
        "action": action,
        "method": method,
        "path": path[:500],
        "status": status,
        "item_count": item_count if item_count is not None else (len(ids) or None),
    }
    if not ids:
        connection.execute(_INSERT_ENTRY, values)
        return
    audit_id = connection.execute(_INSERT_ENTRY_RETURNING_ID, values).scalar_one()
    connection.execute(_INSERT_TOUCHED, [{"audit_id": audit_id, "complaint_id": cid} for cid in ids])


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

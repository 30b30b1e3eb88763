"""The contact summary shown with one complaint: features, notable facts and a monthly timeline."""

from __future__ import annotations

import pandas as pd
from sqlalchemy.orm import Session

from service.api.schemas import ContactMonth, ContactSummary
from service.store import contacts_of
from service.tables import ComplaintRow
from signals.timeparse import UTC_DTYPE


def contact_summary(session: Session, complaint: ComplaintRow) -> ContactSummary:
    """What the citizen's stored contacts strictly before `received_at` say (the model's view)."""
    from signals.contacts import contact_facts, contact_features, contact_history

    contacts = contacts_of(session, [complaint.citizen_id], before=complaint.received_at)
    received = pd.Series([complaint.received_at]).astype(UTC_DTYPE)
    one = pd.DataFrame({"citizen_id": [complaint.citizen_id], "received_at": received})
    features = {name: float(value) for name, value in contact_features(one, contacts).iloc[0].items()}
    history = contact_history(contacts, complaint.citizen_id, until=pd.Timestamp(complaint.received_at))
    months = [
        ContactMonth(
            month=pd.Timestamp(row.month).strftime("%Y-%m"),
            total=int(row.total),
            to_mayor=int(row.to_mayor),
            chasers=int(row.chasers),
        )
        for row in history.itertuples(index=False)
    ]
    return ContactSummary(features=features, facts=contact_facts(features), months=months)

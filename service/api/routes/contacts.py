"""`POST /v1/contacts`: record a citizen's contact events (advisor); an event posted twice is stored once."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request, status

from service.api.deps import AdvisorDep, SessionDep, SettingsDep, audit_here, error_responses
from service.api.schemas import ContactsRequest, ContactsStored
from service.intake import contact_frame
from service.store import add_contacts

router = APIRouter(prefix="/v1", tags=["contacts"])


@router.post(
    "/contacts",
    response_model=ContactsStored,
    status_code=status.HTTP_201_CREATED,
    summary="Record contact events (advisor)",
    responses=error_responses(400, 401, 403, 409, 413, 422),
)
def record_contacts(
    body: ContactsRequest, request: Request, caller: AdvisorDep, session: SessionDep, settings: SettingsDep
) -> ContactsStored:
    """All or nothing: one bad event refuses the whole request, naming its index and field."""
    frame = contact_frame(
        body.contacts,
        loc=("body", "contacts"),
        tolerance=timedelta(seconds=settings.future_tolerance_seconds),
    )
    stored, duplicates = add_contacts(session, frame)
    audit_here(request, session, caller, action="contacts.create", status_code=201, item_count=stored)
    session.commit()
    return ContactsStored(received=len(frame), stored=stored, duplicates=duplicates)

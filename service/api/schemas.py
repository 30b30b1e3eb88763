"""Request and response bodies. Codes come from `signals.schema`, so the API and the files share them.

Times arrive as strings and are parsed by the loader (`signals.loader`), the one reader of input
data: a time without an offset is Copenhagen time, a date alone is midnight, as in files.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from signals.schema import (
    MAX_TEXT_CHARS,
    Annotation,
    Channel,
    ContactKind,
    DepartmentCode,
    Recipient,
    RootCauseCode,
)

Id = Annotated[str, Field(min_length=1, max_length=200)]
TimeString = Annotated[
    str,
    Field(
        min_length=1,
        max_length=64,
        json_schema_extra={"format": "date-time"},
        description="ISO 8601; without an offset it is Copenhagen time; a date alone is midnight.",
    ),
]
ComplaintText = Annotated[
    str,
    Field(
        min_length=1, max_length=MAX_TEXT_CHARS, description="Anonymised before it is stored or annotated."
    ),
]

EXAMPLE_COMPLAINT: dict[str, JsonValue] = {
    "complaint_id": "c-000123",
    "received_at": "2026-11-03T09:15:00+01:00",
    "citizen_id": "p-8f3a2c",
    "forvaltning": "SOF",
    "channel": "email",
    "text": "Jeg har ventet fire måneder på svar om min bevilling og ingen ringer tilbage.",
}
EXAMPLE_CONTACT: dict[str, JsonValue] = {
    "citizen_id": "p-8f3a2c",
    "occurred_at": "2026-10-20T13:00:00+02:00",
    "channel": "telefon",
    "recipient": "SOF",
    "kind": "rykker",
}


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ComplaintIn(_Body):
    """One complaint (contract section 1). Labels are accepted and ignored by annotation."""

    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE_COMPLAINT]})

    complaint_id: Id
    received_at: TimeString
    citizen_id: Id = Field(description="A pseudonym, never a CPR number.")
    forvaltning: DepartmentCode | None = None
    channel: Channel
    text: ComplaintText
    root_causes: Annotated[list[RootCauseCode], Field(max_length=3)] | None = None
    mediation_potential: Literal[0, 1] | None = None


class ComplaintCreate(_Body):
    """A complaint to store; without `complaint_id` the service assigns one."""

    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE_COMPLAINT]})

    complaint_id: Id | None = None
    received_at: TimeString
    citizen_id: Id = Field(description="A pseudonym, never a CPR number.")
    forvaltning: DepartmentCode | None = None
    channel: Channel
    text: ComplaintText


class ContactIn(_Body):
    """One contact event in a citizen's history (contract section 1)."""

    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE_CONTACT]})

    citizen_id: Id
    occurred_at: TimeString
    channel: Channel
    recipient: Recipient
    kind: ContactKind


class AnnotateRequest(_Body):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"complaints": [EXAMPLE_COMPLAINT], "contacts": [EXAMPLE_CONTACT]}]}
    )

    complaints: Annotated[list[ComplaintIn], Field(min_length=1)]
    contacts: list[ContactIn] = Field(default_factory=list)


class AnnotateResponse(BaseModel):
    annotations: list[Annotation]


class ContactsRequest(_Body):
    model_config = ConfigDict(json_schema_extra={"examples": [{"contacts": [EXAMPLE_CONTACT]}]})

    contacts: Annotated[list[ContactIn], Field(min_length=1)]


class ContactsStored(BaseModel):
    received: int
    stored: int
    duplicates: int = Field(
        description="Events already stored (same citizen, time, channel, recipient, kind)."
    )


class FeedbackIn(_Body):
    """An advisor's judgement: the root causes that are right, and whether mediation has potential."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"root_causes": ["manglende_svar"], "mediation_potential": 1}]}
    )

    root_causes: Annotated[list[RootCauseCode], Field(min_length=1, max_length=3)]
    mediation_potential: Literal[0, 1]


class FeedbackOut(BaseModel):
    complaint_id: str
    root_causes: list[RootCauseCode]
    mediation_potential: Literal[0, 1]
    key_id: str
    created_at: datetime


class ComplaintOut(BaseModel):
    """A stored complaint (text anonymised) with its annotation and the latest advisor feedback."""

    complaint_id: str
    received_at: datetime
    citizen_id: str
    forvaltning: DepartmentCode | None
    channel: Channel
    text: str
    created_at: datetime
    annotation: Annotation | None
    feedback: FeedbackOut | None = None


class ContactMonth(BaseModel):
    month: str = Field(description="YYYY-MM (UTC)")
    total: int
    to_mayor: int
    chasers: int


class ContactSummary(BaseModel):
    """The citizen's contacts strictly before the complaint: features, notable facts, a monthly timeline."""

    features: dict[str, float]
    facts: list[str]
    months: list[ContactMonth]


class ComplaintDetail(ComplaintOut):
    contact_summary: ContactSummary


class ComplaintPage(BaseModel):
    total: int = Field(description="Matching complaints in the caller's scope, over all pages.")
    limit: int
    offset: int
    items: list[ComplaintOut]


class InsightMonth(BaseModel):
    month: str = Field(description="YYYY-MM, Copenhagen time")
    complaints: int
    annotated: int
    flagged: int
    flag_rate: float | None = Field(description="flagged / annotated; null when none was annotated")
    root_causes: dict[str, int]


class Insights(BaseModel):
    forvaltning: DepartmentCode | None = Field(
        description="The department the figures are limited to, if any."
    )
    months: list[InsightMonth]


class Health(BaseModel):
    status: Literal["ok", "no_model"]
    model_version: str | None
    database: Literal["ok", "unavailable"]


class ErrorItem(BaseModel):
    loc: list[str | int]
    field: str
    msg: str
    type: str


class ValidationErrorBody(BaseModel):
    message: str = Field(description="The first problem, naming its field.")
    detail: list[ErrorItem]


class ErrorBody(BaseModel):
    detail: str

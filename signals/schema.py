"""The product contract's vocabulary: root causes, departments, channels, and record types.

Everything else (loader, generator, features, API) takes its codes from here, so a
code is defined once.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field

COPENHAGEN = ZoneInfo("Europe/Copenhagen")

# code -> Danish label, in the order of ../shared/contract/taxonomy.md
ROOT_CAUSES: dict[str, str] = {
    "sagsbehandlingstid": "Lang sagsbehandlingstid",
    "manglende_svar": "Manglende svar og tilgængelighed",
    "kommunikation": "Uklar eller modstridende kommunikation",
    "medarbejderadfaerd": "Medarbejderes adfærd og tone",
    "partshoering": "Manglende partshøring og inddragelse",
    "begrundelse": "Mangelfuld begrundelse",
    "vejledning": "Manglende eller forkert vejledning",
    "sagsoplysning": "Fejl eller mangler i sagsoplysningen",
    "aktindsigt": "Aktindsigt",
    "koordinering": "Manglende koordinering",
    "opfoelgning": "Manglende opfølgning på aftaler",
    "afgoerelsens_indhold": "Uenighed i afgørelsens indhold",
    "databeskyttelse": "Databeskyttelse og fortrolighed",
}
ROOT_CAUSE_CODES: tuple[str, ...] = tuple(ROOT_CAUSES)

DEPARTMENTS: dict[str, str] = {
    "BUF": "Børne- og Ungdomsforvaltningen",
    "SOF": "Socialforvaltningen",
    "BIF": "Beskæftigelses- og Integrationsforvaltningen",
    "SUF": "Sundheds- og Omsorgsforvaltningen",
    "TMF": "Teknik- og Miljøforvaltningen",
    "KFF": "Kultur- og Fritidsforvaltningen",
    "OKF": "Økonomiforvaltningen",
}
DEPARTMENT_CODES: tuple[str, ...] = tuple(DEPARTMENTS)

CHANNELS: tuple[str, ...] = ("email", "brev", "telefon", "personligt", "digital_post", "webformular")
MAYOR = "borgmester"
CITIZEN_ADVISOR = "borgerraadgiver"
RECIPIENTS: tuple[str, ...] = (*DEPARTMENT_CODES, MAYOR, CITIZEN_ADVISOR)
CONTACT_KINDS: tuple[str, ...] = ("henvendelse", "klage", "rykker", "moede")

MAX_TEXT_CHARS = 20_000

Channel = Literal["email", "brev", "telefon", "personligt", "digital_post", "webformular"]
DepartmentCode = Literal["BUF", "SOF", "BIF", "SUF", "TMF", "KFF", "OKF"]
RootCauseCode = Literal[
    "sagsbehandlingstid",
    "manglende_svar",
    "kommunikation",
    "medarbejderadfaerd",
    "partshoering",
    "begrundelse",
    "vejledning",
    "sagsoplysning",
    "aktindsigt",
    "koordinering",
    "opfoelgning",
    "afgoerelsens_indhold",
    "databeskyttelse",
]
Recipient = Literal["BUF", "SOF", "BIF", "SUF", "TMF", "KFF", "OKF", "borgmester", "borgerraadgiver"]
ContactKind = Literal["henvendelse", "klage", "rykker", "moede"]


class Complaint(BaseModel):
    """One complaint as the contract describes it (section 1)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    complaint_id: Annotated[str, Field(min_length=1, max_length=200)]
    received_at: datetime
    citizen_id: Annotated[str, Field(min_length=1, max_length=200)]
    forvaltning: DepartmentCode | None = None
    channel: Channel
    text: Annotated[str, Field(min_length=1, max_length=MAX_TEXT_CHARS)]
    root_causes: list[RootCauseCode] | None = None
    mediation_potential: Literal[0, 1] | None = None


class Contact(BaseModel):
    """One contact event in a citizen's history (contract section 1)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    citizen_id: Annotated[str, Field(min_length=1, max_length=200)]
    occurred_at: datetime
    channel: Channel
    recipient: Recipient
    kind: ContactKind


class Annotation(BaseModel):
    """What the product says about one complaint (contract section 2)."""

    complaint_id: str
    root_causes: list[RootCauseCode]
    root_cause_scores: dict[str, float]
    mediation_score: float
    mediation_flag: bool
    explanation: dict[str, object]
    model_version: str

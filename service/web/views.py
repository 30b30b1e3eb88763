"""What the pages show, in Danish: dates, percentages, labels, and view models of stored rows.

Stored explanations are JSON written by whichever model was champion, so every field is read
defensively: a missing or odd field shows nothing, never an error page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from service.tables import ComplaintRow, FeedbackRow
from signals.schema import COPENHAGEN, DEPARTMENTS, ROOT_CAUSE_CODES, ROOT_CAUSES

MONTHS_DA = ("jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")
MONTHS_SHORT_DA = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
ROLE_LABELS = {"advisor": "Borgerrådgiver", "analyst": "Analytiker", "forvaltning": "Forvaltning"}
CHANNEL_LABELS = {
    "email": "E-mail",
    "brev": "Brev",
    "telefon": "Telefon",
    "personligt": "Personligt fremmøde",
    "digital_post": "Digital Post",
    "webformular": "Webformular",
}
EXCERPT_CHARS = 180


def local(moment: datetime) -> datetime:
    return moment.astimezone(COPENHAGEN)


def date_da(moment: datetime) -> str:
    """14. okt. 2026 (Copenhagen time)."""
    at = local(moment)
    return f"{at.day}. {MONTHS_DA[at.month - 1]} {at.year}"


def datetime_da(moment: datetime) -> str:
    """14. okt. 2026 kl. 10.30 (Copenhagen time)."""
    at = local(moment)
    return f"{date_da(at)} kl. {at.hour:02d}.{at.minute:02d}"


def month_da(month: str) -> str:
    """ "2026-10" -> "okt. 2026"."""
    year, number = month.split("-")
    return f"{MONTHS_DA[int(number) - 1]} {year}"


def percent_da(value: float | None, digits: int = 0) -> str:
    """0.745 -> "75 %" (Danish: a space before %, a decimal comma)."""
    if value is None:
        return "–"
    return f"{value * 100:.{digits}f} %".replace(".", ",")


def number_da(value: float) -> str:
    """8 -> "8", 2.5 -> "2,5"."""
    return f"{value:g}".replace(".", ",")


def department_name(code: str | None) -> str:
    return DEPARTMENTS.get(code or "", "Ukendt forvaltning")


def root_cause_label(code: str) -> str:
    return ROOT_CAUSES.get(code, code)


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of the (anonymised) text on one line, cut at a word boundary."""
    flat = re.sub(r"\s+", " ", text).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:–-") + " …"


@dataclass(frozen=True)
class Chip:
    code: str
    label: str
    score: float | None


@dataclass(frozen=True)
class QueueItem:
    complaint_id: str
    received_at: datetime
    forvaltning: str | None
    mediation_score: float | None
    flagged: bool
    chips: list[Chip]
    excerpt: str
    reviewed: bool


def _score(scores: Any, code: str) -> float | None:
    value = scores.get(code) if isinstance(scores, dict) else None
    return float(value) if isinstance(value, int | float) else None


def queue_item(row: ComplaintRow, feedback: FeedbackRow | None) -> QueueItem:
    annotation = row.annotation
    chips = []
    if annotation is not None:
        chips = [
            Chip(code, root_cause_label(code), _score(annotation.root_cause_scores, code))
            for code in annotation.root_causes
        ]
    return QueueItem(
        complaint_id=row.complaint_id,
        received_at=row.received_at,
        forvaltning=row.forvaltning,
        mediation_score=annotation.mediation_score if annotation else None,
        flagged=bool(annotation and annotation.mediation_flag),
        chips=chips,
        excerpt=excerpt(row.text),
        reviewed=feedback is not None,
    )


def _strings(value: Any, limit: int = 12) -> list[str]:
    return (
        [str(item) for item in value[:limit] if isinstance(item, str | int | float)]
        if isinstance(value, list)
        else []
    )


@dataclass(frozen=True)
class Reasons:
    """The explanation in plain Danish: summary, phrases, cues, contact facts, phrases per root cause."""

    summary: str | None
    phrases: list[str]
    cues: list[str]
    contact_facts: list[str]
    contact_share: float | None
    cause_phrases: dict[str, list[str]] = field(default_factory=dict)


def reasons(explanation: Any) -> Reasons:
    explanation = explanation if isinstance(explanation, dict) else {}
    mediation = explanation.get("mediation")
    mediation = mediation if isinstance(mediation, dict) else {}
    share = mediation.get("contact_share")
    causes = explanation.get("root_causes")
    summary = explanation.get("summary")
    return Reasons(
        summary=summary if isinstance(summary, str) and summary else None,
        # older or simpler models put their phrases at the top level
        phrases=_strings(mediation.get("phrases", explanation.get("phrases"))),
        cues=_strings(mediation.get("cues")),
        contact_facts=_strings(mediation.get("contact_facts")),
        contact_share=float(share) if isinstance(share, int | float) and 0 <= share <= 1 else None,
        cause_phrases={
            code: _strings(phrases, 6)
            for code, phrases in (causes.items() if isinstance(causes, dict) else ())
            if code in ROOT_CAUSES
        },
    )


@dataclass(frozen=True)
class CauseScore:
    code: str
    label: str
    score: float
    chosen: bool
    phrases: list[str]


def cause_scores(scores: Any, chosen: list[str], cause_phrases: dict[str, list[str]]) -> list[CauseScore]:
    """Every root cause with its score, the chosen first, then by score."""
    rows = [
        CauseScore(
            code, ROOT_CAUSES[code], _score(scores, code) or 0.0, code in chosen, cause_phrases.get(code, [])
        )
        for code in ROOT_CAUSE_CODES
    ]
    return sorted(rows, key=lambda c: (not c.chosen, -c.score, c.code))

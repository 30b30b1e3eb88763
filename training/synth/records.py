"""The generated records with the hidden metadata that tests and the data card measure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from training.synth.contacts import ContactEvent
from training.synth.course import Mention
from training.synth.mediation import Latent


@dataclass(frozen=True, slots=True)
class SynthComplaint:
    """One complaint: the contract fields plus how it was made (never written to the files)."""

    complaint_id: str
    received_at: datetime
    citizen_id: str
    forvaltning: str | None
    channel: str
    text: str
    root_causes: tuple[str, ...]
    mediation_potential: int
    # metadata
    latent: Latent
    topic: str
    style: str
    english: bool
    personal_data: frozenset[str]
    no_aeoeaa: bool
    ocr: bool
    typos: int
    weak: frozenset[str]
    extra_mentions: tuple[str, ...]
    distractors: tuple[str, ...]
    course: tuple[Mention, ...]  # facts of the contact history the text tells


@dataclass(frozen=True, slots=True)
class Corpus:
    complaints: list[SynthComplaint]
    contacts: list[ContactEvent]
    citizens: int  # distinct pseudonyms with a complaint or a contact

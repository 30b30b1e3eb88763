"""What a text must say: the plan that the latent process hands to the composers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from training.synth.pools.topic import Topic


@dataclass(frozen=True, slots=True)
class Persona:
    """The citizen behind a complaint (synthetic)."""

    name: str
    foreign_name: bool
    female: bool
    birth: date
    address: str
    phone: str
    email: str


@dataclass(frozen=True, slots=True)
class TextPlan:
    """Everything the text of one complaint expresses; drawn before any word is written."""

    received: date
    department: str  # "" when unknown
    topic: Topic
    causes: tuple[str, ...]  # the labels, primary first
    weak: frozenset[str]  # labels expressed by one subtle sentence only
    extra_mentions: tuple[str, ...]  # causes expressed but not labelled (annotators pick 1-3)
    distractors: tuple[str, ...]  # causes denied or mentioned in passing (not labelled)
    style: str
    english: bool
    owner_kind: str  # self, child, parent, adult_child, spouse
    female_owner: bool
    signals: tuple[str, ...]  # relational signal groups to express (see pools.relation)
    ongoing_mention: bool
    counters: tuple[str, ...]  # counter-signal groups
    contact_mentions: int  # sentences mentioning chasers, mayor letters, earlier complaints
    persona: Persona
    personal_data: frozenset[str]  # kinds of personal data to write into the text
    case_year: int

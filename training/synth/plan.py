"""What a text must say: the plan that the latent process hands to the composers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from training.synth.pools.topic import Topic

if TYPE_CHECKING:
    from training.synth.course import Mention


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
    course: tuple[Mention, ...]  # facts of the contact history the text tells (training/synth/course.py)
    threat: bool  # a threat to go to the mayor or the press
    episode_contacts: int  # the citizen's contacts in the 120 days before (for "{antal_gange}")
    persona: Persona
    personal_data: frozenset[str]  # kinds of personal data to write into the text
    case_year: int
    again: bool = False  # a follow-up in a long course: "det er mig igen", "it's me again"

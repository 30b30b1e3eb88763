"""The shape of a subject-matter topic (one kind of case in one department)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Topic:
    """One kind of case: the nouns, people, places and situations a complaint about it uses.

    Templates may use the voice slots ({S}, {E}, {ES}, {EO}, ...) and the shared slots
    ({dato}, {varighed}, {antal}, ...); see `training.synth.compose`.
    """

    code: str
    department: str
    name: str  # short subject name, e.g. "sygedagpenge"
    ans: tuple[str, ...]  # the application or request ("{E} ansøgning om ...")
    afg: tuple[str, ...]  # the decision
    ydelse: tuple[str, ...]  # the benefit, service or matter itself
    staff: tuple[str, ...]  # the caseworker or employee ("{E} sagsbehandler")
    offices: tuple[str, ...]  # the unit or place
    docs: tuple[str, ...]  # documents that can be overlooked or missing
    meetings: tuple[str, ...]  # meetings that were held
    promises: tuple[str, ...]  # what was promised ("at ringe {O} op ...")
    background: tuple[str, ...]  # sentences that set the scene
    outcomes: tuple[str, ...]  # disagreement with the outcome itself
    details: tuple[str, ...]  # further concrete narrative sentences
    ongoing: float  # chance the case or service goes on (parties must keep working together)
    appeal: str  # the appeal body ("" if the municipality decides finally)
    owners: tuple[str, ...] = ("self",)  # who the case is about: self, child, parent, adult_child
    amount: tuple[int, int] = (0, 0)  # kroner range for {beløb}; (0, 0) if money plays no part

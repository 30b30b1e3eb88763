"""The shape of a root cause's cue material."""

from __future__ import annotations

from dataclasses import dataclass

from training.synth.grammar import Clause


@dataclass(frozen=True, slots=True)
class CauseCues:
    """How a root cause can show in a text.

    - clauses: cue clauses; rendered asserted, embedded ("problemet er, at ...") or denied
      ("det er ikke, fordi ...") by the generic frames of `compose`, so the same wording also
      appears in complaints without the label.
    - sentences: free cue sentences (questions, exclamations, several clauses).
    - subtle: weak, implicit hints (used when a label is only weakly expressed).
    - passing: the theme mentioned in passing or denied (used when the label is absent).
    - formal: the lawyer's or advocate's explicit wording (names the rule).
    """

    clauses: tuple[Clause, ...]
    sentences: tuple[str, ...]
    subtle: tuple[str, ...]
    passing: tuple[str, ...]
    formal: tuple[str, ...]

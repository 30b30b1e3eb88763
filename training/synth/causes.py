"""The root-cause process: one to three codes per complaint, department-dependent and co-occurring.

The first cause is drawn from the department's rates; each further cause from the same rates
multiplied by its affinity with the causes already chosen, so sagsbehandlingstid brings
manglende_svar along, partshoering brings begrundelse and sagsoplysning, and so on. Relational
causes are more likely for citizens with a high conflict intensity.
"""

from __future__ import annotations

import math
import random

from signals.schema import ROOT_CAUSE_CODES
from training.synth.params import (
    CAUSE_AFFINITY,
    CAUSE_BASE,
    CAUSE_COUNT_PROBS,
    CAUSE_DEPARTMENT_FACTOR,
    RELATIONAL_CAUSES,
    RELATIONAL_INTENSITY_BOOST,
)


def _affinity(a: str, b: str) -> float:
    return CAUSE_AFFINITY.get((a, b)) or CAUSE_AFFINITY.get((b, a)) or 1.0


def cause_weights(department: str, intensity: float) -> dict[str, float]:
    """Unnormalised rate of each code for one complaint."""
    factors = CAUSE_DEPARTMENT_FACTOR.get(department, {})
    boost = math.exp(RELATIONAL_INTENSITY_BOOST * intensity)
    return {
        code: CAUSE_BASE[code] * factors.get(code, 1.0) * (boost if code in RELATIONAL_CAUSES else 1.0)
        for code in ROOT_CAUSE_CODES
    }


def sample_causes(rng: random.Random, department: str, intensity: float) -> tuple[str, ...]:
    """One to three distinct codes, the primary cause first."""
    weights = cause_weights(department, intensity)
    count = rng.choices((1, 2, 3), weights=CAUSE_COUNT_PROBS, k=1)[0]
    chosen: list[str] = []
    for _ in range(count):
        candidates = [c for c in ROOT_CAUSE_CODES if c not in chosen]
        w = [weights[c] * math.prod(_affinity(c, done) for done in chosen) for c in candidates]
        chosen.append(rng.choices(candidates, weights=w, k=1)[0])
    return tuple(chosen)


def sample_secondary(rng: random.Random, department: str, chosen: tuple[str, ...]) -> str:
    """A further cause that fits the chosen ones (for unlabelled mentions)."""
    weights = cause_weights(department, 0.0)
    candidates = [c for c in ROOT_CAUSE_CODES if c not in chosen]
    w = [weights[c] * math.prod(_affinity(c, done) for done in chosen) for c in candidates]
    return rng.choices(candidates, weights=w, k=1)[0]


def sample_distractor(rng: random.Random, department: str, chosen: tuple[str, ...]) -> str:
    """A cause to deny or mention in passing: common themes, not among the labels."""
    weights = cause_weights(department, 0.0)
    candidates = [c for c in ROOT_CAUSE_CODES if c not in chosen]
    return rng.choices(candidates, weights=[weights[c] for c in candidates], k=1)[0]

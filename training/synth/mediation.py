"""The latent mediation process: what makes a complaint worth a mediation meeting.

For complaint j of citizen i:

    z_ij = z_i + e_ij            conflict intensity (citizen trait + episode wobble); drives both the
                                 contacts before the complaint and what the text expresses
    t_ij ~ N(0, 1)               text-only component: wish to be heard, apology, distrust
    c_ij = rho c_i + sqrt(1 - rho^2) e_ij ~ N(0, 1)
                                 contact component: surge of contacts, chasers, mayor letters; partly a
                                 citizen trait (rho = CONTACT_PERSISTENCE): a locked course goes on
    r_ij = #relational causes    medarbejderadfaerd, opfoelgning, kommunikation, partshoering
    o_ij ~ Bernoulli(topic)      the case or service goes on (parties must keep working together)
    a_ij = pure appeal case      only afgoerelsens_indhold (+ begrundelse/sagsoplysning) and an appeal body

    logit = B0 + B_INTENSITY z + B_TEXT t + B_CONTACT c + B_RELATIONAL r + B_ONGOING o
            + B_APPEAL a + B_EARLIER min(earlier complaints, 3)
    y* ~ Bernoulli(sigmoid(logit));  label = y* flipped with probability MEDIATION_LABEL_FLIP

The text sees z, t, r, o, a, and a remembered part of c when the citizen tells the complaint
course (training/synth/course.py); the contacts see z, c and earlier complaints exactly. Neither
sees all, so a model does best with both views, and the flips cap every model below perfect.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from training.synth import params as p

DECISION_CAUSES = frozenset({"afgoerelsens_indhold", "begrundelse", "sagsoplysning"})


@dataclass(frozen=True, slots=True)
class Latent:
    """The hidden state of one complaint."""

    intensity: float  # z
    text: float  # t
    contact: float  # c
    relational: int  # r
    ongoing: bool  # o
    appeal: bool  # a
    earlier: int
    probability: float  # sigmoid(logit)
    true_label: int  # y*
    label: int  # after judgement noise


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def draw_latent(
    rng: random.Random,
    *,
    citizen_intensity: float,
    citizen_contact: float = 0.0,
    causes: tuple[str, ...],
    ongoing_rate: float,
    has_appeal_body: bool,
    earlier: int,
) -> Latent:
    """Draw the episode components and the label of one complaint."""
    z = citizen_intensity + rng.gauss(0.0, p.INTENSITY_EPISODE_SIGMA)
    t = rng.gauss(0.0, 1.0)
    rho = p.CONTACT_PERSISTENCE
    c = rho * citizen_contact + math.sqrt(1.0 - rho * rho) * rng.gauss(0.0, 1.0)
    relational = sum(1 for cause in causes if cause in p.RELATIONAL_CAUSES)
    ongoing = rng.random() < ongoing_rate
    appeal = has_appeal_body and "afgoerelsens_indhold" in causes and set(causes) <= DECISION_CAUSES
    logit = (
        p.MEDIATION_B0
        + p.MEDIATION_B_INTENSITY * z
        + p.MEDIATION_B_TEXT * t
        + p.MEDIATION_B_CONTACT * c
        + p.MEDIATION_B_RELATIONAL * relational
        + p.MEDIATION_B_ONGOING * ongoing
        + p.MEDIATION_B_APPEAL * appeal
        + p.MEDIATION_B_EARLIER * min(earlier, 3)
    )
    probability = sigmoid(logit)
    true_label = int(rng.random() < probability)
    label = 1 - true_label if rng.random() < p.MEDIATION_LABEL_FLIP else true_label
    return Latent(z, t, c, relational, ongoing, appeal, earlier, probability, true_label, label)


SIGNAL_GROUPS = ("heard", "apology", "distrust", "dialogue", "others", "long_course")
SIGNAL_TRIALS = 5  # at most this many relational signal sentences per text


def text_expression(rng: random.Random, latent: Latent) -> tuple[tuple[str, ...], bool, tuple[str, ...]]:
    """(signal groups, mention the ongoing relationship?, counter-signal groups).

    The contact course the citizen tells is drawn separately, from the contact history
    (training/synth/course.py).

    Drawn from the latent components, never from the label: a calm text can carry strong
    signals and an angry one none.
    """
    p_signal = sigmoid(
        p.SIGNAL_BASE + p.SIGNAL_TEXT_WEIGHT * latent.text + p.SIGNAL_INTENSITY_WEIGHT * latent.intensity
    )
    n_signals = sum(rng.random() < p_signal for _ in range(SIGNAL_TRIALS))
    groups = tuple(rng.sample(SIGNAL_GROUPS, k=n_signals))
    ongoing_mention = latent.ongoing and rng.random() < 0.55
    p_counter = sigmoid(p.COUNTER_SIGNAL_BASE - 0.8 * latent.text + (1.2 if latent.appeal else 0.0))
    counters: list[str] = []
    if rng.random() < p_counter:
        counters.append("appeal" if latent.appeal or rng.random() < 0.4 else "question")
    if not latent.ongoing and rng.random() < 0.18:
        counters.append("closed")
    return groups, ongoing_mention, tuple(counters)

"""The citizens: traits, how many complaints each makes, and when."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

import numpy as np

from training.synth import personal
from training.synth.calendar import DaySampler
from training.synth.params import (
    CITIZENS_PER_COMPLAINT,
    COMPLAINT_WEIGHT_INTENSITY,
    COMPLAINT_WEIGHT_SIGMA,
    CONTACT_ONLY_CITIZEN_SHARE,
    DEPARTMENT_SHARES,
    ENGLISH_SHARE,
    LAST_DAY,
    NO_AEOEAA_SHARE,
    NON_DANISH_NAME_SHARE,
)
from training.synth.plan import Persona

# English speakers meet Borgerservice, schools, parking and the Jobcenter more than the rest.
ENGLISH_DEPARTMENT_SHARES = {
    "KFF": 0.3,
    "BUF": 0.2,
    "TMF": 0.2,
    "BIF": 0.15,
    "OKF": 0.05,
    "SOF": 0.05,
    "SUF": 0.05,
}


@dataclass(frozen=True, slots=True)
class Citizen:
    """One citizen (a pseudonym) and the traits that shape complaints and contacts."""

    pseudonym: str
    intensity: float  # latent conflict intensity z_i
    contact_trait: float  # the citizen's share of the contact component c (a locked course persists)
    english: bool
    no_aeoeaa: bool
    department: str  # main department ("" = complaints the advisor could not place)
    persona: Persona
    complaints: int
    first_day: int  # day index window of the complaint course (inclusive)
    last_day: int


def _choose(rng: np.random.Generator, shares: dict[str, float], size: int) -> np.ndarray:
    keys = list(shares)
    probs = np.array([shares[k] for k in keys], dtype=float)
    return np.array(keys, dtype=object)[rng.choice(len(keys), size=size, p=probs / probs.sum())]


def citizen_count(complaints: int) -> int:
    return max(1, min(complaints, round(CITIZENS_PER_COMPLAINT * complaints)))


def make_citizens(
    rng: np.random.Generator, text_rng: random.Random, complaints: int, sampler: DaySampler
) -> list[Citizen]:
    """Complainants (each with at least one complaint) followed by contact-only citizens."""
    n_complainants = citizen_count(complaints)
    n_total = n_complainants + round(CONTACT_ONLY_CITIZEN_SHARE * n_complainants)
    intensity = rng.normal(0.0, 1.0, n_total)
    english = rng.random(n_total) < ENGLISH_SHARE
    no_aeoeaa = (rng.random(n_total) < NO_AEOEAA_SHARE) & ~english
    departments = _choose(rng, dict(DEPARTMENT_SHARES), n_total)
    english_departments = _choose(rng, ENGLISH_DEPARTMENT_SHARES, n_total)
    departments = np.where(english, english_departments, departments)
    # Complaints per citizen: one each, the rest spread by a log-normal weight that grows with z.
    weights = np.exp(
        COMPLAINT_WEIGHT_INTENSITY * intensity[:n_complainants]
        + rng.normal(0.0, COMPLAINT_WEIGHT_SIGMA, n_complainants)
    )
    counts = np.ones(n_complainants, dtype=int) + rng.multinomial(
        complaints - n_complainants, weights / weights.sum()
    )
    counts = np.concatenate([counts, np.zeros(n_total - n_complainants, dtype=int)])
    numbers = rng.choice(999_999, size=n_total, replace=False) + 1
    contact_trait = rng.normal(0.0, 1.0, n_total)
    first_export = sampler.first_export_index
    last_index = len(sampler.days) - 1
    export_days = last_index - first_export
    citizens = []
    for i in range(n_total):
        k = int(counts[i])
        span = min(export_days, int(30 + k * rng.gamma(2.0, 70.0))) if k else export_days
        # windows may hang up to half over either end of the export and are clipped there: without
        # overhang the first and last years get too few complaints, with full overhang too many
        start = first_export - span // 2 + int(rng.integers(0, export_days - span + 2 * (span // 2) + 1))
        end = min(start + span, last_index)
        start = max(start, first_export)
        female = bool(rng.random() < 0.56)
        foreign = bool(english[i]) or bool(rng.random() < NON_DANISH_NAME_SHARE)
        citizens.append(
            Citizen(
                pseudonym=f"b-{int(numbers[i]):06d}",
                intensity=float(intensity[i]),
                contact_trait=float(contact_trait[i]),
                english=bool(english[i]),
                no_aeoeaa=bool(no_aeoeaa[i]),
                department=str(departments[i]),
                persona=_persona(text_rng, female=female, foreign=foreign),
                complaints=k,
                first_day=start,
                last_day=end,
            )
        )
    return citizens


def _persona(rng: random.Random, *, female: bool, foreign: bool) -> Persona:
    name = personal.person_name(rng, foreign=foreign)
    return Persona(
        name=name,
        foreign_name=foreign,
        female=female,
        birth=personal.birth_date(rng, min_age=19, max_age=88, today=LAST_DAY),
        address=personal.address(rng),
        phone=personal.phone_number(rng),
        email=personal.email_address(rng, name),
    )


def complaint_days(
    rng: np.random.Generator, citizens: list[Citizen], sampler: DaySampler
) -> list[list[date]]:
    """Sorted complaint days of each citizen, drawn from the seasonal calendar within its window."""
    owners = np.repeat(np.arange(len(citizens)), [c.complaints for c in citizens])
    low = np.array([citizens[i].first_day for i in owners], dtype=int)
    high = np.array([citizens[i].last_day for i in owners], dtype=int)
    idx = sampler.sample(rng, low, high) if len(owners) else np.array([], dtype=int)
    per_citizen: list[list[date]] = [[] for _ in citizens]
    for owner, day in zip(owners, idx, strict=True):
        per_citizen[int(owner)].append(sampler.days[int(day)])
    return [sorted(days) for days in per_citizen]

"""Contact histories: inquiries, chasers, meetings and complaints around each complaint.

Per complaint: a pre-complaint episode whose size grows with the intensity z and the contact
component c, and whose timing is pulled toward `received_at` by c (acceleration); chasers
(rykker) and letters to the mayor become likelier with c; the complaint itself is recorded
(kind klage to borgerraadgiver at `received_at`), sometimes after a complaint to the
department; answers and meetings follow it. Outside episodes, citizens make background
inquiries at a rate that grows with z. Events past the export's last day are cut off.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from signals.schema import CITIZEN_ADVISOR, DEPARTMENT_CODES, MAYOR
from training.synth import params as p
from training.synth.calendar import DaySampler, clock_minutes, history_start, local_datetime
from training.synth.citizens import Citizen
from training.synth.mediation import Latent, sigmoid

_INQUIRY_CHANNELS = {
    "telefon": 0.36,
    "email": 0.28,
    "digital_post": 0.14,
    "personligt": 0.1,
    "brev": 0.05,
    "webformular": 0.07,
}
_MAYOR_CHANNELS = {"email": 0.55, "brev": 0.2, "digital_post": 0.25}


@dataclass(frozen=True, slots=True)
class ContactEvent:
    citizen_id: str
    occurred_at: datetime
    channel: str
    recipient: str
    kind: str


@dataclass(frozen=True, slots=True)
class ComplaintMoment:
    """What the contact process needs to know about one complaint."""

    citizen_index: int
    received_at: datetime
    department: str
    channel: str
    latent: Latent


def poisson(rng: random.Random, mean: float) -> int:
    """A Poisson draw (Knuth's method; a rounded normal for large means)."""
    if mean > 40:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k


class ContactWriter:
    """Draws contact events with one random source (deterministic per seed)."""

    def __init__(self, rng: random.Random, sampler: DaySampler) -> None:
        self.rng = rng
        self.sampler = sampler
        self.start = local_datetime(history_start(), 0)
        self.end = local_datetime(p.LAST_DAY, 23 * 60 + 59)
        self._inquiry = (list(_INQUIRY_CHANNELS), list(_INQUIRY_CHANNELS.values()))
        self._mayor = (list(_MAYOR_CHANNELS), list(_MAYOR_CHANNELS.values()))

    def _channel(self, table: tuple[list[str], list[float]]) -> str:
        names, weights = table
        return self.rng.choices(names, weights=weights)[0]

    def _at(self, moment: datetime, channel: str) -> datetime:
        """The same day at a plausible clock time for the channel."""
        return local_datetime(moment.date(), clock_minutes(self.rng, channel), self.rng.randrange(60))

    def _department(self, department: str) -> str:
        if department and self.rng.random() < 0.92:
            return department
        return self.rng.choice(DEPARTMENT_CODES)

    def around_complaint(self, citizen: Citizen, moment: ComplaintMoment) -> list[ContactEvent]:
        """The episode before, the complaint itself, and what follows."""
        rng, lat, received = self.rng, moment.latent, moment.received_at
        cid = citizen.pseudonym
        events = [ContactEvent(cid, received, moment.channel, CITIZEN_ADVISOR, "klage")]
        mean_pre = math.exp(
            p.PRE_EPISODE_BASE + p.PRE_EPISODE_INTENSITY * lat.intensity + p.PRE_EPISODE_CONTACT * lat.contact
        )
        exponent = math.exp(p.ACCELERATION_CONTACT * lat.contact)
        p_chaser = sigmoid(p.CHASER_BASE + p.CHASER_CONTACT * lat.contact + 0.3 * lat.intensity)
        p_mayor = sigmoid(p.MAYOR_BASE + p.MAYOR_CONTACT * lat.contact + p.MAYOR_INTENSITY * lat.intensity)
        if rng.random() < p_mayor:  # escalation: letters to the mayor in the weeks before, more with c
            letters = 1 + poisson(rng, p.MAYOR_REPEAT * math.exp(p.MAYOR_REPEAT_CONTACT * lat.contact))
            for _ in range(min(letters, 8)):
                channel = self._channel(self._mayor)
                at = self._at(
                    received - timedelta(days=p.PRE_EPISODE_DAYS * rng.random() ** exponent), channel
                )
                if at >= received:
                    at = received - timedelta(minutes=rng.randrange(30, 60 * 30))
                events.append(
                    ContactEvent(cid, at, channel, MAYOR, "rykker" if rng.random() < 0.3 else "klage")
                )
        for _ in range(min(p.PRE_EPISODE_MAX, poisson(rng, mean_pre))):
            days_before = p.PRE_EPISODE_DAYS * rng.random() ** exponent
            recipient = CITIZEN_ADVISOR if rng.random() < 0.05 else self._department(moment.department)
            channel = self._channel(self._inquiry)
            roll = rng.random()
            kind = "rykker" if roll < p_chaser else ("moede" if roll < p_chaser + 0.07 else "henvendelse")
            if kind == "moede":
                channel = "personligt"
            at = self._at(received - timedelta(days=days_before), channel)
            if at >= received:
                at = received - timedelta(minutes=rng.randrange(30, 60 * 30))
            events.append(ContactEvent(cid, at, channel, recipient, kind))
        if rng.random() < sigmoid(
            math.log(p.KLAGE_TO_DEPARTMENT_FIRST / (1 - p.KLAGE_TO_DEPARTMENT_FIRST))
            + p.KLAGE_TO_DEPARTMENT_CONTACT * lat.contact
        ):
            at = self._at(received - timedelta(days=(rng.uniform(2, 45))), "email")
            events.append(
                ContactEvent(
                    cid,
                    min(at, received - timedelta(hours=2)),
                    self._channel(self._inquiry),
                    self._department(moment.department),
                    "klage",
                )
            )
        for _ in range(poisson(rng, p.POST_EPISODE_MEAN)):
            channel = self._channel(self._inquiry)
            roll = rng.random()
            kind = "rykker" if roll < 0.25 else ("moede" if roll < 0.4 else "henvendelse")
            recipient = CITIZEN_ADVISOR if rng.random() < 0.2 else self._department(moment.department)
            at = self._at(received + timedelta(days=(rng.uniform(1, 120))), channel)
            events.append(ContactEvent(cid, at, channel, recipient, kind))
        if lat.true_label and rng.random() < 0.5:  # the mediation meeting itself, weeks later
            at = self._at(received + timedelta(days=(rng.uniform(14, 70))), "personligt")
            events.append(ContactEvent(cid, at, "personligt", CITIZEN_ADVISOR, "moede"))
        return [e for e in events if self.start <= e.occurred_at <= self.end]

    def background(self, citizen: Citizen) -> list[ContactEvent]:
        """Inquiries outside complaint episodes, around the citizen's active years."""
        low = max(0, citizen.first_day - 365)
        high = min(len(self.sampler.days) - 1, citizen.last_day + 365)
        years = (high - low + 1) / 365.25
        rate = p.BACKGROUND_CONTACTS_PER_YEAR * math.exp(0.4 * citizen.intensity) * years
        events = []
        for _ in range(poisson(self.rng, rate)):
            day = self.sampler.days[self.sampler.sample_one(self.rng, low, high)]
            channel = self._channel(self._inquiry)
            roll = self.rng.random()
            kind = "henvendelse" if roll < 0.86 else ("moede" if roll < 0.95 else "rykker")
            if kind == "moede":
                channel = "personligt"
            recipient = MAYOR if self.rng.random() < 0.008 else self._department(citizen.department)
            at = local_datetime(day, clock_minutes(self.rng, channel), self.rng.randrange(60))
            events.append(ContactEvent(citizen.pseudonym, at, channel, recipient, kind))
        return [e for e in events if self.start <= e.occurred_at <= self.end]

"""When things happen: daily weights of the complaint calendar and local clock times.

Complaints follow the municipal working year: fewer on weekends, in July and around
Christmas and Easter, a slight growth over the five years. Clock times depend on the channel
(phone and counter contacts in opening hours, e-mails also in the evening).
"""

from __future__ import annotations

import random
from bisect import bisect_right
from datetime import date, datetime, timedelta

import numpy as np

from signals.schema import COPENHAGEN
from training.synth.params import FIRST_DAY, HISTORY_DAYS, LAST_DAY

# Relative volume by month (January .. December).
MONTH_WEIGHT = (1.08, 1.05, 1.08, 1.0, 1.0, 0.95, 0.55, 0.9, 1.1, 1.08, 1.06, 0.8)
# Monday .. Sunday
WEEKDAY_WEIGHT = (1.25, 1.15, 1.1, 1.05, 0.9, 0.22, 0.18)
YEARLY_GROWTH = 0.04

_EASTER = {
    2020: date(2020, 4, 12),
    2021: date(2021, 4, 4),
    2022: date(2022, 4, 17),
    2023: date(2023, 4, 9),
    2024: date(2024, 3, 31),
    2025: date(2025, 4, 20),
}


def _holiday_factor(day: date) -> float:
    """Dips around Christmas/New Year and Easter."""
    if (day.month == 12 and day.day >= 22) or (day.month == 1 and day.day <= 2):
        return 0.3
    easter = _EASTER.get(day.year)
    if easter is not None and -3 <= (day - easter).days <= 1:
        return 0.35
    return 1.0


def history_start() -> date:
    """The first day a contact may fall on (a year of history before the export)."""
    return FIRST_DAY - timedelta(days=HISTORY_DAYS)


def all_days() -> list[date]:
    """Every day from the start of the contact history to the last day of the export."""
    start = history_start()
    return [start + timedelta(days=i) for i in range((LAST_DAY - start).days + 1)]


def day_weights(days: list[date]) -> np.ndarray:
    """Relative chance that a complaint or contact falls on each day."""
    weights = np.empty(len(days))
    for i, day in enumerate(days):
        years = (day - FIRST_DAY).days / 365.25
        weights[i] = (
            MONTH_WEIGHT[day.month - 1]
            * WEEKDAY_WEIGHT[day.weekday()]
            * _holiday_factor(day)
            * (1 + YEARLY_GROWTH) ** years
        )
    return weights


class DaySampler:
    """Draw days from the seasonal calendar, optionally inside a window of day indices."""

    def __init__(self) -> None:
        self.days = all_days()
        self.first_export_index = (FIRST_DAY - self.days[0]).days
        cumulative = np.cumsum(day_weights(self.days))
        self._cumulative = np.concatenate([[0.0], cumulative])
        self._cumulative_list: list[float] = self._cumulative.tolist()

    def sample(self, rng: np.random.Generator, low: np.ndarray, high: np.ndarray) -> np.ndarray:
        """One day index per row, weighted by the calendar, within [low, high] inclusive."""
        lo = self._cumulative[low]
        hi = self._cumulative[high + 1]
        u = lo + rng.random(len(low)) * (hi - lo)
        idx = np.searchsorted(self._cumulative, u, side="right") - 1
        return np.clip(idx, low, high)

    def sample_one(self, rng: random.Random, low: int, high: int) -> int:
        """One day index within [low, high], weighted by the calendar (scalar, fast)."""
        lo, hi = self._cumulative_list[low], self._cumulative_list[high + 1]
        idx = bisect_right(self._cumulative_list, lo + rng.random() * (hi - lo)) - 1
        return min(max(idx, low), high)


# Minutes after midnight; (start, end) windows with weights, per channel.
_CLOCK = {
    "telefon": ((9 * 60, 15 * 60, 1.0),),
    "personligt": ((9 * 60, 15 * 60 + 30, 1.0),),
    "brev": ((8 * 60, 15 * 60, 1.0),),  # when the scanned letter was registered
    "digital_post": ((7 * 60, 17 * 60, 0.7), (17 * 60, 23 * 60, 0.3)),
    "email": ((7 * 60, 16 * 60, 0.55), (16 * 60, 23 * 60 + 59, 0.4), (4 * 60, 7 * 60, 0.05)),
    "webformular": ((7 * 60, 16 * 60, 0.5), (16 * 60, 23 * 60 + 59, 0.45), (3 * 60, 7 * 60, 0.05)),
}


def clock_minutes(rng: random.Random, channel: str) -> int:
    """A plausible local time of day (minutes) for a contact through `channel`.

    Times between 02:00 and 03:00 are never drawn, so no time falls in the daylight-saving gap.
    """
    windows = _CLOCK[channel]
    start, end, _ = (
        windows[0] if len(windows) == 1 else rng.choices(windows, weights=[w for *_, w in windows])[0]
    )
    return rng.randrange(start, end)


def local_datetime(day: date, minutes: int, seconds: int = 0) -> datetime:
    """A timezone-aware Copenhagen datetime (offset +01:00 or +02:00 by the date)."""
    naive = datetime(day.year, day.month, day.day) + timedelta(minutes=minutes, seconds=seconds)
    return naive.replace(tzinfo=COPENHAGEN)


def iso(moment: datetime) -> str:
    """ISO 8601 with the local offset, to the second."""
    return moment.isoformat(timespec="seconds")

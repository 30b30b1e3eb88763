"""Contact-pattern features: how often, how, and to whom a citizen turned before a complaint.

Every feature of a complaint is computed as of its `received_at` from the citizen's contacts
that occurred STRICTLY before it (a contact at exactly `received_at` is left out), so a model
never sees the future.

Windows are half-open and reach back exactly N days: "n_contacts_30d" counts contacts with
`received_at - 30 days <= occurred_at < received_at`. A contact exactly 30 days before is in.

Acceleration compares the last 30 days with the 335 days before them (together one year), in
doublings:

    acceleration_30d = log2((recent / 30 + p) / (earlier / 335 + p)),   p = 1 / 365 contacts a day

`recent` counts contacts in [t - 30d, t), `earlier` those in [t - 365d, t - 30d). The pseudo-rate
`p` ("one contact a year", added to both periods) keeps the value finite and comparable: no
contacts gives 0, a steady rate about 0, a slowing citizen a negative value, 2 means four times
the earlier rate, and a first-ever burst of n contacts in 30 days gives log2(1 + n * 365 / 30)
(3.7 for one contact, 6.2 for six).

Days since the first and the last contact are capped at ten years (`DAYS_CAP`) and are 0 when
there is no earlier contact, so a citizen without history gets an all-zero row
(`n_contacts_ever` = 0 tells "never" from "just now").

The computation is vectorised: contacts are sorted by (citizen, time) under one integer key, so
each window bound of every complaint is one `np.searchsorted` and each count an index
difference (per-kind counts read from cumulative sums).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, OneToOneFeatureMixin, TransformerMixin
from sklearn.utils.validation import check_is_fitted, validate_data

from signals.errors import KonfliktError
from signals.schema import CITIZEN_ADVISOR, MAYOR

CONTACT_FEATURE_NAMES: tuple[str, ...] = (
    "n_contacts_7d",
    "n_contacts_30d",
    "n_contacts_90d",
    "n_contacts_365d",
    "n_contacts_ever",
    "n_chasers_30d",
    "n_chasers_90d",
    "n_chasers_365d",
    "n_mayor_90d",
    "n_mayor_365d",
    "n_mayor_ever",
    "n_advisor_365d",
    "n_meetings_365d",
    "n_recipients_365d",
    "n_channels_365d",
    "acceleration_30d",
    "days_since_first_contact",
    "days_since_last_contact",
    "n_complaints_365d",
    "n_complaints_ever",
)

DAYS_CAP = 3650.0  # ten years: older history says nothing more
RECENT_DAYS = 30
YEAR_DAYS = 365
PSEUDO_RATE = 1.0 / YEAR_DAYS  # contacts a day, added to both rates of the acceleration
NOTABLE_ACCELERATION = math.log2(3)  # a fact for explanations from three times the earlier rate on
NS_PER_DAY = 86_400 * 10**9

COMPLAINT_COLUMNS = ("citizen_id", "received_at")
CONTACT_COLUMNS = ("citizen_id", "occurred_at", "channel", "recipient", "kind")
_WINDOWS = (7, 30, 90, 365)


_NS_PER_UNIT = {"s": 10**9, "ms": 10**6, "us": 10**3, "ns": 1}
_NAT = np.iinfo(np.int64).min  # NaT's integer value


def _utc_nanoseconds(column: pd.Series, *, table: str, field: str) -> np.ndarray:
    """A tz-aware datetime column as int64 nanoseconds since the epoch (UTC)."""
    dtype = column.dtype
    if isinstance(dtype, pd.DatetimeTZDtype) and dtype.unit in _NS_PER_UNIT:
        # The values are stored as UTC in the column's unit: scaled directly (the pandas
        # conversions below cost more than a lone complaint's features), unless one is missing
        # or would overflow, which the general path reports.
        values = np.asarray(column.array.asi8, dtype=np.int64)
        scale = _NS_PER_UNIT[dtype.unit]
        limit = np.iinfo(np.int64).max // scale
        if len(values) == 0 or (values.min() > -limit and values.max() < limit):
            return values * scale
    if column.dtype == object and _all_tz_aware(column):
        # e.g. after concatenating with an empty frame: tz-aware datetimes in an object column
        column = pd.to_datetime(column, utc=True)
    if not isinstance(column.dtype, pd.DatetimeTZDtype):
        raise KonfliktError(
            f"{table}.{field}: expected tz-aware datetimes (UTC, as the loader gives), "
            f"got dtype {column.dtype}"
        )
    if column.isna().any():
        raise KonfliktError(f"{table}.{field}: {int(column.isna().sum())} missing times")
    return np.asarray(column.dt.tz_convert("UTC").dt.as_unit("ns").array.asi8, dtype=np.int64)


def _all_tz_aware(column: pd.Series) -> bool:
    return len(column) > 0 and all(isinstance(v, datetime) and v.tzinfo is not None for v in column)


def _require_columns(frame: pd.DataFrame, columns: Sequence[str], *, table: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KonfliktError(f"{table}: missing columns {', '.join(missing)}")


def _require_tz_aware(moment: pd.Timestamp, *, name: str) -> pd.Timestamp:
    stamp = pd.Timestamp(moment)
    if stamp.tzinfo is None:
        raise KonfliktError(f"{name}: expected a tz-aware time (UTC), got a naive one")
    return stamp.tz_convert("UTC")


def _empty_contacts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "citizen_id": pd.Series([], dtype=object),
            "occurred_at": pd.Series([], dtype="datetime64[ns, UTC]"),
            "channel": pd.Series([], dtype=object),
            "recipient": pd.Series([], dtype=object),
            "kind": pd.Series([], dtype=object),
        }
    )


def _checked_contacts(contacts: pd.DataFrame) -> pd.DataFrame:
    """The contacts frame, checked; an empty frame may come without columns or with object dtypes."""
    if len(contacts) == 0:
        return _empty_contacts()
    _require_columns(contacts, CONTACT_COLUMNS, table="contacts")
    return contacts


class _SortedContacts:
    """Contacts sorted by (citizen, time) under one int64 key, with cumulative counts per kind.

    The key is `citizen_code * width + time_rank`, where `time_rank` is the number of contact
    times (of anyone) earlier than the time. Ranks keep the key small (nanoseconds times citizen
    codes would overflow int64) and keep order: a contact time t is before a query time q exactly
    when rank(t) < rank(q), so `key < citizen_code * width + rank(q)` means "this citizen, before q".
    """

    def __init__(self, contacts: pd.DataFrame) -> None:
        times = _utc_nanoseconds(contacts["occurred_at"], table="contacts", field="occurred_at")
        codes, citizens = _factorize(contacts["citizen_id"])
        known = np.flatnonzero(codes >= 0)  # a contact without a citizen belongs to no complaint
        times = times[known]
        self.citizens = citizens
        ranks, self.sorted_times = _time_ranks(times)
        self.width = np.int64(len(times) + 1)
        keys = codes[known].astype(np.int64) * self.width + ranks
        order = np.argsort(keys)  # equal keys are the same citizen and time: no need for stability
        self.keys = keys[order]
        self.times = times[order]
        rows = known[order]  # each sorted contact's row in the input frame

        kind = _Codes(contacts["kind"], rows)
        recipient = _Codes(contacts["recipient"], rows)
        channel = _Codes(contacts["channel"], rows)
        flags = {
            "chaser": kind.flags("rykker"),
            "complaint": kind.flags("klage"),
            "meeting": kind.flags("moede"),
            "mayor": recipient.flags(MAYOR),
            "advisor": recipient.flags(CITIZEN_ADVISOR),
        }
        if len(rows) <= _SMALL:  # a few contacts: all running counts in one call
            stacked = _cumulative_rows(
                np.vstack([*flags.values(), recipient.indicators(), channel.indicators()])
            )
            self.cumulative = dict(zip(flags, stacked, strict=False))
            self.recipient_counts = stacked[len(flags) : len(flags) + len(recipient.values)]
            self.channel_counts = stacked[len(flags) + len(recipient.values) :]
        else:
            self.cumulative = {name: _cumulative(values) for name, values in flags.items()}
            self.recipient_counts = recipient.cumulative_per_value()
            self.channel_counts = channel.cumulative_per_value()

    def citizen_codes(self, citizen_ids: pd.Series) -> np.ndarray:
        """Each citizen's code; citizens without contacts get a code past all contacts' keys."""
        missing = len(self.citizens)
        if isinstance(self.citizens, list) and len(citizen_ids) <= _SMALL:  # few: a dict is quicker
            code_of = {citizen: code for code, citizen in enumerate(self.citizens)}
            return np.fromiter(
                (code_of.get(citizen, missing) for citizen in citizen_ids.tolist()),
                dtype=np.int64,
                count=len(citizen_ids),
            )
        codes = pd.Index(self.citizens).get_indexer(pd.Index(citizen_ids)).astype(np.int64)
        codes[codes < 0] = missing
        return codes

    def position(self, codes: np.ndarray, moments: np.ndarray, *, by_time: np.ndarray) -> np.ndarray:
        """Index of each citizen's first sorted contact at or after the moment (ns).

        `by_time` is the argsort of `moments`: binary searches for sorted needles stay in cache.
        """
        ranks = np.empty(len(moments), dtype=np.int64)
        ranks[by_time] = np.searchsorted(self.sorted_times, moments[by_time], side="left")
        return np.searchsorted(self.keys, codes * self.width + ranks, side="left")

    def block_start(self, codes: np.ndarray) -> np.ndarray:
        """Index of each citizen's first sorted contact."""
        return np.searchsorted(self.keys, codes * self.width, side="left")

    def count(self, name: str, start: np.ndarray, stop: np.ndarray) -> np.ndarray:
        cumulative = self.cumulative[name]
        return cumulative[stop] - cumulative[start]


def _time_ranks(times: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each time's rank (the number of strictly earlier times), and the times sorted.

    Equals `np.searchsorted(sorted_times, times)`, computed by one sort, which is several times
    faster than a binary search per time for millions of contacts.
    """
    by_time = np.argsort(times)
    sorted_times = times[by_time]
    starts_run = np.ones(len(times), dtype=bool)
    np.not_equal(sorted_times[1:], sorted_times[:-1], out=starts_run[1:])
    run_start = np.maximum.accumulate(np.where(starts_run, np.arange(len(times)), 0))
    ranks = np.empty(len(times), dtype=np.int64)
    ranks[by_time] = run_start
    return ranks, sorted_times


def _count_dtype(n: int) -> type[np.signedinteger]:
    """int32 halves the memory of the running counts (memory traffic dominates at millions)."""
    return np.int32 if n < np.iinfo(np.int32).max else np.int64


def _cumulative(flags: np.ndarray) -> np.ndarray:
    """Counts of True before each index: out[i] = flags[:i].sum(), length len(flags) + 1."""
    dtype = _count_dtype(len(flags))
    out = np.zeros(len(flags) + 1, dtype=dtype)
    np.cumsum(flags.astype(dtype), out=out[1:])  # casting inside cumsum is ~10x slower
    return out


_SMALL = 64  # below this many values a Python dict beats pandas' machinery


def _factorize(column: pd.Series) -> tuple[np.ndarray, Sequence[Any]]:
    """`pd.factorize(column)`: codes (-1 for a missing value) and the distinct values in order of
    first appearance (a list for a short column: pandas' machinery costs more than a dict there)."""
    if len(column) > _SMALL:
        codes, uniques = pd.factorize(column, use_na_sentinel=True)
        return np.asarray(codes, dtype=np.intp), uniques
    values = column.tolist()
    index: dict[Any, int] = {}
    if all(type(value) is str for value in values):  # nothing missing (the loader's columns)
        codes = [index.setdefault(value, len(index)) for value in values]
    else:
        missing = pd.isna(np.asarray(values, dtype=object)).tolist()
        codes = [
            -1 if gone else index.setdefault(value, len(index))
            for value, gone in zip(values, missing, strict=True)
        ]
    return np.asarray(codes, dtype=np.intp), list(index)


def _cumulative_rows(flags: np.ndarray) -> np.ndarray:
    """`_cumulative` of each row of a 2-D array of flags: shape (rows, n + 1)."""
    dtype = _count_dtype(flags.shape[1])
    out = np.zeros((flags.shape[0], flags.shape[1] + 1), dtype=dtype)
    np.cumsum(flags, axis=1, dtype=dtype, out=out[:, 1:])
    return out


class _Codes:
    """A categorical contact column as integer codes, in the sorted contacts' order."""

    def __init__(self, column: pd.Series, rows: np.ndarray) -> None:
        codes, uniques = _factorize(column)
        self.codes = codes[rows]
        self.values = list(uniques)

    def flags(self, value: str) -> np.ndarray:
        if value not in self.values:
            return np.zeros(len(self.codes), dtype=bool)
        return np.asarray(self.codes == self.values.index(value))

    def indicators(self) -> np.ndarray:
        """Per distinct value, whether each contact has it: shape (n_values, n)."""
        return np.asarray(self.codes == np.arange(len(self.values))[:, None])

    def cumulative_per_value(self) -> np.ndarray:
        """Per distinct value, its count before each index: shape (n_values, n + 1)
        (`_cumulative_rows(self.indicators())`, a row at a time for many contacts).

        Linear in the number of distinct values, which the contract keeps small (9 recipients,
        6 channels). One contiguous row per value is about twice as fast to build as columns.
        """
        dtype = _count_dtype(len(self.codes))
        out = np.zeros((len(self.values), len(self.codes) + 1), dtype=dtype)
        for code in range(len(self.values)):
            np.cumsum((self.codes == code).astype(dtype), out=out[code, 1:])
        return out


def _distinct(counts: np.ndarray, start: np.ndarray, stop: np.ndarray) -> np.ndarray:
    """How many values occur in each index range [start, stop), from `cumulative_per_value`."""
    return (counts[:, stop] > counts[:, start]).sum(axis=0)


def _acceleration(recent: np.ndarray, earlier: np.ndarray) -> np.ndarray:
    """Smoothed log2 ratio of the last 30 days' rate to the 335 days' before (module docstring)."""
    recent_rate = recent / RECENT_DAYS + PSEUDO_RATE
    earlier_rate = earlier / (YEAR_DAYS - RECENT_DAYS) + PSEUDO_RATE
    return np.asarray(np.log2(recent_rate / earlier_rate), dtype=np.float64)


def contact_features(complaints: pd.DataFrame, contacts: pd.DataFrame) -> pd.DataFrame:
    """Contact-pattern features per complaint, from contacts strictly before its `received_at`.

    Returns a float64 frame with `complaints.index` and columns `CONTACT_FEATURE_NAMES`.
    """
    data = contact_feature_array(complaints, contacts)
    return pd.DataFrame(data, index=complaints.index, columns=list(CONTACT_FEATURE_NAMES))


def contact_feature_array(complaints: pd.DataFrame, contacts: pd.DataFrame) -> np.ndarray:
    """`contact_features` as a float64 array (n_complaints, 20), columns `CONTACT_FEATURE_NAMES`."""
    _require_columns(complaints, COMPLAINT_COLUMNS, table="complaints")
    received = _utc_nanoseconds(complaints["received_at"], table="complaints", field="received_at")
    if len(contacts) == 0:
        # No history: every count, rate and gap is 0 (what the general path computes, tested),
        # without its sorting machinery (most single API requests send no contacts).
        return np.zeros((len(complaints), len(CONTACT_FEATURE_NAMES)), dtype=np.float64)
    history = _SortedContacts(_checked_contacts(contacts))
    codes = history.citizen_codes(complaints["citizen_id"])

    # Searching in (citizen, time) order lets each binary search start near the previous one.
    order = np.lexsort((received, codes))
    columns = _feature_columns(history, codes[order], received[order])
    data = np.empty((len(complaints), len(CONTACT_FEATURE_NAMES)), dtype=np.float64)
    data[order] = np.array([columns[name] for name in CONTACT_FEATURE_NAMES], dtype=np.float64).T
    return data


def _feature_columns(
    history: _SortedContacts, codes: np.ndarray, received: np.ndarray
) -> dict[str, np.ndarray]:
    """Every feature for complaints given as citizen codes and times (ns), in that order."""
    by_time = np.argsort(received)  # also the order of every `received - days`
    now = history.position(codes, received, by_time=by_time)
    first = history.block_start(codes)
    since = {
        days: history.position(codes, received - days * NS_PER_DAY, by_time=by_time) for days in _WINDOWS
    }
    ever = now - first
    has_any = ever > 0
    year = since[YEAR_DAYS]

    columns: dict[str, np.ndarray] = {f"n_contacts_{days}d": now - since[days] for days in _WINDOWS}
    columns["n_contacts_ever"] = ever
    for days in (30, 90, 365):
        columns[f"n_chasers_{days}d"] = history.count("chaser", since[days], now)
    columns["n_mayor_90d"] = history.count("mayor", since[90], now)
    columns["n_mayor_365d"] = history.count("mayor", year, now)
    columns["n_mayor_ever"] = history.count("mayor", first, now)
    columns["n_advisor_365d"] = history.count("advisor", year, now)
    columns["n_meetings_365d"] = history.count("meeting", year, now)
    columns["n_recipients_365d"] = _distinct(history.recipient_counts, year, now)
    columns["n_channels_365d"] = _distinct(history.channel_counts, year, now)
    columns["acceleration_30d"] = _acceleration(now - since[RECENT_DAYS], since[RECENT_DAYS] - year)

    # Index with a safe fallback (0) where the citizen has no contacts; those rows are masked.
    first_time = history.times[np.where(has_any, first, 0)] if len(history.times) else received
    last_time = history.times[np.where(has_any, now - 1, 0)] if len(history.times) else received
    columns["days_since_first_contact"] = np.where(
        has_any, np.minimum((received - first_time) / NS_PER_DAY, DAYS_CAP), 0.0
    )
    columns["days_since_last_contact"] = np.where(
        has_any, np.minimum((received - last_time) / NS_PER_DAY, DAYS_CAP), 0.0
    )
    columns["n_complaints_365d"] = history.count("complaint", year, now)
    columns["n_complaints_ever"] = history.count("complaint", first, now)
    return columns


def reference_contact_features(complaints: pd.DataFrame, contacts: pd.DataFrame) -> pd.DataFrame:
    """The same features by a plain per-complaint filter: slow and obvious, the oracle for tests and bench."""
    contacts = _checked_contacts(contacts)
    rows = []
    for citizen_id, received_at in zip(complaints["citizen_id"], complaints["received_at"], strict=True):
        mine = contacts[(contacts["citizen_id"] == citizen_id) & (contacts["occurred_at"] < received_at)]

        def within(days: int, frame: pd.DataFrame = mine, t: pd.Timestamp = received_at) -> pd.DataFrame:
            return frame[frame["occurred_at"] >= t - pd.Timedelta(days=days)]

        year = within(365)
        recent = len(within(30))
        row: dict[str, float] = {f"n_contacts_{days}d": len(within(days)) for days in _WINDOWS}
        row["n_contacts_ever"] = len(mine)
        for days in (30, 90, 365):
            row[f"n_chasers_{days}d"] = int((within(days)["kind"] == "rykker").sum())
        row["n_mayor_90d"] = int((within(90)["recipient"] == MAYOR).sum())
        row["n_mayor_365d"] = int((year["recipient"] == MAYOR).sum())
        row["n_mayor_ever"] = int((mine["recipient"] == MAYOR).sum())
        row["n_advisor_365d"] = int((year["recipient"] == CITIZEN_ADVISOR).sum())
        row["n_meetings_365d"] = int((year["kind"] == "moede").sum())
        row["n_recipients_365d"] = year["recipient"].nunique()
        row["n_channels_365d"] = year["channel"].nunique()
        rates = (recent / 30 + 1 / 365) / ((len(year) - recent) / 335 + 1 / 365)
        row["acceleration_30d"] = math.log2(rates)
        days_ago = (received_at - mine["occurred_at"]).dt.total_seconds() / 86_400
        row["days_since_first_contact"] = min(days_ago.max(), DAYS_CAP) if len(mine) else 0.0
        row["days_since_last_contact"] = min(days_ago.min(), DAYS_CAP) if len(mine) else 0.0
        row["n_complaints_365d"] = int((year["kind"] == "klage").sum())
        row["n_complaints_ever"] = int((mine["kind"] == "klage").sum())
        rows.append(row)
    return pd.DataFrame(rows, index=complaints.index, columns=list(CONTACT_FEATURE_NAMES), dtype=np.float64)


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


def _period(days: int) -> str:
    return "det seneste år" if days == YEAR_DAYS else f"på {days} dage"


def _busiest(value: Mapping[str, float], prefix: str, thresholds: Mapping[int, float]) -> tuple[float, int]:
    """The window whose count stands out most against its threshold: (count / threshold, days)."""
    ratios = [(value[f"{prefix}_{days}d"] / limit, -days) for days, limit in thresholds.items()]
    ratio, negative_days = max(ratios)  # on a tie the shorter window wins: it is the sharper fact
    return ratio, -negative_days


def contact_facts(features: Mapping[str, float]) -> list[str]:
    """Plain-Danish facts about the contact pattern, most telling first, only the notable ones.

    Each fact has a threshold (when it becomes notable) and a weight (how much it says about a
    locked conflict); facts are ordered by weight times value over threshold.
    """
    missing = [name for name in CONTACT_FEATURE_NAMES if name not in features]
    if missing:
        raise KonfliktError(f"contact features missing: {', '.join(missing)}")
    value = {name: float(features[name]) for name in CONTACT_FEATURE_NAMES}
    count = {name: round(v) for name, v in value.items()}
    facts: list[tuple[float, str]] = []

    recent = count["n_contacts_30d"]
    earlier = count["n_contacts_365d"] - recent
    burst = False  # the burst fact already says how many came in 30 days
    if value["acceleration_30d"] >= NOTABLE_ACCELERATION and recent >= 2:
        burst = earlier == 0
        if burst:
            text = f"{recent} henvendelser de seneste 30 dage mod ingen i de 11 måneder før"
        else:
            factor = round((recent / RECENT_DAYS) / (earlier / (YEAR_DAYS - RECENT_DAYS)))
            text = f"henvendelserne er taget til: {factor} gange så mange de seneste 30 dage som før"
        facts.append((2.5 * min(value["acceleration_30d"] / NOTABLE_ACCELERATION, 3.0), text))

    ratio, days = _busiest(value, "n_contacts", {7: 3, 30: 4, 90: 6, 365: 12})
    if ratio >= 1 and not (burst and days == RECENT_DAYS):
        n = count[f"n_contacts_{days}d"]
        facts.append((2.0 * ratio, f"{_plural(n, 'henvendelse', 'henvendelser')} {_period(days)}"))

    if count["n_mayor_365d"] >= 1:
        days = 90 if count["n_mayor_90d"] == count["n_mayor_365d"] else YEAR_DAYS
        n = count[f"n_mayor_{days}d"]
        facts.append(
            (3.0 * n, f"{_plural(n, 'henvendelse', 'henvendelser')} til borgmesteren {_period(days)}")
        )
    elif count["n_mayor_ever"] >= 1:
        n = count["n_mayor_ever"]
        facts.append((1.0 * n, f"{_plural(n, 'henvendelse', 'henvendelser')} til borgmesteren tidligere"))

    ratio, days = _busiest(value, "n_chasers", {30: 2, 90: 2, 365: 3})
    if ratio >= 1:
        n = count[f"n_chasers_{days}d"]
        facts.append((2.0 * ratio, f"{_plural(n, 'rykker', 'rykkere')} {_period(days)}"))

    if count["n_complaints_ever"] >= 1:
        n = count["n_complaints_ever"]
        facts.append((1.5 * n, f"{_plural(n, 'tidligere klage', 'tidligere klager')}"))
    if count["n_advisor_365d"] >= 1:
        n = count["n_advisor_365d"]
        text = f"{_plural(n, 'henvendelse', 'henvendelser')} til borgerrådgiveren det seneste år"
        facts.append((1.5 * n, text))
    if count["n_recipients_365d"] >= 3:
        n = count["n_recipients_365d"]
        facts.append((n / 3, f"henvendelser til {n} forskellige modtagere det seneste år"))
    if count["n_channels_365d"] >= 3:
        n = count["n_channels_365d"]
        facts.append((0.8 * n / 3, f"kontakt via {n} forskellige kanaler det seneste år"))
    if count["n_meetings_365d"] >= 1:
        n = count["n_meetings_365d"]
        facts.append((0.5 * n, f"{_plural(n, 'møde', 'møder')} det seneste år"))

    first_days = value["days_since_first_contact"]
    if first_days >= YEAR_DAYS and count["n_contacts_ever"] >= 5:
        years = int(first_days // YEAR_DAYS)
        text = (
            "første kontakt for mere end 10 år siden"
            if first_days >= DAYS_CAP
            else (f"første kontakt for {years} år siden")
        )
        facts.append((0.8 * min(years, 10) / 2, text))

    facts.sort(key=lambda fact: fact[0], reverse=True)  # stable: equal scores keep the order above
    return [text for _, text in facts]


def contact_history(contacts: pd.DataFrame, citizen_id: str, *, until: pd.Timestamp) -> pd.DataFrame:
    """The citizen's contacts strictly before `until`, counted per calendar month (UTC).

    Columns: month (first instant of the month, UTC), total, to_mayor, chasers. Months run from
    the first contact to the month just before `until`, quiet months included as zeros, so the
    frame plots as a timeline without gaps. No contacts gives an empty frame with those columns.
    """
    end = _require_tz_aware(until, name="until")
    contacts = _checked_contacts(contacts)
    occurred = _utc_nanoseconds(contacts["occurred_at"], table="contacts", field="occurred_at")
    mine = (contacts["citizen_id"] == citizen_id).to_numpy(dtype=bool) & (occurred < end.as_unit("ns").value)
    if not mine.any():
        return pd.DataFrame(
            {
                "month": pd.Series([], dtype="datetime64[ns, UTC]"),
                **{name: pd.Series([], dtype=np.int64) for name in ("total", "to_mayor", "chasers")},
            }
        )
    months = pd.to_datetime(occurred[mine], unit="ns").to_period("M")  # naive UTC wall time
    flags = pd.DataFrame(
        {
            "total": 1,
            "to_mayor": (contacts["recipient"][mine] == MAYOR).astype(np.int64),
            "chasers": (contacts["kind"][mine] == "rykker").astype(np.int64),
        }
    )
    counts = flags.groupby(months).sum()
    last = (end - pd.Timedelta(1, "ns")).tz_localize(None).to_period("M")
    span = pd.period_range(counts.index.min(), last, freq="M")
    counts = counts.reindex(span, fill_value=0).astype(np.int64)
    month = pd.Series(span.to_timestamp(how="start"), dtype="datetime64[ns]").dt.tz_localize("UTC")
    return pd.DataFrame({"month": month, **{name: counts[name].to_numpy() for name in counts.columns}})


class ContactFeatureScaler(OneToOneFeatureMixin, TransformerMixin, BaseEstimator):
    """Scales contact features for a model: log, clipping and robust scaling learned in `fit`.

    Counts and days are non-negative and heavy-tailed, so every column first goes through
    `sign(x) * log1p(|x|)`: log1p on counts and days, symmetric on the signed acceleration.
    Then each column is clipped to its training quantiles `clip_quantiles`, centred on its median
    and divided by its interquartile spread (`quantile_range`), or by 1 where that spread is zero
    (sparse counts such as contacts to the mayor). Output: a float64 array, one column per input.
    """

    def __init__(
        self,
        *,
        log_scale: bool = True,
        clip_quantiles: tuple[float, float] = (0.005, 0.995),
        quantile_range: tuple[float, float] = (0.25, 0.75),
    ) -> None:
        self.log_scale = log_scale
        self.clip_quantiles = clip_quantiles
        self.quantile_range = quantile_range

    def _logged(self, X: np.ndarray) -> np.ndarray:
        return np.sign(X) * np.log1p(np.abs(X)) if self.log_scale else X

    def fit(self, X: Any, y: Any = None) -> ContactFeatureScaler:
        for name in ("clip_quantiles", "quantile_range"):
            low, high = getattr(self, name)
            if not 0.0 <= low < high <= 1.0:
                raise ValueError(f"{name} must satisfy 0 <= low < high <= 1, got {(low, high)}")
        X = validate_data(self, X, dtype=np.float64)
        logged = self._logged(X)
        self.lower_, self.upper_ = np.quantile(logged, self.clip_quantiles, axis=0)
        clipped = np.clip(logged, self.lower_, self.upper_)
        self.center_ = np.median(clipped, axis=0)
        low, high = np.quantile(clipped, self.quantile_range, axis=0)
        spread = high - low
        self.scale_ = np.where(spread > 1e-12, spread, 1.0)
        return self

    def transform(self, X: Any) -> np.ndarray:
        check_is_fitted(self)
        if _is_checked_frame(X, getattr(self, "feature_names_in_", None)):
            X = X.to_numpy()  # what validate_data would check holds (and it costs ms per call)
        else:
            X = validate_data(self, X, dtype=np.float64, reset=False)
        return self._scaled(X)

    def scale(self, X: np.ndarray) -> np.ndarray:
        """`transform` of a float64 array of the fitted columns (`contact_feature_array`), without
        scikit-learn's checks; anything else (or a non-finite value) goes through `transform`."""
        check_is_fitted(self)
        fits = X.dtype == np.float64 and X.ndim == 2 and X.shape[1] == len(self.center_)
        if not (fits and bool(np.isfinite(X).all())):
            return np.asarray(self.transform(X))
        return self._scaled(X)

    def _scaled(self, X: np.ndarray) -> np.ndarray:
        return np.asarray((np.clip(self._logged(X), self.lower_, self.upper_) - self.center_) / self.scale_)


def _is_checked_frame(X: Any, names: np.ndarray | None) -> bool:
    """X is a float64 frame with the fitted columns in order and only finite values."""
    return (
        names is not None
        and isinstance(X, pd.DataFrame)
        and X.columns.tolist() == names.tolist()
        and all(dtype == np.float64 for dtype in X.dtypes)
        and bool(np.isfinite(X.to_numpy()).all())
    )

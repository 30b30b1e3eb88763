"""Turn a column of input times into tz-aware UTC timestamps, with a reason for every bad value.

Accepted: ISO 8601 strings (``2024-07-01T12:00``, ``...+02:00``, ``...Z``, a date alone), the
``YYYY-MM-DD HH:MM[:SS]`` form, and native datetimes (Excel cells, Parquet columns, Python
objects). A time without an offset is local time in Europe/Copenhagen:

- a local time that does not exist (the spring-forward gap, e.g. 2024-03-31 02:30) is refused;
- an ambiguous local time (the autumn fall-back hour, e.g. 2024-10-27 02:30 happens twice)
  resolves to its first occurrence, summer time (+02:00); exports that need the second one
  must carry an offset;
- a date alone is midnight local time.

Times outside the years 1900-2199 are refused; future times are not refused here. The work is vectorised: one ``to_datetime`` call for the
strings with an offset and one for those without; element-wise parsing is only a fallback.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from signals.schema import COPENHAGEN

UTC_DTYPE = "datetime64[us, UTC]"
FIRST_YEAR = 1900
LAST_YEAR = 2199
_QUOTE_CHARS = 40
_LONG_DIGITS = re.compile(r"\d{6}")

# An offset (Z, +02, +0200, +02:00) right after a digit, in a string that has a time part.
_OFFSET_RE = re.compile(r"\d(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$")
_TIME_PART_RE = re.compile(r"\d[Tt ]\d")


@dataclass(frozen=True)
class ParsedTimes:
    """Result of `parse_times`: values in UTC (NaT where bad or missing) and why each bad one is bad."""

    utc: pd.Series  # dtype datetime64[us, UTC], same index as the input
    missing: np.ndarray  # bool: no value at all
    reasons: pd.Series  # object: a reason string where the value is present but bad, else None


def quote(value: object, *, words: int = 1) -> str:
    """A bad code or time for an error message, or only its length when it may be personal data.

    Codes are single words and times at most two; anything longer, with a long run of digits
    (a CPR or phone number) or over 40 characters is likely text in the wrong column.
    """
    text = str(value)
    if len(text) <= _QUOTE_CHARS and len(text.split()) <= words and not _LONG_DIGITS.search(text):
        return f"'{text}'"
    return f"a value of {len(text)} characters (not shown)"


def parse_times(values: pd.Series) -> ParsedTimes:
    """Parse a column of times (strings or native datetimes) to UTC; see the module docstring."""
    parsed = _parse_times(values)
    # No complaint or contact is dated before 1900 or after 2199; beyond those years a value is a
    # typing error, and features and storage (nanosecond timestamps end in 2262) cannot hold it.
    years = parsed.utc.dt.year
    outside = ((years < FIRST_YEAR) | (years > LAST_YEAR)).fillna(False).to_numpy(dtype=bool)
    if outside.any():
        parsed.utc[outside] = pd.NaT
        parsed.reasons[outside] = [
            f"bad timestamp: {quote(value, words=2)} is outside the years {FIRST_YEAR}-{LAST_YEAR} (in UTC)"
            for value in values[outside]
        ]
    return parsed


def _parse_times(values: pd.Series) -> ParsedTimes:
    index = values.index
    utc = pd.Series(pd.NaT, index=index, dtype=UTC_DTYPE)
    reasons = pd.Series(None, index=index, dtype=object)
    dtype = values.dtype

    if isinstance(dtype, pd.DatetimeTZDtype):
        utc = values.dt.tz_convert("UTC").astype(UTC_DTYPE)
        return ParsedTimes(utc, values.isna().to_numpy(), reasons)
    if pd.api.types.is_datetime64_dtype(dtype):
        local, gap = _localise(values)
        reasons[gap] = [_gap_reason(v) for v in values[gap]]
        return ParsedTimes(local, values.isna().to_numpy(), reasons)

    if pd.api.types.infer_dtype(values, skipna=True) in ("string", "empty"):
        # Python string methods: pandas' cost about 0.1 ms per call, which single records felt.
        stripped = [v.strip() if isinstance(v, str) else "" for v in values.to_numpy(dtype=object)]
        missing = np.array([not v for v in stripped], dtype=bool)
        present = np.flatnonzero(~missing)
        text = pd.Series([stripped[i] for i in present], index=index[present], dtype="str")
        _parse_strings(text, utc, reasons)
        return ParsedTimes(utc, missing, reasons)

    # Mixed objects (Excel: datetime cells among text cells): sort by kind.
    missing = np.array([_is_missing(v) for v in values], dtype=bool)
    is_str = np.array([isinstance(v, str) for v in values], dtype=bool)
    text = values[is_str].astype("str").str.strip()
    blank = (text == "").to_numpy(dtype=bool)
    missing[np.flatnonzero(is_str)[blank]] = True
    _parse_strings(text[~blank], utc, reasons)
    for label, value in values[~is_str & ~missing].items():
        parsed, reason = _parse_native(value)
        if reason is None:
            utc[label] = parsed
        else:
            reasons[label] = reason
    return ParsedTimes(utc, missing, reasons)


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _parse_strings(text: pd.Series, utc: pd.Series, reasons: pd.Series) -> None:
    """Parse non-empty strings into `utc`; write a reason into `reasons` for each bad one."""
    if text.empty:
        return
    has_offset = np.array(
        [bool(_OFFSET_RE.search(v) and _TIME_PART_RE.search(v)) for v in text.to_numpy(dtype=object)],
        dtype=bool,
    )
    if has_offset.all() or not has_offset.any():  # the usual case: one kind, one parse
        batches = [(text, bool(has_offset[0]))]
    else:
        batches = [(text[has_offset], True), (text[~has_offset], False)]
    for batch, with_offset in batches:
        try:
            parsed = pd.to_datetime(batch, format="ISO8601", utc=with_offset, errors="coerce")
        except ValueError:  # "Mixed timezones detected": an offset form the pattern missed
            parsed = None
        if parsed is None or (not with_offset and isinstance(parsed.dtype, pd.DatetimeTZDtype)):
            _parse_one_by_one(batch, utc, reasons)
            continue
        unparsed = parsed.isna().to_numpy(dtype=bool)
        if with_offset:
            utc[batch.index] = parsed.astype(UTC_DTYPE)
        else:
            local, gap = _localise(parsed)
            utc[batch.index] = local
            if gap.any():
                reasons[batch.index[gap]] = [_gap_reason(v) for v in batch[gap]]
        if unparsed.any():
            reasons[batch.index[unparsed]] = [_format_reason(v) for v in batch[unparsed]]


def _parse_one_by_one(text: pd.Series, utc: pd.Series, reasons: pd.Series) -> None:
    """Slow path for a batch pandas refuses as a whole: each string on its own."""
    for label, value in text.items():
        try:
            stamp = pd.to_datetime(value, format="ISO8601")
        except (ValueError, OverflowError):
            stamp = pd.NaT
        if pd.isna(stamp):
            reasons[label] = _format_reason(value)
            continue
        parsed, reason = _parse_native(stamp)
        if reason is None:
            utc[label] = parsed
        else:
            reasons[label] = _gap_reason(value)


def _localise(naive: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Copenhagen local -> UTC. Returns the values and a mask of times in the spring-forward gap."""
    # ambiguous=True for every row means "daylight-saving time", i.e. the first of the two
    # occurrences in the fall-back hour; pandas only consults it for ambiguous times.
    summer_first = np.ones(len(naive), dtype=bool)
    naive = naive.astype("datetime64[us]")
    local = naive.dt.tz_localize(COPENHAGEN, ambiguous=summer_first, nonexistent="NaT")
    gap = (local.isna() & naive.notna()).to_numpy(dtype=bool)
    return local.dt.tz_convert("UTC").astype(UTC_DTYPE), gap


def _parse_native(value: object) -> tuple[pd.Timestamp | None, str | None]:
    """One non-string value (datetime, date, numpy datetime) -> UTC, or a reason."""
    if isinstance(value, datetime | date | np.datetime64):
        stamp = pd.Timestamp(value)
        if stamp.tzinfo is not None:
            return stamp.tz_convert("UTC"), None
        local, gap = _localise(pd.Series([stamp]))
        if gap[0]:
            return None, _gap_reason(stamp)
        return local.iloc[0], None
    kind = "a boolean" if isinstance(value, bool | np.bool_) else f"a {type(value).__name__}"
    if isinstance(value, int | float | np.integer | np.floating):
        kind = "a number"
    return None, f"bad timestamp: expected an ISO 8601 time, got {kind}"


def _format_reason(value: str) -> str:
    shown = quote(value, words=2)
    return f"bad timestamp: {shown} is not an ISO 8601 time (e.g. 2024-05-01T09:30 or 2024-05-01)"


def _gap_reason(value: object) -> str:
    shown = value.isoformat(sep=" ") if isinstance(value, datetime) else str(value)
    return (
        f"nonexistent local time: {quote(shown, words=2)} falls in the hour skipped when Europe/Copenhagen "
        "moves to summer time; give an offset or a valid time"
    )


# The plain forms nearly every API request and export uses: a date, or a date and a time to the
# minute, second or microsecond, optionally with `Z` or a `+HH:MM` offset.
_PLAIN_TIME_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?P<offset>Z|[+-]\d{2}:\d{2})?)?"
)
_UTC = ZoneInfo("UTC")


def parse_plain_time(value: str) -> datetime | None:
    """One stripped string in a plain ISO 8601 form -> an aware UTC datetime, by the rules of
    `parse_times`; None whenever `parse_times` would have to decide (another form, a bad value, a
    time in the spring-forward gap, a year outside 1900-2199), so the caller falls back to it.

    The loader's quick path for in-memory records: no pandas objects for one value. Tests check
    it against `parse_times` on plain, ambiguous, skipped and far-off times.
    """
    match = _PLAIN_TIME_RE.fullmatch(value)
    if match is None:
        return None
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        return None
    if match.group("offset") is None:
        if stamp.tzinfo is not None:  # pragma: no cover - the pattern admits no other offset
            return None
        # fold=0 is the first of two occurrences of an ambiguous local time: summer time, as in
        # `_localise`; a skipped local time does not survive the round trip.
        local = stamp.replace(tzinfo=COPENHAGEN, fold=0)
        if local.astimezone(_UTC).astimezone(COPENHAGEN).replace(tzinfo=None) != stamp:
            return None
        stamp = local
    utc = stamp.astimezone(_UTC)
    if not FIRST_YEAR <= utc.year <= LAST_YEAR:
        return None
    return utc

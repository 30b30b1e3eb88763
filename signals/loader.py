"""Load complaints and contacts (contract section 1) into validated pandas tables.

One loader serves training, the CLI and the service. Files are read by suffix: JSON Lines
(``.jsonl``, ``.ndjson``, ``.json``; a ``.json`` file may also hold one JSON array), CSV
(UTF-8, or Windows-1252 as Danish Excel writes it; ``,`` or ``;`` separated), Excel ``.xlsx``
(the sheet named ``complaints``/``contacts`` if there is one, else the first) and Parquet.

Every bad row is reported as a `RowError` (file, 1-based data row, field, reason). A file with
bad rows loads nothing: `DataError` carries all its errors. With ``skip_bad=True`` the good rows
load and `LoadResult.skipped` lists the bad rows' errors. Each reason starts with a short kind
("unknown channel", "empty text", ...), then ``: `` and details; codes and times are quoted,
text and citizen ids never are.

Choices a user may want to know:

- Column names are matched without regard to case or surrounding spaces. An unknown column is
  an error naming it (with a suggestion when it looks like a typo): a misspelt label column
  would otherwise turn labelled data silently into unlabelled data.
- Codes are matched without regard to case, spaces/hyphens vs ``_`` and æ/ø/å vs ae/oe/aa
  (``"Partshøring"`` is ``partshoering``); the output holds the canonical code.
- Root causes: a list of codes in JSON/Parquet; in CSV/Excel one cell, codes separated by
  ``;`` (``,`` is accepted too, and so is a bracketed list such as ``["a", "b"]``). Repeats in
  one cell count once. Absent or empty means "not labelled".
- Mediation label: 0/1, ``"0"``/``"1"``, true/false; anything else is an error.
- Times: see `signals.timeparse` (local Copenhagen time when there is no offset; a time in
  the spring-forward gap is refused; an ambiguous autumn time is read as summer time). In a
  file, a time more than a day ahead of now is an error ("future time").
- Duplicate complaint ids: the later rows are errors naming the first; with ``skip_bad`` the
  first is kept.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from signals.cells import (
    CodeList,
    Problems,
    check_cpr,
    code_key,
    code_lookup,
    codes_column,
    labels_column,
    map_codes,
    text_column,
)
from signals.errors import DataError, KonfliktError, RowError
from signals.readers import RawTable, read_table, table_from_records
from signals.schema import (
    CHANNELS,
    CONTACT_KINDS,
    DEPARTMENT_CODES,
    MAX_TEXT_CHARS,
    RECIPIENTS,
    ROOT_CAUSE_CODES,
)
from signals.timeparse import UTC_DTYPE, parse_plain_time, parse_times

COMPLAINT_COLUMNS = (
    "complaint_id",
    "received_at",
    "citizen_id",
    "forvaltning",
    "channel",
    "text",
    "root_causes",
    "mediation_potential",
)
LABEL_COLUMNS = ("root_causes", "mediation_potential")
COMPLAINT_REQUIRED = ("complaint_id", "received_at", "citizen_id", "channel", "text")
CONTACT_COLUMNS = ("citizen_id", "occurred_at", "channel", "recipient", "kind")
MAX_ROOT_CAUSES = 3

_CHANNELS = code_lookup(CHANNELS)
_DEPARTMENTS = code_lookup(DEPARTMENT_CODES)
_RECIPIENTS = code_lookup(RECIPIENTS)
_KINDS = code_lookup(CONTACT_KINDS)
_ROOT_CAUSES = code_lookup(ROOT_CAUSE_CODES)


@dataclass(frozen=True)
class LoadResult:
    """A validated table and, with ``skip_bad=True``, the errors of the rows left out."""

    frame: pd.DataFrame
    skipped: list[RowError]

    def describe_skipped(self) -> str:
        """E.g. "skipped 3 bad rows: 2 x unknown root-cause code, 1 x empty text"."""
        if not self.skipped:
            return "skipped no rows"
        rows = len({(e.file, e.row) for e in self.skipped})
        kinds = Counter(e.reason.split(":", 1)[0] for e in self.skipped)
        parts = ", ".join(f"{count} x {kind}" for kind, count in kinds.most_common())
        return f"skipped {rows} bad row{'s' if rows != 1 else ''}: {parts}"


def load_complaints(path: Path | str, *, skip_bad: bool = False, require_labels: bool = False) -> LoadResult:
    """Load complaints from a file; ``require_labels`` demands 1-3 root causes and a 0/1 label per row.

    Output columns: complaint_id, citizen_id, channel, text (str); received_at (datetime64 UTC);
    forvaltning (str, or None when empty); root_causes (list[str] or None); mediation_potential
    (Int8: 0, 1 or <NA>). Rows keep their input order on a RangeIndex.
    """
    path = Path(path)
    raw = read_table(path, sheet="complaints")
    return _complaints(raw, str(path), skip_bad=skip_bad, require_labels=require_labels)


def load_contacts(path: Path | str, *, skip_bad: bool = False) -> LoadResult:
    """Load contact events; columns citizen_id, channel, recipient, kind (str), occurred_at (UTC)."""
    path = Path(path)
    raw = read_table(path, sheet="contacts")
    return _contacts(raw, str(path), skip_bad=skip_bad)


def complaints_from_records(
    records: Sequence[object],
    *,
    source: str = "request",
    skip_bad: bool = False,
    require_labels: bool = False,
) -> LoadResult:
    """`load_complaints` for in-memory records (e.g. an HTTP body); row numbers count from 1.

    Keys must be the exact field names. Each record is judged on its own: an absent required
    key is "missing <field>" and an unknown key an error of that record (both `RowError`s), so
    one bad record never turns into a whole-batch error.
    """
    if not require_labels:
        quick = _quick_complaints(records)
        if quick is not None:
            return LoadResult(quick, [])
    raw = table_from_records(records, source=source)
    return _complaints(raw, source, skip_bad=skip_bad, require_labels=require_labels, records=True)


def contacts_from_records(
    records: Sequence[object], *, source: str = "request", skip_bad: bool = False
) -> LoadResult:
    """`load_contacts` for in-memory records."""
    if len(records) == 0:  # most API requests send no history: skip the column machinery
        return LoadResult(_no_contacts().copy(), [])
    return _contacts(table_from_records(records, source=source), source, skip_bad=skip_bad, records=True)


def _quick_complaints(records: Sequence[object]) -> pd.DataFrame | None:
    """The complaints table for records that certainly pass every check, without the column machinery.

    A request of one complaint spent most of its loading time building pandas objects for
    checks it passes. Here each record is checked in plain Python against a narrow picture of a
    clean record: the exact keys, non-empty strings without NUL, known codes, no CPR-like digits
    in the citizen id, a text within the limit, a plain ISO 8601 time (`parse_plain_time`), no
    repeated id, no labels. Anything else, valid or not, returns None and goes through
    `_complaints`, which says what is wrong; so the rules stay there, and this path only ever
    accepts a subset of what they accept. Tests check both give the same table.
    """
    ids: list[str] = []
    times: list[datetime] = []
    citizens: list[str] = []
    departments: list[str | None] = []
    channels: list[str] = []
    texts: list[str] = []
    for record in records:
        if (
            not isinstance(record, dict)
            or not _QUICK_REQUIRED.issubset(record)
            or not _QUICK_ALLOWED.issuperset(record)
        ):
            return None
        complaint_id = _clean_string(record["complaint_id"])
        citizen = _clean_string(record["citizen_id"])
        text = _clean_string(record["text"])
        channel = _known_code(record["channel"], _CHANNELS)
        raw_department = record.get("forvaltning")
        department = None if raw_department is None else _known_code(raw_department, _DEPARTMENTS)
        received = record["received_at"]
        when = parse_plain_time(received.strip()) if isinstance(received, str) else None
        if (
            complaint_id is None
            or citizen is None
            or text is None
            or channel is None
            or (raw_department is not None and department is None)
            or when is None
            or len(text) > MAX_TEXT_CHARS
            or _CPR_LIKE.search(citizen)
        ):
            return None
        ids.append(complaint_id)
        times.append(when)
        citizens.append(citizen)
        departments.append(department)
        channels.append(channel)
        texts.append(text)
    if not ids or len(set(ids)) != len(ids):
        return None
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    micros = np.array([(when - epoch) // _MICROSECOND for when in times], dtype="datetime64[us]")
    n = len(ids)
    # Arrays, not Series: a frame built from Series first aligns their indexes.
    return pd.DataFrame(
        {
            "complaint_id": pd.array(ids, dtype=_STR),
            "received_at": pd.DatetimeIndex(micros).tz_localize("UTC"),
            "citizen_id": pd.array(citizens, dtype=_STR),
            "forvaltning": pd.Series(departments, dtype=object),
            "channel": pd.array(channels, dtype=_STR),
            "text": pd.array(texts, dtype=_STR),
            "root_causes": np.full(n, None, dtype=object),
            "mediation_potential": pd.array([pd.NA] * n, dtype=_INT8),
        }
    )


_QUICK_REQUIRED = frozenset(COMPLAINT_REQUIRED)
_QUICK_ALLOWED = frozenset(set(COMPLAINT_COLUMNS) - set(LABEL_COLUMNS))
# Any six digits, a separator and four more: a superset of what `check_cpr` refuses.
_CPR_LIKE = re.compile(r"\d{6}[- ]?\d{4}")
_MICROSECOND = timedelta(microseconds=1)
# Files come from systems whose clocks and time zones we do not control, so a day's leeway; a
# time further ahead is a typing or export error (a complaint "received" in 2099).
FILE_FUTURE_TOLERANCE = timedelta(days=1)
_STR = pd.StringDtype(na_value=np.nan)  # what dtype="str" means, looked up once
_INT8 = pd.Int8Dtype()


def _clean_string(value: object) -> str | None:
    """A stripped, non-empty string without NUL, or None (the full checks then decide)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value if value and "\x00" not in value else None


def _known_code(value: object, codes: CodeList) -> str | None:
    if not isinstance(value, str):
        return None
    return codes.by_key.get(code_key(value))


@functools.cache
def _no_contacts() -> pd.DataFrame:
    """The empty contacts table, exactly as loading zero records gives it (callers get copies)."""
    return _contacts(table_from_records([], source="request"), "request", skip_bad=False, records=True).frame


def _complaints(
    raw: RawTable, source: str, *, skip_bad: bool, require_labels: bool, records: bool = False
) -> LoadResult:
    required = (*COMPLAINT_REQUIRED, *LABEL_COLUMNS) if require_labels else COMPLAINT_REQUIRED
    problems = Problems(source, raw.rows, raw.errors, order=COMPLAINT_COLUMNS)
    cells = _columns(
        raw, source, allowed=COMPLAINT_COLUMNS, required=required, problems=problems if records else None
    )
    n = len(cells)

    complaint_id = text_column(cells.get("complaint_id"), n, "complaint_id", problems)
    received = parse_times(_column(cells, "received_at")) if n else None
    citizen = text_column(cells.get("citizen_id"), n, "citizen_id", problems)
    check_cpr(citizen, "citizen_id", problems)
    forvaltning = map_codes(
        cells.get("forvaltning"),
        n,
        "forvaltning",
        _DEPARTMENTS,
        problems,
        what="department code",
        required=False,
    )
    channel = map_codes(cells.get("channel"), n, "channel", _CHANNELS, problems)
    text = text_column(cells.get("text"), n, "text", problems, missing="empty text")
    root_causes = codes_column(
        cells.get("root_causes"), n, "root_causes", _ROOT_CAUSES, problems, max_codes=MAX_ROOT_CAUSES
    )
    mediation = labels_column(cells.get("mediation_potential"), n, "mediation_potential", problems)

    if received is not None:
        problems.add(received.missing, "received_at", "missing received_at")
        problems.add(received.reasons.notna(), "received_at", received.reasons)
        if not records:
            _refuse_future(received.utc, "received_at", problems)
    lengths = text.values.str.len()
    too_long = (lengths > MAX_TEXT_CHARS).fillna(False).to_numpy(dtype=bool)
    if too_long.any():
        limit = f"the limit is {MAX_TEXT_CHARS:,}"
        reasons = lengths.where(too_long).map(
            lambda k: f"text too long: {k:,.0f} characters, {limit}", na_action="ignore"
        )
        problems.add(too_long, "text", reasons)
    _check_duplicates(complaint_id.values, problems)
    if require_labels:
        no_causes = np.array([v is None for v in root_causes.values], dtype=bool) & ~root_causes.bad
        problems.add(
            no_causes, "root_causes", f"missing root causes: labelled data needs 1 to {MAX_ROOT_CAUSES} codes"
        )
        problems.add(
            mediation.values.isna().to_numpy(dtype=bool) & ~mediation.bad,
            "mediation_potential",
            "missing mediation label: labelled data needs 0 or 1",
        )

    frame = pd.DataFrame(
        {
            "complaint_id": complaint_id.values,
            "received_at": received.utc if received is not None else pd.Series([], dtype=UTC_DTYPE),
            "citizen_id": citizen.values,
            "forvaltning": forvaltning.astype(object).where(forvaltning.notna(), None),
            "channel": channel,
            "text": text.values,
            "root_causes": root_causes.values,
            "mediation_potential": mediation.values,
        }
    )
    return _finish(frame, problems, source, skip_bad=skip_bad)


def _contacts(raw: RawTable, source: str, *, skip_bad: bool, records: bool = False) -> LoadResult:
    problems = Problems(source, raw.rows, raw.errors, order=CONTACT_COLUMNS)
    cells = _columns(
        raw, source, allowed=CONTACT_COLUMNS, required=CONTACT_COLUMNS, problems=problems if records else None
    )
    n = len(cells)
    citizen = text_column(cells.get("citizen_id"), n, "citizen_id", problems)
    check_cpr(citizen, "citizen_id", problems)
    occurred = parse_times(_column(cells, "occurred_at")) if n else None
    if occurred is not None:
        problems.add(occurred.missing, "occurred_at", "missing occurred_at")
        problems.add(occurred.reasons.notna(), "occurred_at", occurred.reasons)
        if not records:
            _refuse_future(occurred.utc, "occurred_at", problems)
    frame = pd.DataFrame(
        {
            "citizen_id": citizen.values,
            "occurred_at": occurred.utc if occurred is not None else pd.Series([], dtype=UTC_DTYPE),
            "channel": map_codes(cells.get("channel"), n, "channel", _CHANNELS, problems),
            "recipient": map_codes(cells.get("recipient"), n, "recipient", _RECIPIENTS, problems),
            "kind": map_codes(cells.get("kind"), n, "kind", _KINDS, problems, what="contact kind"),
        }
    )
    return _finish(frame, problems, source, skip_bad=skip_bad)


def _columns(
    raw: RawTable, source: str, *, allowed: Sequence[str], required: Sequence[str], problems: Problems | None
) -> pd.DataFrame:
    """Normalise column names and check them against the contract.

    For a file (``problems`` None) a missing, unknown or repeated column raises at once. For
    in-memory records the keys are used as given and each record is judged on its own: an
    unknown key is an error of the records holding it, a missing one is "missing <field>".
    """
    frame = raw.frame
    if problems is not None:
        for name in [c for c in frame.columns if c not in allowed]:
            close = _similar_column(name, allowed)
            hint = f"did you mean {close}?" if close else f"expected fields: {', '.join(allowed)}"
            present = frame[name].map(lambda v: not _is_empty(v)).to_numpy(dtype=bool)
            problems.add(present, name, f"unknown field: {hint}")
        return frame[[c for c in frame.columns if c in allowed]].reset_index(drop=True)
    # A blank header (e.g. the index column pandas writes by default) gets a name to report.
    names = [str(c).strip().lower() or f"(unnamed column {i})" for i, c in enumerate(frame.columns, start=1)]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise KonfliktError(f"{source}: column named more than once: {', '.join(repeated)}")
    frame = frame.set_axis(names, axis=1)
    unknown = [name for name in names if name not in allowed]
    if unknown:
        shown = []
        for name in unknown:
            close = _similar_column(name, allowed)
            shown.append(f"{name} (did you mean {close}?)" if close else name)
        raise KonfliktError(
            f"{source}: unknown column{'s' if len(unknown) > 1 else ''}: {', '.join(shown)}; "
            f"expected columns: {', '.join(allowed)}"
        )
    # An empty JSON Lines file has no columns at all: nothing to check, nothing to load.
    no_rows_no_columns = frame.shape == (0, 0)
    missing = [name for name in required if name not in names]
    if missing and not no_rows_no_columns:
        raise KonfliktError(
            f"{source}: missing required column{'s' if len(missing) > 1 else ''}: {', '.join(missing)}"
        )
    return frame.reset_index(drop=True)


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)  # NaN: an absent key


def _column(cells: pd.DataFrame, name: str) -> pd.Series:
    """A column, or all-missing when in-memory records never had that key."""
    return cells[name] if name in cells.columns else pd.Series([None] * len(cells), dtype=object)


def _similar_column(name: str, allowed: Sequence[str]) -> str | None:
    """The column a typo or a shortened name probably meant ("mediation" -> mediation_potential)."""
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    if close:
        return close[0]
    prefixed = [column for column in allowed if len(name) >= 4 and column.startswith(name)]
    return prefixed[0] if len(prefixed) == 1 else None


def _refuse_future(times: pd.Series, field: str, problems: Problems) -> None:
    """A file's times are history: one more than `FILE_FUTURE_TOLERANCE` ahead of now is an error.

    In-memory records are the service's: it refuses future times itself, with its own setting."""
    limit = pd.Timestamp.now(tz=UTC) + FILE_FUTURE_TOLERANCE
    late = (times > limit).fillna(False).to_numpy(dtype=bool)
    if late.any():
        reasons = times.where(late).map(
            lambda t: f"future time: '{t.isoformat()}' (UTC) is after now", na_action="ignore"
        )
        problems.add(late, field, reasons)


def _check_duplicates(ids: pd.Series, problems: Problems) -> None:
    """Later rows with an id already seen are errors naming the row where it was first seen."""
    present = ids.notna()
    duplicate = (ids.duplicated(keep="first") & present).to_numpy(dtype=bool)
    if not duplicate.any():
        return
    positions = pd.Series(np.arange(len(ids)), index=ids.index)
    first = positions[present].groupby(ids[present]).transform("min")
    first_rows = problems.rows[first.reindex(ids.index).to_numpy()[duplicate].astype(np.int64)]
    reasons = pd.Series(None, index=ids.index, dtype=object)
    reasons[duplicate] = [f"duplicate complaint_id: first seen in row {row}" for row in first_rows]
    problems.add(duplicate, "complaint_id", reasons)


def _finish(frame: pd.DataFrame, problems: Problems, source: str, *, skip_bad: bool) -> LoadResult:
    errors = problems.errors()
    if errors and not skip_bad:
        raise DataError(errors, file=source)
    if errors:
        frame = frame[~problems.bad_rows()].reset_index(drop=True)
    return LoadResult(frame, errors)


__all__ = [
    "COMPLAINT_COLUMNS",
    "CONTACT_COLUMNS",
    "LoadResult",
    "complaints_from_records",
    "contacts_from_records",
    "load_complaints",
    "load_contacts",
]

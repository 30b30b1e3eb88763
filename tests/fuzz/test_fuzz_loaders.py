"""The loaders under arbitrary input: a validated table or a documented error (KonfliktError, DataError)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from fuzz_support import fuzz_pair
from hypothesis import strategies as st

from signals.errors import DataError, KonfliktError
from signals.loader import (
    COMPLAINT_COLUMNS,
    CONTACT_COLUMNS,
    complaints_from_records,
    contacts_from_records,
    load_complaints,
    load_contacts,
)
from signals.schema import CHANNELS, CONTACT_KINDS, DEPARTMENT_CODES, RECIPIENTS, ROOT_CAUSE_CODES

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),  # NaN and infinities included
    st.text(max_size=30),
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
# Values that are nearly right: codes in odd spellings, edge-case times, CPR-like ids.
NEAR_MISSES = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "2026-03-29T02:30",
        "2026-10-25T02:30",
        "2026-13-01",
        "0001-01-01",
        "0000-06-01T10:00",
        "0001-01-01T00:30+01:00",
        "9999-12-31T23:59:59+14:00",
        "2026-11-03T09:15:00Z",
        "1700000000",
        "010190-1234",
        "0101901234",
        "Partshøring",
        "MANGLENDE-SVAR",
        "aktindsigt;aktindsigt",
        '["aktindsigt", "vejledning"]',
        "a;b;c;d",
        "sof",
        "Borgmester",
        "e-mail",
        "1",
        "0",
        "true",
        "2",
        "ø" * 100,
        "x" * 20_001,
        *CHANNELS,
        *DEPARTMENT_CODES,
        *RECIPIENTS,
        *CONTACT_KINDS,
        *ROOT_CAUSE_CODES,
    ]
)
FIELD_VALUES = st.one_of(JSON_VALUES, NEAR_MISSES, st.lists(NEAR_MISSES, max_size=4))

VALID_COMPLAINT: dict[str, Any] = {
    "complaint_id": "c-1",
    "received_at": "2026-10-14T10:30:00+02:00",
    "citizen_id": "p-1",
    "forvaltning": "SOF",
    "channel": "email",
    "text": "Jeg har ventet i fire måneder på svar.",
    "root_causes": ["sagsbehandlingstid"],
    "mediation_potential": 1,
}
VALID_CONTACT: dict[str, Any] = {
    "citizen_id": "p-1",
    "occurred_at": "2026-10-01T08:00:00+02:00",
    "channel": "telefon",
    "recipient": "borgmester",
    "kind": "rykker",
}


@st.composite
def records(draw: st.DrawFn, base: dict[str, Any], columns: tuple[str, ...]) -> list[Any]:
    """A few records: valid ones with some fields replaced or removed, arbitrary dicts, non-dicts."""
    out: list[Any] = []
    for i in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["mutated", "mutated", "arbitrary", "not a dict"]))
        if kind == "mutated":
            record = {**base, **({"complaint_id": f"c-{i}"} if "complaint_id" in base else {})}
            for name in draw(st.sets(st.sampled_from([*columns, "extra", " Channel "]), max_size=3)):
                if draw(st.booleans()):
                    record[name] = draw(FIELD_VALUES)
                else:
                    record.pop(name, None)
            out.append(record)
        elif kind == "arbitrary":
            out.append(draw(st.dictionaries(st.sampled_from([*columns, "x"]), FIELD_VALUES, max_size=6)))
        else:
            out.append(draw(JSON_VALUES))
    return out


def _check_complaints(frame: pd.DataFrame, *, labelled: bool) -> None:
    assert list(frame.columns) == list(COMPLAINT_COLUMNS)
    assert str(frame["received_at"].dtype).startswith("datetime64") and frame["received_at"].dt.tz is not None
    assert frame["channel"].isin(CHANNELS).all()
    assert frame["forvaltning"].dropna().isin(DEPARTMENT_CODES).all()
    assert frame["text"].map(lambda t: isinstance(t, str) and t.strip() != "").all()
    assert not frame["complaint_id"].duplicated().any()
    for codes in frame["root_causes"]:
        if labelled or codes is not None:
            assert codes is not None and 1 <= len(codes) <= 3 and set(codes) <= set(ROOT_CAUSE_CODES)


def _rows(error: KonfliktError) -> set[int]:
    return {e.row for e in error.errors} if isinstance(error, DataError) else set()


def complaint_records_load_or_are_refused_cleanly(batch: list[Any], labelled: bool, skip_bad: bool) -> None:
    try:
        result = complaints_from_records(batch, require_labels=labelled, skip_bad=skip_bad)
    except KonfliktError as exc:
        assert str(exc)  # a message a person can act on
        assert all(1 <= row <= len(batch) for row in _rows(exc))
        return
    _check_complaints(result.frame, labelled=labelled)
    skipped_rows = {e.row for e in result.skipped}
    # nothing silently dropped: every record is either loaded or reported
    assert len(result.frame) + len(skipped_rows) == len(batch)
    if not skip_bad:
        assert not result.skipped


test_complaint_records, test_complaint_records_long = fuzz_pair(
    complaint_records_load_or_are_refused_cleanly,
    fast=25,
    slow=400,
    batch=records(VALID_COMPLAINT, COMPLAINT_COLUMNS),
    labelled=st.booleans(),
    skip_bad=st.booleans(),
)


def contact_records_load_or_are_refused_cleanly(batch: list[Any], skip_bad: bool) -> None:
    try:
        result = contacts_from_records(batch, skip_bad=skip_bad)
    except KonfliktError as exc:
        assert str(exc)
        return
    frame = result.frame
    assert set(CONTACT_COLUMNS) <= set(frame.columns)
    assert frame["recipient"].isin(RECIPIENTS).all() and frame["kind"].isin(CONTACT_KINDS).all()
    assert frame["occurred_at"].dt.tz is not None
    assert len(frame) + len({e.row for e in result.skipped}) == len(batch)


test_contact_records, test_contact_records_long = fuzz_pair(
    contact_records_load_or_are_refused_cleanly,
    fast=25,
    slow=400,
    batch=records(VALID_CONTACT, CONTACT_COLUMNS),
    skip_bad=st.booleans(),
)


def test_a_valid_record_loads() -> None:
    """The base records the fuzzers mutate are themselves valid (else the fuzzing proves little)."""
    assert len(complaints_from_records([VALID_COMPLAINT], require_labels=True).frame) == 1
    assert len(contacts_from_records([VALID_CONTACT]).frame) == 1


@pytest.mark.parametrize(
    "moment",
    ["0000-06-01T10:00", "0001-01-01T00:30+01:00", "-0001-01-01", "0467-06-23T16:00:00Z", "2263-01-01"],
)
def test_an_implausible_year_is_a_row_error(moment: str) -> None:
    """Found by the API fuzzing: pandas holds year 0, Python's datetime does not, and a stored year 467
    broke the nanosecond contact features of a later read (500s in the service)."""
    with pytest.raises(DataError, match=r"received_at: bad timestamp: .* outside the years 1900-2199"):
        complaints_from_records([{**VALID_COMPLAINT, "received_at": moment}])


# ----- files ---------------------------------------------------------------------------------------
SUFFIXES = [".jsonl", ".json", ".csv", ".xlsx", ".parquet"]


def _load_file(path: Path, table: str) -> None:
    try:
        if table == "complaints":
            result = load_complaints(path)
            _check_complaints(result.frame, labelled=False)
        else:
            load_contacts(path)
    except KonfliktError as exc:
        assert str(exc) and "\n" not in str(exc).strip()


def arbitrary_bytes_in_every_format(
    tmp_path_factory: pytest.TempPathFactory, suffix: str, data: bytes, table: str
) -> None:
    path = tmp_path_factory.mktemp("bytes") / f"input{suffix}"
    path.write_bytes(data)
    _load_file(path, table)


# Bytes that start like the real thing get further into each reader than random bytes alone.
PREFIXES = st.sampled_from(
    [b"", b"PK\x03\x04", b"PAR1", b"complaint_id,text\n", b'{"complaint_id": ', b"\xef\xbb\xbf"]
)
BYTES = st.tuples(PREFIXES, st.binary(max_size=600)).map(lambda parts: parts[0] + parts[1])
_bytes_fast, _bytes_slow = fuzz_pair(
    arbitrary_bytes_in_every_format,
    fast=10,
    slow=100,
    data=BYTES,
    table=st.sampled_from(["complaints", "contacts"]),
)
test_arbitrary_bytes = pytest.mark.parametrize("suffix", SUFFIXES)(_bytes_fast)
test_arbitrary_bytes_long = pytest.mark.parametrize("suffix", SUFFIXES)(_bytes_slow)


def _cell(value: Any) -> Any:
    """A value as a table cell: lists as `;`-joined text (the CSV/Excel convention), the rest as is."""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value)
    return value


def _write(path: Path, batch: list[dict[str, Any]]) -> None:
    suffix = path.suffix
    if suffix in (".jsonl", ".json"):
        path.write_text("".join(json.dumps(r) + "\n" for r in batch), encoding="utf-8")
        return
    columns = list(dict.fromkeys(_excel_safe(str(k)) for r in batch for k in r)) or ["complaint_id"]
    rows = [[_cell(r.get(c)) for c in columns] for r in batch]
    if suffix == ".xlsx":
        # Excel cells hold text, numbers and booleans; control characters are not allowed in XML.
        rows = [[_excel_safe(v) for v in row] for row in rows]
    if suffix == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows([["" if v is None else str(v) for v in row] for row in rows])
        path.write_text(buffer.getvalue(), encoding="utf-8")
    elif suffix == ".xlsx":
        import openpyxl

        workbook = openpyxl.Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.append(columns)
        for row in rows:
            sheet.append(row)
        workbook.save(path)
    else:
        frame = pd.DataFrame(rows, columns=columns).astype("string")
        frame.to_parquet(path)


def _excel_safe(value: Any) -> Any:
    if isinstance(value, str):
        return "".join(ch for ch in value if ch >= " " or ch in "\t\n")[:30_000]
    if isinstance(value, float) and value != value:  # NaN is not an Excel value
        return None
    if isinstance(value, int) and abs(value) > 2**53:
        return str(value)
    return value


DICT_RECORDS = records(VALID_COMPLAINT, COMPLAINT_COLUMNS).map(
    lambda rs: [r for r in rs if isinstance(r, dict)]
)


def mutated_tables_in_every_format(
    tmp_path_factory: pytest.TempPathFactory, suffix: str, batch: list[dict[str, Any]]
) -> None:
    path = tmp_path_factory.mktemp("table") / f"complaints{suffix}"
    _write(path, batch)
    _load_file(path, "complaints")


_tables_fast, _tables_slow = fuzz_pair(mutated_tables_in_every_format, fast=8, slow=60, batch=DICT_RECORDS)
test_mutated_tables = pytest.mark.parametrize("suffix", SUFFIXES)(_tables_fast)
test_mutated_tables_long = pytest.mark.parametrize("suffix", SUFFIXES)(_tables_slow)

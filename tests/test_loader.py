"""signals.loader: every format, every bad input, time zones, CPR-like ids, labels, `konflikt check`."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from konflikt.cli import app
from signals.errors import DataError, KonfliktError, RowError
from signals.loader import (
    COMPLAINT_COLUMNS,
    CONTACT_COLUMNS,
    LoadResult,
    complaints_from_records,
    contacts_from_records,
    load_complaints,
    load_contacts,
)
from signals.schema import MAX_TEXT_CHARS

FORMATS = ("jsonl", "csv", "xlsx", "parquet")
SECRET_TEXT = "Jeg hedder Hanne Sørensen og min søn går i 3.b"


def complaint(i: int = 1, **overrides: object) -> dict[str, object]:
    row: dict[str, object] = {
        "complaint_id": f"c-{i}",
        "received_at": "2024-05-01T09:30",
        "citizen_id": f"b-{i:04d}",
        "forvaltning": "SOF",
        "channel": "email",
        "text": f"{SECRET_TEXT} ({i})",
        "root_causes": ["manglende_svar"],
        "mediation_potential": 1,
    }
    row.update(overrides)
    return row


def contact(i: int = 1, **overrides: object) -> dict[str, object]:
    row: dict[str, object] = {
        "citizen_id": f"b-{i:04d}",
        "occurred_at": "2024-04-01T10:00",
        "channel": "telefon",
        "recipient": "borgmester",
        "kind": "rykker",
    }
    row.update(overrides)
    return row


def _flat(value: object) -> object:
    """CSV/Excel hold root causes as one `;`-separated cell."""
    return ";".join(value) if isinstance(value, list) else value


def _is_na(value: object) -> bool:
    return not isinstance(value, list) and bool(pd.isna(value))


def write(folder: Path, fmt: str, rows: list[dict[str, object]], name: str = "data") -> Path:
    """Write `rows` as a file of format `fmt` the way a user's export would look."""
    path = folder / f"{name}.{fmt}"
    if fmt == "jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    elif fmt == "csv":
        pd.DataFrame([{k: _flat(v) for k, v in r.items()} for r in rows]).to_csv(path, index=False)
    elif fmt == "xlsx":
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        header = list(rows[0])
        sheet.append(header)
        for r in rows:
            sheet.append([_flat(r.get(k)) for k in header])
        workbook.save(path)
    else:
        frame = pd.DataFrame(rows)
        for column in frame.columns:  # a column mixing types is a text column in a real export
            values = [None if _is_na(v) else v for v in frame[column]]
            kinds = {type(v) for v in values if v is not None}
            if len(kinds) > 1 and list not in kinds:
                frame[column] = [None if v is None else str(v) for v in values]
        frame.to_parquet(path, index=False)
    return path


def errors_of(call: object) -> list[RowError]:
    with pytest.raises(DataError) as info:
        call()  # type: ignore[operator]
    return info.value.errors


# --- bad complaint values: every format, bad row is data row 2 --------------------------------

BAD_COMPLAINTS = [
    ("root_causes", ["nope"], "unknown root-cause code: 'nope'"),
    ("root_causes", ["sagsbehandlingstd"], "did you mean 'sagsbehandlingstid'?"),
    ("root_causes", ["kommunikation", "vejledning", "begrundelse", "aktindsigt"], "too many root causes: 4"),
    ("forvaltning", "XYZ", "unknown department code: 'XYZ'"),
    ("channel", "fax", "unknown channel: 'fax'"),
    ("channel", None, "missing channel"),
    ("received_at", "2024-13-01T10:00", "bad timestamp: '2024-13-01T10:00'"),
    ("received_at", "i går", "bad timestamp"),
    ("received_at", None, "missing received_at"),
    ("received_at", "2024-03-31 02:30", "nonexistent local time: '2024-03-31 02:30'"),
    ("received_at", "2099-01-05T10:00", "future time: '2099-01-05T09:00:00+00:00' (UTC) is after now"),
    ("text", "   ", "empty text"),
    ("text", None, "empty text"),
    ("text", "x" * (MAX_TEXT_CHARS + 1), f"text too long: {MAX_TEXT_CHARS + 1:,} characters"),
    ("citizen_id", "010190-1234", "looks like a CPR number"),
    ("citizen_id", "0101901234", "looks like a CPR number"),
    ("citizen_id", "010190 1234", "looks like a CPR number"),
    ("citizen_id", None, "missing citizen_id"),
    ("complaint_id", None, "missing complaint_id"),
    ("mediation_potential", 2, "bad mediation label: expected 0 or 1, got '2'"),
    ("mediation_potential", "yes", "bad mediation label: expected 0 or 1, got 'yes'"),
    ("mediation_potential", 0.5, "bad mediation label: expected 0 or 1, got '0.5'"),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("field", "value", "reason"), BAD_COMPLAINTS)
def test_bad_complaint_value_is_reported_with_file_row_field(
    tmp_path: Path, fmt: str, field: str, value: object, reason: str
) -> None:
    path = write(tmp_path, fmt, [complaint(1), complaint(2, **{field: value}), complaint(3)])
    errors = errors_of(lambda: load_complaints(path))
    assert [(e.file, e.row, e.field) for e in errors] == [(str(path), 2, field)]
    assert reason in errors[0].reason


BAD_CONTACTS = [
    ("recipient", "XYZ", "unknown recipient: 'XYZ'"),
    ("recipient", "borgmster", "did you mean 'borgmester'?"),
    ("kind", "opkald", "unknown contact kind: 'opkald'"),
    ("channel", "fax", "unknown channel"),
    ("occurred_at", "01/04/2024", "bad timestamp"),
    ("occurred_at", "2024-03-31T02:00", "nonexistent local time"),
    ("occurred_at", None, "missing occurred_at"),
    ("occurred_at", "2099-12-24T18:00:00+01:00", "future time: '2099-12-24T17:00:00+00:00'"),
    ("citizen_id", "311299-4321", "looks like a CPR number"),
    ("kind", None, "missing kind"),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("field", "value", "reason"), BAD_CONTACTS)
def test_bad_contact_value_is_reported(
    tmp_path: Path, fmt: str, field: str, value: object, reason: str
) -> None:
    path = write(tmp_path, fmt, [contact(1), contact(2, **{field: value})])
    errors = errors_of(lambda: load_contacts(path))
    assert [(e.row, e.field) for e in errors] == [(2, field)]
    assert reason in errors[0].reason


def test_a_file_time_within_a_day_ahead_loads_but_records_are_left_to_the_service(tmp_path: Path) -> None:
    """A day's leeway for other systems' clocks and zones; the service refuses future request times
    with its own setting, so the loader leaves in-memory records alone."""
    soon = (datetime.now(UTC) + timedelta(hours=20)).isoformat(timespec="seconds")
    far = (datetime.now(UTC) + timedelta(days=2)).isoformat(timespec="seconds")
    assert len(load_complaints(write(tmp_path, "jsonl", [complaint(1, received_at=soon)])).frame) == 1
    errors = errors_of(lambda: load_contacts(write(tmp_path, "csv", [contact(1, occurred_at=far)])))
    assert [(e.row, e.field) for e in errors] == [(1, "occurred_at")]
    assert len(complaints_from_records([complaint(1, received_at=far)]).frame) == 1


# --- good files in every format ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_good_complaints_load_with_contract_types(tmp_path: Path, fmt: str) -> None:
    rows = [
        complaint(1, citizen_id="  b-0001 ", text="  hej  "),
        complaint(2, forvaltning=None, root_causes=None, mediation_potential=None),
        complaint(3, root_causes=["partshoering", "begrundelse"], mediation_potential=0),
    ]
    frame = load_complaints(write(tmp_path, fmt, rows)).frame
    assert list(frame.columns) == list(COMPLAINT_COLUMNS)
    assert isinstance(frame.index, pd.RangeIndex)
    assert frame["complaint_id"].tolist() == ["c-1", "c-2", "c-3"]
    assert frame["citizen_id"].iloc[0] == "b-0001"
    assert frame["text"].iloc[0] == "hej"
    assert str(frame["received_at"].dtype) == "datetime64[us, UTC]"
    assert frame["received_at"].iloc[0] == pd.Timestamp("2024-05-01T07:30", tz="UTC")
    assert frame["forvaltning"].tolist() == ["SOF", None, "SOF"]
    assert frame["root_causes"].tolist() == [["manglende_svar"], None, ["partshoering", "begrundelse"]]
    assert str(frame["mediation_potential"].dtype) == "Int8"
    assert frame["mediation_potential"].tolist() == [1, pd.NA, 0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_good_contacts_load(tmp_path: Path, fmt: str) -> None:
    rows = [contact(1), contact(2, recipient="BUF", kind="moede", occurred_at="2024-01-15T12:00")]
    frame = load_contacts(write(tmp_path, fmt, rows)).frame
    assert list(frame.columns) == list(CONTACT_COLUMNS)
    assert frame["recipient"].tolist() == ["borgmester", "BUF"]
    assert frame["occurred_at"].tolist() == [
        pd.Timestamp("2024-04-01T08:00", tz="UTC"),
        pd.Timestamp("2024-01-15T11:00", tz="UTC"),
    ]


def test_contacts_of_citizens_without_complaints_are_fine() -> None:
    result = contacts_from_records([contact(99)])
    assert result.frame["citizen_id"].tolist() == ["b-0099"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Email", "email"),
        (" digital post ", "digital_post"),
        ("Digital-Post", "digital_post"),
    ],
)
def test_codes_are_matched_leniently_and_output_canonical(raw: str, expected: str) -> None:
    assert complaints_from_records([complaint(channel=raw)]).frame["channel"].tolist() == [expected]


@pytest.mark.parametrize(("raw", "expected"), [("sof", "SOF"), ("", None), ("  ", None), (None, None)])
def test_department_is_a_code_or_none(raw: object, expected: object) -> None:
    assert complaints_from_records([complaint(forvaltning=raw)]).frame["forvaltning"].tolist() == [expected]


@pytest.mark.parametrize(("raw", "expected"), [("Borgerrådgiver", "borgerraadgiver"), ("Møde", "moede")])
def test_danish_letters_match_ascii_codes(raw: str, expected: str) -> None:
    field = "recipient" if expected == "borgerraadgiver" else "kind"
    assert contacts_from_records([contact(**{field: raw})]).frame[field].tolist() == [expected]


# --- root causes in CSV/Excel cells -----------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("manglende_svar;kommunikation", ["manglende_svar", "kommunikation"]),
        (" manglende_svar ; kommunikation ; ", ["manglende_svar", "kommunikation"]),
        ("manglende_svar;", ["manglende_svar"]),
        ("manglende_svar,kommunikation", ["manglende_svar", "kommunikation"]),
        ('["manglende_svar", "kommunikation"]', ["manglende_svar", "kommunikation"]),
        ("['manglende_svar']", ["manglende_svar"]),
        ("Partshøring", ["partshoering"]),
        ("vejledning;vejledning", ["vejledning"]),
        ("", None),
        (";", None),
    ],
)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_root_causes_cell(tmp_path: Path, fmt: str, cell: str, expected: object) -> None:
    path = write(tmp_path, fmt, [complaint(root_causes=cell)])
    assert load_complaints(path).frame["root_causes"].tolist() == [expected]


# --- labels -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, 0),
        (1, 1),
        ("0", 0),
        ("1", 1),
        (" 1 ", 1),
        (True, 1),
        (False, 0),
        ("true", 1),
        (1.0, 1),
        (None, None),
    ],
)
def test_label_accepted(value: object, expected: object) -> None:
    frame = complaints_from_records([complaint(mediation_potential=value)]).frame
    got = frame["mediation_potential"].iloc[0]
    assert (got is pd.NA) if expected is None else (got == expected)


@pytest.mark.parametrize("value", [2, -1, "yes", "ja", 0.5, "2", [1]])
def test_label_refused(value: object) -> None:
    errors = errors_of(lambda: complaints_from_records([complaint(mediation_potential=value)]))
    assert [(e.field, e.reason.split(":")[0]) for e in errors] == [
        ("mediation_potential", "bad mediation label")
    ]


@pytest.mark.parametrize(
    ("overrides", "field", "reason"),
    [
        ({"root_causes": None}, "root_causes", "missing root causes"),
        ({"root_causes": []}, "root_causes", "missing root causes"),
        ({"mediation_potential": None}, "mediation_potential", "missing mediation label"),
    ],
)
def test_require_labels(overrides: dict[str, object], field: str, reason: str) -> None:
    records = [complaint(1), complaint(2, **overrides)]
    assert len(complaints_from_records(records).frame) == 2  # fine when labels are not required
    errors = errors_of(lambda: complaints_from_records(records, require_labels=True))
    assert [(e.row, e.field) for e in errors] == [(2, field)]
    assert errors[0].reason.startswith(reason)


def test_require_labels_needs_the_label_columns(tmp_path: Path) -> None:
    rows = [{k: v for k, v in complaint().items() if k not in ("root_causes", "mediation_potential")}]
    path = write(tmp_path, "csv", rows)
    assert load_complaints(path).frame["root_causes"].tolist() == [None]
    with pytest.raises(KonfliktError, match="missing required columns: root_causes, mediation_potential"):
        load_complaints(path, require_labels=True)


# --- times ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "utc"),
    [
        ("2024-07-01T12:00+02:00", "2024-07-01T10:00"),  # offset
        ("2024-07-01T12:00:00-05:00", "2024-07-01T17:00"),
        ("2024-07-01T12:00Z", "2024-07-01T12:00"),  # Z
        ("2024-07-01T12:00", "2024-07-01T10:00"),  # naive summer: CEST, +02:00
        ("2024-01-15T12:00", "2024-01-15T11:00"),  # naive winter: CET, +01:00
        ("2024-01-15 12:00", "2024-01-15T11:00"),
        ("2024-01-15 12:00:30", "2024-01-15T11:00:30"),
        ("2024-05-01", "2024-04-30T22:00"),  # date alone: local midnight
        ("2024-10-27 02:30", "2024-10-27T00:30"),  # ambiguous: first occurrence, summer time
        ("2024-10-27T02:30+01:00", "2024-10-27T01:30"),  # the second occurrence needs its offset
        ("2024-03-31 03:00", "2024-03-31T01:00"),  # just after the gap
        ("2099-01-01T00:00", "2098-12-31T23:00"),  # the future is not the loader's business
    ],
)
def test_time_zones(value: str, utc: str) -> None:
    frame = complaints_from_records([complaint(received_at=value)]).frame
    assert frame["received_at"].iloc[0] == pd.Timestamp(utc, tz="UTC")


@pytest.mark.parametrize("value", ["2024-03-31 02:00", "2024-03-31T02:30", "2024-03-31 02:59:59"])
def test_nonexistent_local_time_is_refused(value: str) -> None:
    errors = errors_of(lambda: complaints_from_records([complaint(received_at=value)]))
    assert errors[0].reason.startswith("nonexistent local time")


@pytest.mark.parametrize(
    ("cell", "utc"),
    [
        (datetime(2024, 7, 1, 12, 0), "2024-07-01T10:00"),
        (datetime(2024, 1, 15, 12, 0), "2024-01-15T11:00"),
        (datetime(2024, 10, 27, 2, 30), "2024-10-27T00:30"),
    ],
)
def test_excel_native_datetimes_are_local_time(tmp_path: Path, cell: datetime, utc: str) -> None:
    path = write(
        tmp_path, "xlsx", [complaint(1, received_at=cell), complaint(2, received_at="2024-01-15 12:00")]
    )
    frame = load_complaints(path).frame
    assert frame["received_at"].tolist() == [
        pd.Timestamp(utc, tz="UTC"),
        pd.Timestamp("2024-01-15T11:00", tz="UTC"),
    ]


def test_excel_native_datetime_in_the_gap_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "xlsx", [complaint(1, received_at=datetime(2024, 3, 31, 2, 30))])
    errors = errors_of(lambda: load_complaints(path))
    assert (errors[0].row, errors[0].reason.split(":")[0]) == (1, "nonexistent local time")


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        (pd.Series([datetime(2024, 7, 1, 12)]), "2024-07-01T10:00"),  # naive: local
        (pd.Series([datetime(2024, 7, 1, 12, tzinfo=timezone(timedelta(hours=-5)))]), "2024-07-01T17:00"),
        (pd.Series(pd.to_datetime(["2024-07-01T12:00Z"])), "2024-07-01T12:00"),
    ],
)
def test_parquet_native_datetimes(tmp_path: Path, column: pd.Series, expected: str) -> None:
    path = tmp_path / "c.parquet"
    pd.DataFrame([complaint()]).assign(received_at=column).to_parquet(path)
    assert load_complaints(path).frame["received_at"].iloc[0] == pd.Timestamp(expected, tz="UTC")


def test_a_number_is_not_a_time() -> None:
    errors = errors_of(lambda: complaints_from_records([complaint(received_at=45000)]))
    assert errors[0].reason == "bad timestamp: expected an ISO 8601 time, got a number"


# --- CPR-like citizen ids ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "citizen_id",
    [
        "010190-1234",
        "0101901234",
        "010190 1234",
        "311299-0000",
        "290200-4321",
        "cpr 010190-1234",
        "010190-1235",
    ],
)
def test_cpr_like_ids_with_a_valid_date_are_refused(citizen_id: str) -> None:
    errors = errors_of(lambda: complaints_from_records([complaint(citizen_id=citizen_id)]))
    assert [(e.field, e.reason.split(":")[0]) for e in errors] == [("citizen_id", "looks like a CPR number")]
    assert citizen_id not in str(errors[0])


@pytest.mark.parametrize(
    "citizen_id",
    [
        "320190-1234",
        "011390-1234",
        "000190-1234",
        "290201-4321",
        "b-0101901",
        "01019012345",
        "b-000123",
        "p1234",
    ],
)
def test_ids_without_a_valid_cpr_date_are_fine(citizen_id: str) -> None:
    assert complaints_from_records([complaint(citizen_id=citizen_id)]).frame["citizen_id"].tolist() == [
        citizen_id
    ]


def test_cpr_in_a_number_cell_that_lost_its_leading_zero(tmp_path: Path) -> None:
    path = write(tmp_path, "xlsx", [complaint(1, citizen_id=101901234), complaint(2, citizen_id=12345)])
    errors = errors_of(lambda: load_complaints(path))
    assert [(e.row, e.field) for e in errors] == [(1, "citizen_id")]


# --- file-level problems ----------------------------------------------------------------------


def test_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "c.xls"
    path.write_bytes(b"x")
    with pytest.raises(KonfliktError, match=r"unsupported file type \.xls; supported: \.jsonl.*\.parquet"):
        load_complaints(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(KonfliktError, match=r"file not found: .*nope\.csv"):
        load_contacts(tmp_path / "nope.csv")


@pytest.mark.parametrize("fmt", FORMATS)
def test_missing_required_columns_are_named(tmp_path: Path, fmt: str) -> None:
    rows = [{k: v for k, v in complaint().items() if k not in ("text", "channel")}]
    with pytest.raises(KonfliktError, match=r"missing required columns: channel, text$"):
        load_complaints(write(tmp_path, fmt, rows))


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("root_cause", r"unknown column: root_cause \(did you mean root_causes\?\)"),
        ("mediation", r"unknown column: mediation \(did you mean mediation_potential\?\)"),
        ("navn", "unknown column: navn; expected columns: complaint_id"),
    ],
)
@pytest.mark.parametrize("fmt", FORMATS)
def test_unknown_columns_are_errors(tmp_path: Path, fmt: str, extra: str, message: str) -> None:
    path = write(tmp_path, fmt, [complaint(**{extra: "x"})])
    with pytest.raises(KonfliktError, match=message):
        load_complaints(path, skip_bad=True)


def test_a_csv_with_the_pandas_index_column(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    pd.DataFrame([contact()]).to_csv(path)  # index=True: a first column with a blank header
    with pytest.raises(KonfliktError, match=r"unknown column: \(unnamed column 1\); expected columns"):
        load_contacts(path)


def test_column_names_ignore_case_and_spaces(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    pd.DataFrame([complaint()]).rename(columns=lambda c: f" {c.upper()} ").to_csv(path, index=False)
    assert load_complaints(path).frame["complaint_id"].tolist() == ["c-1"]


def test_a_column_named_twice(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("citizen_id,Citizen_ID,occurred_at,channel,recipient,kind\n", encoding="utf-8")
    with pytest.raises(KonfliktError, match="column named more than once: citizen_id"):
        load_contacts(path)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_empty_file_gives_an_empty_table(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"c.{fmt}"
    path.write_text("" if fmt == "jsonl" else ",".join(COMPLAINT_COLUMNS) + "\n", encoding="utf-8")
    frame = load_complaints(path).frame
    assert list(frame.columns) == list(COMPLAINT_COLUMNS)
    assert len(frame) == 0
    assert str(frame["received_at"].dtype) == "datetime64[us, UTC]"


# --- JSON and CSV specifics -------------------------------------------------------------------


def test_malformed_json_lines_are_reported_by_line_with_the_rest(tmp_path: Path) -> None:
    lines = [
        json.dumps(complaint(1)),
        "",  # blank lines are skipped but keep the numbering
        '{"complaint_id": "c-2", oops',
        json.dumps(complaint(3, channel="fax")),
        "[1, 2]",
        json.dumps(complaint(5)),
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = errors_of(lambda: load_complaints(path))
    assert [(e.row, e.field, e.reason.split(":")[0]) for e in errors] == [
        (3, "(row)", "malformed JSON"),
        (4, "channel", "unknown channel"),
        (5, "(row)", "not a JSON object"),
    ]
    result = load_complaints(path, skip_bad=True)
    assert result.frame["complaint_id"].tolist() == ["c-1", "c-5"]


def test_json_array_file_and_ndjson(tmp_path: Path) -> None:
    array = tmp_path / "c.json"
    array.write_text(json.dumps([complaint(1), complaint(2)], indent=2), encoding="utf-8")
    lines = write(tmp_path, "jsonl", [complaint(1), complaint(2)]).rename(tmp_path / "c.ndjson")
    for path in (array, lines):
        assert load_complaints(path).frame["complaint_id"].tolist() == ["c-1", "c-2"]


def test_broken_json_array(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text('[{"complaint_id": "c-1"},', encoding="utf-8")
    with pytest.raises(KonfliktError, match="not valid JSON"):
        load_complaints(path)


def test_line_separator_characters_inside_json_strings(tmp_path: Path) -> None:
    text = "første linje\u2028anden\x85tredje"
    path = write(tmp_path, "jsonl", [complaint(text=text)])
    assert load_complaints(path).frame["text"].tolist() == [text]


def test_csv_row_with_wrong_number_of_fields(tmp_path: Path) -> None:
    path = write(tmp_path, "csv", [complaint(1), complaint(2), complaint(3)])
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] += ",extra"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = errors_of(lambda: load_complaints(path))
    assert [(e.row, e.field, e.reason) for e in errors] == [
        (2, "(row)", "wrong number of fields: expected 8, got 9")
    ]


def test_csv_from_danish_excel_semicolons_and_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    frame = pd.DataFrame([complaint(root_causes="partshoering;begrundelse", text="Kære kommune, æøå")])
    path.write_bytes(frame.to_csv(index=False, sep=";").encode("cp1252"))
    loaded = load_complaints(path).frame
    assert loaded["text"].tolist() == ["Kære kommune, æøå"]
    assert loaded["root_causes"].tolist() == [["partshoering", "begrundelse"]]


def test_excel_sheet_named_like_the_table_is_preferred(tmp_path: Path) -> None:
    path = tmp_path / "both.xlsx"
    workbook = openpyxl.Workbook()
    notes = workbook.active
    notes.title = "Noter"
    notes.append(["ikke data"])
    for title, row in (("Complaints", complaint()), ("contacts", contact())):
        sheet = workbook.create_sheet(title)
        sheet.append(list(row))
        sheet.append([_flat(v) for v in row.values()])
    workbook.save(path)
    assert len(load_complaints(path).frame) == 1
    assert len(load_contacts(path).frame) == 1


def test_excel_blank_rows_keep_the_numbering(tmp_path: Path) -> None:
    path = write(tmp_path, "xlsx", [complaint(1), complaint(2)])
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    sheet.insert_rows(3)  # a blank data row 2
    sheet.cell(row=4, column=5, value="fax")  # data row 3's channel
    workbook.save(path)
    errors = errors_of(lambda: load_complaints(path))
    assert [(e.row, e.field) for e in errors] == [(3, "channel")]


# --- all errors, nothing half-imported, skip_bad ----------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_all_errors_are_collected_and_nothing_loads(tmp_path: Path, fmt: str) -> None:
    rows = [
        complaint(1),
        complaint(2, channel="fax", root_causes=["nope"]),
        complaint(3),
        complaint(4, text=" "),
        complaint(1),  # duplicate of row 1
    ]
    path = write(tmp_path, fmt, rows)
    with pytest.raises(DataError) as info:
        load_complaints(path)
    error = info.value
    assert [(e.row, e.field) for e in error.errors] == [
        (2, "channel"),
        (2, "root_causes"),
        (4, "text"),
        (5, "complaint_id"),
    ]
    assert error.errors[-1].reason == "duplicate complaint_id: first seen in row 1"
    assert str(error).startswith(f"{path}: row 2: channel: unknown channel: 'fax'")
    assert str(error).endswith("(and 3 more bad rows; nothing was loaded)")


@pytest.mark.parametrize("fmt", FORMATS)
def test_skip_bad_keeps_good_rows_and_lists_the_errors(tmp_path: Path, fmt: str) -> None:
    rows = [
        complaint(1),
        complaint(2, root_causes=["nope"]),
        complaint(3, text="  "),
        complaint(4, root_causes=["x", "y"], channel="fax"),
        complaint(5),
        complaint(1, channel="brev"),
    ]
    path = write(tmp_path, fmt, rows)
    with pytest.raises(DataError) as info:
        load_complaints(path)
    result = load_complaints(path, skip_bad=True)
    assert result.frame["complaint_id"].tolist() == ["c-1", "c-5"]
    assert result.frame["channel"].tolist() == ["email", "email"]  # the first of the duplicates
    assert isinstance(result.frame.index, pd.RangeIndex)
    assert result.skipped == info.value.errors
    assert result.describe_skipped() == (
        "skipped 4 bad rows: 2 x unknown root-cause code, 1 x empty text, 1 x unknown channel, "
        "1 x duplicate complaint_id"
    )


def test_describe_skipped_when_nothing_was_skipped() -> None:
    result = complaints_from_records([complaint()], skip_bad=True)
    assert result.skipped == []
    assert result.describe_skipped() == "skipped no rows"


def test_describe_skipped_counts_rows_once() -> None:
    result = LoadResult(
        pd.DataFrame(),
        [RowError("f", 1, "channel", "unknown channel: 'x'"), RowError("f", 1, "text", "empty text")],
    )
    assert result.describe_skipped() == "skipped 1 bad row: 1 x unknown channel, 1 x empty text"


def test_records_api_reports_rows_and_source() -> None:
    records: list[object] = [complaint(1), "not a record", complaint(3, channel="fax")]
    errors = errors_of(lambda: complaints_from_records(records, source="POST /v1/annotate"))
    assert [str(e) for e in errors] == [
        "POST /v1/annotate: row 2: (row): not a JSON object: got str",
        "POST /v1/annotate: row 3: channel: unknown channel: 'fax' (expected one of: email, brev, telefon, "
        "personligt, digital_post, webformular)",
    ]


def test_records_are_judged_one_by_one_for_missing_and_unknown_keys() -> None:
    without_text = {k: v for k, v in complaint(1).items() if k != "text"}
    records: list[object] = [without_text, complaint(2, tekst="x"), complaint(3, Channel=None)]
    errors = errors_of(lambda: complaints_from_records(records))
    assert [(e.row, e.field, e.reason) for e in errors] == [
        (1, "text", "empty text"),
        (2, "tekst", "unknown field: did you mean text?"),
    ]
    result = complaints_from_records(records, skip_bad=True)
    assert result.frame["complaint_id"].tolist() == ["c-3"]
    with pytest.raises(DataError, match="row 1: occurred_at: missing occurred_at"):
        contacts_from_records([{"citizen_id": "b-1"}])  # a whole-batch gap is still row errors


def test_output_lists_are_not_shared_between_rows() -> None:
    frame = complaints_from_records([complaint(1), complaint(2)]).frame
    frame["root_causes"].iloc[0].append("vejledning")
    assert frame["root_causes"].iloc[1] == ["manglende_svar"]


# --- personal data never in messages ----------------------------------------------------------


def test_no_error_message_contains_complaint_text_or_ids(tmp_path: Path) -> None:
    rows = [
        complaint(1, text=SECRET_TEXT + "x" * MAX_TEXT_CHARS),
        complaint(2, channel=SECRET_TEXT),  # text pasted into the wrong column
        complaint(3, forvaltning="Hanne Sørensen"),
        complaint(4, citizen_id="010190-1234"),
        complaint(5, received_at="Hanne ringede 010190-1234"),
        complaint(6, mediation_potential="0101901234"),
        complaint(7, text=[SECRET_TEXT]),
    ]
    path = write(tmp_path, "jsonl", rows)
    errors = errors_of(lambda: load_complaints(path))
    assert len({e.row for e in errors}) == 7
    messages = [str(e) for e in errors]
    with pytest.raises(DataError) as info:
        load_complaints(path)
    messages.append(str(info.value))
    for secret in ("Hanne", "Sørensen", "010190", "0101901234"):
        assert not [m for m in messages if secret in m], secret
    result = CliRunner().invoke(app, ["check", "--complaints", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert "Hanne" not in result.output and "010190" not in result.output


# --- konflikt check ---------------------------------------------------------------------------


def test_check_good_files(tmp_path: Path) -> None:
    complaints = write(tmp_path, "jsonl", [complaint(1), complaint(2)], name="complaints")
    contacts = write(tmp_path, "csv", [contact(1)], name="contacts")
    result = CliRunner().invoke(
        app, ["check", "--complaints", str(complaints), "--contacts", str(contacts), "--require-labels"]
    )
    assert result.exit_code == 0, result.output
    assert f"{complaints}: 2 complaints, no errors" in result.stdout
    assert f"{contacts}: 1 contacts, no errors" in result.stdout


def test_check_lists_every_bad_row_of_both_files(tmp_path: Path) -> None:
    complaints = write(
        tmp_path, "csv", [complaint(1, channel="fax"), complaint(2), complaint(3, text="")], name="complaints"
    )
    contacts = write(tmp_path, "jsonl", [contact(1), contact(2, kind="opkald")], name="contacts")
    result = CliRunner().invoke(
        app, ["check", "--complaints", str(complaints), "--contacts", str(contacts)], env={"COLUMNS": "250"}
    )
    assert result.exit_code == 1
    table = [line for line in result.stdout.splitlines() if str(tmp_path) in line]
    assert len(table) == 3
    assert "unknown channel: 'fax'" in table[0] and "│   1 │ channel" in table[0]
    assert "│   3 │ text" in table[1] and "empty text" in table[1]
    assert "contacts.jsonl" in table[2] and "unknown contact kind: 'opkald'" in table[2]
    assert result.stderr.strip().splitlines() == [
        "konflikt: error: 3 bad rows in 2 files; such a file loads nothing (use --skip-bad to drop bad rows)"
    ]


def test_check_require_labels(tmp_path: Path) -> None:
    complaints = write(tmp_path, "jsonl", [complaint(1, mediation_potential=None)])
    runner = CliRunner(env={"COLUMNS": "250"})
    assert runner.invoke(app, ["check", "--complaints", str(complaints)]).exit_code == 0
    result = runner.invoke(app, ["check", "--complaints", str(complaints), "--require-labels"])
    assert result.exit_code == 1
    assert "missing mediation label" in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("c.txt", "x", "unsupported file type .txt"),
        ("c.csv", None, "file not found"),
        ("c.csv", "complaint_id,text\n", "missing required columns: received_at, citizen_id, channel"),
    ],
)
def test_check_file_level_errors_are_one_line(
    tmp_path: Path, name: str, content: str | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--complaints", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("konflikt: error: ") and message in lines[0]

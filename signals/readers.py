"""Read an input file into a raw table of untouched cell values, one row per data row.

`signals.loader` validates what these readers return; here we only get the cells out of
JSON Lines, CSV, Excel and Parquet, keep each row's 1-based data row number (the line in
JSON Lines, the row after the header in CSV/Excel, the position in Parquet) and report rows
that cannot be read at all (a malformed JSON line, a CSV row with the wrong number of fields).
Error messages never quote cell contents: they may hold personal data.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from signals.errors import KonfliktError, RowError

JSON_SUFFIXES = (".jsonl", ".ndjson", ".json")
SUPPORTED_SUFFIXES = (*JSON_SUFFIXES, ".csv", ".xlsx", ".parquet")
WHOLE_ROW = "(row)"  # the `field` of a RowError about a row that could not be read at all


@dataclass
class RawTable:
    """Cells as read (object columns), each row's data row number, and rows that could not be read."""

    frame: pd.DataFrame
    rows: np.ndarray
    errors: list[RowError] = field(default_factory=list)


def read_table(path: Path, *, sheet: str) -> RawTable:
    """Read `path` by its suffix; `sheet` names the preferred worksheet of an Excel workbook."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "(none)"
        raise KonfliktError(
            f"{path}: unsupported file type {shown}; supported: {', '.join(SUPPORTED_SUFFIXES)}"
        )
    if not path.exists():
        raise KonfliktError(f"file not found: {path}")
    if path.is_dir():
        raise KonfliktError(f"{path}: is a folder, expected a file")
    if suffix in JSON_SUFFIXES:
        return _read_json(path)
    if suffix == ".csv":
        return _read_csv(path)
    if suffix == ".xlsx":
        return _read_xlsx(path, sheet=sheet)
    return _read_parquet(path)


def table_from_records(
    records: Sequence[object], *, source: str, rows: Sequence[int] | None = None
) -> RawTable:
    """A raw table from in-memory records (dicts); anything but a dict is a row error."""
    numbers = list(range(1, len(records) + 1)) if rows is None else list(rows)
    errors: list[RowError] = []
    good: Sequence[object] = records
    good_rows = numbers
    if not all(isinstance(record, dict) for record in records):
        good, good_rows = [], []
        for number, record in zip(numbers, records, strict=True):
            if isinstance(record, dict):
                good.append(record)
                good_rows.append(number)
            else:
                kind = "null" if record is None else type(record).__name__
                errors.append(RowError(source, number, WHOLE_ROW, f"not a JSON object: got {kind}"))
    # dtype=object keeps every value as it came (ints stay ints, lists stay lists); columns
    # are the union of the keys in first-seen order, absent keys become NaN.
    frame = pd.DataFrame(list(good), dtype=object) if good else pd.DataFrame()
    frame.columns = [str(c) for c in frame.columns]
    return RawTable(frame, np.asarray(good_rows, dtype=np.int64), errors)


def _read_text(path: Path, *, fallback: str | None = None) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if fallback is None:
            raise KonfliktError(f"{path}: not UTF-8 text; save the file as UTF-8") from None
    try:
        return data.decode(fallback)
    except UnicodeDecodeError:
        raise KonfliktError(f"{path}: neither UTF-8 nor {fallback} text; save the file as UTF-8") from None


def _read_json(path: Path) -> RawTable:
    text = _read_text(path)
    source = str(path)
    if text.lstrip().startswith("["):  # perhaps one JSON array rather than JSON Lines
        try:
            whole = json.loads(text)
        except json.JSONDecodeError as exc:
            if path.suffix.lower() == ".json":
                raise KonfliktError(f"{path}: not valid JSON: {exc.msg} at line {exc.lineno}") from None
            whole = None  # JSON Lines whose first line is bad: reported line by line below
        if isinstance(whole, list):
            return table_from_records(whole, source=source)
    # split on "\n" only: str.splitlines would also split inside strings at U+2028 and friends
    lines = [(number, line) for number, line in enumerate(text.split("\n"), start=1) if line.strip()]
    try:  # fast path: the whole file as one JSON array, a single call into the C decoder
        records = json.loads("[" + ",".join(line for _, line in lines) + "]")
    except json.JSONDecodeError:
        records = None
    if isinstance(records, list) and len(records) == len(lines):
        return table_from_records(records, source=source, rows=[number for number, _ in lines])
    return _read_json_lines_slowly(lines, source)


def _read_json_lines_slowly(lines: list[tuple[int, str]], source: str) -> RawTable:
    """One line at a time, so each malformed line is reported with its number."""
    errors: list[RowError] = []
    records = []
    numbers = []
    for number, line in lines:
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            # exc.msg and the column say what is wrong without quoting the line.
            reason = f"malformed JSON: {exc.msg} at column {exc.colno}"
            errors.append(RowError(source, number, WHOLE_ROW, reason))
            continue
        numbers.append(number)
    table = table_from_records(records, source=source, rows=numbers)
    table.errors = sorted([*errors, *table.errors], key=lambda e: e.row)
    return table


def _read_csv(path: Path) -> RawTable:
    # Danish Excel saves CSV as Windows-1252 unless told otherwise; accept both encodings.
    text = _read_text(path, fallback="cp1252")
    source = str(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    header = next(reader, None)
    if header is None or not any(cell.strip() for cell in header):
        raise KonfliktError(f"{path}: no header row; the first row must name the columns")
    try:
        records = list(reader)
    except csv.Error as exc:  # e.g. a field over the size limit
        raise KonfliktError(f"{path}: line {reader.line_num}: unreadable CSV: {exc}") from None
    width = len(header)
    numbers = [n for n, row in enumerate(records, start=1) if len(row) == width]
    if len(numbers) == len(records):
        cells = records
        errors: list[RowError] = []
    else:  # blank lines (no rows to load, but they keep their numbers) or wrong field counts
        cells = [row for row in records if len(row) == width]
        errors = [
            RowError(source, n, WHOLE_ROW, f"wrong number of fields: expected {width}, got {len(row)}")
            for n, row in enumerate(records, start=1)
            if len(row) != width and not _blank(row)
        ]
    frame = pd.DataFrame(cells, columns=header, dtype=object) if cells else _empty(header)
    return RawTable(frame, np.asarray(numbers, dtype=np.int64), errors)


def _blank(row: list[str]) -> bool:
    return not row or (len(row) == 1 and not row[0].strip())


def _sniff_delimiter(text: str) -> str:
    """`,` as the contract says; `;` or tab when the header uses those (Danish Excel writes `;`)."""
    header = text.split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def _read_xlsx(path: Path, *, sheet: str) -> RawTable:
    import openpyxl  # imported here: only Excel input needs it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise KonfliktError(f"{path}: not a readable .xlsx workbook ({type(exc).__name__})") from None
    try:
        named = [ws for ws in workbook.worksheets if ws.title.strip().lower() == sheet]
        worksheet = named[0] if named else workbook.worksheets[0]
        rows = worksheet.iter_rows(values_only=True)
        header_cells = next(rows, None)
        header = _excel_header(path, header_cells)
        width = len(header)
        cells: list[list[object]] = []
        numbers: list[int] = []
        errors: list[RowError] = []
        for number, row in enumerate(rows, start=1):
            values = list(row)
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            if any(v is not None for v in values[width:]):
                reason = f"value outside the {width} named columns"
                errors.append(RowError(str(path), number, WHOLE_ROW, reason))
                continue
            values = values[:width] + [None] * (width - len(values))
            cells.append(values)
            numbers.append(number)
    finally:
        workbook.close()
    frame = pd.DataFrame(cells, columns=header, dtype=object) if cells else _empty(header)
    return RawTable(frame, np.asarray(numbers, dtype=np.int64), errors)


def _excel_header(path: Path, cells: tuple[object, ...] | None) -> list[str]:
    names = list(cells or ())
    while names and (names[-1] is None or not str(names[-1]).strip()):
        names.pop()  # trailing empty header cells: formatting, not columns
    if not names:
        raise KonfliktError(f"{path}: no header row; the first row must name the columns")
    blank = [i + 1 for i, name in enumerate(names) if name is None or not str(name).strip()]
    if blank:
        raise KonfliktError(f"{path}: column {blank[0]} has no name in the header row")
    return [str(name) for name in names]


def _read_parquet(path: Path) -> RawTable:
    import pyarrow  # the engine pandas uses for Parquet

    try:
        frame = pd.read_parquet(path)
    except (pyarrow.ArrowException, OSError, ValueError) as exc:
        raise KonfliktError(f"{path}: not a readable Parquet file ({type(exc).__name__})") from None
    frame = frame.reset_index(drop=True)
    frame.columns = [str(c) for c in frame.columns]
    return RawTable(frame, np.arange(1, len(frame) + 1, dtype=np.int64))


def _empty(header: list[str]) -> pd.DataFrame:
    return pd.DataFrame([], columns=header, dtype=object)

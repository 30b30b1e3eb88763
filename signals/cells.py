"""Column checks for the loader: text cells, codes, root-cause lists, 0/1 labels, CPR-like ids.

Each check takes a raw column (cells as read, any type), returns the clean column and records
the rows it refuses in a `Problems` collector. Cells are judged by plain Python loops over the
column (about 0.1 us per cell) rather than pandas string methods, whose fixed cost per call
(0.1-0.5 ms) dominated requests of one record; codes are judged once per distinct value.
Reasons start with a short kind (text before the first ``:``), which
`LoadResult.describe_skipped` counts.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import pandas as pd
from stdnum.dk import cpr
from stdnum.exceptions import ValidationError

from signals.errors import RowError
from signals.timeparse import quote

# DDMMYY-XXXX, DDMMYYXXXX or DDMMYY XXXX, not inside a longer run of digits.
_CPR_RE = re.compile(r"(?<!\d)(\d{6})[- ]?(\d{4})(?!\d)")
_NINE_DIGITS = re.compile(r"[0-9]{9}")
_LIST_SEPARATORS = re.compile(r"[;,]")
_TRUE_FALSE = {"0": 0, "1": 1, "0.0": 0, "1.0": 1, "false": 0, "true": 1}
_MAX_LISTED = 9  # list the allowed codes in a message when there are at most this many


class Problems:
    """Collects row errors of one table; knows the data row number of every frame row."""

    def __init__(self, source: str, rows: np.ndarray, unreadable: Sequence[RowError], order: Sequence[str]):
        self.source = source
        self.rows = rows
        self._unreadable = list(unreadable)
        self._order = {name: i for i, name in enumerate(order)}
        self._found: list[RowError] = []
        self._bad = np.zeros(len(rows), dtype=bool)

    def add(self, mask: np.ndarray | pd.Series, field: str, reason: str | pd.Series) -> None:
        """Record `reason` (one text, or a per-row Series) for every row where `mask` is true."""
        flags = np.asarray(mask, dtype=bool)
        positions = np.flatnonzero(flags)
        if positions.size == 0:
            return
        self._bad |= flags
        texts = [reason] * positions.size if isinstance(reason, str) else reason.to_numpy()[positions]
        rows = self.rows[positions]
        self._found.extend(
            RowError(self.source, int(row), field, str(text)) for row, text in zip(rows, texts, strict=True)
        )

    def errors(self) -> list[RowError]:
        """All errors, by row, then in column order."""
        last = len(self._order)
        return sorted(
            [*self._unreadable, *self._found], key=lambda e: (e.row, self._order.get(e.field, last))
        )

    def bad_rows(self) -> np.ndarray:
        return self._bad


@dataclass(frozen=True)
class TextColumn:
    values: pd.Series  # dtype str, stripped; NaN where missing or not text
    missing: np.ndarray
    not_text: np.ndarray
    from_number: np.ndarray  # the cell held a number (Excel/JSON): leading zeros may be lost


@dataclass(frozen=True)
class CodeList:
    """Allowed codes and a lookup from a lenient key (case, æøå, spaces) to the canonical code."""

    codes: tuple[str, ...]
    by_key: dict[str, str]


@dataclass(frozen=True)
class ListColumn:
    values: pd.Series  # object: list[str] or None
    bad: np.ndarray


@dataclass(frozen=True)
class LabelColumn:
    values: pd.Series  # Int8: 0, 1 or <NA>
    bad: np.ndarray


def code_key(value: str) -> str:
    """The lenient form codes are matched by: lower case, æ/ø/å as ae/oe/aa, `_` for spaces and hyphens."""
    value = value.strip().lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return re.sub(r"[\s\-]+", "_", value)


def code_lookup(codes: Sequence[str]) -> CodeList:
    return CodeList(tuple(codes), {code_key(code): code for code in codes})


def read_text(raw: pd.Series | None, n: int) -> TextColumn:
    """Cells -> stripped strings; numbers become their digits, lists/booleans are `not_text`.

    Plain Python over the cells: pandas' string methods cost about 0.1-0.5 ms per call whatever the
    length, which dominated single-record requests, and a loop over a million short cells takes
    a fraction of a second.
    """
    if raw is None or n == 0:
        empty = np.zeros(n, dtype=bool)
        return TextColumn(pd.Series([np.nan] * n, dtype="str"), ~empty, empty, empty)
    cells = raw.to_numpy(dtype=object)
    if pd.api.types.infer_dtype(raw, skipna=True) == "string":
        texts = [cell.strip() or None if isinstance(cell, str) else None for cell in cells]
        not_text = np.zeros(n, dtype=bool)
        from_number = not_text
    else:
        converted = [_cell_text(v) for v in cells]
        texts = [c[0] or None for c in converted]
        not_text = np.array([c[1] == "bad" for c in converted], dtype=bool)
        from_number = np.array([c[1] == "number" for c in converted], dtype=bool)
    missing = np.fromiter((t is None for t in texts), dtype=bool, count=n) & ~not_text
    return TextColumn(pd.Series(texts, dtype="str"), missing, not_text, from_number)


def _strings(values: pd.Series) -> list[str | None]:
    """A str column's cells as Python strings, None where missing."""
    return [v if isinstance(v, str) else None for v in values.to_numpy(dtype=object)]


def _cell_text(value: object) -> tuple[str | None, str]:
    """One cell -> (text or None, what it was: "text", "number", "missing" or "bad")."""
    if _is_missing(value):
        return None, "missing"
    if isinstance(value, str):
        return value.strip(), "text"
    if isinstance(value, bool | np.bool_):
        return None, "bad"
    if isinstance(value, int | np.integer):
        return str(int(value)), "number"
    if isinstance(value, float | np.floating):
        return (str(int(value)) if float(value).is_integer() else repr(float(value))), "number"
    if isinstance(value, datetime | date):
        return value.isoformat(), "text"
    return None, "bad"


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def text_column(
    raw: pd.Series | None, n: int, field: str, problems: Problems, *, missing: str | None = None
) -> TextColumn:
    """A required text field: missing and non-text cells are recorded as problems."""
    column = read_text(raw, n)
    problems.add(column.missing, field, missing or f"missing {field}")
    problems.add(column.not_text, field, "not text: expected a string or a number")
    # PostgreSQL cannot store U+0000 in text, and no real id or complaint contains it.
    has_nul = np.array([v is not None and "\x00" in v for v in _strings(column.values)], dtype=bool)
    problems.add(has_nul, field, "NUL character: the value contains U+0000, which text may not contain")
    return column


def check_cpr(column: TextColumn, field: str, problems: Problems) -> None:
    """Refuse ids holding a CPR number (any valid birth date; no modulus-11 check, dropped in 2007)."""
    values = _strings(column.values)
    looks_like_cpr = np.zeros(len(values), dtype=bool)
    for position, text in enumerate(values):
        if text is None:
            continue
        found = [a + b for a, b in _CPR_RE.findall(text)]
        # A number cell loses a CPR number's leading zero: 0101901234 arrives as 101901234.
        if column.from_number[position] and _NINE_DIGITS.fullmatch(text):
            found.append(text.zfill(10))
        looks_like_cpr[position] = any(_has_birth_date(number) for number in found)
    problems.add(looks_like_cpr, field, "looks like a CPR number: use the pseudonym, never a CPR number")


def _has_birth_date(number: str) -> bool:
    try:
        cpr.get_birth_date(number)
    except ValidationError:
        return False
    return True


def map_codes(
    raw: pd.Series | None,
    n: int,
    field: str,
    codes: CodeList,
    problems: Problems,
    *,
    what: str | None = None,
    required: bool = True,
) -> pd.Series:
    """A code field -> canonical codes (str, NaN where empty); unknown codes are problems."""
    what = what or field
    column = read_text(raw, n)
    # Few distinct values in a code column: each is normalised and judged once.
    canonical_of: dict[str, str | None] = {}
    reason_of: dict[str, str] = {}
    canonical: list[str | None] = []
    reasons: list[str | None] = []
    for value in _strings(column.values):
        if value is None:
            canonical.append(None)
            reasons.append(None)
            continue
        if value not in canonical_of:
            canonical_of[value] = codes.by_key.get(code_key(value))
        code = canonical_of[value]
        canonical.append(code)
        if code is None and value not in reason_of:
            reason_of[value] = _unknown_code(what, [value], codes)
        reasons.append(None if code is not None else reason_of[value])
    if required:
        problems.add(column.missing, field, f"missing {field}")
    problems.add(column.not_text, field, f"unknown {what}: expected a code as text")
    if reason_of:
        unknown = np.array([reason is not None for reason in reasons], dtype=bool)
        problems.add(unknown, field, pd.Series(reasons, dtype=object))
    return pd.Series(canonical, dtype="str")


def _unknown_code(what: str, values: Sequence[str], codes: CodeList) -> str:
    """E.g. "unknown channel: 'emial' (did you mean 'email'?)"; several values share one message."""
    shown = []
    suggested = False
    for value in values:
        close = difflib.get_close_matches(code_key(value), list(codes.by_key), n=1, cutoff=0.75)
        suggested = suggested or bool(close)
        shown.append(f"{quote(value)} (did you mean '{codes.by_key[close[0]]}'?)" if close else quote(value))
    text = f"unknown {what}: {', '.join(shown)}"
    if suggested:
        return text
    if len(codes.codes) <= _MAX_LISTED:
        return f"{text} (expected one of: {', '.join(codes.codes)})"
    return f"{text} (expected codes from the taxonomy)"


def codes_column(
    raw: pd.Series | None, n: int, field: str, codes: CodeList, problems: Problems, *, max_codes: int
) -> ListColumn:
    """Lists of codes (a JSON list, or one `;`-separated cell) -> list[str] or None per row."""
    if raw is None or n == 0:
        return ListColumn(pd.Series([None] * n, dtype=object), np.zeros(n, dtype=bool))
    parser = _CodeListParser(codes, max_codes)
    parsed = [parser.parse(v) for v in raw.to_numpy()]
    # A fresh list per row: rows must not share one mutable list.
    values = pd.Series([None if p[0] is None else list(p[0]) for p in parsed], dtype=object)
    reasons = pd.Series([p[1] for p in parsed], dtype=object)
    bad = reasons.notna().to_numpy(dtype=bool)
    problems.add(bad, field, reasons)
    return ListColumn(values, bad)


class _CodeListParser:
    """Parses root-cause cells; memoises, since real files repeat the same few combinations."""

    def __init__(self, codes: CodeList, max_codes: int) -> None:
        self.codes = codes
        self.max_codes = max_codes
        self._cells: dict[object, tuple[tuple[str, ...] | None, str | None]] = {}

    def parse(self, value: object) -> tuple[tuple[str, ...] | None, str | None]:
        key = tuple(value) if isinstance(value, list | tuple | np.ndarray) else value
        try:
            return self._cells[key]
        except KeyError:
            result = self._cells[key] = self._parse(value)
        except TypeError:  # unhashable items (a nested list): no memo
            result = self._parse(value)
        return result

    def _parse(self, value: object) -> tuple[tuple[str, ...] | None, str | None]:
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("[") and text.endswith("]"):  # ["a", "b"] or ['a', 'b']
                text = text[1:-1]
            items: list[object] = [part.strip().strip("'\"") for part in _LIST_SEPARATORS.split(text)]
        elif isinstance(value, list | tuple | np.ndarray):
            items = list(value)
        elif _is_missing(value):
            return None, None
        else:
            return None, "bad root causes: expected a list of codes"
        found: list[str] = []
        unknown: list[str] = []
        for item in items:
            if not isinstance(item, str):
                return None, "bad root causes: expected a list of codes"
            if not item.strip():
                continue  # tolerate "a;b;" and "a; ;b"
            code = self.codes.by_key.get(code_key(item))
            if code is None:
                unknown.append(item.strip())
            elif code not in found:
                found.append(code)
        if unknown:
            return None, _unknown_code("root-cause code", unknown, self.codes)
        if len(found) > self.max_codes:
            return None, f"too many root causes: {len(found)} given, at most {self.max_codes}"
        return (tuple(found) or None), None


def labels_column(raw: pd.Series | None, n: int, field: str, problems: Problems) -> LabelColumn:
    """0/1 labels: accepts 0/1, "0"/"1", true/false; refuses anything else (2, "yes", 0.5)."""
    if raw is None or n == 0:
        return LabelColumn(pd.Series([pd.NA] * n, dtype="Int8"), np.zeros(n, dtype=bool))
    memo: dict[object, int | None] = {}  # 1, 1.0 and True are equal keys, and map alike
    parsed = [_memo_label(v, memo) for v in raw.to_numpy()]
    bad = np.array([p == -1 for p in parsed], dtype=bool)
    values = pd.Series([pd.NA if p is None or p == -1 else p for p in parsed], dtype="Int8")
    if bad.any():
        reasons = pd.Series(
            [
                f"bad mediation label: expected 0 or 1, got {quote(v)}" if b else None
                for v, b in zip(raw, bad, strict=True)
            ],
            dtype=object,
        )
        problems.add(bad, field, reasons)
    return LabelColumn(values, bad)


def _memo_label(value: object, memo: dict[object, int | None]) -> int | None:
    try:
        return memo[value]
    except KeyError:
        result = memo[value] = _label(value)
    except TypeError:  # unhashable: a list where a label should be
        result = -1
    return result


def _label(value: object) -> int | None:
    """0 or 1, None when missing, -1 when not a label."""
    if _is_missing(value):
        return None
    if isinstance(value, bool | np.bool_):
        return int(value)
    if isinstance(value, int | np.integer | float | np.floating):
        return int(value) if value in (0, 1) else -1
    if isinstance(value, str):
        text = value.strip().lower()
        return None if not text else _TRUE_FALSE.get(text, -1)
    return -1

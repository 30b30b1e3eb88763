"""The loader's quick path for in-memory complaints (`signals.loader._quick_complaints`) gives exactly
the table of the full checks, and leaves every record it is not sure of to them."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from signals import loader
from signals.errors import DataError
from signals.loader import complaints_from_records
from signals.readers import table_from_records
from signals.timeparse import parse_plain_time, parse_times


def full_checks(records: list[Any]) -> pd.DataFrame:
    raw = table_from_records(records, source="request")
    return loader._complaints(raw, "request", skip_bad=False, require_labels=False, records=True).frame


def record(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "complaint_id": "c-1",
        "received_at": "2026-01-05T10:00:00+01:00",
        "citizen_id": "p-1",
        "forvaltning": "SOF",
        "channel": "email",
        "text": "Jeg har ventet længe på svar.",
    }
    base.update(changes)
    return {k: v for k, v in base.items() if v is not None}


CLEAN = [
    [record()],
    [record(forvaltning=None)],
    [record(forvaltning="sof", channel=" EMAIL", text="  mellemrum  ")],
    [record(received_at="2024-10-27T02:30")],  # ambiguous: summer time
    [record(received_at="2024-03-30 23:59:59.5")],
    [record(received_at="2024-07-01")],
    [record(received_at="2024-07-01T12:00Z")],
    [record(received_at="1900-01-01T01:00:00+01:00")],
    [record(received_at="2199-12-31T23:00")],
    [record(complaint_id=f"c-{i}", citizen_id=f"p-{i % 3}") for i in range(50)],
]


@pytest.mark.parametrize("records", CLEAN)
def test_quick_path_equals_full_checks(records: list[dict[str, Any]]) -> None:
    quick = loader._quick_complaints(records)
    assert quick is not None
    pd.testing.assert_frame_equal(quick, full_checks(records))
    pd.testing.assert_frame_equal(complaints_from_records(records).frame, quick)


NOT_QUICK = [
    [record(received_at="2024-03-31T02:30")],  # spring-forward gap: an error
    [record(received_at="1899-12-31T22:00:00+00:00")],  # outside the years
    [record(received_at="2024-05-01T09:30:00+0200")],  # valid, but not a plain form
    [record(received_at="20240501")],
    [record(received_at="2024-13-01")],
    [record(citizen_id="010190-1234")],  # CPR
    [record(citizen_id="p-0000000000")],  # ten digits, no valid date: the full checks decide
    [record(channel="emial")],
    [record(forvaltning="XYZ")],
    [record(forvaltning="")],
    [record(text="   ")],
    [record(text="a\x00b")],
    [record(text="x" * 20_001)],
    [record(complaint_id=7)],
    [record(root_causes=["sagsbehandlingstid"])],
    [record(extra="field")],
    [{k: v for k, v in record().items() if k != "channel"}],
    [record(), record()],  # duplicate id
    [record(), "not a dict"],
    [],
]


@pytest.mark.parametrize("records", NOT_QUICK)
def test_anything_unusual_goes_through_the_full_checks(records: list[Any]) -> None:
    assert loader._quick_complaints(records) is None


def test_errors_unchanged() -> None:
    with pytest.raises(DataError) as caught:
        complaints_from_records([record(), record(channel="emial", complaint_id="c-2")])
    assert [(e.row, e.field) for e in caught.value.errors] == [(2, "channel")]


def _full_time(value: str) -> datetime | None:
    parsed = parse_times(pd.Series([value], dtype=object))
    if parsed.missing[0] or pd.notna(parsed.reasons.iloc[0]):
        return None
    stamp: pd.Timestamp = parsed.utc.iloc[0]
    return stamp.to_pydatetime()


def _plain_times() -> st.SearchStrategy[str]:
    moments = st.datetimes(min_value=datetime(1899, 12, 30), max_value=datetime(2200, 1, 2))
    forms = st.sampled_from(["date", "minutes", "seconds", "micros", "space", "Z", "offset"])
    offsets = st.integers(min_value=-14 * 4, max_value=14 * 4).map(lambda q: timedelta(minutes=15 * q))

    def render(moment: datetime, form: str, offset: timedelta) -> str:
        if form == "date":
            return moment.date().isoformat()
        text = moment.isoformat(
            sep=" " if form == "space" else "T",
            timespec={"minutes": "minutes", "micros": "microseconds"}.get(form, "seconds"),
        )
        if form == "Z":
            return text + "Z"
        if form == "offset":
            return moment.replace(tzinfo=UTC).astimezone(_fixed(offset)).isoformat()
        return text

    return st.builds(render, moments, forms, offsets)


def _fixed(offset: timedelta) -> Any:
    from datetime import timezone

    return timezone(offset)


@settings(max_examples=300, deadline=None)
@given(_plain_times())
def test_plain_times_parse_as_the_full_rules(value: str) -> None:
    quick = parse_plain_time(value)
    if quick is not None:
        assert quick == _full_time(value)


def test_plain_times_around_transitions() -> None:
    rng = random.Random(5)
    for year in (1916, 1945, 1980, 2024, 2100, 2199):
        for month, day in ((3, 31), (3, 25), (10, 27), (10, 28)):
            for minute in range(0, 240, 7 + rng.randrange(5)):
                value = (datetime(year, month, day) + timedelta(minutes=minute)).isoformat()
                quick = parse_plain_time(value)
                full = _full_time(value)
                assert quick is None or quick == full, value
                if full is not None and quick is None:  # only a gap time is left to the full rules
                    pytest.fail(f"{value} parses but not on the quick path")

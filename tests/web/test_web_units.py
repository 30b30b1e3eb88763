"""The pages' building blocks without a server: tokens, highlighting, Danish formatting, filters, charts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from service.keys import Caller
from service.web import tokens
from service.web.auth import safe_next
from service.web.charts import _scale, heatmap, month_bars, rate_bars
from service.web.filters import parse_filters
from service.web.highlight import Segment, segments
from service.web.routes.case import form_defaults
from service.web.routes.insights import month_range
from service.web.routes.queue import week_start
from service.web.views import date_da, datetime_da, excerpt, month_da, percent_da, reasons

SECRET = b"s" * 32
ADVISOR = Caller("a1", "advisor")
SOF = Caller("s1", "forvaltning", "SOF")


# ----- tokens -------------------------------------------------------------------------------------
def test_a_session_token_round_trips_and_holds_no_key() -> None:
    session, token = tokens.new_session(SECRET, "abcd1234", lifetime_seconds=60)
    assert tokens.read_session(SECRET, token) == session
    assert "kfs_" not in token


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),  # forged MAC
        lambda t: "e30" + t[t.index(".") :],  # another payload ({}) with the old MAC
        lambda t: t.replace(".", ""),
        lambda t: "",
        lambda t: "x" * 5000,
    ],
)
def test_a_tampered_session_token_is_refused(mangle: Any) -> None:
    _, token = tokens.new_session(SECRET, "abcd1234", lifetime_seconds=60)
    assert tokens.read_session(SECRET, mangle(token)) is None


def test_tokens_expire_and_do_not_stand_in_for_each_other() -> None:
    _, token = tokens.new_session(SECRET, "abcd1234", lifetime_seconds=60)
    assert tokens.read_session(b"t" * 32, token) is None  # another secret
    assert tokens.read_sign_in(SECRET, token) is None  # a session token is not a sign-in token
    payload = tokens.verify(SECRET, tokens.SESSION, token)
    assert payload is not None
    assert tokens.verify(SECRET, tokens.SESSION, token, now=payload["exp"] + 1) is None


def test_csrf_tokens_are_bound_to_their_session() -> None:
    token = tokens.csrf_token(SECRET, "session-a")
    assert tokens.csrf_ok(SECRET, "session-a", token)
    assert not tokens.csrf_ok(SECRET, "session-b", token)
    assert not tokens.csrf_ok(SECRET, "session-a", "")
    assert not tokens.csrf_ok(SECRET, None, token)
    assert not tokens.csrf_ok(SECRET, "session-a", "æøå")  # non-ASCII input is refused, not an error


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (None, "/sager"),
        ("/sager/c-1", "/sager/c-1"),
        ("/indsigt?fra=2026-01-01", "/indsigt?fra=2026-01-01"),
        ("https://evil.example/sager", "/sager"),
        ("//evil.example/sager", "/sager"),
        ("/\\evil.example", "/sager"),
        ("/log-ud", "/sager"),
        ("/sager\r\nSet-Cookie: x", "/sager"),
    ],
)
def test_after_sign_in_only_our_own_pages(target: str | None, expected: str) -> None:
    assert safe_next(target) == expected


# ----- highlighting -------------------------------------------------------------------------------
TEXT = "Jeg skrev igen og igen til <b>borgmesteren</b>."


@pytest.mark.parametrize(
    ("spans", "highlighted"),
    [
        ([{"category": "gentagelse", "label": "gentagne", "start": 10, "end": 22}], ["igen og igen"]),
        (
            [
                {"category": "eskalering", "label": "e", "start": 30, "end": 42},
                {"category": "gentagelse", "label": "g", "start": 10, "end": 22},
            ],
            ["igen og igen", "borgmesteren"],  # out of order in the JSON, in order on the page
        ),
        (
            [
                {"category": "a", "label": "a", "start": 10, "end": 22},
                {"category": "b", "label": "b", "start": 15, "end": 25},  # overlaps: dropped
            ],
            ["igen og igen"],
        ),
        ([{"category": "a", "start": 40, "end": 999}], []),  # past the end
        ([{"category": "a", "start": 12, "end": 12}], []),  # empty
        ([{"category": "a", "start": "1", "end": 5}], []),  # wrong types
        ([{"category": "a", "start": True, "end": 5}], []),
        ("not a list", []),
        (None, []),
    ],
)
def test_cue_spans_become_safe_segments(spans: Any, highlighted: list[str]) -> None:
    pieces = segments(TEXT, spans)
    assert "".join(p.text for p in pieces) == TEXT
    assert [p.text for p in pieces if p.category] == highlighted


def test_a_category_cannot_inject_markup_into_a_css_class() -> None:
    [_, mark, _] = segments("ab cd ef", [{"category": 'x" onclick="y', "label": "<i>", "start": 3, "end": 5}])
    assert mark == Segment("cd", "xonclicky", "<i>")  # the label is escaped by the template


def test_an_empty_text_is_one_empty_segment() -> None:
    assert segments("", []) == [Segment("")]


# ----- Danish formatting --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [(0.745, 0, "74 %"), (0.1234, 1, "12,3 %"), (1.0, 0, "100 %"), (None, 0, "–")],
)
def test_percentages_in_danish(value: float | None, digits: int, expected: str) -> None:
    assert percent_da(value, digits) == expected


def test_dates_in_copenhagen_time_and_danish() -> None:
    moment = datetime(2026, 10, 31, 23, 30, tzinfo=UTC)  # already 1 November in Copenhagen (CET)
    assert date_da(moment) == "1. nov. 2026"
    assert datetime_da(moment) == "1. nov. 2026 kl. 00.30"
    assert month_da("2026-05") == "maj 2026"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kort tekst.", "Kort tekst."),
        ("Linje et\n\n  linje   to", "Linje et linje to"),
        ("ord " * 100, ("ord " * 45).strip() + " …"),
    ],
)
def test_excerpts_are_one_line_and_cut_at_a_word(text: str, expected: str) -> None:
    assert excerpt(text) == expected
    assert len(excerpt(text)) <= 182


@pytest.mark.parametrize(
    "explanation",
    [None, {}, {"summary": 3, "mediation": "x", "root_causes": [1]}, {"mediation": {"phrases": "nope"}}],
)
def test_odd_explanations_show_nothing_rather_than_fail(explanation: Any) -> None:
    found = reasons(explanation)
    assert found.summary is None and found.phrases == [] and found.cause_phrases == {}


# ----- filters ------------------------------------------------------------------------------------
def test_filters_are_read_and_bad_values_reported_not_failed() -> None:
    filters = parse_filters(
        ADVISOR,
        {"forvaltning": "XXX", "aarsag": "aktindsigt", "markeret": "ja", "fra": "i går", "side": "-3"},
    )
    assert (filters.forvaltning, filters.root_cause, filters.flagged, filters.since, filters.page) == (
        None,
        "aktindsigt",
        True,
        None,
        1,
    )
    assert len(filters.problems) == 2


def test_a_department_user_keeps_their_department_whatever_the_query_says() -> None:
    assert parse_filters(SOF, {"forvaltning": "BUF"}).forvaltning == "SOF"


def test_the_period_counts_whole_days_in_copenhagen_and_swaps_when_reversed() -> None:
    filters = parse_filters(ADVISOR, {"fra": "2026-03-31", "til": "2026-03-01"})
    assert (filters.since, filters.until) == (date(2026, 3, 1), date(2026, 3, 31))
    query = filters.complaint_filter()
    assert query.since == datetime(2026, 2, 28, 23, 0, tzinfo=UTC)
    assert query.until == datetime(2026, 3, 31, 22, 0, tzinfo=UTC)  # 1 April 00:00 in summer time
    assert filters.query(page=2) == "fra=2026-03-01&til=2026-03-31&side=2"


def test_the_week_starts_on_monday_in_copenhagen() -> None:
    monday = datetime(2026, 11, 22, 23, 0, tzinfo=UTC)  # Monday 23 November, 00:00 in Copenhagen
    assert week_start(datetime(2026, 11, 22, 22, 30, tzinfo=UTC)) == monday - timedelta(days=7)  # Sunday
    assert week_start(datetime(2026, 11, 22, 23, 30, tzinfo=UTC)) == monday
    assert week_start(datetime(2026, 11, 29, 22, 59, tzinfo=UTC)) == monday


def test_month_range_fills_quiet_months() -> None:
    assert month_range("2025-11", "2026-02") == ["2025-11", "2025-12", "2026-01", "2026-02"]


# ----- charts -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("maximum", "expected"),
    [(0, (1, 1)), (3, (3, 1)), (5, (6, 2)), (9, (10, 5)), (27, (30, 10)), (450, (600, 200))],
)
def test_axes_end_on_whole_numbers_in_at_most_four_steps(maximum: int, expected: tuple[int, int]) -> None:
    assert _scale(maximum) == expected


def test_month_bars_stay_inside_the_plot_and_mark_escalations() -> None:
    points = [(f"2025-{m:02d}", m, m // 3, m % 2) for m in range(1, 13)]
    chart = month_bars(points, total_name="henvendelser", part_name="til borgmesteren", mark_name="x")
    assert len(chart.bars) == 12
    for bar in chart.bars:
        assert chart.top - 1e-9 <= bar.total_y <= bar.part_y <= chart.baseline
        assert chart.left <= bar.x and bar.x + bar.width <= chart.width
    assert chart.ticks[-1].y == pytest.approx(chart.top) and chart.ticks[-1].label == "15"
    plot = chart.baseline - chart.top
    assert chart.baseline - chart.bars[-1].total_y == pytest.approx(plot * 12 / 15)
    assert chart.bars[0].label == "jan 25" and "jan. 2025: 1 henvendelser" in chart.bars[0].title


def test_a_long_timeline_shows_its_latest_two_years() -> None:
    points = [(f"{2020 + i // 12}-{i % 12 + 1:02d}", 1, 0, 0) for i in range(40)]
    chart = month_bars(points, total_name="a", part_name="b")
    assert len(chart.bars) == 24 and chart.shown_from == points[-24][0]


def test_heatmap_shades_by_share_of_the_month() -> None:
    chart = heatmap(["2026-01", "2026-02"], [10, 0], {"a": [5, 0], "b": [0, 0]}, {"a": "A", "b": "B"})
    assert [c.level for c in chart.rows[0].cells] == [5, 0]
    assert [c.level for c in chart.rows[1].cells] == [0, 0]
    assert "5 af 10 klager (50 %)" in chart.rows[0].cells[0].title


def test_rate_bars_scale_to_the_highest_rate() -> None:
    chart = rate_bars([("SOF", 3, 10), ("BUF", 0, 0), ("TMF", 1, 20)])
    assert chart.scale_max == pytest.approx(0.4)
    assert [label for _, label in chart.ticks] == ["0 %", "10 %", "20 %", "30 %", "40 %"]
    assert chart.bars[1].text == "ingen klager" and chart.bars[1].width == 0
    assert chart.bars[0].text == "30 % (3 af 10)"


# ----- the feedback form's starting point ---------------------------------------------------------
def test_the_form_starts_from_the_latest_feedback_else_the_models_three_strongest_causes() -> None:
    annotation = SimpleNamespace(
        root_causes=["aktindsigt", "vejledning", "begrundelse", "kommunikation"],
        root_cause_scores={"aktindsigt": 0.3, "vejledning": 0.9, "begrundelse": 0.5, "kommunikation": 0.7},
        mediation_flag=True,
    )
    assert form_defaults({"feedback": None, "annotation": annotation}) == (
        ["vejledning", "kommunikation", "begrundelse"],
        "1",
    )
    feedback = SimpleNamespace(root_causes=["aktindsigt"], mediation_potential=False)
    assert form_defaults({"feedback": feedback, "annotation": annotation}) == (["aktindsigt"], "0")
    assert form_defaults({"feedback": None, "annotation": None}) == ([], None)

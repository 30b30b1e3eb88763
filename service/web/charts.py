"""Geometry of the pages' charts, drawn as inline SVG by the templates (`templates/charts.html`).

Only numbers and labels are computed here; the templates write the elements with autoescaping, and
colours come from the stylesheet, so the pages need no script and no inline style.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from service.web.views import MONTHS_SHORT_DA, month_da, percent_da

MAX_MONTHS = 24  # a timeline longer than two years shows its latest two years
MAX_BAR_WIDTH = 44.0  # a few months should not look like a few walls


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class MonthBar:
    x: float
    width: float
    total_y: float  # top of the whole bar
    part_y: float  # top of the highlighted part (at the baseline when there is none)
    total: int
    part: int
    mark: int  # a count marked above the bar (escalations to the mayor); 0 for none
    label: str | None  # month label under the bar, or None where it would crowd
    title: str  # tooltip and accessible text


@dataclass(frozen=True)
class MonthBars:
    """Bars per month: a total, a highlighted part of it, and an optional mark above the bar."""

    width: int
    height: int
    left: int
    baseline: float
    top: float
    ticks: list[Tick]
    bars: list[MonthBar]
    shown_from: str | None  # first month shown when older months were cut
    description: str


def _scale(maximum: int) -> tuple[int, int]:
    """(top of the axis, tick step): whole numbers, at most four steps."""
    magnitude = 1
    while True:
        for multiple in (1, 2, 5):
            step = multiple * magnitude
            steps = math.ceil(max(maximum, 1) / step)
            if steps <= 4:
                return steps * step, step
        magnitude *= 10


def month_bars(
    points: list[tuple[str, int, int, int]],
    *,
    total_name: str,
    part_name: str,
    mark_name: str | None = None,
    width: int = 680,
    height: int = 200,
) -> MonthBars:
    """`points`: (YYYY-MM, total, part, mark) in month order."""
    shown_from = points[-MAX_MONTHS][0] if len(points) > MAX_MONTHS else None
    points = points[-MAX_MONTHS:]
    left, right, top, bottom = 36, 12, 22, 30
    baseline = height - bottom
    plot_w, plot_h = width - left - right, baseline - top
    peak, step = _scale(max((p[1] for p in points), default=0))
    ticks = [Tick(baseline - plot_h * v / peak, str(v)) for v in range(0, peak + 1, step)]
    slot = plot_w / max(len(points), 1)
    every = max(1, math.ceil(34 / slot))  # a month label needs about 34 px
    bars = []
    for i, (month, total, part, mark) in enumerate(points):
        year, number = month.split("-")
        label = MONTHS_SHORT_DA[int(number) - 1]
        if number == "01" or i == 0:
            label = f"{label} {year[2:]}"
        title = f"{month_da(month)}: {total} {total_name}, {part} {part_name}"
        if mark_name:
            title += f", {mark} {mark_name}"
        bar_width = min(max(slot * 0.7, 1.0), MAX_BAR_WIDTH)
        bars.append(
            MonthBar(
                x=left + i * slot + (slot - bar_width) / 2,
                width=bar_width,
                total_y=baseline - plot_h * total / peak,
                part_y=baseline - plot_h * min(part, total) / peak,
                total=total,
                part=part,
                mark=mark,
                label=label if (len(points) - 1 - i) % every == 0 else None,
                title=title,
            )
        )
    description = "; ".join(bar.title for bar in bars) or "Ingen data"
    return MonthBars(width, height, left, baseline, top, ticks, bars, shown_from, description)


@dataclass(frozen=True)
class HeatCell:
    x: float
    count: int
    level: int  # 0..5, a CSS class
    title: str


@dataclass(frozen=True)
class HeatRow:
    y: float
    label: str
    cells: list[HeatCell]
    total: int


@dataclass(frozen=True)
class Heatmap:
    width: int
    height: int
    label_width: int
    cell_width: float
    cell_height: int
    columns: list[tuple[float, str]]  # x and label of each month column
    rows: list[HeatRow]
    show_counts: bool


def heatmap(
    months: list[str],
    complaints: list[int],
    counts: dict[str, list[int]],
    labels: dict[str, str],
    *,
    width: int = 900,
) -> Heatmap:
    """Rows of root causes over month columns; shade by the share of that month's complaints."""
    months, complaints = months[-MAX_MONTHS:], complaints[-MAX_MONTHS:]
    label_width, cell_height, head = 280, 24, 22
    cell_width = min(56.0, (width - label_width) / max(len(months), 1))
    rows = []
    for r, (code, label) in enumerate(labels.items()):
        values = counts.get(code, [0] * MAX_MONTHS)[-len(months) :] if months else []
        cells = []
        for c, (month, n) in enumerate(zip(months, values, strict=True)):
            share = n / complaints[c] if complaints[c] else 0.0
            level = 0 if n == 0 else min(5, 1 + int(share * 10))  # 1: under 10 %, 5: 40 % or more
            cells.append(
                HeatCell(
                    label_width + c * cell_width,
                    n,
                    level,
                    f"{label}, {month_da(month)}: {n} af {complaints[c]} klager ({percent_da(share)})",
                )
            )
        rows.append(HeatRow(head + r * cell_height, label, cells, sum(values)))
    columns = []
    for c, month in enumerate(months):
        year, number = month.split("-")
        text = MONTHS_SHORT_DA[int(number) - 1] + (f" {year[2:]}" if number == "01" or c == 0 else "")
        columns.append((label_width + c * cell_width + cell_width / 2, text))
    height = head + len(rows) * cell_height + 4
    shown_width = int(label_width + cell_width * len(months)) + 4
    return Heatmap(shown_width, height, label_width, cell_width, cell_height, columns, rows, cell_width >= 22)


@dataclass(frozen=True)
class RateBar:
    y: float
    label: str
    width: float
    rate: float | None
    text: str


@dataclass(frozen=True)
class RateBars:
    width: int
    height: int
    label_width: int
    bar_height: int
    scale_max: float
    bars: list[RateBar]
    ticks: list[tuple[float, str]]


def rate_bars(rows: list[tuple[str, int, int]], *, width: int = 680) -> RateBars:
    """Horizontal bars of flag rates: `rows` are (label, flagged, annotated)."""
    label_width, bar_height, gap, right = 300, 22, 10, 150
    rates = [flagged / annotated if annotated else None for _, flagged, annotated in rows]
    highest = max([0.0, *(r for r in rates if r is not None)])
    # quarters of these are whole percentages: 5, 10, 15, 20 or 25 %
    scale_max = next(top for top in (0.2, 0.4, 0.6, 0.8, 1.0) if highest <= top + 1e-9)
    plot_w = width - label_width - right
    bars = []
    for i, ((label, flagged, annotated), rate) in enumerate(zip(rows, rates, strict=True)):
        text = f"{percent_da(rate)} ({flagged} af {annotated})" if rate is not None else "ingen klager"
        bars.append(
            RateBar(8 + i * (bar_height + gap), label, plot_w * (rate or 0.0) / scale_max, rate, text)
        )
    ticks = [(label_width + plot_w * k / 4, percent_da(scale_max * k / 4)) for k in range(5)]
    height = 8 + len(rows) * (bar_height + gap) + 20
    return RateBars(width, height, label_width, bar_height, scale_max, bars, ticks)

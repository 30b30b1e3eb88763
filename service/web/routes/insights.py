"""`/indsigt`: complaints and flags per month, root-cause trends, and flag rates per department.

Every figure comes from `service.queries.insights`, the query behind GET /v1/insights, so a
department sees its own department only, in every chart and count.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import Response

from service.api.deps import SessionDep, audit_here
from service.queries import ComplaintFilter, MonthFigures, insights
from service.web.auth import PageCallerDep
from service.web.charts import heatmap, month_bars, rate_bars
from service.web.filters import parse_filters
from service.web.pages import render
from signals.schema import DEPARTMENTS, ROOT_CAUSES

router = APIRouter(include_in_schema=False)


def month_range(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from `first` to `last`, so quiet months show as zeros rather than vanish."""
    year, month = map(int, first.split("-"))
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@dataclass(frozen=True)
class Totals:
    complaints: int
    annotated: int
    flagged: int

    @property
    def flag_rate(self) -> float | None:
        return self.flagged / self.annotated if self.annotated else None


def totals(figures: list[MonthFigures]) -> Totals:
    return Totals(
        sum(f.complaints for f in figures), sum(f.annotated for f in figures), sum(f.flagged for f in figures)
    )


@router.get("/indsigt")
def insights_page(request: Request, caller: PageCallerDep, session: SessionDep) -> Response:
    filters = parse_filters(caller, request.query_params)
    scope = filters.complaint_filter()
    scope = ComplaintFilter(forvaltning=scope.forvaltning, since=scope.since, until=scope.until)
    figures = insights(session, caller, scope)
    by_month = {f.month: f for f in figures}
    months = month_range(figures[0].month, figures[-1].month) if figures else []
    complaints = [by_month[m].complaints if m in by_month else 0 for m in months]
    trend = month_bars(
        [
            (m, n, by_month[m].flagged if m in by_month else 0, 0)
            for m, n in zip(months, complaints, strict=True)
        ],
        total_name="klager",
        part_name="markeret til mægling",
    )
    cause_counts = {
        code: [by_month[m].root_causes.get(code, 0) if m in by_month else 0 for m in months]
        for code in ROOT_CAUSES
    }
    causes = heatmap(months, complaints, cause_counts, ROOT_CAUSES)
    # One department, or each: the caller's scope limits every query whatever the filter says.
    codes = [scope.forvaltning] if scope.forvaltning else list(DEPARTMENTS)
    rows = []
    for code in codes:
        department = totals(
            insights(session, caller, ComplaintFilter(forvaltning=code, since=scope.since, until=scope.until))
        )
        rows.append((DEPARTMENTS[code], department.flagged, department.annotated))
    overall = totals(figures)
    if len(rows) > 1:
        rows.append(("Alle forvaltninger", overall.flagged, overall.annotated))
    audit_here(request, session, caller, action="insights.read", status_code=200, item_count=len(figures))
    session.commit()
    top = sorted(((sum(v), code) for code, v in cause_counts.items() if sum(v)), reverse=True)[:3]
    return render(
        request,
        "insights.html",
        {
            "filters": filters,
            "overall": overall,
            "trend": trend,
            "causes": causes,
            "rates": rate_bars(rows),
            "top_causes": [(ROOT_CAUSES[code], n) for n, code in top],
        },
    )

"""The pages' filters (department, root cause, flagged, period) read from a query string.

A page never fails on a bad filter: an unknown value is ignored and the page says so. A department
user's department is fixed: whatever the query string says, their queries are in their scope
(`service.queries.in_scope` enforces it; the filter only keeps the form honest).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from service.keys import Caller
from service.queries import ComplaintFilter
from signals.schema import COPENHAGEN, DEPARTMENT_CODES, ROOT_CAUSE_CODES

FLAGGED_VALUES = {"ja": True, "nej": False}


@dataclass(frozen=True)
class PageFilters:
    forvaltning: str | None = None
    root_cause: str | None = None
    flagged: bool | None = None
    since: date | None = None  # first day, inclusive
    until: date | None = None  # last day, inclusive
    page: int = 1
    problems: list[str] = field(default_factory=list)

    def complaint_filter(self) -> ComplaintFilter:
        return ComplaintFilter(
            forvaltning=self.forvaltning,
            flagged=self.flagged,
            root_cause=self.root_cause,
            since=start_of_day(self.since) if self.since else None,
            until=start_of_day(self.until + timedelta(days=1)) if self.until else None,
        )

    def query(self, *, page: int | None = None) -> str:
        """The query string of these filters (for paging links and the insights link)."""
        values = {
            "forvaltning": self.forvaltning or "",
            "aarsag": self.root_cause or "",
            "markeret": {True: "ja", False: "nej", None: ""}[self.flagged],
            "fra": self.since.isoformat() if self.since else "",
            "til": self.until.isoformat() if self.until else "",
            "side": str(page) if page and page > 1 else "",
        }
        return urlencode({k: v for k, v in values.items() if v})

    def with_page(self, page: int) -> PageFilters:
        return replace(self, page=page)


def start_of_day(day: date) -> datetime:
    """Midnight in Copenhagen: the period filters count calendar days where the advisors are."""
    return datetime.combine(day, time(), tzinfo=COPENHAGEN)


def _date(raw: str | None, name: str, problems: list[str]) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        problems.append(f"{name} kunne ikke læses som en dato (åååå-mm-dd) og er ignoreret.")
        return None


def parse_filters(caller: Caller, params: Mapping[str, str]) -> PageFilters:
    problems: list[str] = []
    forvaltning = params.get("forvaltning") or None
    if caller.role == "forvaltning":
        forvaltning = caller.forvaltning
    elif forvaltning is not None and forvaltning not in DEPARTMENT_CODES:
        problems.append("Den valgte forvaltning findes ikke og er ignoreret.")
        forvaltning = None
    root_cause = params.get("aarsag") or None
    if root_cause is not None and root_cause not in ROOT_CAUSE_CODES:
        problems.append("Den valgte kerneårsag findes ikke og er ignoreret.")
        root_cause = None
    flagged = FLAGGED_VALUES.get(params.get("markeret") or "")
    since = _date(params.get("fra"), "Fra-datoen", problems)
    until = _date(params.get("til"), "Til-datoen", problems)
    if since and until and until < since:
        problems.append("Til-datoen ligger før fra-datoen; perioden er byttet om.")
        since, until = until, since
    raw_page = params.get("side") or "1"
    page = int(raw_page) if raw_page.isdigit() and 0 < int(raw_page) < 100_000 else 1
    return PageFilters(forvaltning, root_cause, flagged, since, until, page, problems)

"""Errors a user can act on. Their messages never contain complaint text or personal data."""

from __future__ import annotations

from dataclasses import dataclass


class KonfliktError(Exception):
    """An error with a message meant for the user (CLI prints it on one line, API as a 4xx)."""


@dataclass(frozen=True, slots=True)
class RowError:
    """One bad value in an input file: where it is and why it was refused."""

    file: str
    row: int  # 1-based data row (the header of a CSV/Excel file is not counted)
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: row {self.row}: {self.field}: {self.reason}"


class DataError(KonfliktError):
    """An input file has bad rows; nothing from it was loaded."""

    def __init__(self, errors: list[RowError], *, file: str) -> None:
        self.errors = errors
        self.file = file
        super().__init__(self.summary())

    def summary(self, limit: int = 1) -> str:
        first = "; ".join(str(e) for e in self.errors[:limit])
        more = len(self.errors) - limit
        tail = f" (and {more} more bad rows; nothing was loaded)" if more > 0 else " (nothing was loaded)"
        return f"{first}{tail}"

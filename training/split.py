"""Honest splits: by time (the last months are the test set) and by citizen (no citizen on two sides)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from signals.errors import KonfliktError


@dataclass(frozen=True)
class Split:
    """Row positions of each part, and what was dropped to keep citizens apart."""

    train: np.ndarray
    validation: np.ndarray
    test: np.ndarray
    dropped: int
    validation_start: pd.Timestamp
    test_start: pd.Timestamp

    def describe(self) -> str:
        return (
            f"train {len(self.train)}, validation {len(self.validation)} (from {self.validation_start:%Y-%m-%d}), "
            f"test {len(self.test)} (from {self.test_start:%Y-%m-%d}); "
            f"{self.dropped} earlier complaints of validation/test citizens left out of training"
        )


def time_citizen_split(
    complaints: pd.DataFrame, *, test_months: int = 6, validation_months: int = 6
) -> Split:
    """Test = the last `test_months` months; validation = the months before; train = the rest.

    A citizen belongs to the latest part they appear in: their earlier complaints are left out
    of the earlier parts, so no citizen's writing style or history is seen on two sides.
    """
    received = pd.to_datetime(complaints["received_at"], utc=True)
    end = received.max()
    test_start = end - pd.DateOffset(months=test_months)
    validation_start = test_start - pd.DateOffset(months=validation_months)
    part = np.where(received >= test_start, 2, np.where(received >= validation_start, 1, 0))
    citizens = complaints["citizen_id"].astype(str).to_numpy()
    latest = pd.Series(part).groupby(citizens).transform("max").to_numpy()
    keep = part == latest
    positions = np.arange(len(complaints))
    split = Split(
        train=positions[(part == 0) & keep],
        validation=positions[(part == 1) & keep],
        test=positions[(part == 2) & keep],
        dropped=int((~keep).sum()),
        validation_start=validation_start,
        test_start=test_start,
    )
    for name in ("train", "validation", "test"):
        if len(getattr(split, name)) < 20:
            raise KonfliktError(
                f"too little data for an honest split: {name} has {len(getattr(split, name))} complaints "
                f"(need at least 20; the data spans {received.min():%Y-%m-%d} to {end:%Y-%m-%d})"
            )
    return split

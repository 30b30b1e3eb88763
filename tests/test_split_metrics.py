"""Splitting by time and citizen, thresholds, capacity and calibration metrics."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from signals.errors import KonfliktError
from training.config import TrainConfig
from training.metrics import (
    best_f1_threshold,
    capacity_threshold,
    expected_calibration_error,
    mediation_metrics,
)
from training.split import time_citizen_split


def _complaints(n: int = 400, citizens: int = 150, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2021-01-01", tz="UTC")
    return pd.DataFrame(
        {
            "complaint_id": [f"c{i}" for i in range(n)],
            "citizen_id": [f"b{rng.integers(citizens)}" for _ in range(n)],
            "received_at": start + pd.to_timedelta(rng.uniform(0, 5 * 365, n), unit="D"),
        }
    )


def test_split_is_by_time_and_by_citizen():
    complaints = _complaints()
    split = time_citizen_split(complaints, test_months=6, validation_months=6)
    received = complaints["received_at"]
    assert received.iloc[split.test].min() >= split.test_start
    assert received.iloc[split.validation].min() >= split.validation_start
    assert received.iloc[split.validation].max() < split.test_start
    assert received.iloc[split.train].max() < split.validation_start
    citizens = {
        name: set(complaints["citizen_id"].iloc[getattr(split, name)])
        for name in ("train", "validation", "test")
    }
    assert not citizens["train"] & citizens["test"]
    assert not citizens["train"] & citizens["validation"]
    assert not citizens["validation"] & citizens["test"]
    assert len(split.train) + len(split.validation) + len(split.test) + split.dropped == len(complaints)


def test_split_is_deterministic():
    complaints = _complaints()
    a, b = time_citizen_split(complaints), time_citizen_split(complaints.copy())
    assert np.array_equal(a.test, b.test) and np.array_equal(a.train, b.train)


def test_split_refuses_too_little_data():
    with pytest.raises(KonfliktError, match="too little data"):
        time_citizen_split(_complaints(n=30, citizens=30))


def test_best_f1_threshold_separates_perfectly_separable_scores():
    y = np.array([0, 0, 0, 1, 1])
    scores = np.array([0.1, 0.2, 0.3, 0.7, 0.9])
    assert best_f1_threshold(y, scores) == pytest.approx(0.7)


def test_best_f1_threshold_without_positives_is_neutral():
    assert best_f1_threshold(np.zeros(5, dtype=int), np.linspace(0, 1, 5)) == 0.5


@pytest.mark.parametrize("share", [0.05, 0.1, 0.25])
def test_capacity_threshold_flags_the_capacity_share(share):
    scores = np.random.default_rng(0).uniform(size=10_000)
    flagged = (scores >= capacity_threshold(scores, share)).mean()
    assert flagged == pytest.approx(share, abs=0.002)


def test_capacity_metrics_count_precision_and_recall():
    y = np.array([1, 1, 0, 0, 1, 0, 0, 0, 0, 0])
    scores = np.array([0.9, 0.8, 0.7, 0.1, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1])
    metrics = mediation_metrics(y, scores, threshold=0.75)
    assert metrics["precision_at_capacity"] == 1.0
    assert metrics["recall_at_capacity"] == pytest.approx(2 / 3)
    assert metrics["flagged_share"] == pytest.approx(0.2)
    assert 0 <= metrics["brier"] <= 1


def test_ece_is_zero_for_calibrated_and_large_for_overconfident_scores():
    rng = np.random.default_rng(3)
    p = rng.uniform(size=50_000)
    y = (rng.uniform(size=p.size) < p).astype(int)
    assert expected_calibration_error(y, p) < 0.01
    assert expected_calibration_error(y, np.where(p > 0.5, 1.0, 0.0)) > 0.2


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"capacity_per_week": 0}, "capacity_per_week must be positive"),
        ({"capacity_share": 1.5}, "capacity_share must be in"),
        ({"learning_rate": 0.1}, "unknown training settings: learning_rate"),
        ({"features": {"ngram": 3}}, "unknown feature settings: ngram"),
    ],
)
def test_bad_training_settings_are_named(raw, message):
    with pytest.raises(KonfliktError, match=message):
        TrainConfig.from_dict(raw)


def test_training_settings_round_trip():
    config = TrainConfig(capacity_per_week=12)
    assert TrainConfig.from_dict(config.to_dict()) == config

"""Metrics for root causes (multi-label) and mediation (binary, calibrated, capacity-limited)."""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.metrics import (
    average_precision_score,
    brier_score_loss,
    f1_score,
    precision_recall_curve,
    precision_recall_fscore_support,
    roc_auc_score,
)

from signals.schema import ROOT_CAUSE_CODES


def root_cause_metrics(y_true: np.ndarray, y_pred: np.ndarray, scores: np.ndarray) -> dict[str, Any]:
    """Micro/macro F1, per-code precision/recall/F1/PR-AUC. Arrays are (n, 13)."""
    precision, recall, f1, support = precision_recall_fscore_support(
        y_true, y_pred, average=None, zero_division=0
    )
    per_code = {}
    for k, code in enumerate(ROOT_CAUSE_CODES):
        has_both = 0 < y_true[:, k].sum() < len(y_true)
        per_code[code] = {
            "precision": float(precision[k]),
            "recall": float(recall[k]),
            "f1": float(f1[k]),
            "support": int(support[k]),
            "pr_auc": float(average_precision_score(y_true[:, k], scores[:, k])) if has_both else None,
        }
    return {
        "micro_f1": float(f1_score(y_true, y_pred, average="micro", zero_division=0)),
        "macro_f1": float(f1_score(y_true, y_pred, average="macro", zero_division=0)),
        "micro_pr_auc": float(average_precision_score(y_true, scores, average="micro")),
        "mean_codes_predicted": float(y_pred.sum(axis=1).mean()),
        "per_code": per_code,
    }


def expected_calibration_error(y_true: np.ndarray, scores: np.ndarray, *, bins: int = 10) -> float:
    """Weighted mean gap between predicted and observed rates over equal-width score bins."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(scores, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            total += mask.mean() * abs(float(scores[mask].mean()) - float(y_true[mask].mean()))
    return float(total)


def reliability_curve(y_true: np.ndarray, scores: np.ndarray, *, bins: int = 10) -> list[dict[str, float]]:
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(scores, edges[1:-1]), 0, bins - 1)
    points = []
    for b in range(bins):
        mask = which == b
        if mask.any():
            points.append(
                {
                    "predicted": float(scores[mask].mean()),
                    "observed": float(y_true[mask].mean()),
                    "n": int(mask.sum()),
                }
            )
    return points


def mediation_metrics(y_true: np.ndarray, scores: np.ndarray, *, threshold: float) -> dict[str, Any]:
    """PR-AUC, ROC-AUC, Brier, ECE, and what the capacity threshold buys."""
    flagged = scores >= threshold
    positives = int(y_true.sum())
    true_flags = int((flagged & (y_true == 1)).sum())
    both = 0 < positives < len(y_true)
    return {
        "prevalence": float(y_true.mean()) if len(y_true) else 0.0,
        "pr_auc": float(average_precision_score(y_true, scores)) if both else None,
        "roc_auc": float(roc_auc_score(y_true, scores)) if both else None,
        "brier": float(brier_score_loss(y_true, scores)) if len(y_true) else None,
        "ece": expected_calibration_error(y_true, scores),
        "threshold": float(threshold),
        "flagged_share": float(flagged.mean()) if len(y_true) else 0.0,
        "precision_at_capacity": true_flags / int(flagged.sum()) if flagged.any() else 0.0,
        "recall_at_capacity": true_flags / positives if positives else 0.0,
        "pr_curve": pr_curve_points(y_true, scores) if both else [],
    }


def pr_curve_points(y_true: np.ndarray, scores: np.ndarray, *, points: int = 150) -> list[list[float]]:
    """[recall, precision] pairs of the precision-recall curve, thinned to about `points`."""
    precision, recall, _ = precision_recall_curve(y_true, scores)
    keep = np.unique(np.linspace(0, len(recall) - 1, min(points, len(recall))).astype(int))
    return [[round(float(recall[i]), 4), round(float(precision[i]), 4)] for i in keep]


def best_f1_threshold(y_true: np.ndarray, scores: np.ndarray) -> float:
    """The score threshold that maximises F1 on (validation) data; 0.5 when there are no positives."""
    if y_true.sum() == 0:
        return 0.5
    order = np.argsort(-scores, kind="stable")
    sorted_scores = scores[order]
    hits = np.cumsum(y_true[order])
    k = np.arange(1, len(scores) + 1)
    f1 = 2 * hits / (k + y_true.sum())
    # only cut between distinct scores
    distinct = np.r_[sorted_scores[1:] < sorted_scores[:-1], True]
    best = int(np.argmax(np.where(distinct, f1, -1.0)))
    return float(sorted_scores[best])


def capacity_threshold(scores: np.ndarray, share: float) -> float:
    """The score above which `share` of complaints fall (the advisors' capacity)."""
    share = float(np.clip(share, 1e-6, 1.0))
    return float(np.quantile(scores, 1.0 - share, method="higher"))

"""Evaluation of a model (and of baselines) on labelled complaints, with breakdowns."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from signals.annotator import KonfliktModel
from signals.errors import KonfliktError
from signals.schema import ROOT_CAUSE_CODES
from signals.text import detect_language
from training.metrics import mediation_metrics, reliability_curve, root_cause_metrics

MIN_GROUP = 30  # smaller groups are reported by size only: their metrics would be noise


def label_matrix(root_causes: pd.Series) -> np.ndarray:
    """(n, 13) 0/1 matrix from a column of code lists."""
    index = {code: k for k, code in enumerate(ROOT_CAUSE_CODES)}
    matrix = np.zeros((len(root_causes), len(ROOT_CAUSE_CODES)), dtype=np.int8)
    for i, codes in enumerate(root_causes):
        for code in codes or ():
            matrix[i, index[code]] = 1
    return matrix


def require_labels(complaints: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    if complaints["root_causes"].isna().any() or complaints["mediation_potential"].isna().any():
        raise KonfliktError(
            "evaluation needs labelled data: every complaint needs root_causes and mediation_potential"
        )
    return label_matrix(complaints["root_causes"]), complaints["mediation_potential"].astype(int).to_numpy()


def groups_of(complaints: pd.DataFrame) -> dict[str, np.ndarray]:
    """Group keys for breakdowns: department and language."""
    return {
        "forvaltning": complaints["forvaltning"].fillna("ukendt").astype(str).to_numpy(),
        "language": np.array([detect_language(t) for t in complaints["text"].astype(str)]),
    }


def score_all(
    *,
    y_rc: np.ndarray,
    rc_pred: np.ndarray,
    rc_scores: np.ndarray,
    y_med: np.ndarray,
    med_scores: np.ndarray,
    threshold: float,
    groups: dict[str, np.ndarray] | None = None,
) -> dict[str, Any]:
    """All metrics of one model on one labelled set, with breakdowns per group."""
    result: dict[str, Any] = {
        "n": len(y_med),
        "root_causes": root_cause_metrics(y_rc, rc_pred, rc_scores),
        "mediation": mediation_metrics(y_med, med_scores, threshold=threshold),
        "reliability": reliability_curve(y_med, med_scores),
    }
    breakdowns: dict[str, Any] = {}
    for name, keys in (groups or {}).items():
        table = {}
        for key in sorted(set(keys)):
            mask = keys == key
            row: dict[str, Any] = {"n": int(mask.sum())}
            if mask.sum() >= MIN_GROUP:
                rc = root_cause_metrics(y_rc[mask], rc_pred[mask], rc_scores[mask])
                med = mediation_metrics(y_med[mask], med_scores[mask], threshold=threshold)
                row.update(
                    micro_f1=rc["micro_f1"],
                    macro_f1=rc["macro_f1"],
                    prevalence=med["prevalence"],
                    pr_auc=med["pr_auc"],
                    flagged_share=med["flagged_share"],
                    precision_at_capacity=med["precision_at_capacity"],
                    recall_at_capacity=med["recall_at_capacity"],
                )
            table[str(key)] = row
        breakdowns[name] = table
    result["breakdowns"] = breakdowns
    return result


def evaluate_model(model: KonfliktModel, complaints: pd.DataFrame, contacts: pd.DataFrame) -> dict[str, Any]:
    """Metrics of `model` on labelled complaints (contacts strictly before each complaint are used)."""
    y_rc, y_med = require_labels(complaints)
    rc_scores, med_scores = model.predict_scores(complaints, contacts)
    return score_all(
        y_rc=y_rc,
        rc_pred=model.decide_root_causes(rc_scores),
        rc_scores=rc_scores,
        y_med=y_med,
        med_scores=med_scores,
        threshold=model.mediation_threshold,
        groups=groups_of(complaints),
    )


def headline(metrics: dict[str, Any]) -> dict[str, float | None]:
    """The few numbers that decide between versions."""
    return {
        "root_cause_micro_f1": metrics["root_causes"]["micro_f1"],
        "root_cause_macro_f1": metrics["root_causes"]["macro_f1"],
        "mediation_pr_auc": metrics["mediation"]["pr_auc"],
        "mediation_brier": metrics["mediation"]["brier"],
    }


def primary_score(metrics: dict[str, Any]) -> float:
    """One number for champion decisions: the mean of root-cause micro-F1 and mediation PR-AUC."""
    pr_auc = metrics["mediation"]["pr_auc"] or 0.0
    return 0.5 * float(metrics["root_causes"]["micro_f1"]) + 0.5 * float(pr_auc)

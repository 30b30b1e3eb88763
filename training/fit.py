"""Fitting: features on the training rows only, linear models, calibration and thresholds on validation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from joblib import Parallel, delayed
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.svm import LinearSVC

from signals.annotator import KonfliktModel, LinearScorer
from signals.pipeline import TEXT_BLOCKS, build_features
from signals.schema import ROOT_CAUSE_CODES
from training.config import TrainConfig
from training.metrics import best_f1_threshold, capacity_threshold


@dataclass
class Matrices:
    """Transformed training and validation data, kept for baselines fitted on the same features."""

    train: sp.csr_matrix
    validation: sp.csr_matrix
    blocks: dict[str, slice]

    def columns(self, *blocks: str) -> np.ndarray:
        return np.concatenate([np.arange(self.blocks[b].start, self.blocks[b].stop) for b in blocks])


FEW_COLUMNS = 100  # up to this many columns a problem is "a few dense columns" (see _fit_one)


def _fit_one(matrix: sp.csr_matrix, target: np.ndarray, c: float, seed: int) -> tuple[np.ndarray, float]:
    """A linear SVM for one output. Its margins are calibrated afterwards (Platt), on validation rows.

    Chosen over logistic regression and gradient boosting: as good on validation data, several
    times faster on wide sparse text features, and its explanations are exact
    (bench/model_selection.py, bench/README.md "Model selection").

    liblinear's dual coordinate descent for wide sparse (text) features at any number of rows,
    with liblinear's own stopping tolerance for it (0.1; scikit-learn's default is 1e-4): on
    the default corpus the validation scores agree to three decimals with 2-3 times fewer
    iterations. The primal solver, with scikit-learn's tolerance, for a few dense columns
    (the cue and contact baselines), where it is fast and the dual would converge slowly.
    """
    if target.min() == target.max():  # a code absent (or everywhere) in training: constant score
        return np.zeros(matrix.shape[1], dtype=np.float32), 10.0 if target[0] else -10.0
    dual = matrix.shape[1] > FEW_COLUMNS
    model = LinearSVC(C=c, dual=dual, tol=0.1 if dual else 1e-4, random_state=seed, max_iter=5000)
    model.fit(matrix, target)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])


def fit_platt(decision: np.ndarray, target: np.ndarray) -> tuple[float, float]:
    """Platt scaling of one output on validation data: p = sigmoid(a * decision + c)."""
    if target.min() == target.max():
        return 1.0, 0.0
    model = LogisticRegression(C=1e4, solver="lbfgs", max_iter=1000)
    model.fit(decision.reshape(-1, 1), target)
    return float(model.coef_[0, 0]), float(model.intercept_[0])


def fit_scorer(
    train: sp.csr_matrix,
    targets: np.ndarray,
    validation: sp.csr_matrix,
    validation_targets: np.ndarray,
    *,
    c: float,
    seed: int = 0,
    n_jobs: int = 2,
) -> LinearScorer:
    """One calibrated linear output per target column: weights on train, calibration on validation."""
    targets = targets.reshape(len(targets), -1)
    validation_targets = validation_targets.reshape(len(validation_targets), -1)
    # Processes, not threads: liblinear seeds C's global rand(), which threads would share,
    # and the same data and seed must give the same model.
    fitted = Parallel(n_jobs=n_jobs)(
        delayed(_fit_one)(train, targets[:, k], c, seed) for k in range(targets.shape[1])
    )
    scorer = LinearScorer(
        weights=np.vstack([w for w, _ in fitted]),
        intercepts=np.array([b for _, b in fitted]),
        platt=np.tile([1.0, 0.0], (targets.shape[1], 1)),
    )
    decision = scorer.decision(validation)
    scorer.platt = np.array(
        [fit_platt(decision[:, k], validation_targets[:, k]) for k in range(targets.shape[1])]
    )
    return scorer


def validation_score(targets: np.ndarray, scores: np.ndarray) -> float:
    """How well calibrated scores rank the validation rows: the micro-averaged PR-AUC over all
    outputs (threshold-free, and weighted like micro-F1); 0 when there is no positive at all."""
    targets = targets.reshape(len(targets), -1)
    if targets.sum() == 0:
        return 0.0
    return float(average_precision_score(targets.ravel(), scores.reshape(len(scores), -1).ravel()))


@dataclass
class Choice:
    """The C a scorer was fitted with and the validation score of every C tried."""

    c: float
    tried: dict[float, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"c": self.c, "validation_pr_auc": {f"{c:g}": round(v, 6) for c, v in self.tried.items()}}


def select_scorer(
    train: sp.csr_matrix,
    targets: np.ndarray,
    validation: sp.csr_matrix,
    validation_targets: np.ndarray,
    *,
    c: float | None,
    grid: Sequence[float],
    seed: int = 0,
    n_jobs: int = 2,
) -> tuple[LinearScorer, Choice]:
    """`fit_scorer` with C fixed, or with C chosen on the validation rows from `grid`.

    The grid is walked up from the smallest C (the strongest regularisation) while the
    validation score (`validation_score`) strictly improves; the best scorer is kept. A larger
    C takes liblinear more iterations, so stopping at the first C that does not help skips the
    costliest fits; ties keep the smaller C.
    """
    best: tuple[float, float, LinearScorer] | None = None
    tried: dict[float, float] = {}
    for value in [c] if c is not None else sorted(set(grid)):
        scorer = fit_scorer(train, targets, validation, validation_targets, c=value, seed=seed, n_jobs=n_jobs)
        score = validation_score(validation_targets, scorer.scores(validation))
        tried[value] = score
        if best is not None and score <= best[0]:
            break
        best = (score, value, scorer)
    assert best is not None
    return best[2], Choice(c=best[1], tried=tried)


def fit_model(
    train_frame: pd.DataFrame,
    train_root_causes: np.ndarray,
    train_mediation: np.ndarray,
    validation_frame: pd.DataFrame,
    validation_root_causes: np.ndarray,
    validation_mediation: np.ndarray,
    *,
    config: TrainConfig,
    complaints_per_week: float,
) -> tuple[KonfliktModel, Matrices, dict[str, Choice]]:
    """Fit the whole model, and say which C each part was fitted with; nothing here sees test rows."""
    features = build_features(config.features)
    train = sp.csr_matrix(features.fit_transform(train_frame), dtype=np.float64)
    validation = sp.csr_matrix(features.transform(validation_frame), dtype=np.float64)
    matrices = Matrices(train=train, validation=validation, blocks=dict(features.output_indices_))
    text_columns = matrices.columns(*TEXT_BLOCKS)
    assert text_columns[0] == 0 and np.all(np.diff(text_columns) == 1), "text blocks must lead the union"

    root_causes, root_cause_choice = select_scorer(
        train[:, text_columns],
        train_root_causes,
        validation[:, text_columns],
        validation_root_causes,
        c=config.root_cause_c,
        grid=config.root_cause_c_grid,
        seed=config.seed,
    )
    validation_scores = root_causes.scores(validation[:, text_columns])
    thresholds = np.array(
        [
            best_f1_threshold(validation_root_causes[:, k], validation_scores[:, k])
            for k in range(len(ROOT_CAUSE_CODES))
        ]
    )

    mediation, mediation_choice = select_scorer(
        train,
        train_mediation,
        validation,
        validation_mediation,
        c=config.mediation_c,
        grid=config.mediation_c_grid,
        seed=config.seed,
    )
    share = config.capacity_share or min(1.0, config.capacity_per_week / max(complaints_per_week, 1e-9))
    med_validation = mediation.scores(validation)[:, 0]
    # For input that carries no contact history at all (an API call or a file without
    # contacts): the mediation score from the text alone, with its own capacity threshold.
    # Read as "no contacts" by the full model, such input would never be flagged.
    text_mediation, text_mediation_choice = select_scorer(
        train[:, text_columns],
        train_mediation,
        validation[:, text_columns],
        validation_mediation,
        c=config.mediation_c,
        grid=config.mediation_c_grid,
        seed=config.seed,
    )
    text_validation = text_mediation.scores(validation[:, text_columns])[:, 0]
    model = KonfliktModel(
        features=features,
        root_causes=root_causes,
        root_cause_thresholds=thresholds,
        mediation=mediation,
        mediation_threshold=capacity_threshold(med_validation, share),
        text_mediation=text_mediation,
        text_mediation_threshold=capacity_threshold(text_validation, share),
        feature_names=features.get_feature_names_out(),
        config=config.to_dict(),
        capacity={
            "per_week": config.capacity_per_week,
            "share": share,
            "complaints_per_week": complaints_per_week,
        },
    )
    choices = {
        "root_causes": root_cause_choice,
        "mediation": mediation_choice,
        "text_mediation": text_mediation_choice,
    }
    return model, matrices, choices


__all__ = ["Choice", "Matrices", "fit_model", "fit_platt", "fit_scorer", "select_scorer", "validation_score"]

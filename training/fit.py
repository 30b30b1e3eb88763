"""Fitting: features on the training rows only, linear models, calibration and thresholds on validation."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
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

# liblinear copies its input into rows of (int index, double value) pairs, 16 bytes per non-zero,
# plus a bias entry and an end marker per row, in every process that fits.
LIBLINEAR_BYTES_PER_ENTRY = 16
MEMORY_RESERVE = 4 * 2**30  # left to the rest of the machine (it has no swap and is shared)
SHARED_ON_DISK = 256 * 2**20  # a training matrix larger than this reaches workers from disk, not /dev/shm
MAX_WORKERS = 2


def available_memory() -> int | None:
    """MemAvailable of /proc/meminfo in bytes (None where there is no such file)."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def liblinear_bytes(matrix: sp.csr_matrix) -> int:
    """The memory one liblinear fit takes for its copy of `matrix`."""
    return LIBLINEAR_BYTES_PER_ENTRY * (matrix.nnz + 2 * matrix.shape[0])


def fit_workers(matrix: sp.csr_matrix, *, available: int | None = None, limit: int = MAX_WORKERS) -> int:
    """How many liblinear fits run at once: each holds its own copy of the matrix, so a big
    matrix is fitted by one process (this one) instead of running the machine out of memory.
    `available`: the machine's available memory (default: read now)."""
    available = available_memory() if available is None else available
    if available is None:
        return limit
    fits = (available - MEMORY_RESERVE) // max(liblinear_bytes(matrix), 1)
    return int(max(1, min(limit, fits)))


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
    n_jobs: int | None = None,
    n_columns: int | None = None,
) -> LinearScorer:
    """One calibrated linear output per target column: weights on train, calibration on validation.

    `n_jobs`: processes fitting at once (None: as many as memory allows, at most two; see
    `fit_workers`). `n_columns`: the scorer covers only the first n columns of `train`, whose
    later columns hold zeros while it is fitted (`leading_columns`); `validation` has n columns.
    """
    targets = targets.reshape(len(targets), -1)
    validation_targets = validation_targets.reshape(len(validation_targets), -1)
    n_jobs = fit_workers(train) if n_jobs is None else n_jobs
    # Processes, not threads: liblinear seeds C's global rand(), which threads would share,
    # and the same data and seed must give the same model. Every fit seeds it anew, so one
    # worker (n_jobs=1 runs the fits one after another in this process, with no copy of the
    # matrix for a worker) gives the same model as two. A big matrix reaches the workers
    # through a file on disk: in /dev/shm it would take as much memory again.
    big = train.data.nbytes + train.indices.nbytes > SHARED_ON_DISK
    fitted = Parallel(n_jobs=n_jobs, temp_folder=tempfile.gettempdir() if big else None)(
        delayed(_fit_one)(train, targets[:, k], c, seed) for k in range(targets.shape[1])
    )
    if n_columns is not None:
        if any(np.any(w[n_columns:]) for w, _ in fitted):
            raise AssertionError("a column beyond the scorer's own was not zero while it was fitted")
        fitted = [(w[:n_columns], b) for w, b in fitted]
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
    n_jobs: int | None = None,
    n_columns: int | None = None,
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
        scorer = fit_scorer(
            train,
            targets,
            validation,
            validation_targets,
            c=value,
            seed=seed,
            n_jobs=n_jobs,
            n_columns=n_columns,
        )
        score = validation_score(validation_targets, scorer.scores(validation))
        tried[value] = score
        if best is not None and score <= best[0]:
            break
        best = (score, value, scorer)
    assert best is not None
    return best[2], Choice(c=best[1], tried=tried)


@contextmanager
def leading_columns(matrix: sp.csr_matrix, n_columns: int) -> Iterator[sp.csr_matrix]:
    """`matrix` with every entry beyond its first `n_columns` columns set to 0 for the duration.

    Fitting liblinear on it gives bit for bit the weights of a fit on `matrix[:, :n_columns]`
    (zero entries add exact zeros to every dot product and update; the extra weights stay 0),
    without a copy of the matrix's leading columns (tested in tests/test_train.py)."""
    beyond = np.flatnonzero(matrix.indices >= n_columns)
    saved = matrix.data[beyond]
    matrix.data[beyond] = 0.0
    try:
        yield matrix
    finally:
        matrix.data[beyond] = saved


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
    n_text = len(text_columns)
    validation_text = validation[:, text_columns]

    # The text-only parts are fitted on the training matrix with its contact entries set to 0
    # (`leading_columns`): the same weights as on its text columns, without their copy. Besides
    # the root causes, the mediation score from the text alone: for input that carries no contact
    # history at all (an API call or a file without contacts), with its own capacity threshold;
    # read as "no contacts" by the full model, such input would never be flagged.
    with leading_columns(train, n_text) as text_train:
        root_causes, root_cause_choice = select_scorer(
            text_train,
            train_root_causes,
            validation_text,
            validation_root_causes,
            c=config.root_cause_c,
            grid=config.root_cause_c_grid,
            seed=config.seed,
            n_columns=n_text,
        )
        text_mediation, text_mediation_choice = select_scorer(
            text_train,
            train_mediation,
            validation_text,
            validation_mediation,
            c=config.mediation_c,
            grid=config.mediation_c_grid,
            seed=config.seed,
            n_columns=n_text,
        )
    validation_scores = root_causes.scores(validation_text)
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
    text_validation = text_mediation.scores(validation_text)[:, 0]
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


__all__ = [
    "Choice",
    "Matrices",
    "fit_model",
    "fit_platt",
    "fit_scorer",
    "fit_workers",
    "leading_columns",
    "select_scorer",
    "validation_score",
]

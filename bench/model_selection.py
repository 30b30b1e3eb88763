"""Model selection on the validation months: which models and settings to train with.

    .venv/bin/python bench/model_selection.py                      # data/default (20,000 complaints)
    .venv/bin/python bench/model_selection.py --data /tmp/c2500    # any corpus folder
    .venv/bin/python bench/model_selection.py --complaints 2500    # a fresh corpus (seed 7) in a temp folder

The corpus is loaded, anonymised and split exactly as `konflikt train` does it (default
`TrainConfig`, `training.split.time_citizen_split`). Every candidate is fitted on the training
months and scored on the VALIDATION months only; the test months are never featurised.

Mediation (validation PR-AUC): the calibrated linear SVM used now (`training.fit.fit_scorer`)
at a few C, logistic regression over the same features, and gradient boosting
(HistGradientBoostingClassifier) over contact features + cue counts + an out-of-fold text score
(a stack: the text SVM's margin, out-of-fold by citizen on the training rows).

Root causes (validation micro/macro F1): the linear SVM at a few C on the default features and
on a few feature settings (`FeatureConfig`), against the plain bag-of-words baseline
(`training.baselines`). Platt calibration and per-code thresholds are fitted on one half of the
validation citizens and applied to the other half, and the other way round, so the F1 is not
measured on the rows its thresholds were chosen on. "mean AP" is the mean per-code average
precision of the raw margins (no threshold, no calibration).

CPU seconds include the joblib worker processes; wall seconds depend on the machine's load.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import scipy.sparse as sp  # noqa: E402
from sklearn.ensemble import HistGradientBoostingClassifier  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from signals.pipeline import CONTACT_BLOCK, TEXT_BLOCKS, FeatureConfig, build_features, prepare_frame  # noqa: E402
from training.baselines import _decide, bag_of_words_vectorizer  # noqa: E402
from training.config import TrainConfig  # noqa: E402
from training.evaluate import label_matrix  # noqa: E402
from training.fit import Matrices, fit_platt, fit_scorer, select_scorer, validation_score  # noqa: E402
from training.metrics import best_f1_threshold  # noqa: E402
from training.split import time_citizen_split  # noqa: E402
from training.train import ensure_default_data, load_training_data  # noqa: E402

MEDIATION_SVM_C = (0.01, 0.03, 0.1, 0.3)
MEDIATION_LR_C = (0.3, 1.0, 3.0)
ROOT_CAUSE_C = (0.03, 0.1, 0.3, 1.0)
# (label, feature settings, C values): the default features get the full grid above
FEATURE_VARIANTS: tuple[tuple[str, FeatureConfig, tuple[float, ...]], ...] = (
    ("chars <= 20k", FeatureConfig(char_max_features=20_000), (0.1, 0.3)),
    ("chars min_df 10", FeatureConfig(char_min_df=10), (0.1, 0.3)),
    ("words <= 20k", FeatureConfig(word_max_features=20_000), (0.1, 0.3)),
)
WORDS_ONLY_C = (0.1, 0.3, 1.0)
BAG_OF_WORDS_C = (0.1, 0.3, 1.0)
FOLDS = 5


def cpu_seconds() -> float:
    """CPU time of this process and its finished children. The joblib workers are shut down
    first, so that their time counts as a finished child's."""
    from joblib.externals.loky import reusable_executor

    if reusable_executor._executor is not None:  # joblib's current worker pool
        reusable_executor._executor.shutdown(wait=True)
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@dataclass
class Row:
    task: str
    name: str
    metrics: dict[str, float]
    cpu: float
    wall: float


@dataclass
class Data:
    """Training and validation months of one corpus, prepared as `konflikt train` prepares them."""

    train_frame: Any
    validation_frame: Any
    y_rc: tuple[np.ndarray, np.ndarray]
    y_med: tuple[np.ndarray, np.ndarray]
    citizens: tuple[np.ndarray, np.ndarray]
    config: TrainConfig
    description: str


def load(folder: Path) -> Data:
    config = TrainConfig()
    data = load_training_data(folder / "complaints.jsonl", folder / "contacts.csv")
    complaints = data.complaints
    split = time_citizen_split(
        complaints, test_months=config.test_months, validation_months=config.validation_months
    )
    frame = prepare_frame(complaints, data.contacts)
    y_rc = label_matrix(complaints["root_causes"])
    y_med = complaints["mediation_potential"].astype(int).to_numpy()
    citizens = complaints["citizen_id"].astype(str).to_numpy()
    parts = (split.train, split.validation)  # the test rows are not used here at all
    return Data(
        train_frame=frame.iloc[split.train],
        validation_frame=frame.iloc[split.validation],
        y_rc=(y_rc[split.train], y_rc[split.validation]),
        y_med=(y_med[split.train], y_med[split.validation]),
        citizens=(citizens[split.train], citizens[split.validation]),
        config=config,
        description=f"{folder}: {len(complaints):,} complaints; train {len(parts[0]):,}, validation {len(parts[1]):,}",
    )


def featurise(data: Data, features: FeatureConfig) -> tuple[Matrices, int]:
    """The feature union fitted on the training months, and its number of word n-gram columns."""
    union = build_features(features)
    train = sp.csr_matrix(union.fit_transform(data.train_frame), dtype=np.float64)
    validation = sp.csr_matrix(union.transform(data.validation_frame), dtype=np.float64)
    n_words = len(union.named_transformers_["text"].word_index_.feature_names())
    return Matrices(train=train, validation=validation, blocks=dict(union.output_indices_)), n_words


def timed(rows: list[Row], task: str, name: str, run: Callable[[], dict[str, float]]) -> dict[str, float]:
    cpu, wall = cpu_seconds(), time.perf_counter()
    metrics = run()
    row = Row(task, name, metrics, cpu_seconds() - cpu, time.perf_counter() - wall)
    rows.append(row)
    shown = ", ".join(f"{k} {v:.4f}" for k, v in metrics.items())
    print(f"  {task:<11} {name:<44} {shown}  ({row.cpu:.1f} s CPU)", flush=True)
    return metrics


# ----- root causes -------------------------------------------------------------------------------
def halves_by_citizen(citizens: np.ndarray) -> np.ndarray:
    """0/1 per row: every other citizen (in sorted order) goes to half 1."""
    _, which = np.unique(citizens, return_inverse=True)
    return (which % 2).astype(bool)


def cross_fitted_f1(decision: np.ndarray, y: np.ndarray, half: np.ndarray) -> dict[str, float]:
    """Micro/macro F1 on validation with Platt and thresholds fitted on the other half's citizens."""
    predicted = np.zeros_like(y, dtype=bool)
    for fit_on, apply_to in ((~half, half), (half, ~half)):
        scores = np.zeros((int(apply_to.sum()), y.shape[1]))
        fitted_scores = np.zeros((int(fit_on.sum()), y.shape[1]))
        for k in range(y.shape[1]):
            a, c = fit_platt(decision[fit_on, k], y[fit_on, k])
            fitted_scores[:, k] = 1 / (1 + np.exp(-(a * decision[fit_on, k] + c)))
            scores[:, k] = 1 / (1 + np.exp(-(a * decision[apply_to, k] + c)))
        thresholds = np.array(
            [best_f1_threshold(y[fit_on, k], fitted_scores[:, k]) for k in range(y.shape[1])]
        )
        predicted[apply_to] = _decide(scores, thresholds)
    present = [k for k in range(y.shape[1]) if 0 < y[:, k].sum() < len(y)]
    return {
        "micro F1": float(f1_score(y, predicted, average="micro", zero_division=0)),
        "macro F1": float(f1_score(y, predicted, average="macro", zero_division=0)),
        "mean AP": float(np.mean([average_precision_score(y[:, k], decision[:, k]) for k in present])),
    }


def root_cause_rows(data: Data, rows: list[Row], default: Matrices, n_words: int) -> None:
    y_train, y_val = data.y_rc
    half = halves_by_citizen(data.citizens[1])

    def svm(train: sp.csr_matrix, validation: sp.csr_matrix, c: float) -> dict[str, float]:
        scorer = fit_scorer(train, y_train, validation, y_val, c=c, seed=data.config.seed)
        metrics = cross_fitted_f1(scorer.decision(validation), y_val, half)
        # what `konflikt train` chooses C by (Platt fitted on all validation rows, as in training)
        metrics["micro PR-AUC"] = validation_score(y_val, scorer.scores(validation))
        return metrics

    def grid(label: str, matrices: Matrices, columns: np.ndarray | None, values: tuple[float, ...]) -> None:
        train, validation = matrices.train, matrices.validation
        if columns is not None:
            train, validation = train[:, columns], validation[:, columns]
        for c in values:
            timed(rows, "root causes", f"{label}, C={c:g}", partial(svm, train, validation, c))

    grid("SVM, default features", default, default.columns(*TEXT_BLOCKS), ROOT_CAUSE_C)
    grid("SVM, lemma words + cues (no chars)", default, words_only_columns(default, n_words), WORDS_ONLY_C)
    for label, features, values in FEATURE_VARIANTS:
        start = cpu_seconds()
        matrices, _ = featurise(data, features)
        columns = matrices.columns(*TEXT_BLOCKS)
        print(
            f"  (features {label}: {len(columns):,} text columns, {cpu_seconds() - start:.1f} s CPU)",
            flush=True,
        )
        grid(f"SVM, {label}", matrices, columns, values)

    vectorizer = bag_of_words_vectorizer()
    bow = Matrices(
        train=vectorizer.fit_transform(data.train_frame["text"].tolist()),
        validation=vectorizer.transform(data.validation_frame["text"].tolist()),
        blocks={},
    )
    grid("bag of words (baseline)", bow, None, BAG_OF_WORDS_C)


def words_only_columns(matrices: Matrices, n_words: int) -> np.ndarray:
    """The word n-gram and cue columns of the text blocks (the word columns lead the text block)."""
    text = matrices.blocks["text"]
    return np.concatenate([np.arange(text.start, text.start + n_words), matrices.columns("cues")])


# ----- mediation ---------------------------------------------------------------------------------
def ranking(y: np.ndarray, scores: np.ndarray) -> dict[str, float]:
    return {"PR-AUC": float(average_precision_score(y, scores)), "ROC-AUC": float(roc_auc_score(y, scores))}


def mediation_rows(data: Data, rows: list[Row], default: Matrices) -> None:
    y_train, y_val = data.y_med
    seed = data.config.seed

    def svm(c: float) -> dict[str, float]:
        scorer = fit_scorer(default.train, y_train, default.validation, y_val, c=c, seed=seed)
        return ranking(y_val, scorer.scores(default.validation)[:, 0])

    for c in MEDIATION_SVM_C:
        timed(rows, "mediation", f"SVM + Platt, all features, C={c:g}", partial(svm, c))
    for c in MEDIATION_LR_C:

        def logistic(c: float = c) -> dict[str, float]:
            model = LogisticRegression(C=c, solver="liblinear", random_state=seed, max_iter=1000)
            model.fit(default.train, y_train)
            return ranking(y_val, model.decision_function(default.validation))

        timed(rows, "mediation", f"logistic regression, all features, C={c:g}", logistic)

    stacked: dict[str, np.ndarray] = {}

    def stack_inputs() -> dict[str, float]:
        # the text model's C is chosen on validation as training chooses it, then reused for the folds
        text = default.columns(*TEXT_BLOCKS)
        train, validation = default.train[:, text], default.validation[:, text]
        full, choice = select_scorer(
            train, y_train, validation, y_val, c=None, grid=data.config.mediation_c_grid, seed=seed
        )
        out_of_fold = np.zeros(len(y_train))
        for fit_rows, held in GroupKFold(n_splits=FOLDS).split(train, y_train, groups=data.citizens[0]):
            scorer = fit_scorer(
                train[fit_rows], y_train[fit_rows], train[held], y_train[held], c=choice.c, seed=seed
            )
            out_of_fold[held] = scorer.decision(train[held])[:, 0]
        dense = default.columns(CONTACT_BLOCK, "cues")
        stacked["train"] = np.column_stack([default.train[:, dense].toarray(), out_of_fold])
        stacked["validation"] = np.column_stack(
            [default.validation[:, dense].toarray(), full.decision(validation)[:, 0]]
        )
        return ranking(y_val, stacked["validation"][:, -1])

    timed(rows, "mediation", f"text SVM margin alone (stack input, {FOLDS}-fold OOF)", stack_inputs)
    for rate, leaves, iterations in ((0.05, 15, 300), (0.1, 31, 200), (0.03, 7, 500)):

        def boosting(
            rate: float = rate, leaves: int = leaves, iterations: int = iterations
        ) -> dict[str, float]:
            model = HistGradientBoostingClassifier(
                learning_rate=rate,
                max_leaf_nodes=leaves,
                max_iter=iterations,
                early_stopping=False,
                random_state=seed,
            )
            model.fit(stacked["train"], y_train)
            return ranking(y_val, model.predict_proba(stacked["validation"])[:, 1])

        timed(
            rows,
            "mediation",
            f"boosting stack (contacts+cues+text), lr {rate:g}, {leaves} leaves, {iterations} it",
            boosting,
        )


# ----- report ------------------------------------------------------------------------------------
def print_table(rows: list[Row], task: str, key: str) -> None:
    chosen = [row for row in rows if row.task == task]
    columns = list(chosen[0].metrics)
    print(f"\n{task}: validation months, sorted by {key}")
    print(f"| candidate | {' | '.join(columns)} | CPU s | wall s |")
    print(f"|---|{'---|' * len(columns)}---|---|")
    for row in sorted(chosen, key=lambda r: -r.metrics[key]):
        values = " | ".join(f"{row.metrics[c]:.4f}" for c in columns)
        print(f"| {row.name} | {values} | {row.cpu:.1f} | {row.wall:.1f} |")
    best = max(chosen, key=lambda r: r.metrics[key])
    print(f"winner ({key}): {best.name}")


def training_choice(rows: list[Row], family: str, grid: tuple[float, ...], key: str) -> str:
    """The C `training.fit.select_scorer` keeps for these rows: walk up the grid while `key` improves."""
    scores = {row.name: row.metrics[key] for row in rows if key in row.metrics}
    best: tuple[float, float] | None = None
    for c in sorted(grid):
        score = scores[f"{family}, C={c:g}"]
        if best is not None and score <= best[1]:
            break
        best = (c, score)
    assert best is not None
    return f"{family}: konflikt train would choose C={best[0]:g} from {', '.join(f'{c:g}' for c in grid)} ({key} {best[1]:.4f})"


def compare(folder: Path, only: str | None) -> None:
    """Fit and score every candidate on the corpus in `folder`, then print the tables."""
    data = load(folder)
    default, n_words = featurise(data, data.config.features)
    print(
        f"{data.description}; {default.train.shape[1]:,} feature columns ({n_words:,} word n-grams)",
        flush=True,
    )
    rows: list[Row] = []
    if only != "root-causes":
        mediation_rows(data, rows, default)
    if only != "mediation":
        root_cause_rows(data, rows, default, n_words)
    config = data.config
    if only != "root-causes":
        print_table(rows, "mediation", "PR-AUC")
        print(training_choice(rows, "SVM + Platt, all features", config.mediation_c_grid, "PR-AUC"))
    if only != "mediation":
        print_table(rows, "root causes", "micro F1")
        for family in ("SVM, default features", "bag of words (baseline)"):
            print(training_choice(rows, family, config.root_cause_c_grid, "micro PR-AUC"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--data", type=Path, default=None, help="corpus folder (default: data/default)")
    source.add_argument(
        "--complaints", type=int, default=None, help="generate a corpus of N complaints (seed 7)"
    )
    parser.add_argument("--only", choices=("mediation", "root-causes"), default=None)
    args = parser.parse_args()
    started, start_cpu = time.perf_counter(), cpu_seconds()
    if args.complaints:
        from training.synth import generate_corpus

        with tempfile.TemporaryDirectory(prefix="model-selection-") as tmp:
            generate_corpus(Path(tmp), complaints=args.complaints, seed=7)
            compare(Path(tmp), args.only)
    else:
        compare(args.data or ensure_default_data(ROOT / "data" / "default")[0].parent, args.only)
    print(f"\ntotal: {time.perf_counter() - started:.0f} s wall, {cpu_seconds() - start_cpu:.0f} s CPU")


if __name__ == "__main__":
    main()

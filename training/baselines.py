"""Baselines fitted on the same training rows and scored on the same test rows as the model.

- prior: every complaint gets the training prevalences;
- cue lexicon alone: a calibrated linear model over the conflict-cue counts only;
- bag of words (root causes): plain word TF-IDF + logistic regression, no lemmas, no char n-grams;
- text only / contacts only (mediation): the model's own features, one side of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from signals.annotator import LinearScorer
from signals.pipeline import CONTACT_BLOCK, TEXT_BLOCKS
from training.config import TrainConfig
from training.fit import Matrices, select_scorer
from training.metrics import best_f1_threshold, capacity_threshold

LOW_DIMENSIONAL = 100


@dataclass
class Predictions:
    """What one system says about the test rows; either part may be absent."""

    rc_scores: np.ndarray | None = None
    rc_pred: np.ndarray | None = None
    med_scores: np.ndarray | None = None
    med_threshold: float | None = None
    c: dict[str, float] = field(default_factory=dict)  # the C of each part, e.g. chosen on validation


def bag_of_words_vectorizer() -> TfidfVectorizer:
    """The bag-of-words baseline's features: plain word uni- and bigrams, TF-IDF."""
    return TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, dtype=np.float64)


def _decide(scores: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    chosen = scores >= thresholds
    chosen[np.arange(len(scores)), np.argmax(scores / np.maximum(thresholds, 1e-9), axis=1)] = True
    return chosen


def _thresholds(y_val: np.ndarray, val_scores: np.ndarray) -> np.ndarray:
    return np.array([best_f1_threshold(y_val[:, k], val_scores[:, k]) for k in range(y_val.shape[1])])


def run_baselines(
    matrices: Matrices,
    test: sp.csr_matrix,
    *,
    texts: tuple[list[str], list[str], list[str]],
    y_rc: tuple[np.ndarray, np.ndarray],
    y_med: tuple[np.ndarray, np.ndarray],
    share: float,
    root_cause_c: float | None,
    mediation_c: float | None,
    root_cause_c_grid: Sequence[float] = TrainConfig.root_cause_c_grid,
    mediation_c_grid: Sequence[float] = TrainConfig.mediation_c_grid,
    text_only: tuple[LinearScorer, float, float] | None = None,
) -> dict[str, Predictions]:
    """Fit every baseline on train (+ validation for calibration) and predict the test rows.

    A C of None is chosen on the validation rows from the grid, as for the model
    (`training.fit.select_scorer`): the text baselines get the same tuning the model gets.
    `text_only` (scorer, threshold, C), when given, is the model's own text-only mediation part,
    fitted exactly as this baseline would be: it is scored instead of fitted twice.
    """
    rc_train, rc_val = y_rc
    med_train, med_val = y_med
    n_test = test.shape[0]
    # the text blocks this feature union has: a model trained before a block existed lacks it
    text_columns = matrices.columns(*[block for block in TEXT_BLOCKS if block in matrices.blocks])
    out: dict[str, Predictions] = {}

    prevalence = rc_train.mean(axis=0)
    prior_scores = np.tile(prevalence, (n_test, 1))
    prior_thresholds = _thresholds(rc_val, np.tile(prevalence, (len(rc_val), 1)))
    out["prior"] = Predictions(
        rc_scores=prior_scores,
        rc_pred=_decide(prior_scores, prior_thresholds),
        med_scores=np.full(n_test, med_train.mean()),
        med_threshold=float(med_train.mean()),
    )

    def linear(columns: np.ndarray, *, rc: bool, med: bool) -> Predictions:
        pred = Predictions()
        # a few dense columns need far less regularisation than tens of thousands of n-grams
        few = len(columns) <= LOW_DIMENSIONAL
        rc_c, med_c = (1.0, 1.0) if few else (root_cause_c, mediation_c)
        train, val, tst = (m[:, columns] for m in (matrices.train, matrices.validation, test))
        if rc:
            scorer, choice = select_scorer(train, rc_train, val, rc_val, c=rc_c, grid=root_cause_c_grid)
            scores = scorer.scores(tst)
            pred.rc_scores = scores
            pred.rc_pred = _decide(scores, _thresholds(rc_val, scorer.scores(val)))
            pred.c["root_causes"] = choice.c
        if med:
            scorer, choice = select_scorer(train, med_train, val, med_val, c=med_c, grid=mediation_c_grid)
            pred.med_scores = scorer.scores(tst)[:, 0]
            pred.med_threshold = capacity_threshold(scorer.scores(val)[:, 0], share)
            pred.c["mediation"] = choice.c
        return pred

    out["cue_lexicon"] = linear(matrices.columns("cues"), rc=True, med=True)

    words = bag_of_words_vectorizer()
    train_texts, val_texts, test_texts = texts
    bow_train = words.fit_transform(train_texts)
    bow_val, bow_test = words.transform(val_texts), words.transform(test_texts)
    scorer, choice = select_scorer(
        bow_train, rc_train, bow_val, rc_val, c=root_cause_c, grid=root_cause_c_grid
    )
    out["bag_of_words"] = Predictions(
        rc_scores=scorer.scores(bow_test),
        rc_pred=_decide(scorer.scores(bow_test), _thresholds(rc_val, scorer.scores(bow_val))),
        c={"root_causes": choice.c},
    )

    if text_only is None:
        out["text_only"] = linear(text_columns, rc=False, med=True)
    else:  # the model's own text-only mediation part: the same fit on the same columns
        scorer, threshold, c = text_only
        pred = Predictions(med_threshold=threshold, c={"mediation": c})
        pred.med_scores = scorer.scores(test[:, text_columns])[:, 0]
        out["text_only"] = pred
    out["contacts_only"] = linear(matrices.columns(CONTACT_BLOCK), rc=False, med=True)
    return out

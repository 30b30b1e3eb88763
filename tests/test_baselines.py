"""The baselines run on the feature union a model was fitted with, whichever text blocks it has."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from training.baselines import run_baselines
from training.fit import Matrices

WORDS = ["ventetid", "svar", "sagsbehandler", "afslag", "borgmester", "klage", "møde", "brev"]


def _data(
    rng: np.random.Generator, n: int, width: int
) -> tuple[sp.csr_matrix, np.ndarray, np.ndarray, list[str]]:
    matrix = sp.random(n, width, density=0.4, format="csr", random_state=rng, dtype=np.float64)
    y_rc = np.zeros((n, 13), dtype=int)
    y_rc[np.arange(n), rng.integers(0, 13, n)] = 1
    y_med = (np.arange(n) % 5 == 0).astype(int)
    texts = [" ".join(rng.choice(WORDS, 6)) for _ in range(n)]
    return matrix, y_rc, y_med, texts


def test_baselines_run_on_a_union_without_the_denial_block() -> None:
    """A champion trained before the denial block existed has only text, cues and contacts:
    its text-only baseline reads exactly the text and cue columns (bench/eval_handwritten.py)."""
    rng = np.random.default_rng(0)
    blocks = {"text": slice(0, 6), "cues": slice(6, 9), "contacts": slice(9, 12)}
    train, rc_train, med_train, train_texts = _data(rng, 120, 12)
    val, rc_val, med_val, val_texts = _data(rng, 60, 12)
    test, _, _, test_texts = _data(rng, 40, 12)
    out = run_baselines(
        Matrices(train=train, validation=val, blocks=blocks),
        test,
        texts=(train_texts, val_texts, test_texts),
        y_rc=(rc_train, rc_val),
        y_med=(med_train, med_val),
        share=0.2,
        root_cause_c=0.1,
        mediation_c=0.1,
    )
    assert set(out) == {"prior", "cue_lexicon", "bag_of_words", "text_only", "contacts_only"}
    for name in ("text_only", "contacts_only"):
        scores = out[name].med_scores
        assert scores is not None and scores.shape == (40,) and np.all((scores >= 0) & (scores <= 1))

    # the contact columns play no part in the text-only baseline
    shuffled = test.tolil()
    shuffled[:, 9:12] = rng.random((40, 3))
    again = run_baselines(
        Matrices(train=train, validation=val, blocks=blocks),
        shuffled.tocsr(),
        texts=(train_texts, val_texts, test_texts),
        y_rc=(rc_train, rc_val),
        y_med=(med_train, med_val),
        share=0.2,
        root_cause_c=0.1,
        mediation_c=0.1,
    )
    np.testing.assert_array_equal(again["text_only"].med_scores, out["text_only"].med_scores)
    before, after = out["contacts_only"].med_scores, again["contacts_only"].med_scores
    assert before is not None and after is not None and not np.array_equal(before, after)

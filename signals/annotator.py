"""The fitted Konfliktsignaler model: what the registry stores and every caller annotates with.

It holds the fitted feature union (`signals.pipeline`), a linear root-cause model per code
with Platt calibration and a threshold per code, and a mediation model over text, cues and
contact pattern, calibrated the same way, with a flag threshold set from the advisors'
capacity. Linear models make the explanation exact: a feature's push on a score is its value
times its weight. Training (`training.train`) builds it; the service only loads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.compose import ColumnTransformer

from signals.contacts import CONTACT_FEATURE_NAMES, contact_facts
from signals.cues import CUE_LABELS_DA, find_cues
from signals.pipeline import CONTACT_BLOCK, TEXT_BLOCKS, prepare_frame
from signals.schema import ROOT_CAUSE_CODES, ROOT_CAUSES, Annotation

SCORE_DIGITS = 4


def sigmoid(values: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(values, -40.0, 40.0)))


@dataclass
class LinearScorer:
    """Calibrated linear scores: sigmoid(a * (X @ w + b) + c), one row of weights per output."""

    weights: np.ndarray  # (n_outputs, n_features), float32
    intercepts: np.ndarray  # (n_outputs,)
    platt: np.ndarray  # (n_outputs, 2): slope a and offset c of the calibration

    def decision(self, matrix: sp.csr_matrix) -> np.ndarray:
        return np.asarray(matrix @ self.weights.T) + self.intercepts

    def scores(self, matrix: sp.csr_matrix) -> np.ndarray:
        raw = self.decision(matrix)
        return sigmoid(raw * self.platt[:, 0] + self.platt[:, 1])

    def pushes(self, row: sp.csr_matrix, output: int) -> tuple[np.ndarray, np.ndarray]:
        """Feature indices present in `row` and their signed push on output `output`."""
        indices = row.indices
        sign = 1.0 if self.platt[output, 0] >= 0 else -1.0
        return indices, row.data * self.weights[output, indices] * sign


@dataclass
class KonfliktModel:
    """A trained model; `annotate` is the one prediction path for CLI, API and tests."""

    features: ColumnTransformer
    root_causes: LinearScorer
    root_cause_thresholds: np.ndarray
    mediation: LinearScorer
    mediation_threshold: float
    feature_names: np.ndarray
    config: dict[str, Any]
    version: str = "unregistered"
    capacity: dict[str, Any] = field(default_factory=dict)

    # ----- scores -------------------------------------------------------------------------
    def _text_columns(self) -> np.ndarray:
        slices = self.features.output_indices_
        return np.concatenate([np.arange(slices[b].start, slices[b].stop) for b in TEXT_BLOCKS])

    def transform(
        self, complaints: pd.DataFrame, contacts: pd.DataFrame
    ) -> tuple[sp.csr_matrix, pd.DataFrame]:
        frame = prepare_frame(complaints, contacts)
        matrix = sp.csr_matrix(self.features.transform(frame), dtype=np.float64)
        return matrix, frame

    def score_matrix(self, matrix: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
        """Root-cause scores (n, 13) and mediation scores (n,) for a transformed matrix."""
        text = matrix[:, self._text_columns()]
        return self.root_causes.scores(text), self.mediation.scores(matrix)[:, 0]

    def predict_scores(
        self, complaints: pd.DataFrame, contacts: pd.DataFrame
    ) -> tuple[np.ndarray, np.ndarray]:
        matrix, _ = self.transform(complaints, contacts)
        return self.score_matrix(matrix)

    def decide_root_causes(self, scores: np.ndarray) -> np.ndarray:
        """Boolean (n, 13): codes over their threshold, and at least the strongest one per row."""
        chosen = scores >= self.root_cause_thresholds
        strongest = np.argmax(scores / np.maximum(self.root_cause_thresholds, 1e-9), axis=1)
        chosen[np.arange(len(scores)), strongest] = True
        return chosen

    # ----- annotations --------------------------------------------------------------------
    def annotate(self, complaints: pd.DataFrame, contacts: pd.DataFrame) -> list[Annotation]:
        if len(complaints) == 0:
            return []
        matrix, frame = self.transform(complaints, contacts)
        rc_scores, med_scores = self.score_matrix(matrix)
        chosen = self.decide_root_causes(rc_scores)
        text_matrix = matrix[:, self._text_columns()]
        # one conversion for all rows: per-row pandas indexing cost more than the model itself
        contact_rows = frame[list(CONTACT_FEATURE_NAMES)].to_dict("records")
        texts = frame["text"].tolist()
        annotations = []
        for i, complaint_id in enumerate(complaints["complaint_id"].astype(str)):
            explanation = self.explain(
                text=str(texts[i]),
                row=matrix[i],
                text_row=text_matrix[i],
                contact_values=contact_rows[i],
                chosen=np.flatnonzero(chosen[i]),
                mediation_score=float(med_scores[i]),
            )
            annotations.append(
                Annotation(
                    complaint_id=complaint_id,
                    root_causes=[ROOT_CAUSE_CODES[k] for k in np.flatnonzero(chosen[i])],  # type: ignore[misc]
                    root_cause_scores={
                        code: round(float(rc_scores[i, k]), SCORE_DIGITS)
                        for k, code in enumerate(ROOT_CAUSE_CODES)
                    },
                    mediation_score=round(float(med_scores[i]), SCORE_DIGITS),
                    mediation_flag=bool(med_scores[i] >= self.mediation_threshold),
                    explanation=explanation,
                    model_version=self.version,
                )
            )
        return annotations

    # ----- explanations -------------------------------------------------------------------
    def _phrases(self, indices: np.ndarray, pushes: np.ndarray, *, limit: int) -> list[str]:
        """The most pushing word n-grams present (character n-grams are not readable)."""
        order = np.argsort(-pushes, kind="stable")
        phrases: list[str] = []
        for j in order:
            if pushes[j] <= 0 or len(phrases) >= limit:
                break
            name = str(self.feature_names[indices[j]])
            if name.startswith("text__w:"):
                phrase = name.removeprefix("text__w:")
                if phrase not in phrases:
                    phrases.append(phrase)
        return phrases

    def explain(
        self,
        *,
        text: str,
        row: sp.csr_matrix,
        text_row: sp.csr_matrix,
        contact_values: dict[str, float],
        chosen: np.ndarray,
        mediation_score: float,
    ) -> dict[str, Any]:
        """Plain-Danish reasons: phrases, conflict cues with character spans, contact facts."""
        spans = [cue for cue in find_cues(text) if not cue.negated]
        indices, pushes = self.mediation.pushes(row, 0)
        is_contact = np.char.startswith(self.feature_names[indices].astype(str), f"{CONTACT_BLOCK}__")
        contact_share = float(np.abs(pushes[is_contact]).sum()) / max(float(np.abs(pushes).sum()), 1e-9)
        cue_labels = list(dict.fromkeys(CUE_LABELS_DA[cue.category] for cue in spans))
        facts = contact_facts(contact_values)
        # Text columns come first in the feature union, so text-row indices are global indices.
        root_causes = {
            ROOT_CAUSE_CODES[int(k)]: self._phrases(*self.root_causes.pushes(text_row, int(k)), limit=4)
            for k in chosen
        }
        flagged = mediation_score >= self.mediation_threshold
        reasons = [*cue_labels[:3], *facts[:2]]
        summary = (
            f"{'Markeret' if flagged else 'Ikke markeret'} til mægling "
            f"(score {mediation_score:.0%})"
            + (": " + "; ".join(reasons) if reasons else "")
            + ". Årsager: "
            + ", ".join(ROOT_CAUSES[ROOT_CAUSE_CODES[int(k)]].lower() for k in chosen)
            + "."
        )
        return {
            "summary": summary,
            "mediation": {
                "phrases": self._phrases(indices, pushes, limit=5),
                "cues": cue_labels,
                "contact_facts": facts,
                "contact_share": round(contact_share, 3),
            },
            "root_causes": root_causes,
            "cue_spans": [
                {
                    "category": cue.category,
                    "label": CUE_LABELS_DA[cue.category],
                    "start": cue.start,
                    "end": cue.end,
                }
                for cue in spans
            ],
        }

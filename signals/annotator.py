"""The fitted Konfliktsignaler model: what the registry stores and every caller annotates with.

It holds the fitted feature union (`signals.pipeline`), a linear root-cause model per code
with Platt calibration and a threshold per code, and a mediation model over text, cues and
contact pattern, calibrated the same way, with a flag threshold set from the advisors'
capacity. Linear models make the explanation exact: a feature's push on a score is its value
times its weight. Training (`training.train`) builds it; the service only loads it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MaxAbsScaler

from signals import csr
from signals.contacts import (
    CONTACT_FEATURE_NAMES,
    ContactFeatureScaler,
    contact_facts,
    contact_feature_array,
)
from signals.cues import CUE_LABELS_DA, CueFeatures, CueSpan, find_cues_in
from signals.denial import DenialFeatures
from signals.normalise import NormalisedText, normalise_batch, normalise_batch_with_offsets
from signals.pipeline import CONTACT_BLOCK, TEXT_BLOCKS
from signals.schema import ROOT_CAUSE_CODES, ROOT_CAUSES, Annotation
from signals.text import TextFeatures

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
        return np.asarray(matrix @ self._columns_by_output) + self.intercepts

    @cached_property
    def _columns_by_output(self) -> np.ndarray:
        """The weights as a C-ordered (n_features, n_outputs) array in the matrix's float64: without
        it every product would first copy and convert all the weights (costly for one complaint)."""
        return np.ascontiguousarray(self.weights.T, dtype=np.float64)

    def __getstate__(self) -> dict[str, Any]:
        return {name: value for name, value in self.__dict__.items() if name != "_columns_by_output"}

    def scores(self, matrix: sp.csr_matrix) -> np.ndarray:
        raw = self.decision(matrix)
        return sigmoid(raw * self.platt[:, 0] + self.platt[:, 1])

    def pushes_of(self, columns: np.ndarray, values: np.ndarray, output: int) -> np.ndarray:
        """The signed push on output `output` of the features `columns` with `values` (one row)."""
        sign = 1.0 if self.platt[output, 0] >= 0 else -1.0
        return values * self.weights[output, columns] * sign


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
    # Mediation from the text alone, for input without any contact history (None in models
    # trained before it existed): see `mediation_for`.
    text_mediation: LinearScorer | None = None
    text_mediation_threshold: float | None = None

    def __getstate__(self) -> dict[str, Any]:
        # The lookup tables below are derived from the fields: rebuilt after loading, never stored.
        return {name: value for name, value in self.__dict__.items() if name not in _DERIVED}

    # ----- lookup tables, derived once per loaded model ----------------------------------------
    @cached_property
    def _blocks(self) -> list[tuple[Any, Any]]:
        """The fitted feature blocks in output order, each with the input column(s) it reads."""
        slices = self.features.output_indices_
        blocks = [item for item in self.features.transformers_ if item[0] != "remainder"]
        starts = [slices[name].start for name, _, _ in blocks]
        stops = [slices[name].stop for name, _, _ in blocks]
        if starts != [0, *stops[:-1]] or stops[-1] != len(self.feature_names):
            raise ValueError("the feature blocks must fill the output columns in their listed order")
        return [(transformer, columns) for _, transformer, columns in blocks]

    @cached_property
    def _n_text(self) -> int:
        """The contact block comes last in the feature union: columns [0, n_text) are text
        (n-grams, denying sentences, cues; models trained before the denial block lack it)."""
        names = [name for name, _, _ in self.features.transformers_ if name != "remainder"]
        if names[-1] != CONTACT_BLOCK or not set(names[:-1]) <= set(TEXT_BLOCKS):
            raise ValueError("the feature union must be text blocks followed by the contact block")
        _ = self._blocks  # checks that the blocks fill the columns in their listed order
        return int(self.features.output_indices_[CONTACT_BLOCK].start)

    @cached_property
    def _phrase_of(self) -> np.ndarray:
        """Per feature: its readable phrase for word n-grams (lemmas or as written), else None
        (char n-grams are not readable)."""
        names = self.feature_names.astype(str)
        phrases = np.full(len(names), None, dtype=object)
        for prefix in _WORD_PREFIXES:
            is_word = np.char.startswith(names, prefix)
            phrases[is_word] = [name[len(prefix) :] for name in names[is_word]]
        return phrases

    @cached_property
    def _is_word(self) -> np.ndarray:
        return np.asarray([phrase is not None for phrase in self._phrase_of], dtype=bool)

    @cached_property
    def _is_contact(self) -> np.ndarray:
        return np.char.startswith(self.feature_names.astype(str), f"{CONTACT_BLOCK}__")

    @cached_property
    def _root_cause_weights_all_columns(self) -> LinearScorer:
        """The root-cause scorer padded with zero weights for the contact columns, so it scores the
        whole feature matrix without slicing out the text columns."""
        return self._all_columns(self.root_causes)

    @cached_property
    def _text_mediation_all_columns(self) -> LinearScorer | None:
        return None if self.text_mediation is None else self._all_columns(self.text_mediation)

    def _all_columns(self, scorer: LinearScorer) -> LinearScorer:
        weights = scorer.weights
        padding = np.zeros((weights.shape[0], len(self.feature_names) - weights.shape[1]), weights.dtype)
        return LinearScorer(np.hstack([weights, padding]), scorer.intercepts, scorer.platt)

    def mediation_for(self, contacts: pd.DataFrame) -> tuple[LinearScorer, float, bool]:
        """The mediation scorer, its flag threshold, and whether the contact history is known.

        Input that carries no contact rows at all (an API call or a file without contacts) says
        nothing about the citizens' history; the full model would read it as "never in contact"
        and almost never flag it. Such input is scored by the text-only mediation model, fitted
        on the same training rows with its own capacity threshold. A batch that has contacts,
        even none for some citizen, means that citizen has none before the complaint.
        """
        known = len(contacts) > 0 or self._text_mediation_all_columns is None
        if known:
            return self.mediation, self.mediation_threshold, True
        assert self._text_mediation_all_columns is not None and self.text_mediation_threshold is not None
        return self._text_mediation_all_columns, self.text_mediation_threshold, False

    @cached_property
    def _block_transforms(self) -> list[BlockTransform | None]:
        """Per fitted block: its transform straight from the texts and contact-feature array, or
        None for a kind of block this path does not know (it then gets the model's input frame)."""
        return [_direct_transform(transformer, columns) for transformer, columns in self._blocks]

    # ----- scores -------------------------------------------------------------------------
    def transform(
        self, complaints: pd.DataFrame, contacts: pd.DataFrame
    ) -> tuple[sp.csr_matrix, pd.DataFrame]:
        """The feature matrix (CSR, float64) and the model's input frame (`prepare_frame`).

        Equal to `self.features.transform(frame)` (tested): see `_features`."""
        texts = _strings(complaints["text"])
        matrix, contact_values = self._features(complaints, contacts, texts)
        return matrix, _input_frame(complaints, texts, contact_values)

    def _features(
        self, complaints: pd.DataFrame, contacts: pd.DataFrame, texts: list[str]
    ) -> tuple[sp.csr_matrix, np.ndarray]:
        """The feature matrix and the contact features (n, 20) of the complaints (`texts`: their
        texts as `_strings` gives them).

        Equal to `self.features.transform(prepare_frame(complaints, contacts))`, calling each
        fitted block's own transform on plain lists and arrays: the column transformer's dispatch,
        scikit-learn's checks and output wrappers and pandas' indexing cost several times more
        than the features of one complaint. The blocks are stacked row by row, each block's
        entries in its own order, as scikit-learn stacks them."""
        contact_values = contact_feature_array(complaints, contacts)
        blocks = []
        frame = None
        for (transformer, columns), direct in zip(self._blocks, self._block_transforms, strict=True):
            if direct is not None:
                blocks.append(direct(texts, contact_values))
                continue
            if frame is None:
                frame = _input_frame(complaints, texts, contact_values)
            blocks.append(sp.csr_matrix(transformer.transform(frame[columns])))
        return csr.hstack(blocks), contact_values

    def score_matrix(
        self, matrix: sp.csr_matrix, mediation: LinearScorer | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Root-cause scores (n, 13) and mediation scores (n,) for a transformed matrix (by the
        full mediation model unless another scorer over all columns is given)."""
        mediation = self.mediation if mediation is None else mediation
        return self._root_cause_weights_all_columns.scores(matrix), mediation.scores(matrix)[:, 0]

    def predict_scores(
        self, complaints: pd.DataFrame, contacts: pd.DataFrame
    ) -> tuple[np.ndarray, np.ndarray]:
        matrix, _ = self._features(complaints, contacts, _strings(complaints["text"]))
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
        texts = _strings(complaints["text"])
        # Normalised once with the offsets the cue spans need; the feature transform reuses it.
        normalised = normalise_batch_with_offsets(texts)
        matrix, contact_values = self._features(complaints, contacts, texts)
        # The features normalised the same texts: their lower-cased forms, as the cue features
        # matched them (a lookup of the remembered batch, so the spans are a lookup too).
        lowered = [item.lowered for item in normalise_batch(texts)]
        mediation, threshold, history_known = self.mediation_for(contacts)
        rc_scores, med_scores = self.score_matrix(matrix, mediation)
        chosen = self.decide_root_causes(rc_scores)
        contact_rows = contact_values.tolist()
        explanations = self._explanations(
            matrix,
            chosen,
            med_scores,
            contact_rows,
            normalised,
            mediation=mediation,
            threshold=threshold,
            history_known=history_known,
            lowered=lowered,
        )
        rc_rounded = np.round(rc_scores, SCORE_DIGITS).tolist()
        med_list = med_scores.tolist()
        annotations = []
        for i, complaint_id in enumerate(_strings(complaints["complaint_id"])):
            annotations.append(
                Annotation(
                    complaint_id=complaint_id,
                    root_causes=[ROOT_CAUSE_CODES[k] for k in np.flatnonzero(chosen[i])],  # type: ignore[misc]
                    root_cause_scores=dict(zip(ROOT_CAUSE_CODES, rc_rounded[i], strict=True)),
                    mediation_score=round(med_list[i], SCORE_DIGITS),
                    mediation_flag=med_list[i] >= threshold,
                    explanation=explanations[i],
                    model_version=self.version,
                )
            )
        return annotations

    # ----- explanations -------------------------------------------------------------------
    def _explanations(
        self,
        matrix: sp.csr_matrix,
        chosen: np.ndarray,
        mediation_scores: np.ndarray,
        contact_rows: list[list[float]],
        normalised: list[NormalisedText],
        *,
        mediation: LinearScorer,
        threshold: float,
        history_known: bool,
        lowered: list[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Plain-Danish reasons per complaint: phrases, conflict cues with character spans, contact
        facts. A feature's push on a score is its value times its weight (sign of the calibration).

        The pushes of the whole batch are computed at once, and the phrases of every complaint and
        score are ranked together (see `_phrases_by_group`). `lowered`: the normalised texts'
        `lower_same_length`, if the caller has them."""
        n_rows = matrix.shape[0]
        indptr, columns, values = matrix.indptr, matrix.indices, matrix.data
        rows = np.repeat(np.arange(n_rows), np.diff(indptr))
        pushes = mediation.pushes_of(columns, values, 0)
        magnitude = np.abs(pushes)
        contact = self._is_contact[columns]
        contact_magnitude = magnitude[contact]
        contact_bounds = csr.row_pointers(rows[contact], n_rows)
        word = self._is_word[columns]
        word_rows, word_columns, word_values = rows[word], columns[word], values[word]
        word_bounds = csr.row_pointers(word_rows, n_rows)
        # Groups of word entries, numbered score by score: the mediation score's (group = row),
        # then per root cause k the rows that have it (group = (1 + k) * n_rows + row).
        groups, group_columns, group_pushes = [word_rows], [word_columns], [pushes[word]]
        codes_of_rows: list[list[int]] = [[] for _ in range(n_rows)]
        for k in range(chosen.shape[1]):
            with_code = np.flatnonzero(chosen[:, k])
            if len(with_code) == 0:
                continue
            entries = _segments(word_bounds, with_code)
            groups.append(word_rows[entries] + (1 + k) * n_rows)
            group_columns.append(word_columns[entries])
            group_pushes.append(self.root_causes.pushes_of(word_columns[entries], word_values[entries], k))
            for i in with_code.tolist():
                codes_of_rows[i].append(k)
        phrases = self._phrases_by_group(
            np.concatenate(groups),
            np.concatenate(group_columns),
            np.concatenate(group_pushes),
            n_rows,
            limits=(5, 4),
        )
        explanations = []
        for i in range(n_rows):
            row = slice(indptr[i], indptr[i + 1])
            contact_share = float(contact_magnitude[contact_bounds[i] : contact_bounds[i + 1]].sum()) / max(
                float(magnitude[row].sum()), 1e-9
            )
            cues = find_cues_in(normalised[i], None if lowered is None else lowered[i])
            explanations.append(
                self._explanation(
                    cues=cues,
                    mediation_phrases=phrases(i),
                    cause_phrases={k: phrases((1 + k) * n_rows + i) for k in codes_of_rows[i]},
                    contact_share=contact_share,
                    facts=_contact_facts(tuple(contact_rows[i])) if history_known else [HISTORY_UNKNOWN],
                    mediation_score=float(mediation_scores[i]),
                    threshold=threshold,
                )
            )
        return explanations

    def _phrases_by_group(
        self,
        groups: np.ndarray,
        columns: np.ndarray,
        pushes: np.ndarray,
        n_rows: int,
        *,
        limits: tuple[int, int],
    ) -> Callable[[int], list[str]]:
        """The phrases of each group of word entries (`groups` ascending): its most pushing word
        n-grams present (positive pushes only; character n-grams are not readable), a phrase that is
        both a lemma and a word as written named once; at most limits[0] for groups below n_rows
        (the mediation score's), limits[1] for the others. Returns a lookup by group number.

        The ranking of one group is a stable sort by push, largest first; since a phrase is at most
        two columns, its first 2 * limit entries name all the phrases it can give. So per group
        only the entries at or above its (2 * limit)-th largest push are candidates (one partition
        for a group that has more); the candidates of all groups are sorted in one stable lexsort."""
        keep = pushes > 0
        groups, columns, pushes = groups[keep], columns[keep], pushes[keep]
        n_groups = int(groups[-1]) + 1 if len(groups) else 0
        bounds = csr.row_pointers(groups, n_groups)
        wanted = np.full(n_groups, 2 * limits[1])
        wanted[: min(n_rows, n_groups)] = 2 * limits[0]
        cut = np.zeros(n_groups)  # every push is positive: a cut of 0 keeps them all
        larger = np.flatnonzero(np.diff(bounds) > wanted)
        cuts = []  # per larger group: its wanted-th largest push (the lists avoid numpy scalars)
        for start, stop, n in zip(
            bounds[larger].tolist(), bounds[larger + 1].tolist(), wanted[larger].tolist(), strict=True
        ):
            cuts.append(np.partition(pushes[start:stop], stop - start - n)[stop - start - n])
        cut[larger] = cuts
        candidate = pushes >= cut[groups]
        groups, columns, pushes = groups[candidate], columns[candidate], pushes[candidate]
        order = np.lexsort((-pushes, groups))  # stable: equal pushes stay in entry order
        ranked = self._phrase_of[columns[order]].tolist()
        ranked_bounds = csr.row_pointers(groups, n_groups).tolist()

        def phrases(group: int) -> list[str]:
            if group >= n_groups:
                return []
            limit = limits[0] if group < n_rows else limits[1]
            return list(dict.fromkeys(ranked[ranked_bounds[group] : ranked_bounds[group + 1]]))[:limit]

        return phrases

    def _explanation(
        self,
        *,
        cues: list[CueSpan],
        mediation_phrases: list[str],
        cause_phrases: dict[int, list[str]],
        contact_share: float,
        facts: list[str],
        mediation_score: float,
        threshold: float,
    ) -> dict[str, Any]:
        spans = [cue for cue in cues if not cue.negated]
        cue_labels = list(dict.fromkeys(CUE_LABELS_DA[cue.category] for cue in spans))
        root_causes = {ROOT_CAUSE_CODES[k]: phrases for k, phrases in cause_phrases.items()}
        flagged = mediation_score >= threshold
        reasons = [*cue_labels[:3], *facts[:2]]
        summary = (
            f"{'Markeret' if flagged else 'Ikke markeret'} til mægling "
            f"(score {mediation_score:.0%})"
            + (": " + "; ".join(reasons) if reasons else "")
            + ". Årsager: "
            + ", ".join(ROOT_CAUSES[ROOT_CAUSE_CODES[k]].lower() for k in cause_phrases)
            + "."
        )
        return {
            "summary": summary,
            "mediation": {
                "phrases": mediation_phrases,
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


def _segments(bounds: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The entry indices of the given rows, row after row (`bounds` from `csr.row_pointers`)."""
    starts = bounds[rows]
    return csr.ragged(starts, bounds[rows + 1] - starts)


@functools.lru_cache(maxsize=4096)
def _contact_facts_cached(values: tuple[float, ...]) -> tuple[str, ...]:
    return tuple(contact_facts(dict(zip(CONTACT_FEATURE_NAMES, values, strict=True))))


def _contact_facts(values: tuple[float, ...]) -> list[str]:
    """`contact_facts` of one complaint's contact features (in CONTACT_FEATURE_NAMES order);
    remembered, since many complaints share a contact pattern (most have none)."""
    return list(_contact_facts_cached(values))


BlockTransform = Callable[[list[str], np.ndarray], sp.csr_matrix]


def _direct_transform(transformer: Any, columns: Any) -> BlockTransform | None:
    """A fitted block's transform of (texts, contact-feature array), exactly equal to its
    `transform` of the input frame's columns, or None for a kind of block not known here."""
    text = isinstance(columns, str) and columns == "text"
    if text and isinstance(transformer, TextFeatures | DenialFeatures):
        return lambda texts, _: transformer.transform_texts(texts)
    if text and isinstance(transformer, Pipeline):
        steps = [step for _, step in transformer.steps]
        if [type(step) for step in steps] == [CueFeatures, MaxAbsScaler]:
            cues, scaler = steps
            # MaxAbsScaler.transform of a dense float64 array: a division by its scale_
            return lambda texts, _: csr.from_dense(cues.transform_texts(texts) / scaler.scale_)
        return None
    if isinstance(transformer, ContactFeatureScaler) and list(columns) == list(CONTACT_FEATURE_NAMES):
        return lambda _, contact_values: csr.from_dense(transformer.scale(contact_values))
    return None


_STR_DTYPE = pd.Series([], dtype=str).dtype


def _strings(column: pd.Series) -> list[str]:
    """`column.astype(str).tolist()`; a column of pandas' str dtype is taken as it is (the
    conversion would copy it unchanged)."""
    if isinstance(column.dtype, pd.StringDtype) and column.dtype == _STR_DTYPE:
        return column.tolist()
    return column.astype(str).tolist()


def _input_frame(complaints: pd.DataFrame, texts: list[str], contact_values: np.ndarray) -> pd.DataFrame:
    """`prepare_frame(complaints, contacts)` from the texts and contact features computed already."""
    frame = pd.DataFrame(contact_values, index=complaints.index, columns=list(CONTACT_FEATURE_NAMES))
    frame.insert(0, "text", np.asarray(texts, dtype=object))
    return frame


HISTORY_UNKNOWN = "ingen kontakthistorik i input: mæglingsscoren bygger på teksten alene"
_WORD_PREFIXES = ("text__w:", "text__s:")
_DERIVED = frozenset(
    name for name, value in vars(KonfliktModel).items() if isinstance(value, cached_property)
)

"""One definition of features for training and serving.

`prepare_frame` joins each complaint's text with its contact-pattern features (as of its
`received_at`, contacts strictly before); `build_features` returns the unfitted
ColumnTransformer that turns that frame into one sparse matrix. Training fits it; the fitted
object travels inside the model, so the service transforms exactly as training did.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MaxAbsScaler

from signals.contacts import CONTACT_FEATURE_NAMES, ContactFeatureScaler, contact_features
from signals.cues import CueFeatures
from signals.denial import DenialFeatures
from signals.terms import hstack_csr
from signals.text import TextFeatures

TEXT_BLOCKS = ("text", "denied", "cues")
CONTACT_BLOCK = "contacts"


@dataclass(frozen=True)
class FeatureConfig:
    """The feature settings a model is trained with (stored with it: no hidden defaults)."""

    word_min_df: int = 2
    word_max_features: int = 60_000
    char_min_df: int = 3
    char_max_features: int = 80_000
    surface: bool = True  # word n-grams as written, beside the lemma n-grams
    surface_min_df: int = 2
    surface_max_features: int = 60_000
    denial_min_df: int = 2  # words of denying sentences ("det handler ikke om ..."), signals/denial.py

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def prepare_frame(complaints: pd.DataFrame, contacts: pd.DataFrame) -> pd.DataFrame:
    """The model's input: `text` plus one column per contact feature, index of `complaints`."""
    frame = contact_features(complaints, contacts)  # a new frame: safe to add to
    frame.insert(0, "text", complaints["text"].astype(str).to_numpy())
    return frame


def text_features(config: FeatureConfig) -> TextFeatures:
    """The unfitted n-gram block (lemma, surface and char n-grams) with the config's settings."""
    return TextFeatures(
        word_min_df=config.word_min_df,
        word_max_features=config.word_max_features,
        char_min_df=config.char_min_df,
        char_max_features=config.char_max_features,
        surface=config.surface,
        surface_min_df=config.surface_min_df,
        surface_max_features=config.surface_max_features,
    )


class FeatureUnion(ColumnTransformer):
    """A ColumnTransformer whose sparse output is written once into its final arrays
    (`signals.terms.hstack_csr`): scipy's hstack of a dense block with sparse ones goes
    through COO and CSR copies of the whole matrix, several times its size at peak."""

    def _hstack(self, Xs: list[Any], *, n_samples: int) -> Any:
        if self.sparse_output_ and all(sp.issparse(X) or isinstance(X, np.ndarray) for X in Xs):
            return hstack_csr(Xs)
        return super()._hstack(Xs, n_samples=n_samples)


def build_features(config: FeatureConfig) -> ColumnTransformer:
    """The unfitted feature union: text n-grams, words of denying sentences, conflict cues,
    contact pattern (last: every column before it is text)."""
    return FeatureUnion(
        [
            ("text", text_features(config), "text"),
            ("denied", DenialFeatures(min_df=config.denial_min_df), "text"),
            # Scaled to [0, 1] on the training texts: the raw log counts (the log word count is
            # about 5 in every row) dwarfed the L2-normalised n-gram rows, which slowed the
            # linear SVM's solver several times over and weighed them oddly against the text.
            ("cues", make_pipeline(CueFeatures(), MaxAbsScaler()), "text"),
            (CONTACT_BLOCK, ContactFeatureScaler(), list(CONTACT_FEATURE_NAMES)),
        ],
        sparse_threshold=1.0,
        n_jobs=None,
    )


def block_slices(features: ColumnTransformer) -> dict[str, slice]:
    """Column ranges of each block in the fitted transformer's output."""
    return dict(features.output_indices_)

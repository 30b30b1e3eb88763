"""Conflict cues in complaint text: where they are (`find_cues`) and how many (`CueFeatures`).

Matching runs on the normalised, repaired, lower-cased text (`signals.normalise`) with the
lexicon of `signals.cue_lexicon` compiled by `signals.cue_matcher`. `find_cues` maps each match
back to character offsets in the text it was given, so the service can highlight it.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from signals.cue_lexicon import CUE_CATEGORIES, CUE_LABELS_DA
from signals.cue_matcher import CueSpan, match_cues
from signals.language import LATIN1
from signals.normalise import NormalisedText, lower_same_length, normalise_batch, normalise_with_offsets
from signals.text import as_texts

__all__ = [
    "CUE_CATEGORIES",
    "CUE_LABELS_DA",
    "FEATURE_NAMES",
    "CueFeatures",
    "CueSpan",
    "find_cues",
    "find_cues_in",
]


def find_cues(text: str) -> list[CueSpan]:
    """Conflict cues in `text`, with start/end character offsets into `text` itself."""
    return find_cues_in(normalise_with_offsets(text))


def find_cues_in(normalised: NormalisedText, lowered: str | None = None) -> list[CueSpan]:
    """Conflict cues of a text normalised with offsets, with offsets into the original text
    (`lowered`: its `lower_same_length`, if the caller has it)."""
    spans = []
    for span in match_cues(lower_same_length(normalised.text) if lowered is None else lowered):
        start, end = normalised.original_span(span.start, span.end)
        spans.append(CueSpan(span.category, start, end, span.negated))
    return spans


_CATEGORY_INDEX = {category: index for index, category in enumerate(CUE_CATEGORIES)}

FEATURE_NAMES: tuple[str, ...] = (
    *(f"cue:{category}" for category in CUE_CATEGORIES),
    *(f"cue_negated:{category}" for category in CUE_CATEGORIES),
    "text:log_words",
    "anger:exclamation_share",
    "anger:upper_case_share",
)


# Latin-1 characters (nearly every complaint's): those lower-casing changes (capitals), those
# with an upper case unlike their lower case (cased), those that grow when case-mapped ("ß").
_LATIN1_CAPITALS = "".join(char for char in LATIN1 if char.lower() != char).encode("latin-1")
_LATIN1_CASED = "".join(char for char in LATIN1 if char.lower() != char.upper()).encode("latin-1")
_LATIN1_GROWING = [char for char in LATIN1 if len(char.upper()) != 1 or len(char.lower()) != 1]


def _upper_case_share(text: str, lowered: str) -> float:
    """Share of the cased letters that are capitals (about 0.03 in calm text, near 1 when shouting).

    `lowered` is lower_same_length(text). Latin-1 text: counted as the bytes that deleting the
    capitals (or cased letters) removes, in C. Other text: on code-point arrays; a per-character
    Python loop would cost more than the cues.
    """
    if not text:
        return 0.0
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        pass
    else:
        if any(char in text for char in _LATIN1_GROWING):
            return 0.0  # as below
        cased = len(raw) - len(raw.translate(None, _LATIN1_CASED))
        return (len(raw) - len(raw.translate(None, _LATIN1_CAPITALS))) / cased if cased else 0.0
    as_is = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    lower = np.frombuffer(lowered.encode("utf-32-le"), dtype=np.uint32)
    upper = np.frombuffer(text.upper().encode("utf-32-le"), dtype=np.uint32)
    if not (len(as_is) == len(lower) == len(upper)):
        return 0.0  # a character that grows when case-mapped; too rare to matter
    cased = int(np.count_nonzero(lower != upper))
    return int(np.count_nonzero(as_is != lower)) / cased if cased else 0.0


def cue_vector(normalised: str, lowered: str | None = None) -> list[float]:
    """The features of one normalised text (and its lower_same_length), in FEATURE_NAMES order.

    Anger markers: the share of sentence marks that are "!", and the share of capital letters.
    """
    if lowered is None:
        lowered = lower_same_length(normalised)
    n_categories = len(CUE_CATEGORIES)
    counts = [0] * (2 * n_categories)
    for span in match_cues(lowered):
        counts[_CATEGORY_INDEX[span.category] + (n_categories if span.negated else 0)] += 1
    exclamations = normalised.count("!")
    sentence_marks = exclamations + normalised.count(".") + normalised.count("?")
    return [
        *(math.log1p(count) for count in counts),
        # words: normalised text has single spaces and line breaks between words
        math.log1p(normalised.count(" ") + normalised.count("\n") + 1 if normalised else 0),
        exclamations / sentence_marks if sentence_marks else 0.0,
        _upper_case_share(normalised, lowered),
    ]


class CueFeatures(TransformerMixin, BaseEstimator):
    """Conflict-cue counts per category (log1p; plain, then negated), log word count, anger marks.

    Takes a 1-D array-like of texts. Nothing is learnt: the features are the lexicon's.
    """

    def fit(self, X: Any, y: Any = None) -> CueFeatures:
        """Checks X; records the number of output features."""
        as_texts(X)
        self.n_features_out_ = len(FEATURE_NAMES)
        return self

    def transform(self, X: Any) -> np.ndarray:
        """A dense (n_texts, n_features) float matrix."""
        check_is_fitted(self, "n_features_out_")
        return self.transform_texts(as_texts(X))

    def transform_texts(self, texts: list[str]) -> np.ndarray:
        """`transform` of a list of texts, without scikit-learn's checks and output wrapping."""
        rows = [cue_vector(item.text, item.lowered) for item in normalise_batch(texts)]
        return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(FEATURE_NAMES))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """ "cue:<category>", "cue_negated:<category>", then the length and anger features."""
        check_is_fitted(self, "n_features_out_")
        return np.asarray(FEATURE_NAMES, dtype=object)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.one_d_array = True
        tags.input_tags.string = True
        return tags

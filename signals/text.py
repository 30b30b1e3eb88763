"""Text features of a complaint: TF-IDF over lemma n-grams, word n-grams as written, and
character n-grams.

`TextFeatures` is the one definition training and serving share. Per batch: normalise and
repair each text and detect its language (`signals.normalise`), lower-case it once, tokenise
the lower-cased texts once with spaCy's blank Danish tokenizer (`signals.wordngrams`; the
tokens give both the lemma n-grams and the surface n-grams), and cut the same lower-cased
strings into `char_wb` n-grams (`signals.charngrams`); each part is TF-IDF weighted and
L2-normalised separately, then stacked (lemma, surface, then char columns).

Why three views of the same words: lemmas pool inflected forms (few examples per form in a
small corpus), surface forms keep what lemmatising loses (tense, "ikke" + verb form, English
words the Danish lemma table mangles), char n-grams carry misspellings, OCR damage and
compounds. On the default corpus each helps on data the model never saw (bench/README.md,
"Root-cause features").
"""

from __future__ import annotations

from collections.abc import Iterable
from numbers import Integral, Real
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from signals import csr
from signals.charngrams import CharNgramIndex, split_words
from signals.language import detect_language
from signals.lemmas import tokenizer
from signals.lexicon import known_forms
from signals.names import gazetteer
from signals.normalise import normalise_batch, normalise_text
from signals.terms import fit_idf
from signals.wordngrams import WordNgramIndex, tokenise

__all__ = ["TextFeatures", "as_texts", "detect_language", "normalise_text", "prepare_texts", "warm_up"]


def warm_up() -> None:
    """Load what the text path loads lazily (word lists, lemma table, name gazetteer, spaCy
    tokenizer), so that a service's first request does not pay the few seconds it takes."""
    known_forms()
    gazetteer()
    tokenizer()
    normalise_text("Borgerradgiveren holdt mgde 1 forbindelse med sagen.")


def as_texts(X: Any) -> list[str]:
    """A list of texts from a list, 1-D array, Series, or a one-column array or DataFrame."""
    if isinstance(X, str | bytes):
        raise ValueError("expected an array-like of texts, got a single string")
    if isinstance(X, pd.DataFrame):
        if X.shape[1] != 1:
            raise ValueError(f"expected one text column, got {X.shape[1]} columns")
        X = X.iloc[:, 0]
    values = np.asarray(X, dtype=object) if not isinstance(X, pd.Series) else X.to_numpy(dtype=object)
    if values.ndim == 2 and values.shape[1] == 1:
        values = values[:, 0]
    if values.ndim != 1:
        raise ValueError(f"expected a 1-D array-like of texts, got shape {values.shape}")
    texts = values.tolist()
    for index, text in enumerate(texts):
        if not isinstance(text, str):
            raise ValueError(f"expected texts (str), got {type(text).__name__} at position {index}")
    return texts


def prepare_texts(texts: Iterable[str], *, repair: bool = True) -> tuple[list[str], np.ndarray]:
    """Normalised lower-cased texts (line breaks as spaces) and a flag per text for English."""
    prepared = normalise_batch(list(texts), repair=repair)
    # Line breaks become spaces: they carry nothing for n-grams, and spaCy's tokenizer keeps
    # "word.\nWord" as one chunk it cannot cache, which made tokenising three times slower.
    lowered = [item.lowered.replace("\n", " ") for item in prepared]
    english = np.fromiter((item.language == "en" for item in prepared), dtype=bool, count=len(prepared))
    return lowered, english


def _check_range(name: str, value: Any, low: int, high: int) -> tuple[int, int]:
    if (
        not isinstance(value, tuple | list)
        or len(value) != 2
        or not all(isinstance(n, Integral) for n in value)
        or not low <= value[0] <= value[1] <= high
    ):
        raise ValueError(
            f"{name} must be a pair (min_n, max_n) with {low} <= min_n <= max_n <= {high}, got {value!r}"
        )
    return int(value[0]), int(value[1])


def _check_df(name: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ValueError(f"{name} must be an int (documents) or a float in [0, 1], got {value!r}")
    if isinstance(value, Integral):
        if value < 0:
            raise ValueError(f"{name} must be >= 0, got {value!r}")
    elif not 0.0 <= float(value) <= 1.0:
        raise ValueError(f"{name} as a share must lie in [0, 1], got {value!r}")


def _check_max_features(name: str, value: Any) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, Integral) or value < 1):
        raise ValueError(f"{name} must be None or a positive int, got {value!r}")


class TextFeatures(TransformerMixin, BaseEstimator):
    """TF-IDF over lemma word n-grams ("w:" columns), word n-grams as written ("s:" columns,
    off with `surface=False`) and char_wb n-grams ("c:" columns).

    Takes a 1-D array-like of complaint texts. Danish texts are repaired (æøå, OCR) and
    lemmatised with lookup lemmas; English texts keep their lower-cased words. Word n-grams
    are 1 or 2 long, char n-grams at most 5 (their keys must fit 64 bits).
    """

    def __init__(
        self,
        *,
        word_ngram_range: tuple[int, int] = (1, 2),
        word_min_df: float = 2,
        word_max_df: float = 1.0,
        word_max_features: int | None = None,
        char_ngram_range: tuple[int, int] = (3, 5),
        char_min_df: float = 2,
        char_max_df: float = 1.0,
        char_max_features: int | None = None,
        surface: bool = True,
        surface_min_df: float = 2,
        surface_max_features: int | None = None,
        sublinear_tf: bool = True,
        repair: bool = True,
    ) -> None:
        self.word_ngram_range = word_ngram_range
        self.word_min_df = word_min_df
        self.word_max_df = word_max_df
        self.word_max_features = word_max_features
        self.char_ngram_range = char_ngram_range
        self.char_min_df = char_min_df
        self.char_max_df = char_max_df
        self.char_max_features = char_max_features
        self.surface = surface
        self.surface_min_df = surface_min_df
        self.surface_max_features = surface_max_features
        self.sublinear_tf = sublinear_tf
        self.repair = repair

    def _checked_params(self) -> tuple[tuple[int, int], tuple[int, int]]:
        word_range = _check_range("word_ngram_range", self.word_ngram_range, 1, 2)
        char_range = _check_range("char_ngram_range", self.char_ngram_range, 1, 5)
        for name in ("word_min_df", "word_max_df", "char_min_df", "char_max_df", "surface_min_df"):
            _check_df(name, getattr(self, name))
        for name in ("word_max_features", "char_max_features", "surface_max_features"):
            _check_max_features(name, getattr(self, name))
        return word_range, char_range

    def fit(self, X: Any, y: Any = None) -> TextFeatures:
        """Learn both vocabularies and their IDF weights from the texts X."""
        self._fit(X)
        return self

    def fit_transform(self, X: Any, y: Any = None, **fit_params: Any) -> sp.csr_matrix:
        """Fit and return the training matrix, tokenising each text only once."""
        return self._weigh(*self._fit(X))

    def _fit(self, X: Any) -> tuple[sp.csr_matrix, sp.csr_matrix | None, sp.csr_matrix]:
        word_range, char_range = self._checked_params()
        texts = as_texts(X)
        if not texts:
            raise ValueError("cannot fit on zero texts")
        lowered, english = prepare_texts(texts, repair=self.repair)
        words = split_words(lowered)  # shared by the tokens and the char n-grams
        batch = tokenise(lowered, english, words)
        self.word_index_, word_counts = WordNgramIndex.fit(
            batch,
            len(texts),
            ngram_range=word_range,
            min_df=self.word_min_df,
            max_df=self.word_max_df,
            max_features=self.word_max_features,
        )
        surface: tuple[WordNgramIndex | None, sp.csr_matrix | None] = (
            WordNgramIndex.fit(
                batch,
                len(texts),
                ngram_range=word_range,
                min_df=self.surface_min_df,
                max_df=self.word_max_df,
                max_features=self.surface_max_features,
                lemmatise=False,
            )
            if self.surface
            else (None, None)
        )
        self.surface_index_, surface_counts = surface
        self.char_index_, char_counts = CharNgramIndex.fit(
            lowered,
            words=words,
            ngram_range=char_range,
            min_df=self.char_min_df,
            max_df=self.char_max_df,
            max_features=self.char_max_features,
        )
        n_surface = 0 if surface_counts is None else surface_counts.shape[1]
        if word_counts.shape[1] + n_surface + char_counts.shape[1] == 0:
            raise ValueError("after pruning, no terms remain: lower word_min_df/char_min_df or add texts")
        self.word_idf_ = fit_idf(word_counts)
        self.surface_idf_ = None if surface_counts is None else fit_idf(surface_counts)
        self.char_idf_ = fit_idf(char_counts)
        self.n_features_out_ = word_counts.shape[1] + n_surface + char_counts.shape[1]
        return word_counts, surface_counts, char_counts

    def transform(self, X: Any) -> sp.csr_matrix:
        """The TF-IDF matrix of the texts X: lemma, surface, then char columns."""
        check_is_fitted(self, "n_features_out_")
        return self.transform_texts(as_texts(X))

    def transform_texts(self, texts: list[str]) -> sp.csr_matrix:
        """`transform` of a list of texts, without scikit-learn's checks and output wrapping
        (the annotation path calls it for every request)."""
        lowered, english = prepare_texts(texts, repair=self.repair)
        words = split_words(lowered)  # shared by the tokens and the char n-grams
        batch = tokenise(lowered, english, words)
        word_counts = self.word_index_.counts(batch, len(texts))
        surface_index = getattr(self, "surface_index_", None)  # None: off, or fitted before it existed
        surface_counts = None if surface_index is None else surface_index.counts(batch, len(texts))
        char_counts = self.char_index_.counts(lowered, words)
        return self._weigh(word_counts, surface_counts, char_counts)

    def _weigh(
        self, word_counts: sp.csr_matrix, surface_counts: sp.csr_matrix | None, char_counts: sp.csr_matrix
    ) -> sp.csr_matrix:
        blocks = [(word_counts, self.word_idf_), (surface_counts, getattr(self, "surface_idf_", None))]
        weighted = [
            (counts, idf)
            for counts, idf in [*blocks, (char_counts, self.char_idf_)]
            if counts is not None and idf is not None
        ]
        return csr.tfidf_blocks(weighted, sublinear_tf=self.sublinear_tf)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Column names: "w:<lemma>" / "w:<lemma> <lemma>", "s:<word>" / "s:<word> <word>", then
        "c:<char n-gram>"."""
        check_is_fitted(self, "n_features_out_")
        words = ["w:" + name for name in self.word_index_.feature_names()]
        surface_index = getattr(self, "surface_index_", None)
        surface = [] if surface_index is None else ["s:" + name for name in surface_index.feature_names()]
        chars = ["c:" + name for name in self.char_index_.feature_names()]
        return np.asarray(words + surface + chars, dtype=object)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.one_d_array = True
        tags.input_tags.string = True
        return tags

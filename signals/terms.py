"""Counting n-gram terms given as integer keys, and choosing a vocabulary from them.

The word and character n-gram parts of `TextFeatures` both turn a batch of texts into two
arrays, `rows` (which text) and `keys` (which term, as a uint64), with numpy instead of a
Python loop per n-gram. This module turns those into count matrices and applies the familiar
CountVectorizer vocabulary rules (min_df, max_df, max_features).
"""

from __future__ import annotations

from numbers import Integral

import numpy as np
import pandas as pd
import scipy.sparse as sp


def count_matrix(rows: np.ndarray, columns: np.ndarray, n_rows: int, n_columns: int) -> sp.csr_matrix:
    """Term counts: one row per text, duplicates of (row, column) summed."""
    data = np.ones(len(rows), dtype=np.float64)
    matrix = sp.csr_matrix((data, (rows, columns)), shape=(n_rows, n_columns))
    matrix.sum_duplicates()
    return matrix


class Vocabulary:
    """A fitted vocabulary: sorted uint64 term keys; column i holds keys[i].

    Lookups go through a pandas hash index (about seven times faster than a binary search on
    this many keys), built on first use and left out of pickles.
    """

    def __init__(self, keys: np.ndarray) -> None:
        self.keys = np.asarray(keys, dtype=np.uint64)
        self._index: pd.Index | None = None

    def __len__(self) -> int:
        return len(self.keys)

    def __getstate__(self) -> dict[str, object]:
        return {"keys": self.keys}

    def __setstate__(self, state: dict[str, np.ndarray]) -> None:
        self.keys = state["keys"]
        self._index = None

    def columns(self, keys: np.ndarray) -> np.ndarray:
        """The column of each key, -1 for keys not in the vocabulary."""
        if self._index is None:
            self._index = pd.Index(self.keys)
        return np.asarray(self._index.get_indexer(keys), dtype=np.int64)

    def counts(self, rows: np.ndarray, keys: np.ndarray, n_rows: int) -> sp.csr_matrix:
        """Counts of the keys that are in the vocabulary; other keys are ignored."""
        if len(self.keys) == 0 or len(keys) == 0:
            return sp.csr_matrix((n_rows, len(self.keys)), dtype=np.float64)
        columns = self.columns(keys)
        found = columns >= 0
        return count_matrix(rows[found], columns[found], n_rows, len(self.keys))


def _document_count_limit(value: float, n_docs: int) -> float:
    return float(value) if isinstance(value, Integral) else float(value) * n_docs


def select_columns(
    counts: sp.csr_matrix,
    n_rows: int,
    *,
    min_df: float,
    max_df: float,
    max_features: int | None,
) -> tuple[np.ndarray, sp.csr_matrix]:
    """The indices of the columns kept by CountVectorizer's rules, and the counts over them.

    `min_df`/`max_df`: an int is a number of documents, a float a share of them. With
    `max_features`, the most frequent terms over the corpus are kept (ties by column).
    """
    counts = counts.tocsc()
    document_frequency = np.diff(counts.indptr)  # canonical matrices: one entry per (row, term)
    keep = (document_frequency >= _document_count_limit(min_df, n_rows)) & (
        document_frequency <= _document_count_limit(max_df, n_rows)
    )
    kept = np.flatnonzero(keep)
    if max_features is not None and len(kept) > max_features:
        frequency = np.asarray(counts.sum(axis=0)).ravel()[kept]
        order = np.argsort(-frequency, kind="stable")[:max_features]
        kept = np.sort(kept[order])
    return kept, counts[:, kept].tocsr()


def select_vocabulary(
    rows: np.ndarray,
    keys: np.ndarray,
    n_rows: int,
    *,
    min_df: float,
    max_df: float,
    max_features: int | None,
) -> tuple[np.ndarray, sp.csr_matrix]:
    """The kept keys (sorted) and the count matrix over them (rules of `select_columns`)."""
    if len(keys) == 0:
        return np.zeros(0, dtype=np.uint64), sp.csr_matrix((n_rows, 0), dtype=np.float64)
    unique, inverse = np.unique(keys, return_inverse=True)
    counts = count_matrix(rows, inverse.ravel(), n_rows, len(unique))
    kept, kept_counts = select_columns(
        counts, n_rows, min_df=min_df, max_df=max_df, max_features=max_features
    )
    return unique[kept], kept_counts


def fit_idf(counts: sp.csr_matrix) -> np.ndarray:
    """Smoothed inverse document frequency, as TfidfTransformer(smooth_idf=True) learns it."""
    n_rows = counts.shape[0]
    document_frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    return np.log((1 + n_rows) / (1 + document_frequency)) + 1.0


def tfidf(counts: sp.csr_matrix, idf: np.ndarray, *, sublinear_tf: bool) -> sp.csr_matrix:
    """TF-IDF with L2-normalised rows, as TfidfTransformer.transform computes it.

    Done on the CSR arrays directly: scikit-learn's version multiplies by a sparse diagonal
    matrix and validates its input again, which costs more than the arithmetic.
    """
    data = counts.data.astype(np.float64, copy=True)
    if sublinear_tf:
        np.log(data, out=data)
        data += 1.0
    data *= idf[counts.indices]
    rows = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
    norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=counts.shape[0]))
    norms[norms == 0.0] = 1.0
    data /= norms[rows]
    return sp.csr_matrix((data, counts.indices.copy(), counts.indptr.copy()), shape=counts.shape)

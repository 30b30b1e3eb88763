"""Counting n-gram terms given as integer keys, and choosing a vocabulary from them.

The word and character n-gram parts of `TextFeatures` both turn a batch of texts into two
arrays, `rows` (which text) and `keys` (which term, as a uint64), with numpy instead of a
Python loop per n-gram. This module turns those into count matrices and applies the familiar
CountVectorizer vocabulary rules (min_df, max_df, max_features).
"""

from __future__ import annotations

import itertools
from numbers import Integral

import numpy as np
import pandas as pd
import scipy.sparse as sp

# Counts of a training corpus: whole numbers far below 2**24, so float32 holds them exactly in
# half the memory of float64 (TF-IDF weighting converts them); the vocabulary fits use it.
FIT_COUNT_DTYPE = np.float32
CHUNK_ENTRIES = 1 << 22  # entries per slice of rows where a pass over a matrix needs temporaries


def count_matrix(
    rows: np.ndarray, columns: np.ndarray, n_rows: int, n_columns: int, dtype: type = np.float64
) -> sp.csr_matrix:
    """Term counts: one row per text, duplicates of (row, column) summed."""
    data: np.ndarray = np.ones(len(rows), dtype=dtype)
    matrix = sp.csr_matrix((data, (rows, columns)), shape=(n_rows, n_columns))
    matrix.sum_duplicates()
    return matrix


def index_dtype(*limits: int) -> type[np.signedinteger]:
    """int32 for index arrays whose values stay below 2**31 (as scipy chooses), else int64."""
    return np.int32 if max(limits, default=0) < np.iinfo(np.int32).max else np.int64


def row_chunks(indptr: np.ndarray, entries: int | None = None) -> list[tuple[int, int]]:
    """Consecutive row ranges [start, stop) of a CSR matrix holding about `entries` entries
    (default `CHUNK_ENTRIES`) each; a row longer than that is a range of its own."""
    entries = entries or CHUNK_ENTRIES
    n_rows = len(indptr) - 1
    if n_rows <= 0:
        return []
    if indptr[-1] <= entries:
        return [(0, n_rows)]
    cuts = np.searchsorted(indptr, np.arange(entries, int(indptr[-1]), entries), side="left")
    bounds = np.unique(np.concatenate([[0], np.clip(cuts, 1, n_rows), [n_rows]]))
    return [(int(a), int(b)) for a, b in itertools.pairwise(bounds)]


def keep_columns(counts: sp.csr_matrix, kept: np.ndarray) -> sp.csr_matrix:
    """`counts[:, kept]` (kept: sorted column indices) with sorted indices, built from the CSR
    arrays slice by slice of rows: no CSC copy, and temporaries the size of one slice."""
    counts = sp.csr_matrix(counts)
    n_rows, n_columns = counts.shape
    new_column = np.full(n_columns, -1, dtype=np.int64)
    new_column[kept] = np.arange(len(kept))
    chunks = row_chunks(counts.indptr)
    kept_per_row = np.zeros(n_rows, dtype=np.int64)
    for start, stop in chunks:  # pass 1: how many entries each row keeps
        low, high = counts.indptr[start], counts.indptr[stop]
        keep = new_column[counts.indices[low:high]] >= 0
        before = np.concatenate([[0], np.cumsum(keep, dtype=np.int64)])
        kept_per_row[start:stop] = np.diff(before[counts.indptr[start : stop + 1] - low])
    total = int(kept_per_row.sum())
    dtype = index_dtype(total, len(kept))
    indptr = np.zeros(n_rows + 1, dtype=dtype)
    np.cumsum(kept_per_row, out=indptr[1:])
    del kept_per_row
    data: np.ndarray = np.empty(total, dtype=counts.data.dtype)
    indices = np.empty(total, dtype=dtype)
    for start, stop in chunks:  # pass 2: copy the kept entries, columns renumbered
        low, high = counts.indptr[start], counts.indptr[stop]
        columns = new_column[counts.indices[low:high]]
        keep = columns >= 0
        data[indptr[start] : indptr[stop]] = counts.data[low:high][keep]
        indices[indptr[start] : indptr[stop]] = columns[keep]
    result = sp.csr_matrix((data, indices, indptr), shape=(n_rows, len(kept)), copy=False)
    result.has_canonical_format = False  # the input's order within rows may be any
    result.sort_indices()
    return result


def hstack_csr(blocks: list[sp.spmatrix | np.ndarray], dtype: type = np.float64) -> sp.csr_matrix:
    """`scipy.sparse.hstack(blocks).tocsr()` (dense blocks give their non-zeros), written once
    into the final arrays, row slice by row slice, instead of through concatenated copies.

    The same entries in the same order as scipy: when every block is CSR, each row holds its
    entries of the first block in that block's order, then of the second, and so on (scipy's
    fast path); otherwise scipy goes through COO and sums duplicates, which sorts each row's
    columns, and so is the result here.
    """
    all_csr = all(isinstance(block, sp.spmatrix | sp.sparray) and block.format == "csr" for block in blocks)
    parts = [sp.csr_matrix(block) for block in blocks]
    n_rows = parts[0].shape[0]
    if any(part.shape[0] != n_rows for part in parts):
        raise ValueError(f"blocks have different numbers of rows: {[part.shape[0] for part in parts]}")
    offsets = np.cumsum([0] + [part.shape[1] for part in parts])
    row_lengths = np.zeros(n_rows, dtype=np.int64)
    for part in parts:
        row_lengths += np.diff(part.indptr)
    total = int(row_lengths.sum())
    index = index_dtype(total, int(offsets[-1]))
    indptr = np.zeros(n_rows + 1, dtype=index)
    np.cumsum(row_lengths, out=indptr[1:])
    data: np.ndarray = np.empty(total, dtype=dtype)
    indices = np.empty(total, dtype=index)
    filled = indptr[:-1].astype(np.int64)  # where each row's next block starts in the output
    for part, offset in zip(parts, offsets[:-1], strict=True):
        lengths = np.diff(part.indptr)
        for start, stop in row_chunks(part.indptr):
            low, high = int(part.indptr[start]), int(part.indptr[stop])
            if high == low:
                continue
            shift = np.repeat(filled[start:stop] - part.indptr[start:stop], lengths[start:stop])
            target = np.arange(low, high, dtype=np.int64) + shift
            data[target] = part.data[low:high]
            indices[target] = part.indices[low:high] + offset
        filled += lengths
    result = sp.csr_matrix((data, indices, indptr), shape=(n_rows, int(offsets[-1])), copy=False)
    if not all_csr:
        result.sort_indices()
    return result


# Up to this many keys (a complaint or a few) a binary search beats the hash index's fixed cost
# (~15 us); for thousands the hash index is many times faster.
SEARCHED_KEYS = 512


class Vocabulary:
    """A fitted vocabulary: sorted uint64 term keys; column i holds keys[i].

    Lookups of many keys go through a pandas hash index (about seven times faster than a binary
    search on this many keys), built on first use and left out of pickles; a few keys are
    searched for in the sorted keys.
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
        if len(keys) <= SEARCHED_KEYS and len(self.keys):
            position = np.searchsorted(self.keys, np.asarray(keys, dtype=np.uint64))
            np.minimum(position, len(self.keys) - 1, out=position)
            return np.where(self.keys[position] == keys, position, -1).astype(np.int64, copy=False)
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


def unique_inverse(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`np.unique(keys, return_inverse=True)` of a 1-D array, by hashing instead of sorting all
    keys: the sorted distinct keys, and each key's position among them (int64). One int64 per
    key at peak, where the sort holds three (a corpus has hundreds of millions of n-grams)."""
    codes, uniques = pd.factorize(keys, sort=False)
    uniques = np.asarray(uniques)
    order = np.argsort(uniques, kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order), dtype=np.int64)
    codes = codes.astype(np.int64, copy=False)
    np.take(rank, codes, out=codes)
    return uniques[order], codes


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
    counts = sp.csr_matrix(counts)
    n_columns = counts.shape[1]
    # canonical matrices: one entry per (row, term), so a column's entries are its documents
    document_frequency = np.bincount(counts.indices, minlength=n_columns)
    keep = (document_frequency >= _document_count_limit(min_df, n_rows)) & (
        document_frequency <= _document_count_limit(max_df, n_rows)
    )
    del document_frequency
    kept = np.flatnonzero(keep)
    if max_features is not None and len(kept) > max_features:
        # whole-number counts: their float64 sums are exact in any order
        frequency = np.bincount(counts.indices, weights=counts.data, minlength=n_columns)[kept]
        order = np.argsort(-frequency, kind="stable")[:max_features]
        kept = np.sort(kept[order])
    return kept, keep_columns(counts, kept)


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
    unique, inverse = unique_inverse(keys)
    counts = count_matrix(rows, inverse, n_rows, len(unique), FIT_COUNT_DTYPE)
    del inverse
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
    matrix and validates its input again, which costs more than the arithmetic. Slice by slice
    of rows, so that the temporaries stay small; the result shares the index arrays of `counts`
    (its values are new).
    """
    data = counts.data.astype(np.float64, copy=True)
    for start, stop in row_chunks(counts.indptr):
        low, high = counts.indptr[start], counts.indptr[stop]
        values = data[low:high]
        weigh_counts(values, counts.indices[low:high], idf, sublinear_tf=sublinear_tf)
        rows = np.repeat(np.arange(stop - start), np.diff(counts.indptr[start : stop + 1]))
        l2_normalise_groups(values, rows, stop - start)
    return sp.csr_matrix((data, counts.indices, counts.indptr), shape=counts.shape, copy=False)


def weigh_counts(values: np.ndarray, columns: np.ndarray, idf: np.ndarray, *, sublinear_tf: bool) -> None:
    """In place: float counts in `columns` become their (1 + log) term frequency times the idf."""
    if sublinear_tf:
        np.log(values, out=values)
        values += 1.0
    values *= idf[columns]


def l2_normalise_groups(values: np.ndarray, groups: np.ndarray, n_groups: int) -> None:
    """In place: the values of each group (a row, or a row's block) divided by their L2 norm."""
    norms = np.sqrt(np.bincount(groups, weights=values * values, minlength=n_groups))
    norms[norms == 0.0] = 1.0
    values /= norms[groups]

"""The numpy routes of `signals.csr` build the very matrices scipy's routes build."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from signals import csr, terms
from signals.terms import Vocabulary, count_matrix, tfidf


def _identical(left: sp.csr_matrix, right: sp.csr_matrix) -> None:
    """Same shape, row pointers, and entries in the same order (so row sums round the same)."""
    assert left.shape == right.shape
    assert left.data.dtype == right.data.dtype == np.float64
    assert left.indices.dtype == right.indices.dtype and left.indptr.dtype == right.indptr.dtype
    np.testing.assert_array_equal(left.indptr, right.indptr)
    np.testing.assert_array_equal(left.indices, right.indices)
    np.testing.assert_array_equal(left.data, right.data)


def _random_csr(rng: np.random.Generator, n_rows: int, n_columns: int, *, unsorted: bool) -> sp.csr_matrix:
    dense = rng.random((n_rows, n_columns)) * (rng.random((n_rows, n_columns)) < 0.3)
    matrix = sp.csr_matrix(dense)
    if unsorted:  # each row's entries reversed, as scipy's sparse product lists them
        for row in range(n_rows):
            span = slice(matrix.indptr[row], matrix.indptr[row + 1])
            matrix.indices[span] = matrix.indices[span][::-1].copy()
            matrix.data[span] = matrix.data[span][::-1].copy()
        matrix.has_sorted_indices = False
    return matrix


@pytest.mark.parametrize("seed", range(5))
def test_counts_equal_the_coo_route(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n_rows = int(rng.integers(1, csr.SMALL_ROWS + 1))
    n_entries = int(rng.integers(0, 400))
    rows = rng.integers(0, n_rows, n_entries)
    columns = rng.integers(0, 50, n_entries)
    _identical(csr.counts(rows, columns, n_rows, 50), count_matrix(rows, columns, n_rows, 50))


def test_counts_of_many_rows_take_the_coo_route_when_asked() -> None:
    rng = np.random.default_rng(1)
    rows, columns = rng.integers(0, 300, 2000), rng.integers(0, 70, 2000)
    expected = count_matrix(rows, columns, 300, 70)
    _identical(csr.counts(rows, columns, 300, 70), expected)
    _identical(csr.counts(rows, columns, 300, 70, small=True), expected)


def test_vocabulary_counts_ignore_unknown_keys() -> None:
    vocabulary = Vocabulary(np.array([3, 8, 20, 41], dtype=np.uint64))
    rows = np.array([0, 0, 1, 1, 1, 2])
    keys = np.array([8, 5, 41, 41, 3, 99], dtype=np.uint64)
    _identical(csr.vocabulary_counts(vocabulary, rows, keys, 3), vocabulary.counts(rows, keys, 3))
    empty = csr.vocabulary_counts(vocabulary, rows[:0], keys[:0], 3)
    assert empty.shape == (3, 4) and empty.nnz == 0


@pytest.mark.parametrize("seed", range(8))
def test_hstack_equals_scipy_block_order_kept(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n_rows = int(rng.integers(1, csr.SMALL_ROWS + 1)) if seed < 6 else 40  # the last two: big batches
    blocks = [
        _random_csr(rng, n_rows, int(rng.integers(0, 12)), unsorted=bool(rng.integers(0, 2)))
        for _ in range(4)
    ]
    _identical(csr.hstack(blocks), sp.csr_matrix(sp.hstack(blocks, format="csr", dtype=np.float64)))


@pytest.mark.parametrize("shape", [(1, 20), (3, 5), (16, 7), (2, 0)])
def test_from_dense_equals_scipy(shape: tuple[int, int]) -> None:
    rng = np.random.default_rng(sum(shape))
    dense = rng.standard_normal(shape) * (rng.random(shape) < 0.5)
    dense[dense > 1.5] = -0.0  # a negative zero is no entry either
    _identical(csr.from_dense(dense), sp.csr_matrix(dense))


def test_assembled_matrices_equal_the_constructor() -> None:
    assert csr.ASSEMBLE, "scipy's constructor changed: the quick assembly is off (slower, still right)"
    data, indices, indptr = np.array([1.0, 2.0, 5.0]), np.array([4, 0, 2]), np.array([0, 2, 2, 3])
    built, reference = (
        csr.csr(data, indices, indptr, (3, 6)),
        sp.csr_matrix((data, indices, indptr), shape=(3, 6)),
    )
    assert set(vars(built)) == set(vars(reference))
    _identical(built, reference)
    assert (built @ np.arange(6.0)).tolist() == (reference @ np.arange(6.0)).tolist()
    assert not built.has_sorted_indices  # scipy checks lazily, as for the constructor's matrix


@pytest.mark.parametrize("seed", range(6))
def test_count_product_equals_scipy_product_entry_order_kept(seed: int) -> None:
    """scipy's product lists a row's columns in its own (unsorted) order: the numpy route keeps it."""
    rng = np.random.default_rng(seed)
    n_rows = int(rng.integers(1, csr.SMALL_ROWS + 1)) if seed < 5 else 40  # the last: a big batch
    n_words, n_columns = int(rng.integers(1, 30)), int(rng.integers(1, 90))
    left_rows = rng.integers(0, n_rows, int(rng.integers(0, 120)))
    left = csr.counts(left_rows, rng.integers(0, n_words, len(left_rows)), n_rows, n_words)
    right_rows = rng.integers(0, n_words, int(rng.integers(0, 300)))
    right = csr.counts(
        right_rows, rng.integers(0, n_columns, len(right_rows)), n_words, n_columns, small=True
    )
    _identical(csr.count_product(left, right), (left @ right).tocsr())


@pytest.mark.parametrize("n_rows", [1, 5, csr.SMALL_ROWS, 40])
@pytest.mark.parametrize("sublinear_tf", [True, False])
def test_tfidf_blocks_equal_each_block_weighted_then_stacked(n_rows: int, sublinear_tf: bool) -> None:
    """One pass over the stacked blocks normalises each block's rows as `tfidf` of the block does,
    bit for bit (empty rows and an empty block included)."""
    rng = np.random.default_rng(n_rows)
    blocks = []
    for n_columns in (30, 0, 17, 55):
        rows = rng.integers(0, n_rows, int(rng.integers(0, 6 * n_rows)) if n_columns else 0)
        counts = csr.counts(rows, rng.integers(0, max(n_columns, 1), len(rows)), n_rows, n_columns)
        blocks.append((counts, rng.random(n_columns) + 1.0))
    expected = csr.hstack([tfidf(counts, idf, sublinear_tf=sublinear_tf) for counts, idf in blocks])
    _identical(csr.tfidf_blocks(blocks, sublinear_tf=sublinear_tf), expected)


@pytest.mark.parametrize("n_keys", [0, 1, 7, terms.SEARCHED_KEYS, terms.SEARCHED_KEYS + 1, 3000])
def test_vocabulary_columns_by_search_and_by_hash_agree(n_keys: int) -> None:
    """A few keys are searched for, many go through the hash index: the same columns either way."""
    rng = np.random.default_rng(n_keys)
    vocabulary = Vocabulary(np.unique(rng.integers(1, 2**40, 5000).astype(np.uint64)))
    known = vocabulary.keys[rng.integers(0, len(vocabulary), n_keys)]
    keys = np.where(rng.random(n_keys) < 0.5, known, rng.integers(0, 2**41, n_keys).astype(np.uint64))
    keys[:1] = np.uint64(2**63)  # past the last key
    expected = np.asarray(pd.Index(vocabulary.keys).get_indexer(keys), dtype=np.int64)
    columns = vocabulary.columns(keys)
    assert columns.dtype == np.int64
    np.testing.assert_array_equal(columns, expected)
    assert (Vocabulary(np.zeros(0, dtype=np.uint64)).columns(keys) == -1).all()


@pytest.mark.parametrize("shape", [(1, 5), (16, 0), (0, 3)])
def test_empty_equals_scipy_empty_matrix(shape: tuple[int, int]) -> None:
    _identical(csr.empty(*shape), sp.csr_matrix(shape, dtype=np.float64))

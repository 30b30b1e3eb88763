"""The memory-lean training paths give exactly what the plain ones gave: column pruning without a
CSC copy, stacking into preallocated arrays, TF-IDF in row slices, text-only fits without a copy
of the text columns, and the number of fitting processes chosen from the memory available."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from sklearn.compose import ColumnTransformer

import signals.terms as terms
from signals.pipeline import FeatureConfig, FeatureUnion, build_features
from training.fit import fit_scorer, fit_workers, leading_columns, liblinear_bytes


def _same(a: sp.csr_matrix, b: sp.csr_matrix) -> None:
    assert a.shape == b.shape
    np.testing.assert_array_equal(a.indptr, b.indptr)
    np.testing.assert_array_equal(a.indices, b.indices)
    np.testing.assert_array_equal(a.data, b.data)
    assert a.data.dtype == b.data.dtype


def _counts(rng: np.random.Generator, n_rows: int, n_columns: int, density: float) -> sp.csr_matrix:
    """A count matrix with unsorted columns in its rows, as a sparse product leaves them."""
    left = sp.random(n_rows, 30, density=density, format="csr", random_state=rng)
    right = sp.random(30, n_columns, density=density, format="csr", random_state=rng)
    left.data, right.data = np.ceil(left.data * 3), np.ceil(right.data * 3)
    return (left @ right).tocsr().astype(np.float32)


def _descending(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """The same matrix with each row's columns in descending order (not canonical)."""
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    order = np.lexsort((-matrix.indices, rows))
    result = sp.csr_matrix(
        (matrix.data[order], matrix.indices[order], matrix.indptr.copy()), shape=matrix.shape
    )
    result.has_sorted_indices = False
    return result


def _old_select_columns(counts: sp.csr_matrix, n_rows: int, min_df: float, max_features: int | None):
    """The version before: through CSC."""
    counts = counts.tocsc()
    df = np.diff(counts.indptr)
    kept = np.flatnonzero(df >= min_df)
    if max_features is not None and len(kept) > max_features:
        frequency = np.asarray(counts.sum(axis=0)).ravel()[kept]
        kept = np.sort(kept[np.argsort(-frequency, kind="stable")[:max_features]])
    return kept, counts[:, kept].tocsr()


@pytest.fixture(params=[None, 7], ids=["one slice", "slices of 7 entries"])
def chunk(request, monkeypatch):
    if request.param is not None:
        monkeypatch.setattr(terms, "CHUNK_ENTRIES", request.param)
    return request.param


@pytest.mark.parametrize("seed", range(6))
def test_select_columns_prunes_like_the_csc_version(seed, chunk):
    rng = np.random.default_rng(seed)
    counts = _descending(_counts(rng, int(rng.integers(1, 120)), int(rng.integers(1, 80)), 0.15))
    for min_df, max_features in [(1, None), (2, None), (3, 10), (2, 1), (10**6, None)]:
        kept, got = terms.select_columns(
            counts, counts.shape[0], min_df=min_df, max_df=1.0, max_features=max_features
        )
        old_kept, old = _old_select_columns(counts, counts.shape[0], min_df, max_features)
        np.testing.assert_array_equal(kept, old_kept)
        _same(got, old)
        assert got.has_sorted_indices


def test_row_chunks_cover_every_row_once():
    indptr = np.array([0, 0, 5, 5, 6, 20, 21, 21])
    chunks = terms.row_chunks(indptr, 4)
    assert chunks[0][0] == 0 and chunks[-1][1] == 7
    assert all(a[1] == b[0] for a, b in itertools.pairwise(chunks))
    assert terms.row_chunks(indptr, 100) == [(0, 7)]
    assert terms.row_chunks(np.array([0]), 4) == []


@pytest.mark.parametrize("seed", range(6))
def test_hstack_csr_is_scipys_hstack(seed, chunk):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 60))
    blocks: list[sp.csr_matrix | np.ndarray] = [
        _counts(rng, n, int(rng.integers(1, 40)), 0.2).astype(np.float64),
        sp.random(n, 5, density=0.3, format="csr", random_state=rng),
        sp.csr_matrix((n, 3)),
        rng.normal(size=(n, 4)) * (rng.random((n, 4)) < 0.5),
    ]
    blocks[0] = _descending(_counts(rng, n, 50, 0.3).astype(np.float64))  # unsorted rows
    _same(terms.hstack_csr(blocks), sp.hstack(blocks).tocsr())
    only_sparse = [b for b in blocks if sp.issparse(b)]
    _same(terms.hstack_csr(only_sparse), sp.hstack(only_sparse, format="csr", dtype=np.float64))


@pytest.mark.parametrize("sublinear_tf", [True, False])
def test_tfidf_in_row_slices_is_the_same_as_in_one_pass(sublinear_tf, monkeypatch):
    rng = np.random.default_rng(3)
    counts = _counts(rng, 200, 60, 0.2)
    idf = rng.uniform(1.0, 4.0, 60)
    whole = terms.tfidf(counts, idf, sublinear_tf=sublinear_tf)
    monkeypatch.setattr(terms, "CHUNK_ENTRIES", 5)
    _same(terms.tfidf(counts, idf, sublinear_tf=sublinear_tf), whole)
    expected = counts.astype(np.float64).toarray()
    if sublinear_tf:
        expected[expected > 0] = np.log(expected[expected > 0]) + 1
    expected *= idf
    norms = np.linalg.norm(expected, axis=1, keepdims=True)
    np.testing.assert_allclose(whole.toarray(), expected / np.where(norms == 0, 1, norms), rtol=1e-12)


def _problem(seed: int = 0):
    rng = np.random.default_rng(seed)
    n, n_text = 400, 150
    text = sp.random(n, n_text, density=0.05, format="csr", random_state=rng)
    contacts = rng.normal(size=(n, 6))
    matrix = terms.hstack_csr([text, contacts])
    targets = np.column_stack([rng.random(n) < 0.3, (text[:, :10].sum(axis=1).A1 + rng.random(n)) > 0.6])
    return matrix, targets.astype(int), n_text


def test_text_only_fit_on_zeroed_contacts_is_the_fit_on_the_text_columns():
    matrix, targets, n_text = _problem()
    before = matrix.data.copy()
    validation = matrix[:100, np.arange(n_text)]
    plain = fit_scorer(
        matrix[:, np.arange(n_text)], targets, validation, targets[:100], c=0.3, seed=0, n_jobs=1
    )
    with leading_columns(matrix, n_text) as text_only:
        assert not np.any(text_only[:, n_text:].toarray())
        lean = fit_scorer(
            text_only, targets, validation, targets[:100], c=0.3, seed=0, n_jobs=1, n_columns=n_text
        )
    np.testing.assert_array_equal(matrix.data, before)  # the contact entries are back
    assert lean.weights.shape == plain.weights.shape == (2, n_text)
    np.testing.assert_array_equal(lean.weights, plain.weights)
    np.testing.assert_array_equal(lean.intercepts, plain.intercepts)
    np.testing.assert_array_equal(lean.platt, plain.platt)


def test_leading_columns_restores_the_matrix_when_the_fit_fails():
    matrix, _, n_text = _problem()
    before = matrix.data.copy()
    with pytest.raises(RuntimeError), leading_columns(matrix, n_text):
        raise RuntimeError("fit failed")
    np.testing.assert_array_equal(matrix.data, before)


def test_one_worker_and_two_give_the_same_model():
    matrix, targets, _ = _problem(1)
    one = fit_scorer(matrix, targets, matrix, targets, c=0.1, seed=3, n_jobs=1)
    two = fit_scorer(matrix, targets, matrix, targets, c=0.1, seed=3, n_jobs=2)
    np.testing.assert_array_equal(one.weights, two.weights)
    np.testing.assert_array_equal(one.intercepts, two.intercepts)


def test_workers_are_chosen_from_the_memory_available():
    matrix, _, _ = _problem()
    copy = liblinear_bytes(matrix)
    assert copy == 16 * (matrix.nnz + 2 * matrix.shape[0])
    reserve = 4 * 2**30
    assert fit_workers(matrix, available=reserve + 10 * copy) == 2
    assert fit_workers(matrix, available=reserve + copy + copy // 2) == 1
    assert fit_workers(matrix, available=reserve // 2) == 1  # never zero: one fit in this process


def test_feature_union_stacks_like_the_column_transformer():
    texts = [
        "Jeg har ventet otte måneder på svar, og ingen ringer tilbage.",
        "Det handler ikke om ventetiden, men om at sagsbehandleren var uhøflig.",
        "I never got an answer to my complaint about the school transport.",
        "Afgørelsen er ikke begrundet, og jeg klager igen til borgmesteren.",
    ] * 5
    frame = pd.DataFrame({"text": texts})
    from signals.contacts import CONTACT_FEATURE_NAMES

    rng = np.random.default_rng(0)
    for name in CONTACT_FEATURE_NAMES:
        frame[name] = rng.integers(0, 4, len(texts)).astype(float)
    config = FeatureConfig(word_min_df=1, char_min_df=1, surface_min_df=1, denial_min_df=1)
    union = build_features(config)
    assert isinstance(union, FeatureUnion)
    plain = ColumnTransformer(union.transformers, sparse_threshold=1.0)
    _same(sp.csr_matrix(union.fit_transform(frame)), sp.csr_matrix(plain.fit_transform(frame)))
    _same(sp.csr_matrix(union.transform(frame.iloc[:7])), sp.csr_matrix(plain.transform(frame.iloc[:7])))


@pytest.mark.parametrize("n", [0, 1, 7, 5000])
def test_unique_inverse_is_numpys(n):
    rng = np.random.default_rng(n)
    keys = (
        rng.integers(0, 2**63, n, dtype=np.uint64) if n < 100 else rng.integers(0, 300, n).astype(np.uint64)
    )
    keys = np.concatenate([keys, np.array([2**64 - 1, 0], dtype=np.uint64)])
    unique, inverse = terms.unique_inverse(keys)
    expected, expected_inverse = np.unique(keys, return_inverse=True)
    np.testing.assert_array_equal(unique, expected)
    np.testing.assert_array_equal(inverse, expected_inverse.ravel())
    assert unique.dtype == np.uint64 and inverse.dtype == np.int64

"""CSR matrices for small batches, built with a few numpy operations instead of scipy's routes.

A complaint annotated alone builds about a dozen small sparse matrices. scipy's general routes
(a COO matrix summed and converted, `sp.hstack`, `sp.csr_matrix` of a dense array) each cost tens of
microseconds of checks and conversions for a single row, more than the arithmetic. For batches
of at most `SMALL_ROWS` rows these helpers build the same matrices (the same entries in the same
order, so sums over a row come out bit for bit the same); larger batches keep scipy's compiled
routes, which win there.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from signals.terms import Vocabulary, count_matrix, hstack_csr, l2_normalise_groups, tfidf, weigh_counts

SMALL_ROWS = 16  # the service annotates one complaint, or the 2-8 its batcher merges


def is_small(n_rows: int) -> bool:
    return n_rows <= SMALL_ROWS


_INT32_MAX = int(np.iinfo(np.int32).max)


def _constructed(
    data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, shape: tuple[int, int]
) -> sp.csr_matrix:
    return sp.csr_matrix((data, indices, indptr), shape=shape)


def _assembled(
    data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, shape: tuple[int, int]
) -> sp.csr_matrix:
    """What scipy's constructor makes of well-formed arrays, without its checks (about 15 us a
    matrix, for a lone complaint more than the arithmetic): the index dtype it would choose,
    float64 data, its attributes set directly. Used only if it matches the constructor (below)."""
    fits = max(shape, default=0) <= _INT32_MAX and int(indptr[-1]) <= _INT32_MAX
    index = np.int32 if fits else np.int64
    matrix = sp.csr_matrix.__new__(sp.csr_matrix)
    matrix.__dict__.update(
        _shape=(int(shape[0]), int(shape[1])),
        maxprint=_MAXPRINT,
        indices=np.asarray(indices, dtype=index),
        indptr=np.asarray(indptr, dtype=index),
        data=np.asarray(data, dtype=np.float64),
    )
    return matrix


def _same(left: sp.csr_matrix, right: sp.csr_matrix) -> bool:
    names = set(vars(left))
    return names == set(vars(right)) and all(
        type(getattr(left, name)) is type(getattr(right, name))
        and (
            np.array_equal(getattr(left, name), getattr(right, name))
            and getattr(left, name).dtype == getattr(right, name).dtype
            if isinstance(getattr(left, name), np.ndarray)
            else getattr(left, name) == getattr(right, name)
        )
        for name in names
    )


def _assembly_matches() -> bool:
    """Whether `_assembled` gives what this scipy's constructor gives (attributes, dtypes, values)."""
    example = (np.array([1.0, 2.0]), np.array([0, 3], dtype=np.int64), np.array([0, 1, 2], dtype=np.int64))
    try:
        return _same(_assembled(*example, (2, 5)), _constructed(*example, (2, 5)))
    except Exception:
        return False


_MAXPRINT = _constructed(
    np.zeros(0), np.zeros(0, dtype=np.int32), np.zeros(1, dtype=np.int32), (0, 0)
).maxprint
ASSEMBLE = _assembly_matches()


def csr(data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, shape: tuple[int, int]) -> sp.csr_matrix:
    """A CSR matrix (float64) of well-formed arrays: each row's indices in [0, shape[1])."""
    return (_assembled if ASSEMBLE else _constructed)(data, indices, indptr, shape)


def empty(n_rows: int, n_columns: int) -> sp.csr_matrix:
    """`sp.csr_matrix((n_rows, n_columns), dtype=np.float64)` (scipy's route costs ~15 us)."""
    return csr(
        np.zeros(0), np.zeros(0, dtype=np.int64), np.zeros(n_rows + 1, dtype=np.int64), (n_rows, n_columns)
    )


def _runs(sorted_keys: np.ndarray) -> np.ndarray:
    """Where each run of equal values starts in a sorted array (non-empty)."""
    starts = np.empty(len(sorted_keys), dtype=bool)
    starts[0] = True
    np.not_equal(sorted_keys[1:], sorted_keys[:-1], out=starts[1:])
    return np.flatnonzero(starts)


def row_pointers(row_of_entry: np.ndarray, n_rows: int) -> np.ndarray:
    """Row pointers of entries sorted by row: where each row's entries start and end (n_rows + 1)."""
    return np.searchsorted(row_of_entry, np.arange(n_rows + 1), side="left")


def counts(
    rows: np.ndarray, columns: np.ndarray, n_rows: int, n_columns: int, *, small: bool | None = None
) -> sp.csr_matrix:
    """`terms.count_matrix`: how often each (row, column) occurs, columns ascending in each row.

    `small`: take the numpy route (default: if `n_rows` is small; a caller whose rows are not
    texts, e.g. the distinct words of a small batch, decides by the batch)."""
    if not (is_small(n_rows) if small is None else small):
        return count_matrix(rows, columns, n_rows, n_columns)
    if len(rows) == 0:
        return empty(n_rows, n_columns)
    keys = np.asarray(rows, dtype=np.int64) * n_columns + columns  # n_rows is small: no overflow
    keys.sort()
    starts = _runs(keys)
    data = np.diff(np.append(starts, len(keys))).astype(np.float64)
    entry_rows, entry_columns = np.divmod(keys[starts], n_columns)
    return csr(data, entry_columns, row_pointers(entry_rows, n_rows), (n_rows, n_columns))


def vocabulary_counts(
    vocabulary: Vocabulary, rows: np.ndarray, keys: np.ndarray, n_rows: int, *, small: bool | None = None
) -> sp.csr_matrix:
    """`vocabulary.counts(rows, keys, n_rows)`: counts of the keys in the vocabulary (`small`: as
    for `counts`)."""
    small = is_small(n_rows) if small is None else small
    if not small or len(vocabulary) == 0 or len(keys) == 0:
        return vocabulary.counts(rows, keys, n_rows)
    columns = vocabulary.columns(keys)
    found = columns >= 0
    return counts(rows[found], columns[found], n_rows, len(vocabulary), small=True)


def ragged(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The indices starts[i] ... starts[i] + lengths[i] - 1 for each i, concatenated."""
    total = int(lengths.sum())
    offsets = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    return np.arange(total, dtype=np.int64) + offsets


def count_product(left: sp.csr_matrix, right: sp.csr_matrix) -> sp.csr_matrix:
    """`(left @ right).tocsr()` of two canonical CSR matrices of positive whole-number counts.

    scipy's product (`csr_matmat`) lists a row's columns from the one first reached last to the
    one first reached first, walking the left row's entries and each one's right row in order;
    for a small left matrix this builds the same entries in that order with a few numpy calls
    (its sums are whole numbers, exact in any order, and never 0)."""
    n_rows, n_columns = left.shape[0], right.shape[1]
    if not is_small(n_rows):
        return (left @ right).tocsr()
    lengths = np.diff(right.indptr)[left.indices]
    entries = ragged(right.indptr[left.indices], lengths)
    if len(entries) == 0:
        return empty(n_rows, n_columns)
    rows = np.repeat(np.repeat(np.arange(n_rows), np.diff(left.indptr)), lengths)
    keys = rows * n_columns + right.indices[entries]  # n_rows is small: no overflow
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    starts = _runs(sorted_keys)
    sums = np.add.reduceat((np.repeat(left.data, lengths) * right.data[entries])[order], starts)
    entry_rows, entry_columns = np.divmod(sorted_keys[starts], n_columns)
    listed = np.lexsort((-order[starts], entry_rows))  # per row: the latest first occurrence first
    return csr(sums[listed], entry_columns[listed], row_pointers(entry_rows, n_rows), (n_rows, n_columns))


def hstack(blocks: list[sp.csr_matrix]) -> sp.csr_matrix:
    """`sp.hstack(blocks, format="csr", dtype=np.float64)` for CSR blocks of the same rows: each
    row's entries block after block, in the blocks' own order (for a small batch: the blocks'
    entries one after another, put in row order by a stable sort)."""
    n_rows = blocks[0].shape[0]
    if not is_small(n_rows):
        return hstack_csr(blocks)  # written once into the final arrays (training's big matrices)
    per_block = np.diff(np.stack([block.indptr for block in blocks]), axis=1)  # (blocks, rows)
    ends = [int(block.indptr[-1]) for block in blocks]
    offsets = np.cumsum([0] + [block.shape[1] for block in blocks]).tolist()
    data = np.concatenate([block.data[:end] for block, end in zip(blocks, ends, strict=True)])
    indices = np.concatenate(
        [block.indices[:end] + offset for block, end, offset in zip(blocks, ends, offsets[:-1], strict=True)]
    )
    order = np.argsort(np.repeat(np.tile(np.arange(n_rows), len(blocks)), per_block.ravel()), kind="stable")
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(per_block.sum(axis=0), out=indptr[1:])
    return csr(data[order], indices[order], indptr, (n_rows, offsets[-1]))


def tfidf_blocks(blocks: list[tuple[sp.csr_matrix, np.ndarray]], *, sublinear_tf: bool) -> sp.csr_matrix:
    """`hstack([terms.tfidf(counts, idf, ...) for counts, idf in blocks])`, each block's rows
    L2-normalised on their own. For a small batch the blocks are weighted, stacked, and then
    normalised in one pass: every norm sums the same entries in the same order."""
    n_rows = blocks[0][0].shape[0]
    if not is_small(n_rows):
        return hstack([tfidf(counts, idf, sublinear_tf=sublinear_tf) for counts, idf in blocks])
    weighted = []
    for counts, idf in blocks:
        values = counts.data.astype(np.float64)
        weigh_counts(values, counts.indices, idf, sublinear_tf=sublinear_tf)
        weighted.append(csr(values, counts.indices, counts.indptr, counts.shape))
    stacked = hstack(weighted)
    ends = np.cumsum([counts.shape[1] for counts, _ in blocks])
    groups = np.repeat(np.arange(0, n_rows * len(blocks), len(blocks)), np.diff(stacked.indptr))
    groups += np.searchsorted(ends, stacked.indices, side="right")  # (row, block) of each entry
    l2_normalise_groups(stacked.data, groups, n_rows * len(blocks))
    return stacked


def from_dense(array: np.ndarray) -> sp.csr_matrix:
    """`sp.csr_matrix(array)` of a 2-D float array: its non-zero entries, row by row."""
    if not is_small(array.shape[0]):
        return sp.csr_matrix(array)
    nonzero = array != 0
    indptr = np.zeros(array.shape[0] + 1, dtype=np.int64)
    np.cumsum(nonzero.sum(axis=1), out=indptr[1:])
    return csr(array[nonzero], np.nonzero(nonzero)[1], indptr, array.shape)

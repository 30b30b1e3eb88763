"""Character n-grams inside word boundaries (scikit-learn's `char_wb`), computed with numpy.

Same n-grams as `CountVectorizer(analyzer="char_wb")`: each whitespace-separated word is padded
with one space on each side and cut into n-grams that stay inside it; a padded word shorter
than the smallest n counts once as a whole. Instead of a Python loop per n-gram (about 1 ms per
complaint), a batch is one array of character codes and every n-gram is one uint64 key: the
codes of its characters as digits in base `len(alphabet) + 2`, which is exact and reversible.
Characters outside the fitted alphabet end every n-gram they are in: such n-grams cannot be in
the vocabulary anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

import numpy as np
import pandas as pd
import scipy.sparse as sp

from signals import csr
from signals.terms import FIT_COUNT_DTYPE, Vocabulary, count_matrix, select_columns

WORD_CACHE_LIMIT = 200_000  # distinct words whose count rows a fitted index remembers
SEPARATOR = "\x00"  # never in normalised text (control characters are removed)
TEXT_SEPARATOR = "\x01"  # likewise; not NUL, which numpy strips from the end of strings


def max_alphabet(max_n: int) -> int:
    """The largest alphabet whose n-grams of length max_n still fit a uint64 key."""
    return int(np.floor(2.0 ** (64 / max_n))) - 3


def _joined(texts: list[str]) -> tuple[str, np.ndarray]:
    """All texts as one string of padded words between separators, and each text's length in it."""
    pieces = [
        " " + " \x00 ".join(text.split()) + " " if text and not text.isspace() else "" for text in texts
    ]
    lengths = np.fromiter((len(piece) + 1 for piece in pieces), dtype=np.int64, count=len(pieces))
    return SEPARATOR + SEPARATOR.join(pieces) + SEPARATOR, lengths


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def fit_alphabet(words: list[str], max_n: int) -> np.ndarray:
    """The sorted code points of the words' characters and the padding space (the most
    frequent ones if there are too many for uint64 keys)."""
    points = _code_points(" " + "".join(words))
    unique, counts = np.unique(points, return_counts=True)
    keep = ~np.isin(unique, _code_points(SEPARATOR))
    unique, counts = unique[keep], counts[keep]
    limit = max_alphabet(max_n)
    if len(unique) > limit:
        unique = np.sort(unique[np.argsort(-counts, kind="stable")[:limit]])
    return unique.astype(np.uint32)


@dataclass
class Words:
    """The whitespace-separated words of a batch of texts: each occurrence's text and word type."""

    rows: np.ndarray  # per occurrence: its text's index
    codes: np.ndarray  # per occurrence: index into `uniques`
    uniques: list[str]  # the distinct words, in order of first occurrence
    single_spaced: bool  # every text is non-empty, its words joined by single " " and nothing else


_OTHER_SPACE_RE = re.compile(r"[^\S ]")


def split_words(texts: list[str]) -> Words:
    """The batch split in one call, with a separator word between texts, and factorised."""
    joined = f" {TEXT_SEPARATOR} ".join(texts)
    words = np.array(joined.split(), dtype=object)
    codes, uniques = pd.factorize(words)
    separator = np.flatnonzero(uniques == TEXT_SEPARATOR)
    if len(separator):
        is_separator = codes == separator[0]
        rows = np.cumsum(is_separator)[~is_separator]
        codes = codes[~is_separator]
        codes -= codes > separator[0]  # close the separator's gap among the codes
        uniques = np.delete(uniques, separator[0])
    else:
        rows = np.zeros(len(codes), dtype=np.int64)
    # Single spaces only: no empty text, no space at either end of a text, no double space, no
    # other whitespace (an empty text or an edge space shows as a double space next to a separator;
    # printable text holds no whitespace but " ").
    single_spaced = bool(
        texts
        and not joined.startswith(" ")
        and not joined.endswith(" ")
        and "  " not in joined
        and (all(text.isprintable() for text in texts) or not _OTHER_SPACE_RE.search(joined))
    )
    return Words(rows.astype(np.int64), codes.astype(np.int64), list(uniques), single_spaced)


def word_types(texts: list[str], words: Words | None = None) -> tuple[sp.csr_matrix, list[str]]:
    """Each text's whitespace-separated words as counts over the batch's distinct words.

    char_wb cuts every word on its own, so a text's n-grams are the sum of its words' n-grams:
    n-grams are computed once per distinct word and summed by one sparse product. `words` is
    `split_words(texts)` if the caller has it already.
    """
    if words is None:
        words = split_words(texts)
    counts = count_matrix(words.rows, words.codes, len(texts), len(words.uniques))
    return counts, words.uniques


def ngram_keys(
    texts: list[str], alphabet: np.ndarray, ngram_range: tuple[int, int]
) -> tuple[np.ndarray, np.ndarray]:
    """(row, key) of every char_wb n-gram of every text, as two equally long arrays."""
    min_n, max_n = ngram_range
    joined, lengths = _joined(texts)
    points = _code_points(joined)
    base = np.uint64(len(alphabet) + 2)
    unknown = len(alphabet) + 1
    position = np.searchsorted(alphabet, points)
    np.minimum(position, max(len(alphabet) - 1, 0), out=position)
    if len(alphabet):
        codes = np.where(alphabet[position] == points, position + 1, unknown).astype(np.uint64)
    else:
        codes = np.full(len(points), unknown, dtype=np.uint64)
    codes[points == 0] = 0
    row_of = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    row_of = np.concatenate([[0], row_of])  # the leading separator
    breaks = (codes == 0) | (codes == unknown)
    broken = np.concatenate([[0], np.cumsum(breaks, dtype=np.int64)])
    all_rows, all_keys = [], []
    for n in range(min_n, max_n + 1):
        count = len(codes) - n + 1
        if count <= 0:
            continue
        keys = codes[:count].copy()
        for offset in range(1, n):
            keys *= base
            keys += codes[offset : offset + count]
        inside = broken[n : n + count] == broken[:count]
        all_rows.append(row_of[:count][inside])
        all_keys.append(keys[inside])
    if min_n > 3:  # padded words (at least 3 long) shorter than min_n count once as a whole
        separators = np.flatnonzero(codes == 0)
        starts, word_lengths = separators[:-1] + 1, np.diff(separators) - 1
        for length in range(3, min_n):
            begin = starts[word_lengths == length]
            keys = codes[begin].copy()
            for offset in range(1, length):
                keys = keys * base + codes[begin + offset]
            whole = (broken[begin + length] - broken[begin]) == 0
            all_rows.append(row_of[begin][whole])
            all_keys.append(keys[whole])
    if not all_keys:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint64)
    return np.concatenate(all_rows), np.concatenate(all_keys)


@dataclass
class CharNgramIndex:
    """A fitted char_wb vocabulary: alphabet, sorted n-gram keys, and the n-gram lengths."""

    alphabet: np.ndarray
    vocabulary: Vocabulary
    ngram_range: tuple[int, int]

    @classmethod
    def fit(
        cls,
        texts: list[str],
        *,
        ngram_range: tuple[int, int],
        min_df: float,
        max_df: float,
        max_features: int | None,
        words: Words | None = None,
    ) -> tuple[CharNgramIndex, sp.csr_matrix]:
        """The index learnt from `texts` and their count matrix over it."""
        per_text, uniques = word_types(texts, words)
        alphabet = fit_alphabet(uniques, ngram_range[1])
        word_rows, keys = ngram_keys(uniques, alphabet, ngram_range)
        unique, inverse = np.unique(keys, return_inverse=True)
        del keys
        # float32 counts (exact whole numbers): the unpruned product is the largest matrix here
        per_word = count_matrix(word_rows, inverse.ravel(), len(uniques), len(unique), FIT_COUNT_DTYPE)
        del word_rows, inverse
        counts = (per_text.astype(FIT_COUNT_DTYPE) @ per_word).tocsr()
        del per_text, per_word
        kept, kept_counts = select_columns(
            counts, len(texts), min_df=min_df, max_df=max_df, max_features=max_features
        )
        return cls(alphabet, Vocabulary(unique[kept]), ngram_range), kept_counts

    def counts(self, texts: list[str], words: Words | None = None) -> sp.csr_matrix:
        """Count matrix of the texts over the vocabulary (`words`: `split_words(texts)`, if known)."""
        if words is None:
            words = split_words(texts)
        per_text = csr.counts(words.rows, words.codes, len(texts), len(words.uniques))
        per_word = self._word_counts(words.uniques, small=csr.is_small(len(texts)))
        return csr.count_product(per_text, per_word)

    def _word_counts(self, words: list[str], *, small: bool) -> sp.csr_matrix:
        """The count matrix of distinct words over the vocabulary, each word's row remembered: a
        batch's words are mostly ones seen before, and cutting and looking up their n-grams costs
        several times more than the lookup of the remembered row.

        A row is kept as the bytes of its int64 entries `column << 32 | count`, so the rows of a
        batch are one join and one `np.frombuffer`."""
        cache: dict[str, bytes] | None = self.__dict__.get("_row_of_word")
        if cache is None or len(cache) > WORD_CACHE_LIMIT:
            cache = self.__dict__["_row_of_word"] = {}
        rows = [cache.get(word) for word in words]
        missing = [index for index, row in enumerate(rows) if row is None]
        if missing:
            new_words = [words[index] for index in missing]
            word_rows, keys = ngram_keys(new_words, self.alphabet, self.ngram_range)
            counts = csr.vocabulary_counts(self.vocabulary, word_rows, keys, len(new_words), small=small)
            packed = ((counts.indices.astype(np.int64) << 32) | counts.data.astype(np.int64)).tobytes()
            bounds = (counts.indptr * 8).tolist()
            for position, (index, word) in enumerate(zip(missing, new_words, strict=True)):
                rows[index] = cache[word] = packed[bounds[position] : bounds[position + 1]]
        known = cast(list[bytes], rows)
        entries = np.frombuffer(b"".join(known), dtype=np.int64)
        indptr = np.zeros(len(known) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, known), dtype=np.int64, count=len(known)) // 8, out=indptr[1:])
        counts_of = (entries & 0xFFFFFFFF).astype(np.float64)
        return csr.csr(counts_of, entries >> 32, indptr, (len(known), len(self.vocabulary)))

    def __getstate__(self) -> dict[str, object]:
        return {name: value for name, value in self.__dict__.items() if name != "_row_of_word"}

    def feature_names(self) -> list[str]:
        """The n-gram of each column, decoded from its key."""
        base = len(self.alphabet) + 2
        names = []
        for key in self.vocabulary.keys.tolist():
            chars = []
            while key:
                key, digit = divmod(key, base)
                chars.append(chr(int(self.alphabet[digit - 1])))
            names.append("".join(reversed(chars)))
        return names

"""Lemma uni- and bigrams of tokenised texts, counted with numpy over token-type ids.

A batch of lower-cased texts is tokenised once with spaCy (`nlp.tokenizer.pipe`); each Doc
gives its token hashes as one array (`Doc.to_array(ORTH)`), so no Python object is made per
token. The batch's distinct hashes are factorised; only for those distinct types is Python run
(the hash's text, its cached lemma, its id in the vocabulary). Danish texts use lookup lemmas,
English texts the lower-cased word. Tokens without a letter (punctuation, numbers) are dropped
before bigrams are formed, as scikit-learn's word analyser drops them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp
from spacy.attrs import ORTH

from signals.lemmas import danish_lemma, tokenizer
from signals.terms import Vocabulary, select_vocabulary

SKIP = -2  # a token without a letter: removed
UNKNOWN = -1  # a word whose lemma is not in the vocabulary: kept, so it breaks bigrams
_HAS_LETTER = re.compile(r"[^\W\d_]")
_BIGRAM_SHIFT = np.uint64(32)


@dataclass
class TokenBatch:
    """The tokens of a batch: each token's row and type, the types' texts, English flags."""

    rows: np.ndarray
    type_of: np.ndarray  # index into `texts` for each token
    texts: list[str]
    english: np.ndarray  # per token: from an English text


def tokenise(lowered: list[str], english: np.ndarray) -> TokenBatch:
    """Tokenise lower-cased texts once; `english` flags the English texts."""
    nlp = tokenizer()
    docs = nlp.tokenizer.pipe(lowered, batch_size=256)  # type: ignore[union-attr]
    arrays = [doc.to_array(ORTH) for doc in docs]
    lengths = np.fromiter((len(array) for array in arrays), dtype=np.int64, count=len(arrays))
    hashes = np.concatenate(arrays).astype(np.uint64) if arrays else np.zeros(0, dtype=np.uint64)
    rows = np.repeat(np.arange(len(lowered), dtype=np.int64), lengths)
    codes, uniques = pd.factorize(hashes)
    strings = nlp.vocab.strings
    texts = [strings[int(value)] for value in uniques]
    return TokenBatch(rows, codes.astype(np.int64), texts, np.repeat(english, lengths))


def _type_ids(
    batch: TokenBatch, lemma_ids: dict[str, int], *, grow: bool, lemmatise: bool = True
) -> np.ndarray:
    """The lemma id of every token (SKIP, UNKNOWN or an id in `lemma_ids`); with `lemmatise`
    off, the id of the lower-cased word itself (surface forms, Danish and English alike)."""
    n_types = len(batch.texts)
    in_english = np.zeros(n_types, dtype=bool)
    in_english[batch.type_of[batch.english]] = True
    in_danish = np.zeros(n_types, dtype=bool)
    in_danish[batch.type_of[~batch.english]] = True
    danish = np.full(n_types, SKIP, dtype=np.int64)
    english = np.full(n_types, SKIP, dtype=np.int64)

    def id_of(form: str) -> int:
        return lemma_ids.setdefault(form, len(lemma_ids)) if grow else lemma_ids.get(form, UNKNOWN)

    for index, text in enumerate(batch.texts):
        if not _HAS_LETTER.search(text):
            continue
        if in_danish[index]:
            danish[index] = id_of(danish_lemma(text) if lemmatise else text)
        if in_english[index]:
            english[index] = id_of(text)  # English words pass through lower-cased
    return np.where(batch.english, english[batch.type_of], danish[batch.type_of])


def ngram_keys(
    batch: TokenBatch, ids: np.ndarray, ngram_range: tuple[int, int]
) -> tuple[np.ndarray, np.ndarray]:
    """(row, key) of the uni- and/or bigrams; unigram key id+1, bigram key (a+1) << 32 | (b+1)."""
    word = ids != SKIP
    rows, ids = batch.rows[word], ids[word]
    all_rows, all_keys = [], []
    if ngram_range[0] <= 1:
        known = ids >= 0
        all_rows.append(rows[known])
        all_keys.append((ids[known] + 1).astype(np.uint64))
    if ngram_range[1] >= 2 and len(ids) > 1:
        first, second = ids[:-1], ids[1:]
        pair = (rows[:-1] == rows[1:]) & (first >= 0) & (second >= 0)
        keys = ((first[pair] + 1).astype(np.uint64) << _BIGRAM_SHIFT) | (second[pair] + 1).astype(np.uint64)
        all_rows.append(rows[:-1][pair])
        all_keys.append(keys)
    if not all_keys:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint64)
    return np.concatenate(all_rows), np.concatenate(all_keys)


@dataclass
class WordNgramIndex:
    """A fitted word n-gram vocabulary: lemma ids, sorted term keys, n-gram lengths.

    With `lemmatise` off the "lemmas" are the lower-cased words as written (surface n-grams,
    the same tokens without the lemma lookup)."""

    lemma_ids: dict[str, int]
    vocabulary: Vocabulary
    ngram_range: tuple[int, int]
    lemmatise: bool = True

    @classmethod
    def fit(
        cls,
        batch: TokenBatch,
        n_rows: int,
        *,
        ngram_range: tuple[int, int],
        min_df: float,
        max_df: float,
        max_features: int | None,
        lemmatise: bool = True,
    ) -> tuple[WordNgramIndex, sp.csr_matrix]:
        """The index learnt from a token batch and its count matrix over it."""
        lemma_ids: dict[str, int] = {}
        ids = _type_ids(batch, lemma_ids, grow=True, lemmatise=lemmatise)
        rows, keys = ngram_keys(batch, ids, ngram_range)
        kept, counts = select_vocabulary(
            rows, keys, n_rows, min_df=min_df, max_df=max_df, max_features=max_features
        )
        # Keep only the lemmas some kept term uses; ids stay as they were (keys hold them).
        used = np.unique(np.concatenate([kept & np.uint64(0xFFFFFFFF), kept >> _BIGRAM_SHIFT]))
        used_ids = {int(value) - 1 for value in used.tolist() if value}
        kept_lemmas = {word: index for word, index in lemma_ids.items() if index in used_ids}
        return cls(kept_lemmas, Vocabulary(kept), ngram_range, lemmatise), counts

    def counts(self, batch: TokenBatch, n_rows: int) -> sp.csr_matrix:
        ids = _type_ids(batch, self.lemma_ids, grow=False, lemmatise=self.lemmatise)
        rows, keys = ngram_keys(batch, ids, self.ngram_range)
        return self.vocabulary.counts(rows, keys, n_rows)

    def feature_names(self) -> list[str]:
        """Each column's lemma or "lemma lemma" bigram."""
        words = {index + 1: word for word, index in self.lemma_ids.items()}
        mask = np.uint64(0xFFFFFFFF)
        names = []
        for key in self.vocabulary.keys.tolist():
            high, low = key >> 32, key & int(mask)
            names.append(f"{words[high]} {words[low]}" if high else words[low])
        return names

"""Lemma uni- and bigrams of tokenised texts, counted with numpy over token-type ids.

A batch of lower-cased texts is tokenised once with spaCy (`nlp.tokenizer.pipe`); each Doc
gives its token hashes as one array (`Doc.to_array(ORTH)`), so no Python object is made per
token. The batch's distinct hashes are factorised; only for those distinct types is Python run
(the hash's text, its cached lemma, its id in the vocabulary). Danish texts use lookup lemmas,
English texts the lower-cased word. Tokens without a letter (punctuation, numbers) are dropped
before bigrams are formed, as scikit-learn's word analyser drops them.
"""

from __future__ import annotations

import functools
import itertools
import re
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from spacy.attrs import IDX, ORTH
from spacy.tokenizer import Tokenizer

from signals import csr
from signals.charngrams import Words, split_words
from signals.lemmas import danish_lemma, tokenizer
from signals.terms import Vocabulary, select_vocabulary

TYPE_CACHE_LIMIT = 500_000  # token types whose ids a fitted index remembers
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


def tokenise(lowered: list[str], english: np.ndarray, words: Words | None = None) -> TokenBatch:
    """Tokenise lower-cased texts once; `english` flags the English texts; `words` is
    `split_words(lowered)` if the caller has it already.

    The tokens are exactly spaCy's (`tokenise_with_spacy`). spaCy cuts a text at single spaces
    and tokenises each chunk on its own (its cache is keyed by the chunk), so when the texts are
    single-spaced the batch's distinct chunks are tokenised once each, from a cache of their
    token types, and the tokens of a text are its chunks' tokens in order. The one exception, a
    special case spanning two chunks ("1 ." against the rule "1."), is looked for at every chunk
    boundary, and a text where one could match is tokenised by spaCy itself.
    """
    if words is None:
        words = split_words(lowered)
    if not words.single_spaced or len(words.codes) == 0:
        return tokenise_with_spacy(lowered, english)
    cache = _chunk_cache()
    per_chunk = cache.tokens_of(words.uniques)
    lengths = np.fromiter(map(len, per_chunk), dtype=np.int64, count=len(per_chunk))
    flat = np.fromiter(itertools.chain.from_iterable(per_chunk), dtype=np.int64, count=int(lengths.sum()))
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    occurrence_lengths = lengths[words.codes]
    types = flat[csr.ragged(starts[words.codes], occurrence_lengths)]
    rows = np.repeat(words.rows, occurrence_lengths)
    first = np.cumsum(occurrence_lengths) - occurrence_lengths
    risky = _rows_with_cross_chunk_special(cache, words, types, rows, first)
    if risky:
        types, rows = _retokenise_rows(cache, lowered, types, rows, risky)
    codes, uniques = pd.factorize(types)
    texts = [cache.texts[value] for value in uniques.tolist()]
    return TokenBatch(rows, codes.astype(np.int64), texts, english[rows])


def tokenise_with_spacy(lowered: list[str], english: np.ndarray) -> TokenBatch:
    """Tokenise lower-cased texts with spaCy's tokenizer, text by text (the reference)."""
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


class _ChunkCache:
    """Token types of chunks seen before, as ids into `texts` (the token types' strings).

    Bounded: when full, a new cache replaces it (a batch in progress keeps the one it took).
    Entries are only ever added, under a lock, so readers need none.
    """

    MAX_CHUNKS = 400_000

    def __init__(self) -> None:
        self.chunks: dict[str, tuple[int, ...]] = {}
        self.ids: dict[str, int] = {}
        self.texts: list[str] = []
        self._in_pattern = np.zeros((0, 2), dtype=bool)
        self.lock = threading.Lock()

    def tokens_of(self, chunks: list[str]) -> list[tuple[int, ...]]:
        known = self.chunks
        missing = [chunk for chunk in chunks if chunk not in known]
        if missing:
            with self.lock:
                missing = [chunk for chunk in missing if chunk not in known]
                for chunk, tokens in zip(missing, _spacy_chunk_tokens(missing), strict=True):
                    known[chunk] = self.type_ids(tokens)
        return [known[chunk] for chunk in chunks]

    def in_pattern(self) -> np.ndarray:
        """Per token type: (first, second) of a pair of adjacent tokens in a spanning pattern."""
        with self.lock:
            flags = self._in_pattern
            if len(flags) < len(self.texts):
                firsts, seconds = _pattern_pair_tokens()
                new = [(text in firsts, text in seconds) for text in self.texts[len(flags) :]]
                flags = self._in_pattern = np.concatenate([flags, np.asarray(new, dtype=bool).reshape(-1, 2)])
            return flags

    def type_ids(self, tokens: list[str]) -> tuple[int, ...]:
        """Ids of token types (call with the lock held)."""
        ids = []
        for token in tokens:
            index = self.ids.get(token)
            if index is None:
                index = self.ids[token] = len(self.texts)
                self.texts.append(token)
            ids.append(index)
        return tuple(ids)


_cache_holder: list[_ChunkCache] = [_ChunkCache()]


def _chunk_cache() -> _ChunkCache:
    cache = _cache_holder[0]
    if len(cache.chunks) > _ChunkCache.MAX_CHUNKS:
        cache = _cache_holder[0] = _ChunkCache()
    return cache


def _spacy_tokens(text: str) -> list[str]:
    nlp = tokenizer()
    strings = nlp.vocab.strings
    return [strings[value] for value in nlp.tokenizer(text).to_array(ORTH).tolist()]


# Between chunks tokenised in one call: a chunk of its own that no special case holds (checked),
# and that normalised text never holds (control characters are removed).
_CHUNK_SEPARATOR = "\x01"
_CHUNKS_PER_CALL = 4096  # bounds the joined text's length


def _spacy_chunk_tokens(chunks: list[str]) -> list[list[str]]:
    """`_spacy_tokens` of each chunk (a text without whitespace), in a few calls instead of one
    per chunk: a Doc per call made a new chunk cost about a quarter more (25 against 19 us).

    spaCy cuts a text at whitespace and tokenises each piece on its own; only a special case
    matched over tokens could span pieces, and none spans the separator, which no rule holds. So
    the chunks joined by separators give each chunk's own tokens, told apart by their offsets.
    """
    nlp = tokenizer()
    rules: Any = nlp.tokenizer
    if any(_CHUNK_SEPARATOR in rule for rule in rules.rules):
        return [_spacy_tokens(chunk) for chunk in chunks]
    strings = nlp.vocab.strings
    glue = f" {_CHUNK_SEPARATOR} "
    result: list[list[str]] = []
    for first in range(0, len(chunks), _CHUNKS_PER_CALL):
        part = chunks[first : first + _CHUNKS_PER_CALL]
        lengths = np.fromiter(map(len, part), dtype=np.int64, count=len(part))
        starts = np.cumsum(lengths + len(glue)) - lengths - len(glue)  # each chunk's offset
        array = rules(glue.join(part)).to_array([ORTH, IDX])
        offsets = array[:, 1].astype(np.int64)
        owner = np.searchsorted(starts, offsets, side="right") - 1
        inside = offsets < starts[owner] + lengths[owner]  # not the separator's
        texts = [strings[value] for value in array[inside, 0].tolist()]
        bounds = np.searchsorted(owner[inside], np.arange(len(part) + 1)).tolist()
        result += [texts[bounds[i] : bounds[i + 1]] for i in range(len(part))]
    return result


@functools.cache
def _spanning_patterns() -> dict[tuple[str, str], list[tuple[tuple[str, ...], int]]]:
    """The token patterns of spaCy's special cases that are matched over tokens (a special case
    with a prefix, suffix, infix or space is found by a phrase matcher over its affix-split
    tokens), indexed by each pair of adjacent tokens in them: (pattern, index of the pair)."""
    nlp = tokenizer()
    rules: Any = nlp.tokenizer
    plain = Tokenizer(
        nlp.vocab,
        rules={},
        prefix_search=rules.prefix_search,
        suffix_search=rules.suffix_search,
        infix_finditer=rules.infix_finditer,
        token_match=rules.token_match,
        url_match=rules.url_match,
    )
    index: dict[tuple[str, str], list[tuple[tuple[str, ...], int]]] = {}
    for text in rules.rules:
        if rules.find_prefix(text) or rules.find_suffix(text) or rules.find_infix(text) or " " in text:
            pattern = tuple(token.text for token in plain(text))
            for position in range(len(pattern) - 1):
                index.setdefault(pattern[position : position + 2], []).append((pattern, position))
    return index


@functools.cache
def _pattern_pair_tokens() -> tuple[frozenset[str], frozenset[str]]:
    """The tokens that are first, and those that are second, of a pair in `_spanning_patterns`
    (built once: a batch of new texts asks for them, and rebuilding cost ~50 us a call)."""
    pairs = _spanning_patterns()
    return frozenset(a for a, _ in pairs), frozenset(b for _, b in pairs)


def _rows_with_cross_chunk_special(
    cache: _ChunkCache, words: Words, types: np.ndarray, rows: np.ndarray, first: np.ndarray
) -> list[int]:
    """Texts where a special-case pattern matches tokens of two chunks.

    `types`/`rows` are the batch's tokens, `first` the index in them of each chunk occurrence's
    first token."""
    patterns = _spanning_patterns()
    in_pattern = cache.in_pattern()
    boundary = first[1:]  # the first token of every chunk occurrence after the first one
    candidate = (
        (words.rows[:-1] == words.rows[1:])
        & in_pattern[types[boundary - 1], 0]
        & in_pattern[types[boundary], 1]
    )
    risky = set()
    texts = cache.texts
    for at in boundary[candidate].tolist():
        row = int(rows[at])
        for pattern, position in patterns.get((texts[types[at - 1]], texts[types[at]]), []):
            start = at - 1 - position
            end = start + len(pattern)
            inside = start >= 0 and end <= len(types) and rows[start] == row == rows[end - 1]
            if inside and tuple(texts[value] for value in types[start:end].tolist()) == pattern:
                risky.add(row)
    return sorted(risky)


def _retokenise_rows(
    cache: _ChunkCache, lowered: list[str], types: np.ndarray, rows: np.ndarray, risky: list[int]
) -> tuple[np.ndarray, np.ndarray]:
    """`types` and `rows` with the tokens of the `risky` texts replaced by spaCy's own."""
    bounds = np.searchsorted(rows, np.arange(len(lowered) + 1))
    pieces = np.split(types, bounds[1:-1])
    with cache.lock:
        for row in risky:
            pieces[row] = np.asarray(cache.type_ids(_spacy_tokens(lowered[row])), dtype=np.int64)
    lengths = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
    return np.concatenate(pieces), np.repeat(np.arange(len(lowered), dtype=np.int64), lengths)


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
        rows, keys = ngram_keys(batch, self._known_type_ids(batch), self.ngram_range)
        return csr.vocabulary_counts(self.vocabulary, rows, keys, n_rows)

    def _known_type_ids(self, batch: TokenBatch) -> np.ndarray:
        """`_type_ids(batch, self.lemma_ids, grow=False, ...)`, with each token type's (Danish,
        English) id remembered: a batch's types are mostly ones seen before."""
        cache = self.__dict__.get("_ids_of_type")
        if cache is None or len(cache) > TYPE_CACHE_LIMIT:
            cache = self.__dict__["_ids_of_type"] = {}
        pairs = [cache.get(text) for text in batch.texts]
        for index, pair in enumerate(pairs):
            if pair is None:
                text = batch.texts[index]
                if _HAS_LETTER.search(text):
                    danish = self.lemma_ids.get(danish_lemma(text) if self.lemmatise else text, UNKNOWN)
                    pair = (danish, self.lemma_ids.get(text, UNKNOWN))
                else:
                    pair = (SKIP, SKIP)
                pairs[index] = cache[text] = pair
        ids = np.array(pairs, dtype=np.int64).reshape(len(pairs), 2)
        return np.where(batch.english, ids[batch.type_of, 1], ids[batch.type_of, 0])

    def __getstate__(self) -> dict[str, object]:
        return {name: value for name, value in self.__dict__.items() if name != "_ids_of_type"}

    def feature_names(self) -> list[str]:
        """Each column's lemma or "lemma lemma" bigram."""
        words = {index + 1: word for word, index in self.lemma_ids.items()}
        mask = np.uint64(0xFFFFFFFF)
        names = []
        for key in self.vocabulary.keys.tolist():
            high, low = key >> 32, key & int(mask)
            names.append(f"{words[high]} {words[low]}" if high else words[low])
        return names

"""Words said in a denying or distancing sentence: "det handler ikke om ventetiden", "last time ...".

Citizens often name a theme only to set it aside ("Det er ikke, fordi sagen trækker ud"), to
grant it ("Selvom I har svaret hurtigt, ...") or to recall a past that is settled ("Sidste gang
jeg klagede, ..."). In a bag of n-grams those words count as if the theme were the complaint.
`DenialFeatures` gives the words of such sentences a block of their own, so that a linear
model can weigh "ventetid" in a denial apart from "ventetid" asserted.

A sentence counts when it holds one of a short list of Danish and English constructions of
denial, concession or an earlier matter (`DENIAL`). The list is deliberately small and
general; it is not a parser. Negation of the complaint itself ("jeg har ikke fået svar") is
not a denial and does not match; "ikke om"/"ikke det" sometimes match a plain negation, which
only moves those words to the denial block, beside their ordinary n-grams.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

from signals import csr
from signals.terms import tfidf
from signals.text import as_texts

# The constructions, in lower case; `DENIAL` matches them in any case.
_PHRASES = (
    # Danish: a theme denied or set aside, a concession, a past that is settled
    r"ikke (?:om|derfor|det|dét|over|så meget)"
    r"|ikke,? fordi"
    r"|handler (?:egentlig |faktisk )?ikke"
    r"|klager ikke"
    r"|er ikke (?:det|problemet|derfor)"
    r"|selvom"
    r"|heldigvis"
    r"|sidste gang"
    r"|tidligere"
    r"|for (?:et par|nogle) år siden"
    # English
    r"|not (?:about|why|the (?:problem|issue|reason))"
    r"|isn't (?:about|the)"
    r"|although"
    r"|last time"
    r"|years ago"
    r"|fortunately"
)
DENIAL = re.compile(rf"\b(?:{_PHRASES})\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
# The same matches, found faster: every separator starts with whitespace, which the engine scans
# for in C (a pattern starting with a lookbehind is tried at every position).
_SENTENCE_BREAK = re.compile(r"\s(?:(?<=[.!?;]\s)\s*|(?<=\n)\n*)")

# `denied_sentences` finds the constructions in one scan of the text folded to lower case (a
# case-blind pattern tries ~20 alternatives at every word start and costs several times more).
# Folding: str.lower(), except for the characters whose lower case is not what IGNORECASE
# matches: "İ" lowers to two characters, "ı" and "ſ" match "i" and "s" but lower to themselves.
# The tests check for every code point that the folded character equals a pattern character
# exactly when IGNORECASE matches it, keeps the length, and is a word character as before.
_FOLD_FIRST = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
# A construction at a word start: the scan consumes the character before it, which lets the
# engine skip from candidate to candidate ([^0-9a-z_] is tested in C, a superset of \W in folded
# text; the lookbehind then requires \W exactly). The text's first word is tried on its own.
_DENIAL_AFTER = re.compile(rf"[^0-9a-z_](?<=\W)(?:{_PHRASES})\b")
_DENIAL_FIRST = re.compile(rf"(?:{_PHRASES})\b")


def _folded(text: str) -> str:
    """`text` in lower case as DENIAL's IGNORECASE sees it, character for character."""
    if "İ" in text or "ı" in text or "ſ" in text:
        text = text.translate(_FOLD_FIRST)
    return text.lower()


def denied_sentences(text: str) -> str:
    """The sentences of `text` that hold a denial construction, joined by spaces ("" if none).

    A sentence counts when `DENIAL.search(sentence)` finds one; computed from one scan of the
    whole text: no construction spans a sentence end (none holds ".!?;" or a line break) and the
    text around a sentence, whitespace, bounds a word as the sentence's own ends do."""
    folded = _folded(text)
    found = [hit.start() + 1 for hit in _DENIAL_AFTER.finditer(folded)]
    if _DENIAL_FIRST.match(folded):
        found.insert(0, 0)
    if not found:
        return ""
    # The sentences are the pieces between separators, as `_SENTENCE_END.split` gives them.
    sentences = []
    start = 0
    index = 0
    for separator in _SENTENCE_BREAK.finditer(text):
        end = separator.start()
        if found[index] < end:
            sentences.append(text[start:end])
            while index < len(found) and found[index] < end:
                index += 1
            if index == len(found):
                return " ".join(sentences)
        start = separator.end()
    sentences.append(text[start:])
    return " ".join(sentences)


class DenialFeatures(TransformerMixin, BaseEstimator):
    """TF-IDF over the words of denying sentences ("d:" columns); L2 per row, sublinear tf.

    Takes a 1-D array-like of texts. With no denying sentence in the training texts the block
    has no columns.
    """

    def __init__(self, *, min_df: int = 2) -> None:
        self.min_df = min_df

    def fit(self, X: Any, y: Any = None) -> DenialFeatures:
        texts = [denied_sentences(text) for text in as_texts(X)]
        vectorizer = TfidfVectorizer(min_df=self.min_df, sublinear_tf=True, dtype=np.float64)
        try:
            vectorizer.fit(texts)
        except ValueError:  # no term left: no denying sentence, or none frequent enough
            self.vectorizer_: TfidfVectorizer | None = None
            self.n_features_out_ = 0
        else:
            self.vectorizer_ = vectorizer
            self.n_features_out_ = len(vectorizer.vocabulary_)
        return self

    def transform(self, X: Any) -> sp.csr_matrix:
        check_is_fitted(self, "n_features_out_")
        return self.transform_texts(as_texts(X))

    def transform_texts(self, texts: list[str]) -> sp.csr_matrix:
        """`transform` of a list of texts, without scikit-learn's checks and output wrapping."""
        vectorizer = self.vectorizer_
        if vectorizer is None:
            return sp.csr_matrix((len(texts), 0), dtype=np.float64)
        denied = [denied_sentences(text) for text in texts]
        if not csr.is_small(len(texts)) or not _plain_tfidf(vectorizer):
            return sp.csr_matrix(vectorizer.transform(denied))
        # A few texts: the vectorizer's counts and TF-IDF (l2 rows, sublinear tf), computed as
        # it does but without its checks and conversions (tested equal); most texts deny nothing.
        vocabulary = vectorizer.vocabulary_
        rows: list[int] = []
        columns: list[int] = []
        analyse = vectorizer.build_analyzer() if any(denied) else None
        for row, sentences in enumerate(denied):
            if sentences and analyse is not None:
                found = [vocabulary.get(term) for term in analyse(sentences)]
                kept = [column for column in found if column is not None]
                rows += [row] * len(kept)
                columns += kept
        counts = csr.counts(
            np.asarray(rows, dtype=np.int64), np.asarray(columns, dtype=np.int64), len(texts), len(vocabulary)
        )
        return tfidf(counts, vectorizer.idf_, sublinear_tf=True)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        check_is_fitted(self, "n_features_out_")
        if self.vectorizer_ is None:
            return np.asarray([], dtype=object)
        return np.asarray(["d:" + name for name in self.vectorizer_.get_feature_names_out()], dtype=object)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.one_d_array = True
        tags.input_tags.string = True
        return tags


def _plain_tfidf(vectorizer: TfidfVectorizer) -> bool:
    """The vectorizer weighs as `signals.terms.tfidf(sublinear_tf=True)` does (how `fit` makes it)."""
    return (
        vectorizer.norm == "l2"
        and vectorizer.use_idf
        and vectorizer.smooth_idf
        and vectorizer.sublinear_tf
        and not vectorizer.binary
        and vectorizer.dtype == np.float64
    )

"""Tokenisation with spaCy's blank Danish pipeline and cached lookup lemmas.

`tokenizer()` builds `spacy.blank("da")` once per process (never pickled) with the anonymiser's
placeholders as single tokens. Lemmas come from spacy-lookups-data's Danish table, looked up
for the lower-cased token (so a capitalised first word gets its lemma too: "Kommunens" ->
"kommune") and cached per token type: spaCy's own lemmatizer pipe does the same lookup per
token and costs about ten times the tokenizer.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from signals.lexicon import lemma_table

# The anonymiser's placeholders (signals.anonymise); each stays one token, in either case.
PLACEHOLDERS = (
    "NAVN",
    "CPR",
    "ADRESSE",
    "TELEFON",
    "EMAIL",
    "SAGSNR",
    "DATO",
    "POSTNR",
    "BY",
    "KONTO",
    "NUMMERPLADE",
    "URL",
    "NUMMER",
    "ID",
)

_CACHE_LIMIT = 1_000_000
_danish_lemmas: dict[str, str] = {}


@functools.cache
def tokenizer() -> Language:
    """spacy.blank("da") with the placeholders as special cases (built once per process)."""
    nlp = spacy.blank("da")
    for name in PLACEHOLDERS:
        for text in (f"[{name}]", f"[{name.lower()}]"):
            nlp.tokenizer.add_special_case(text, [{ORTH: text}])  # type: ignore[union-attr]
    return nlp


def danish_lemma(token: str) -> str:
    """The lookup lemma of a lower-cased Danish token (the token itself if the table lacks it)."""
    lemma = _danish_lemmas.get(token)
    if lemma is None:
        lemma = lemma_table().get(token, token)
        if len(_danish_lemmas) < _CACHE_LIMIT:
            _danish_lemmas[token] = lemma
    return lemma


def lemma(token: str, language: str) -> str:
    """The lemma of a token: Danish lookup lemma of its lower case, or English lower case."""
    lowered = token.lower()
    return danish_lemma(lowered) if language == "da" else lowered


def cached_types() -> frozenset[str]:
    """The lower-cased token types whose Danish lemma is cached (for the benchmark)."""
    return frozenset(_danish_lemmas)

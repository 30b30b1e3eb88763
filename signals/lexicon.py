"""The Danish word list everything else leans on: spacy-lookups-data's lemma table, read offline.

The table (`da_lemma_lookup`, ~553,000 inflected forms) gives lookup lemmas, and its keys and
values together are our set of known Danish word forms (for repairing text written without
æøå or damaged by OCR). Both load lazily, once per process, and are never pickled.
"""

from __future__ import annotations

import functools
import gzip
import json
from importlib import resources

from spacy.lang.da.stop_words import STOP_WORDS as DA_STOP_WORDS
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS

LEMMA_TABLE_FILE = "da_lemma_lookup.json.gz"


@functools.cache
def lemma_table() -> dict[str, str]:
    """spacy-lookups-data's Danish lookup table: inflected form -> lemma (case-sensitive keys)."""
    path = resources.files("spacy_lookups_data") / "data" / LEMMA_TABLE_FILE
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        table: dict[str, str] = json.load(handle)
    return table


@functools.cache
def known_forms() -> frozenset[str]:
    """Lower-cased Danish word forms: the lemma table's keys and values plus spaCy's stop words."""
    table = lemma_table()
    forms = {key.lower() for key in table}
    forms.update(value.lower() for value in table.values())
    forms.update(DA_STOP_WORDS)
    return frozenset(forms)


# Stop words that tell the languages apart: each list without the words both share ("i", "for",
# "over", ...) and without abbreviations that occur in Danish text too ("ca", "re").
_SHARED = DA_STOP_WORDS & EN_STOP_WORDS
DA_MARKERS: frozenset[str] = frozenset(DA_STOP_WORDS - _SHARED)
EN_MARKERS: frozenset[str] = frozenset(EN_STOP_WORDS - _SHARED - {"ca", "re", "’s", "‘s", "'s"})

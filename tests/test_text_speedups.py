"""Fast paths of normalisation, repair, cue matching and denial equal the plain computations they replace."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from signals import repair
from signals.cue_lexicon import CUE_LEXICON
from signals.cue_matcher import _bounded, _cue_starts, expand_leading_group, factor, match_cues, matcher
from signals.cues import _upper_case_share
from signals.denial import _SENTENCE_BREAK, _SENTENCE_END
from signals.language import WORD_RE, words_of
from signals.lexicon import known_forms
from signals.normalise import (
    forget_last_batch,
    lower_same_length,
    normalise_batch,
    normalise_batch_with_offsets,
    normalise_with_language,
)
from signals.repair import _NO_PART_RE, _best_repair

LATIN1 = "".join(map(chr, range(256)))

TEXTS = [
    "",
    "Jeg har IKKE fået svar igen, og sagsbehandleren svarer stadig ikke!",
    "Jeg har ringet 7 gange og skrevet ١٢ gange; igen og igen.",
    "igen: første ord er en cue. Borgmesteren og socialborgmesteren ved det.",
    "Det er ærgerligt, at jeg aergerligt maa skrive til kommunen paa ny.",
    "Sagsbehandleren svarede ikke paa min henvendelse om bostoettemedarbejderen.",
    "1 kommunen har jeg ventet 1 måned. [NAVN][CPR] skrev til mig@example.dk igen",
    "İstanbul og ß: STRASSE, ÆBLE, Øre, Åen; 😀 €100 — «citat»",
    "x\u00a0y\u200bz\x1c\x1dord\x85ord a_b@c&d ²³¹ ª º µ ÿ",
    "  \n\n  igen  \n igen\t",
    LATIN1,
    LATIN1.upper() + LATIN1.lower(),
]


@pytest.mark.parametrize("text", [*TEXTS, *(text.lower() for text in TEXTS)])
def test_words_of_equals_the_regular_expression(text: str) -> None:
    assert words_of(text) == WORD_RE.findall(text)


def test_words_of_splits_at_every_latin1_character_the_expression_does_not_take() -> None:
    for char in LATIN1:
        assert words_of(f"ab{char}cd") == WORD_RE.findall(f"ab{char}cd"), repr(char)


@pytest.mark.parametrize("text", TEXTS)
def test_upper_case_share_of_latin1_text_equals_the_code_point_count(text: str) -> None:
    # "€" is uncased and no Latin-1 character: the same share, counted on code-point arrays
    shares = [_upper_case_share(text + tail, lower_same_length(text + tail)) for tail in ("", "€")]
    assert shares[0] == shares[1]


def test_upper_case_share_of_each_latin1_character() -> None:
    for char in LATIN1:
        text = f"aB{char}"
        assert _upper_case_share(text, lower_same_length(text)) == _upper_case_share(
            text + "€", lower_same_length(text + "€")
        ), repr(char)


def _plain_cue_starts(lowered: str) -> list[int]:
    """Where the combined pattern of the lexicon, bounded on both sides, matches (`finditer`)."""
    every = [
        pattern
        for entries in CUE_LEXICON.values()
        for entry in entries
        for pattern in expand_leading_group(entry)
        if not pattern.startswith(r"\w*")
    ]
    return [hit.start() for hit in _bounded(factor(every)).finditer(lowered)]


@pytest.mark.parametrize("text", TEXTS)
def test_cue_starts_equal_the_bounded_combined_pattern(text: str) -> None:
    lowered = lower_same_length(text)
    assert _cue_starts(matcher(), lowered) == _plain_cue_starts(lowered)


@pytest.mark.parametrize("text", TEXTS)
def test_only_categories_that_cannot_start_there_are_skipped(text: str) -> None:
    lowered = lower_same_length(text)
    compiled = matcher()
    for position in _cue_starts(compiled, lowered):
        tried = compiled.by_first.get(lowered[position], compiled.per_category)
        for category, pattern in compiled.per_category:
            if pattern.match(lowered, position):
                assert (category, pattern) in tried


def test_a_cue_after_a_non_ascii_digit_is_found() -> None:
    spans = match_cues("det skete ١٢ gange")
    assert [(span.category, span.start, span.end) for span in spans] == [("gentagelse", 10, 18)]


def test_a_lexicon_cue_starting_with_no_letter_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(CUE_LEXICON, "gentagelse", (*CUE_LEXICON["gentagelse"], r"\.\.\. igen"))
    matcher.cache_clear()
    try:
        with pytest.raises(ValueError, match="must start with"):
            matcher()
    finally:
        monkeypatch.undo()
        matcher.cache_clear()


@pytest.mark.parametrize("batch", [normalise_batch, normalise_batch_with_offsets])
def test_batches_carry_the_lower_case_of_the_normalised_text(batch: Callable[[list[str]], Any]) -> None:
    forget_last_batch()
    texts = [*TEXTS, "Jeg har IKKE faaet svar fra SAGSBEHANDLEREN", "İ paa"]
    batch(texts)
    prepared = normalise_batch(texts)  # the remembered batch, after normalise_batch_with_offsets
    for text, item in zip(texts, prepared, strict=True):
        assert (item.text, item.language) == normalise_with_language(text)
        assert item.lowered == lower_same_length(item.text)
    forget_last_batch()


@pytest.mark.parametrize(
    "text", [*TEXTS, ". \n x.\x1c\x85 y;\u2028\n\nz!\t\n w? .", "\n\n.\n \n", ".\u3000a"]
)
def test_sentence_breaks_equal_the_sentence_ends(text: str) -> None:
    assert [hit.span() for hit in _SENTENCE_BREAK.finditer(text)] == [
        hit.span() for hit in _SENTENCE_END.finditer(text)
    ]


def test_no_known_form_holds_a_character_that_rules_out_compounds() -> None:
    assert not any(_NO_PART_RE.search(form) for form in known_forms())


# Tokens holding "@", "&" or "_": e-mail addresses, and OCR damage that the repair mends.
TOKENS_WITH_NO_PART_CHARACTERS = [
    "aarnav_jovinelli44@outlook",
    "anettesimonsen95@yahoo",
    "hedvig_heath41@hotmail",
    "afg@relsen",
    "b@rnefamilieenheden",
    "borgerr&dgiverens",
    "bolig&ndring",
    "d@gnrytmeplanen",
    "sagsbehandl&ren_2",
]


def test_the_shortcut_for_such_characters_changes_no_repair(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [_best_repair(token) for token in TOKENS_WITH_NO_PART_CHARACTERS]
    assert "borgerrædgiverens" in fast and "boligændring" in fast  # compounds found all the same
    monkeypatch.setattr(repair, "_NO_PART_RE", re.compile("(?!)"))  # a pattern that never matches
    assert [_best_repair(token) for token in TOKENS_WITH_NO_PART_CHARACTERS] == fast

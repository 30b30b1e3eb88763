"""Words of denying sentences: which sentences count, and the fitted block."""

from __future__ import annotations

import numpy as np
import pytest

from signals.denial import _SENTENCE_END, DENIAL, DenialFeatures, _folded, denied_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jeg har ikke fået svar. Det er ikke, fordi sagen trækker ud.",
            "Det er ikke, fordi sagen trækker ud.",
        ),
        (
            "Det handler egentlig ikke om ventetiden. Tonen er problemet!",
            "Det handler egentlig ikke om ventetiden.",
        ),
        (
            "Selvom I svarede hurtigt, var tonen grov. Jeg er vred.",
            "Selvom I svarede hurtigt, var tonen grov.",
        ),
        (
            "Sidste gang jeg klagede, gik det fint.\nNu går det galt.",
            "Sidste gang jeg klagede, gik det fint.",
        ),
        ("It is not about the delay; the tone is the problem.", "It is not about the delay;"),
        (
            "Although you answered quickly, nobody listened.",
            "Although you answered quickly, nobody listened.",
        ),
    ],
)
def test_denying_sentences_are_found(text: str, expected: str) -> None:
    assert denied_sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Jeg har ikke fået svar, og ingen ringer tilbage.",  # the complaint itself negated: not a denial
        "I have not received an answer.",
        "",
    ],
)
def test_plain_complaints_have_no_denying_sentence(text: str) -> None:
    assert denied_sentences(text) == ""


def test_the_block_weighs_only_the_words_of_denying_sentences() -> None:
    texts = [
        "Det handler ikke om ventetiden. Tonen er grov.",
        "Det er ikke, fordi ventetiden er lang. Ingen svarer.",
        "Ventetiden er lang.",
    ]
    block = DenialFeatures(min_df=1).fit(texts)
    names = list(block.get_feature_names_out())
    assert "d:ventetiden" in names and "d:tonen" not in names and "d:svarer" not in names
    matrix = block.transform(texts)
    assert matrix.shape == (3, len(names))
    assert matrix[2].nnz == 0  # nothing denied in the third text
    np.testing.assert_allclose(np.sqrt(matrix[:2].multiply(matrix[:2]).sum(axis=1)).A1, 1.0)


def test_no_denying_sentence_in_training_gives_an_empty_block() -> None:
    block = DenialFeatures().fit(["Ingen svarer.", "Tonen er grov."])
    assert block.n_features_out_ == 0 and len(block.get_feature_names_out()) == 0
    assert block.transform(["Det handler ikke om tonen."]).shape == (1, 0)


def test_a_few_texts_are_weighed_as_the_vectorizer_weighs_them() -> None:
    """`transform_texts` of a small batch counts and weighs without scikit-learn's checks: the same
    matrix as the fitted vectorizer's own transform."""
    import scipy.sparse as sp

    training = [
        "Det handler ikke om ventetiden, men om tonen i brevet.",
        "Selvom I har svaret hurtigt, er afgørelsen forkert. Sagen trækker ud.",
        "Sidste gang jeg klagede, fik jeg intet svar om ventetiden.",
        "It is not about the waiting time. Although you replied, nothing changed.",
        "Det er ikke, fordi sagen trækker ud, men tonen er grov.",
    ] * 2
    block = DenialFeatures(min_df=2).fit(training)
    assert block.vectorizer_ is not None
    texts = [*training[:4], "Ingen benægtelse her.", "Det handler ikke om ventetiden ventetiden ventetiden."]
    for size in (1, 3, len(texts)):
        for start in range(0, len(texts), size):
            part = texts[start : start + size]
            ours = block.transform_texts(part)
            theirs = sp.csr_matrix(block.vectorizer_.transform([denied_sentences(text) for text in part]))
            assert ours.shape == theirs.shape
            np.testing.assert_array_equal(ours.indptr, theirs.indptr)
            np.testing.assert_array_equal(ours.indices, theirs.indices)
            np.testing.assert_array_equal(ours.data, theirs.data)


def _denied_by_sentence(text: str) -> str:
    """The definition `denied_sentences` computes in one scan: each sentence searched on its own."""
    return " ".join(sentence for sentence in _SENTENCE_END.split(text) if DENIAL.search(sentence))


def test_the_folded_scan_sees_each_character_as_ignorecase_does() -> None:
    """For every code point: folded, it stays one word character (or one non-word character) and
    equals a character of the constructions exactly when DENIAL's IGNORECASE matches it there."""
    import re
    import sys

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    folded = _folded(every)
    assert len(folded) == len(every)
    word = re.compile(r"\w")
    assert [hit.start() for hit in word.finditer(folded)] == [hit.start() for hit in word.finditer(every)]
    pattern_chars = set(re.sub(r"\\b|\(\?:|[()|?]", "", DENIAL.pattern))
    assert {" ", ",", "'", "i", "k", "s", "å", "é"} <= pattern_chars
    for char in pattern_chars:
        ignoring_case = [hit.start() for hit in re.finditer(re.escape(char), every, re.IGNORECASE)]
        assert [hit.start() for hit in re.finditer(re.escape(char), folded)] == ignoring_case, char
    # Final sigma lowers by context, to another non-pattern word character
    assert _folded("ΣΑΣ ΣΙΣ.") == "σας σις."


def test_one_scan_finds_the_sentences_each_sentence_search_finds() -> None:
    """Random texts of constructions in odd case and spelling, other words, word glue and every
    kind of sentence end: the same sentences as searching each sentence on its own."""
    import random

    generator = random.Random(7)
    constructions = [
        "ikke om", "IKKE derfor", "Ikke dét", "ikke så meget", "ikke, fordi", "ikke fordi", "ikke,fordi",
        "handler egentlig ikke", "handler faktisk ikke", "HANDLER ikke", "klager ikke", "er ikke problemet",
        "Selvom", "heldigvis", "sidste gang", "Tidligere", "for et par år siden", "for nogle ÅR siden",
        "for nogle År siden", "not about", "NOT the issue", "isn't the", "although", "Last time",
        "years ago", "fortunately", "İkke om", "ıkke om", "ſelvom", "KLAGER İKKE", "klager ıkke",
    ]  # fmt: skip
    others = ["jeg", "sagen", "ikke", "er", "for", "not", "ventetiden", "ÆØÅ", "Σας", "2024", "ikkeom", "_"]
    glue = [" ", " ", " ", "", "_", "-", "(", '"', "9", "é"]
    ends = [". ", "! ", "?\n", "; ", ".\n\n", "\n", " \n ", ".", ".  ", ";\t", ", "]
    texts = ["", "ikke om", "selvom.", " selvom", "\nselvom", "fortunately\n", "xselvom", "selvomx"]
    for _ in range(3000):
        parts = []
        for _ in range(generator.randint(1, 14)):
            parts.append(generator.choice(constructions if generator.random() < 0.3 else others))
            parts.append(generator.choice(ends if generator.random() < 0.25 else glue))
        texts.append("".join(parts))
    for text in texts:
        assert denied_sentences(text) == _denied_by_sentence(text), text

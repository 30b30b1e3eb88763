"""Words of denying sentences: which sentences count, and the fitted block."""

from __future__ import annotations

import numpy as np
import pytest

from signals.denial import DenialFeatures, denied_sentences


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

"""The conflict-cue lexicon: categories, negation, offsets into the original text, CueFeatures."""

from __future__ import annotations

import io
import math

import joblib
import numpy as np
import pandas as pd
import pytest
from sklearn.utils.estimator_checks import parametrize_with_checks

from signals.cue_lexicon import CUE_LEXICON
from signals.cue_matcher import expand_leading_group
from signals.cues import CUE_CATEGORIES, CUE_LABELS_DA, FEATURE_NAMES, CueFeatures, CueSpan, find_cues


def cues_of(text: str) -> set[tuple[str, str, bool]]:
    """(category, original text of the span, negated) for every cue in `text`."""
    return {(span.category, text[span.start : span.end], span.negated) for span in find_cues(text)}


def categories_of(text: str) -> set[str]:
    return {span.category for span in find_cues(text) if not span.negated}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # gentagelse
        ("Jeg skriver igen til jer.", "gentagelse"),
        ("Det er for tredje gang, jeg klager.", "gentagelse"),
        ("Endnu en gang må jeg skrive.", "gentagelse"),
        ("Det sker gang på gang.", "gentagelse"),
        ("Jeg har atter ringet.", "gentagelse"),
        ("Jeg har skrevet 7 gange til forvaltningen.", "gentagelse"),
        ("Jeg har ringet til dem utallige gange.", "gentagelse"),
        ("Jeg har stadig ikke fået svar.", "gentagelse"),
        ("Jeg har rykket for svar.", "gentagelse"),
        ("I have written again.", "gentagelse"),
        ("This is the fourth time I write.", "gentagelse"),
        ("I have called 12 times.", "gentagelse"),
        ("I still haven't received anything.", "gentagelse"),
        # eskalering
        ("Jeg har skrevet til borgmesteren.", "eskalering"),
        ("Socialborgmesterens kontor svarede ikke.", "eskalering"),
        ("Nu går jeg til pressen.", "eskalering"),
        ("En journalist fra avisen har ringet.", "eskalering"),
        ("Jeg har kontaktet en advokat.", "eskalering"),
        ("Sagen er sendt til Folketingets Ombudsmand.", "eskalering"),
        ("Jeg har klaget til Ankestyrelsen.", "eskalering"),
        ("Jeg går videre med sagen.", "eskalering"),
        ("Jeg vil politianmelde medarbejderen.", "eskalering"),
        ("Jeg skriver til byrådet.", "eskalering"),
        ("I have written to the mayor.", "eskalering"),
        ("I will take this further.", "eskalering"),
        ("My lawyer will contact you.", "eskalering"),
        # mistillid
        ("Jeg stoler ikke på forvaltningen.", "mistillid"),
        ("Min tillid til kommunen er væk.", "mistillid"),
        ("Det er det rene løgn.", "mistillid"),
        ("Sagsbehandleren lyver.", "mistillid"),
        ("De manipulerer med oplysningerne.", "mistillid"),
        ("De er ligeglade med os.", "mistillid"),
        ("Jeg har fuldstændig mistillid til dem.", "mistillid"),
        ("I do not trust the department.", "mistillid"),
        ("You lied to me.", "mistillid"),
        ("They don't care about us.", "mistillid"),
        # ikke_hoert
        ("Ingen lytter til mig.", "ikke_hoert"),
        ("Jeg føler mig ikke hørt.", "ikke_hoert"),
        ("Jeg bliver ikke taget alvorligt.", "ikke_hoert"),
        ("Jeg bliver ikke set.", "ikke_hoert"),
        ("Mine mails bliver ignoreret.", "ikke_hoert"),
        ("Nobody listens to me.", "ikke_hoert"),
        ("I am not being taken seriously.", "ikke_hoert"),
        ("I feel ignored.", "ikke_hoert"),
        # loefter
        ("Hun lovede at ringe tilbage.", "loefter"),
        ("Jeg blev lovet et møde.", "loefter"),
        ("Aftalen blev ikke overholdt.", "loefter"),
        ("Jeg hørte aldrig mere fra dem.", "loefter"),
        ("Hun sagde, at hun ville vende tilbage.", "loefter"),
        ("They promised to call.", "loefter"),
        ("I never heard back.", "loefter"),
        # undskyldning
        ("Jeg vil have en undskyldning.", "undskyldning"),
        ("Jeg ønsker, at nogen indrømmer fejlen.", "undskyldning"),
        ("Jeg klager, så det ikke sker for andre.", "undskyldning"),
        ("Kommunen bør erkende, at der er sket fejl.", "undskyldning"),
        ("I want an apology.", "undskyldning"),
        ("So this does not happen to other families.", "undskyldning"),
        # igangvaerende
        ("Det handler om min søns anbringelse.", "igangvaerende"),
        ("Vi skal jo samarbejde med forvaltningen.", "igangvaerende"),
        ("Hjemmehjælpen kommer hver uge.", "igangvaerende"),
        ("Min mor modtager stadig hjemmepleje.", "igangvaerende"),
        ("Min datter bor fortsat i plejefamilien.", "igangvaerende"),
        ("My son is in foster care.", "igangvaerende"),
        ("The home care comes every week.", "igangvaerende"),
    ],
)
def test_cue_phrase_is_found(text: str, category: str) -> None:
    assert category in categories_of(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Nu går jeg videre med sagen.", "eskalering"),
        ("Jeg vil have, at nogen indrømmer fejlen.", "undskyldning"),
        ("Jeg hørte aldrig mere fra dem.", "loefter"),
        ("Jeg føler mig ikke hørt.", "ikke_hoert"),
        ("Det er det rene løgn.", "mistillid"),
        ("Min søn er anbragt, og vi skal jo samarbejde fremover.", "igangvaerende"),
        ("Jeg skriver endnu en gang, gang på gang.", "gentagelse"),
    ],
)
def test_cues_without_æøå(text: str, category: str) -> None:
    flat = text.translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"}))
    assert flat != text
    assert category in categories_of(flat)


@pytest.mark.parametrize(
    "text",
    [
        "Jeg har ringet til kommunen om min ansøgning.",
        "Tak for et godt møde i sidste uge.",
        "Jeg søger om boligstøtte og vedlægger lønsedler.",
        "Jeg er presset og har travlt med at flytte.",
        "I am applying for housing support.",
    ],
)
def test_neutral_text_has_no_cues(text: str) -> None:
    assert find_cues(text) == []


@pytest.mark.parametrize(
    ("text", "cue", "category", "negated"),
    [
        ("Jeg har aldrig fået en undskyldning.", "undskyldning", "undskyldning", True),
        ("Jeg har ikke kontaktet pressen.", "pressen", "eskalering", True),
        ("Der er ingen advokat involveret.", "advokat", "eskalering", True),
        ("I have never contacted a lawyer.", "lawyer", "eskalering", True),
        ("I did not want an apology.", "apology", "undskyldning", True),
        ("Jeg vil ikke igen opleve det.", "igen", "gentagelse", True),
        # the negation stays in its clause
        ("Det var ikke min idé, men jeg har skrevet til borgmesteren.", "borgmesteren", "eskalering", False),
        ("Jeg ved det ikke. Borgmesteren må svare.", "Borgmesteren", "eskalering", False),
        ("Jeg har ikke fået svar, så nu går jeg til pressen.", "pressen", "eskalering", False),
        ("Jeg har ikke\nklaget til pressen.", "pressen", "eskalering", False),
        ("Jeg vil ikke (igen) skrive.", "igen", "gentagelse", False),
        ("Jeg har ikke ringet til borgmesteren.", "borgmesteren", "eskalering", True),
        ("We don't want the press involved.", "the press", "eskalering", True),
        # cues that carry their own negation are not flipped
        ("Jeg føler mig ikke hørt.", "føler mig ikke hørt", "ikke_hoert", False),
        ("Aftalen blev ikke overholdt.", "Aftalen blev ikke overholdt", "loefter", False),
        ("Jeg har stadig ikke fået svar.", "stadig ikke", "gentagelse", False),
        ("Ingen lytter.", "Ingen lytter", "ikke_hoert", False),
        ("Jeg stoler ikke på dem.", "stoler ikke på", "mistillid", False),
        ("Jeg hørte aldrig mere fra hende.", "hørte aldrig mere", "loefter", False),
        ("så det ikke sker for andre", "så det ikke sker for andre", "undskyldning", False),
        ("Jeg har ingen tillid til dem.", "ingen tillid", "mistillid", False),
        ("I do not trust them.", "do not trust", "mistillid", False),
        ("Nobody listens.", "Nobody listens", "ikke_hoert", False),
    ],
)
def test_negation(text: str, cue: str, category: str, negated: bool) -> None:
    assert (category, cue, negated) in cues_of(text)


def test_a_cue_inside_a_longer_one_of_its_category_counts_once() -> None:
    spans = [span for span in find_cues("Jeg har ingen tillid til dem.") if span.category == "mistillid"]
    assert len(spans) == 1


@pytest.mark.parametrize(
    ("text", "cue", "category"),
    [
        ("Hej. Jeg har skrevet til BORGMESTEREN igen!", "BORGMESTEREN", "eskalering"),
        ("[NAVN] lovede mig et møde, men [NAVN] ringede aldrig.", "lovede", "loefter"),
        ("Min søn [NAVN] ([CPR]) er anbragt i en plejefamilie.", "plejefamilie", "igangvaerende"),
        ("Jeg føler mig  ikke\u00a0hørt.", "føler mig  ikke\u00a0hørt", "ikke_hoert"),
        (
            "Sagsbehandleren lovede at ringe, men jeg hoerte aldrig mere fra hende.",
            "hoerte aldrig mere",
            "loefter",
        ),
        ("Jeg har ingen tillid til Socialforvaltningen.", "ingen tillid", "mistillid"),
        ("Kommunen har \u201cglemt\u201d mig \u2013 igen og igen.", "igen og igen", "gentagelse"),
        ("Jeg fgler mig ikke hgrt af forvaltningen.", "fgler mig ikke hgrt", "ikke_hoert"),
        ("Jeg vil have en undskyldning\u0301 nu.", "undskyldning\u0301", "undskyldning"),
        (
            "\ufb01ne ord, men jeg f\u00f8ler mig ikke h\u00f8rt",
            "f\u00f8ler mig ikke h\u00f8rt",
            "ikke_hoert",
        ),
        ("Jeg blev lovet hjælp. De har lo\u0301vet det før.", "blev lovet", "loefter"),
    ],
)
def test_offsets_point_into_the_original_text(text: str, cue: str, category: str) -> None:
    spans = [span for span in find_cues(text) if span.category == category]
    assert cue in [text[span.start : span.end] for span in spans]


def test_compound_heads_widen_to_the_whole_word() -> None:
    text = "Overborgmesterens og socialborgmesterens kontorer, og min mistillid."
    found = {text[span.start : span.end] for span in find_cues(text)}
    assert {"Overborgmesterens", "socialborgmesterens", "mistillid"} <= found


def test_spans_are_sorted_and_inside_the_text() -> None:
    text = "Igen og igen! Jeg har skrevet til borgmesteren, og de lovede at ringe. Ingen lytter."
    spans = find_cues(text)
    assert spans == sorted(spans, key=lambda span: (span.start, span.end, span.category))
    assert all(0 <= span.start < span.end <= len(text) for span in spans)
    assert all(isinstance(span, CueSpan) for span in spans)


def test_every_category_has_a_danish_label_and_entries() -> None:
    assert set(CUE_LABELS_DA) == set(CUE_CATEGORIES) == set(CUE_LEXICON)
    assert {
        "gentagelse",
        "eskalering",
        "mistillid",
        "ikke_hoert",
        "loefter",
        "undskyldning",
        "igangvaerende",
    } <= set(CUE_CATEGORIES)
    assert all(label and label[0].islower() for label in CUE_LABELS_DA.values())


@pytest.mark.parametrize(
    ("pattern", "expanded"),
    [
        ("mayor", ["mayor"]),
        ("(?:the )?mayor", ["mayor", "the mayor"]),
        ("(?:a|b(?:c|d))x", ["ax", "b(?:c|d)x"]),
    ],
)
def test_expand_leading_group(pattern: str, expanded: list[str]) -> None:
    assert expand_leading_group(pattern) == expanded


# --- CueFeatures ----------------------------------------------------------------------------------

TEXTS = [
    "Jeg har skrevet til borgmesteren igen! Jeg har STADIG IKKE fået svar!!",
    "Jeg har aldrig fået en undskyldning.",
    "Tak for hjælpen.",
    "",
    "I have written again and again. Nobody listens.",
]


def test_feature_values() -> None:
    features = CueFeatures().fit(TEXTS)
    matrix = features.transform(TEXTS)
    names = list(features.get_feature_names_out())
    assert names == list(FEATURE_NAMES)
    assert matrix.shape == (len(TEXTS), len(names)) and matrix.dtype == np.float64
    row = dict(zip(names, matrix[0], strict=True))
    # "igen" and "stadig ikke": two repetition cues; "borgmesteren": one escalation cue
    assert row["cue:gentagelse"] == pytest.approx(math.log1p(2))
    assert row["cue:eskalering"] == pytest.approx(math.log1p(1))
    assert row["text:log_words"] == pytest.approx(math.log1p(12))
    assert row["anger:exclamation_share"] == pytest.approx(1.0)
    capitals = sum(char.isupper() for char in TEXTS[0])
    letters = sum(char.isalpha() for char in TEXTS[0])
    assert row["anger:upper_case_share"] == pytest.approx(capitals / letters)
    negated = dict(zip(names, matrix[1], strict=True))
    assert negated["cue:undskyldning"] == 0 and negated["cue_negated:undskyldning"] == pytest.approx(
        math.log1p(1)
    )
    assert not matrix[2].any() or matrix[2][names.index("text:log_words")] > 0
    assert not matrix[3].any()
    english = dict(zip(names, matrix[4], strict=True))
    assert english["cue:gentagelse"] > 0 and english["cue:ikke_hoert"] > 0


@pytest.mark.parametrize("container", [list, np.array, pd.Series, lambda t: pd.DataFrame({"text": t})])
def test_cue_features_accept_array_likes(container: object) -> None:
    features = CueFeatures().fit(TEXTS)
    np.testing.assert_array_equal(features.transform(container(TEXTS)), features.transform(TEXTS))  # type: ignore[operator]


def test_cue_features_rows_do_not_depend_on_the_batch() -> None:
    features = CueFeatures().fit(TEXTS)
    whole = features.transform(TEXTS)
    np.testing.assert_array_equal(features.transform(TEXTS[::-1]), whole[::-1])
    np.testing.assert_array_equal(features.transform([TEXTS[1]]), whole[1:2])
    assert features.transform([]).shape == (0, len(FEATURE_NAMES))


def test_cue_features_pickle_round_trip() -> None:
    features = CueFeatures().fit(TEXTS)
    buffer = io.BytesIO()
    joblib.dump(features, buffer)
    assert b"spacy" not in buffer.getvalue()
    loaded = joblib.load(io.BytesIO(buffer.getvalue()))
    np.testing.assert_array_equal(loaded.transform(TEXTS), features.transform(TEXTS))


def test_cue_features_refuse_non_texts() -> None:
    with pytest.raises(ValueError, match="position 0"):
        CueFeatures().fit([3.0])


# The common checks feed numeric arrays to this text transformer; see tests/test_text.py.
NUMERIC_INPUT_CHECKS = {
    name: "feeds numeric arrays to a text transformer"
    for name in (
        "check_complex_data",
        "check_dict_unchanged",
        "check_dont_overwrite_parameters",
        "check_dtype_object",
        "check_estimator_sparse_array",
        "check_estimator_sparse_matrix",
        "check_estimator_sparse_tag",
        "check_estimators_dtypes",
        "check_estimators_empty_data_messages",
        "check_estimators_fit_returns_self",
        "check_estimators_nan_inf",
        "check_estimators_overwrite_params",
        "check_estimators_pickle",
        "check_f_contiguous_array_estimator",
        "check_fit2d_1feature",
        "check_fit2d_1sample",
        "check_fit2d_predict1d",
        "check_fit_check_is_fitted",
        "check_fit_idempotent",
        "check_fit_score_takes_y",
        "check_methods_sample_order_invariance",
        "check_methods_subset_invariance",
        "check_n_features_in",
        "check_n_features_in_after_fitting",
        "check_pipeline_consistency",
        "check_positive_only_tag_during_fit",
        "check_readonly_memmap_input",
        "check_transformer_data_not_an_array",
        "check_transformer_general",
        "check_transformer_preserve_dtypes",
    )
}


@parametrize_with_checks([CueFeatures()], expected_failed_checks=lambda _: NUMERIC_INPUT_CHECKS)
def test_scikit_learn_estimator_checks(estimator: CueFeatures, check: object) -> None:
    check(estimator)  # type: ignore[operator]

"""The annotation path of a trained model: its fast transform, batch independence, explanations."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from signals.annotator import KonfliktModel
from signals.loader import load_complaints, load_contacts
from signals.pipeline import prepare_frame
from signals.registry import load_model
from training.config import TrainConfig
from training.train import train


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> tuple[KonfliktModel, pd.DataFrame, pd.DataFrame]:
    from training.synth import generate_corpus

    folder = tmp_path_factory.mktemp("annotator-corpus")
    generate_corpus(folder, complaints=1200, seed=3)
    registry = tmp_path_factory.mktemp("annotator-registry")
    train(
        folder / "complaints.jsonl",
        folder / "contacts.csv",
        registry=registry,
        config=TrainConfig(test_months=8, validation_months=8),
    )
    complaints = load_complaints(folder / "complaints.jsonl").frame.tail(120).reset_index(drop=True)
    contacts = load_contacts(folder / "contacts.csv").frame
    return load_model(registry), complaints, contacts


def test_transform_equals_the_column_transformer(data) -> None:
    model, complaints, contacts = data
    matrix, _ = model.transform(complaints, contacts)
    reference = model.features.transform(prepare_frame(complaints, contacts))
    assert matrix.shape == reference.shape
    assert abs(matrix - reference).max() == 0


def test_a_batch_annotates_each_complaint_as_it_would_alone(data) -> None:
    model, complaints, contacts = data
    together = model.annotate(complaints.head(25), contacts)
    alone = [model.annotate(complaints.iloc[[i]], contacts)[0] for i in range(25)]
    assert [a.model_dump() for a in together] == [a.model_dump() for a in alone]


def test_phrases_are_the_strongest_word_ngrams_present(data) -> None:
    model, complaints, contacts = data
    matrix, _ = model.transform(complaints, contacts)
    annotations = model.annotate(complaints, contacts)
    names = model.feature_names.astype(str)
    weights = model.mediation.weights[0].astype(np.float64) * np.sign(model.mediation.platt[0, 0])
    checked = 0
    for i, annotation in enumerate(annotations):
        row = matrix[i].toarray()[0]
        pushes = row * weights
        candidates = [
            (-pushes[j], j)
            for j in np.flatnonzero(row)
            if names[j].startswith(("text__w:", "text__s:")) and pushes[j] > 0
        ]
        # lemma and surface columns of the same phrase are named once, at the stronger push
        phrases = [names[j].removeprefix("text__w:").removeprefix("text__s:") for _, j in sorted(candidates)]
        expected = list(dict.fromkeys(phrases))[:5]
        assert annotation.explanation["mediation"]["phrases"] == expected
        checked += bool(expected)
    assert checked > 50  # most complaints have some pushing phrase


def test_the_stored_model_holds_no_derived_tables(data, tmp_path: Path) -> None:
    model, complaints, contacts = data
    before = model.annotate(complaints.head(5), contacts)  # fills the lookup tables
    assert "_phrase_of" in vars(model)
    restored = pickle.loads(pickle.dumps(model))
    assert "_phrase_of" not in vars(restored)
    assert "_columns_by_output" not in vars(restored.mediation)
    assert [a.model_dump() for a in restored.annotate(complaints.head(5), contacts)] == [
        a.model_dump() for a in before
    ]


def _reference_explanation(
    model: KonfliktModel, row: np.ndarray, contact_values: dict, cues: list, codes
) -> dict:
    """The explanation computed the plain way, one complaint at a time over its dense row: what
    the batch path (pushes for the whole batch, phrases ranked per complaint) must equal."""
    from signals.contacts import contact_facts
    from signals.cues import CUE_LABELS_DA
    from signals.schema import ROOT_CAUSE_CODES, ROOT_CAUSES

    names = model.feature_names.astype(str)
    columns = np.flatnonzero(row)
    values = row[columns]

    def pushes(scorer, output: int, cols: np.ndarray, vals: np.ndarray) -> np.ndarray:
        sign = 1.0 if scorer.platt[output, 0] >= 0 else -1.0
        return vals * scorer.weights[output, cols] * sign

    def phrases(cols: np.ndarray, push: np.ndarray, limit: int) -> list[str]:
        ranked = sorted(
            (-push[j], j)
            for j in range(len(cols))
            if names[cols[j]].startswith(("text__w:", "text__s:")) and push[j] > 0
        )
        found = [names[cols[j]].removeprefix("text__w:").removeprefix("text__s:") for _, j in ranked]
        return list(dict.fromkeys(found))[:limit]

    mediation = pushes(model.mediation, 0, columns, values)
    magnitude = np.abs(mediation)
    contact = np.char.startswith(names[columns], "contacts__")
    share = float(magnitude[contact].sum()) / max(float(magnitude.sum()), 1e-9)
    spans = [cue for cue in cues if not cue.negated]
    labels = list(dict.fromkeys(CUE_LABELS_DA[cue.category] for cue in spans))
    facts = contact_facts(contact_values)
    text = columns < model._n_text
    causes = {
        ROOT_CAUSE_CODES[k]: phrases(
            columns[text], pushes(model.root_causes, k, columns[text], values[text]), 4
        )
        for k in codes
    }
    return {
        "mediation": {
            "phrases": phrases(columns, mediation, 5),
            "cues": labels,
            "contact_facts": facts,
            "contact_share": round(share, 3),
        },
        "root_causes": causes,
        "cue_spans": [
            {"category": c.category, "label": CUE_LABELS_DA[c.category], "start": c.start, "end": c.end}
            for c in spans
        ],
        "causes_named": [ROOT_CAUSES[ROOT_CAUSE_CODES[k]].lower() for k in codes],
    }


def test_batch_explanations_equal_the_plain_per_complaint_computation(data) -> None:
    from signals.contacts import CONTACT_FEATURE_NAMES
    from signals.cues import find_cues

    model, complaints, contacts = data
    matrix, frame = model.transform(complaints, contacts)
    annotations = model.annotate(complaints, contacts)
    rc, _ = model.score_matrix(matrix)
    chosen = model.decide_root_causes(rc)
    dense = matrix.toarray()
    for i, annotation in enumerate(annotations):
        contact_values = {name: frame[name].iloc[i] for name in CONTACT_FEATURE_NAMES}
        codes = np.flatnonzero(chosen[i]).tolist()
        expected = _reference_explanation(
            model, dense[i], contact_values, find_cues(complaints["text"].iloc[i]), codes
        )
        explanation = annotation.explanation
        assert explanation["mediation"] == expected["mediation"]
        assert explanation["root_causes"] == expected["root_causes"]
        assert explanation["cue_spans"] == expected["cue_spans"]
        assert explanation["summary"].endswith("Årsager: " + ", ".join(expected["causes_named"]) + ".")


def test_remembered_contact_facts_are_not_shared_between_annotations(data) -> None:
    model, complaints, contacts = data
    first, _ = model.annotate(complaints.head(2), contacts)
    first.explanation["mediation"]["contact_facts"].append("changed")
    again = model.annotate(complaints.head(2), contacts)
    assert "changed" not in again[0].explanation["mediation"]["contact_facts"]
    assert "changed" not in again[1].explanation["mediation"]["contact_facts"]


def test_input_without_any_contacts_is_scored_by_the_text_alone(data) -> None:
    from signals.annotator import HISTORY_UNKNOWN

    model, complaints, contacts = data
    assert model.text_mediation is not None and model.text_mediation_threshold is not None
    no_contacts = contacts.iloc[0:0]
    annotations = model.annotate(complaints, no_contacts)
    matrix, _ = model.transform(complaints, no_contacts)
    n_text = model.text_mediation.weights.shape[1]
    expected = model.text_mediation.scores(matrix[:, :n_text])[:, 0]
    scores = np.array([a.mediation_score for a in annotations])
    np.testing.assert_allclose(scores, np.round(expected, 4), atol=1e-4)
    assert [a.mediation_flag for a in annotations] == [
        bool(s >= model.text_mediation_threshold) for s in expected
    ]
    for annotation in annotations:
        mediation = annotation.explanation["mediation"]
        assert mediation["contact_facts"] == [HISTORY_UNKNOWN]
        assert mediation["contact_share"] == 0.0
    # root causes never read the contacts
    with_history = model.annotate(complaints, contacts)
    assert [a.root_cause_scores for a in annotations] == [a.root_cause_scores for a in with_history]


def test_a_model_without_the_text_only_part_scores_as_before(data) -> None:
    import dataclasses

    model, complaints, contacts = data
    old = dataclasses.replace(model, text_mediation=None, text_mediation_threshold=None)
    no_contacts = contacts.iloc[0:0]
    _, expected = old.score_matrix(old.transform(complaints, no_contacts)[0])
    annotations = old.annotate(complaints, no_contacts)
    np.testing.assert_allclose([a.mediation_score for a in annotations], np.round(expected, 4), atol=1e-4)


def _general_routes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Send every batch through the routes big batches take (scipy, scikit-learn, pandas)."""
    from signals import contacts, csr

    monkeypatch.setattr(csr, "SMALL_ROWS", 0)
    monkeypatch.setattr(contacts, "_SMALL", -1)


@pytest.mark.parametrize("size", [1, 3, 8, 16])
def test_small_batches_take_their_own_route_to_the_same_matrix_and_annotations(
    data, size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batches of at most `csr.SMALL_ROWS` complaints (a request, or the few the service's
    batcher merges) skip scikit-learn's, scipy's and pandas' general routes: the same matrix as
    those routes give for the same batch, entry for entry in the same order, and byte-identical
    annotations; and the same annotations as in one big batch."""
    from signals import csr

    model, complaints, contacts = data
    assert size <= csr.SMALL_ROWS < len(complaints)
    for history in (contacts, contacts.iloc[0:0]):
        in_one_batch = [a.model_dump() for a in model.annotate(complaints, history)]
        parts = [complaints.iloc[start : start + size] for start in range(0, 48, size)]
        small = [(model.transform(part, history)[0], model.annotate(part, history)) for part in parts]
        with monkeypatch.context() as patch:
            _general_routes(patch)
            general = [(model.transform(part, history)[0], model.annotate(part, history)) for part in parts]
        for (matrix, found), (expected, expected_found) in zip(small, general, strict=True):
            np.testing.assert_array_equal(matrix.indptr, expected.indptr)
            np.testing.assert_array_equal(matrix.indices, expected.indices)
            np.testing.assert_array_equal(matrix.data, expected.data)
            assert [a.model_dump_json() for a in found] == [a.model_dump_json() for a in expected_found]
        alone = [a.model_dump() for _, found in small for a in found]
        assert alone == in_one_batch[: len(alone)]


def test_phrases_of_all_groups_rank_as_a_stable_sort_of_each_group(data) -> None:
    """`_phrases_by_group` (candidates cut per group, one lexsort for the batch) names the phrases a
    stable sort of each group's own entries by push names: ties (frequent here) in entry order,
    non-positive pushes never, groups of any size, mediation and root-cause limits."""
    model, _, _ = data
    word_columns = np.flatnonzero(model._is_word)
    generator = np.random.default_rng(3)
    n_rows = 40
    sizes = generator.choice([0, 1, 5, 9, 10, 11, 30, 200], size=14 * n_rows)
    groups = np.repeat(np.arange(14 * n_rows), sizes)
    columns = generator.choice(word_columns[:60], size=len(groups))  # shared phrases: lemma and as written
    pushes = generator.choice([-1.0, 0.0, 0.25, 0.5, 0.5, 1.0, 2.0, 3.5], size=len(groups))
    phrases = model._phrases_by_group(groups, columns, pushes, n_rows, limits=(5, 4))
    for group in range(14 * n_rows):
        mine = np.flatnonzero(groups == group)
        ranked = [j for j in mine[np.argsort(-pushes[mine], kind="stable")] if pushes[j] > 0]
        limit = 5 if group < n_rows else 4
        expected = list(dict.fromkeys(model._phrase_of[columns[ranked]].tolist()))[:limit]
        assert phrases(group) == expected
    assert phrases(14 * n_rows + 5) == []

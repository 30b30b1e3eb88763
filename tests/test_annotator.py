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

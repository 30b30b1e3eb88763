"""Training end to end on a small generated corpus: registry, report, annotations, round trip."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from typer.testing import CliRunner

from konflikt.cli import app
from signals.loader import load_complaints, load_contacts
from signals.registry import champion_version, list_versions, load_model
from signals.schema import ROOT_CAUSE_CODES, Annotation
from training.config import TrainConfig
from training.train import train

runner = CliRunner()
SMALL = TrainConfig(test_months=8, validation_months=8)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    from training.synth import generate_corpus

    folder = tmp_path_factory.mktemp("corpus")
    generate_corpus(folder, complaints=2500, seed=11)
    return folder


@pytest.fixture(scope="module")
def trained(corpus, tmp_path_factory):
    registry = tmp_path_factory.mktemp("registry")
    result = train(corpus / "complaints.jsonl", corpus / "contacts.csv", registry=registry, config=SMALL)
    return registry, result


def test_first_model_becomes_champion_with_report_and_card(trained):
    registry, result = trained
    assert result.champion
    assert champion_version(registry) == result.version
    files = {p.name for p in result.path.iterdir()}
    assert {
        "model.joblib",
        "config.json",
        "manifest.json",
        "model_card.md",
        "report.html",
        "evaluation.json",
    } <= files
    report = (result.path / "report.html").read_text()
    assert report.count("data:image/png;base64,") == 4
    assert "Model against baselines" in report and "Per department" in report
    assert "never a decision" in (result.path / "model_card.md").read_text()


def test_model_beats_every_baseline_on_the_test_months(trained):
    _, result = trained
    metrics = result.metrics
    model_f1 = metrics["model"]["root_causes"]["micro_f1"]
    model_pr = metrics["model"]["mediation"]["pr_auc"]
    for name in ("prior", "cue_lexicon"):
        assert model_f1 > metrics[name]["root_causes"]["micro_f1"] + 0.2, name
    # On this small corpus (2,500 complaints) plain bag of words is as good or slightly better for
    # root causes; on the 20,000-complaint default corpus the two are level once both choose C on
    # validation, and the model leads from 100,000 complaints (bench/README.md, Training).
    assert model_f1 >= metrics["bag_of_words"]["root_causes"]["micro_f1"] - 0.05
    for name in ("prior", "cue_lexicon", "text_only", "contacts_only"):
        assert model_pr > metrics[name]["mediation"]["pr_auc"], name
    assert 0.3 < model_f1 < 0.98


def test_annotations_follow_the_contract(trained, corpus):
    registry, result = trained
    model = load_model(registry)
    complaints = load_complaints(corpus / "complaints.jsonl").frame.head(50)
    contacts = load_contacts(corpus / "contacts.csv").frame
    annotations = model.annotate(complaints, contacts)
    assert len(annotations) == 50
    for annotation, cid in zip(annotations, complaints["complaint_id"], strict=True):
        assert isinstance(annotation, Annotation)
        assert annotation.complaint_id == cid
        assert set(annotation.root_cause_scores) == set(ROOT_CAUSE_CODES)
        assert all(0.0 <= s <= 1.0 for s in annotation.root_cause_scores.values())
        assert len(annotation.root_causes) >= 1
        assert 0.0 <= annotation.mediation_score <= 1.0
        assert annotation.model_version == result.version
        assert annotation.explanation["summary"]


def test_save_load_gives_identical_predictions(trained, corpus):
    registry, _ = trained
    complaints = load_complaints(corpus / "complaints.jsonl").frame.head(200)
    contacts = load_contacts(corpus / "contacts.csv").frame
    first = load_model(registry).predict_scores(complaints, contacts)
    second = load_model(registry).predict_scores(complaints, contacts)
    assert np.array_equal(first[0], second[0]) and np.array_equal(first[1], second[1])


def test_future_contacts_do_not_change_annotations(trained, corpus):
    registry, _ = trained
    model = load_model(registry)
    complaints = load_complaints(corpus / "complaints.jsonl").frame.head(100)
    contacts = load_contacts(corpus / "contacts.csv").frame
    # contacts at and after each citizen's latest complaint are in every one of its complaints' future
    last = complaints.groupby("citizen_id")["received_at"].max().reset_index()
    future = last.rename(columns={"received_at": "occurred_at"}).assign(
        channel="email", recipient="borgmester", kind="rykker"
    )
    later = pd.concat(
        [contacts, future, future.assign(occurred_at=future["occurred_at"] + pd.Timedelta(days=3))]
    )
    base = model.predict_scores(complaints, contacts)
    shifted = model.predict_scores(complaints, later.reset_index(drop=True))
    assert np.allclose(base[1], shifted[1]) and np.allclose(base[0], shifted[0])


def test_same_data_and_seed_give_identical_metrics(trained, corpus, tmp_path):
    _, first = trained
    again = train(corpus / "complaints.jsonl", corpus / "contacts.csv", registry=tmp_path, config=SMALL)
    assert json.dumps(first.metrics, sort_keys=True, default=str) == json.dumps(
        again.metrics, sort_keys=True, default=str
    )


def test_worse_model_stays_challenger(trained, corpus, tmp_path):
    registry, result = trained
    # a model trained with crippled features is worse on the same held-out data
    weak = TrainConfig(
        test_months=8,
        validation_months=8,
        root_cause_c=0.001,
        mediation_c=0.001,
    )
    target = tmp_path / "registry"
    import shutil

    shutil.copytree(registry, target)
    challenger = train(corpus / "complaints.jsonl", corpus / "contacts.csv", registry=target, config=weak)
    assert not challenger.champion
    assert "challenger" in challenger.decision
    assert champion_version(target) == result.version
    assert len(list_versions(target)) == len(list_versions(registry)) + 1


def test_feedback_overrides_labels(corpus, tmp_path):
    from training.train import load_training_data

    complaints = load_complaints(corpus / "complaints.jsonl").frame
    target = complaints.iloc[0]
    new_label = 1 - int(target["mediation_potential"])
    feedback = tmp_path / "feedback.jsonl"
    feedback.write_text(
        json.dumps(
            {
                "complaint_id": target["complaint_id"],
                "root_causes": ["aktindsigt"],
                "mediation_potential": new_label,
            }
        )
        + "\n"
        + json.dumps(
            {"complaint_id": "no-such-complaint", "root_causes": ["aktindsigt"], "mediation_potential": 1}
        )
        + "\n"
    )
    data = load_training_data(corpus / "complaints.jsonl", corpus / "contacts.csv", feedback=feedback)
    assert data.feedback_used == 1
    row = data.complaints.iloc[0]
    assert list(row["root_causes"]) == ["aktindsigt"]
    assert int(row["mediation_potential"]) == new_label


def test_cli_train_annotate_models(corpus, tmp_path):
    registry = tmp_path / "reg"
    small = tmp_path / "config.json"
    small.write_text(json.dumps({"test_months": 8, "validation_months": 8}))
    args = ["--complaints", str(corpus / "complaints.jsonl"), "--contacts", str(corpus / "contacts.csv")]
    result = runner.invoke(app, ["train", *args, "--registry", str(registry), "--config", str(small)])
    assert result.exit_code == 0, result.output
    version = result.stdout.strip().splitlines()[-1]
    assert champion_version(registry) == version

    out = tmp_path / "annotations.jsonl"
    result = runner.invoke(app, ["annotate", *args, "--out", str(out), "--registry", str(registry)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == 2500 and all(line["model_version"] == version for line in lines)

    result = runner.invoke(app, ["evaluate", *args, "--registry", str(registry), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["model_version"] == version

    result = runner.invoke(app, ["models", "list", "--registry", str(registry)])
    assert result.exit_code == 0 and version in result.stdout
    result = runner.invoke(app, ["models", "promote", "nope", "--registry", str(registry)])
    assert result.exit_code == 1 and "no model version 'nope'" in result.stderr


def test_cli_reports_a_missing_champion(tmp_path, corpus):
    args = ["--complaints", str(corpus / "complaints.jsonl"), "--contacts", str(corpus / "contacts.csv")]
    result = runner.invoke(
        app, ["annotate", *args, "--out", str(tmp_path / "a.jsonl"), "--registry", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert "has no champion" in result.stderr
    assert not (tmp_path / "a.jsonl").exists()


# ----- choosing C on the validation rows (training.fit.select_scorer) -----------------------------
def _stub_fits(monkeypatch, scores: dict[float, float]) -> list[float]:
    """Replace the fits by stubs whose validation score is looked up by C; returns the Cs tried."""
    import training.fit as fit
    from signals.annotator import LinearScorer

    tried: list[float] = []

    def fake_fit_scorer(
        train, targets, validation, validation_targets, *, c, seed=0, n_jobs=None, n_columns=None
    ):
        tried.append(c)
        return LinearScorer(weights=np.full((1, 2), c), intercepts=np.zeros(1), platt=np.array([[1.0, 0.0]]))

    monkeypatch.setattr(fit, "fit_scorer", fake_fit_scorer)
    monkeypatch.setattr(fit, "validation_score", lambda targets, s: scores[tried[-1]])
    return tried


def _select(c: float | None, grid: tuple[float, ...]):
    from training.fit import select_scorer

    x = sp.csr_matrix(np.ones((3, 2)))
    return select_scorer(x, np.array([0, 1, 0]), x, np.array([0, 1, 0]), c=c, grid=grid)


def test_c_is_walked_up_the_grid_while_validation_improves(monkeypatch):
    tried = _stub_fits(monkeypatch, {0.1: 0.5, 0.3: 0.6, 1.0: 0.55})
    scorer, choice = _select(None, (1.0, 0.1, 0.3))  # any order: walked from the smallest
    assert tried == [0.1, 0.3, 1.0]
    assert choice.c == 0.3 and scorer.weights[0, 0] == 0.3
    assert choice.to_dict() == {"c": 0.3, "validation_pr_auc": {"0.1": 0.5, "0.3": 0.6, "1": 0.55}}


def test_c_search_stops_at_the_first_c_that_does_not_improve_and_ties_keep_the_smaller(monkeypatch):
    tried = _stub_fits(monkeypatch, {0.1: 0.7, 0.3: 0.7, 1.0: 0.9})
    _, choice = _select(None, (0.1, 0.3, 1.0))
    assert tried == [0.1, 0.3]  # the costly C=1 is never fitted
    assert choice.c == 0.1


def test_a_fixed_c_is_fitted_once(monkeypatch):
    tried = _stub_fits(monkeypatch, {0.05: 0.1, 0.1: 0.5, 0.3: 0.6})
    _, choice = _select(0.05, (0.1, 0.3))
    assert tried == [0.05] and choice.c == 0.05


def test_selected_scorer_is_the_plain_fit_with_the_chosen_c():
    from training.fit import fit_scorer, select_scorer

    rng = np.random.default_rng(3)
    x = sp.random(300, 40, density=0.2, random_state=4, format="csr")
    y = (x[:, :3].sum(axis=1).A1 + rng.normal(0, 0.1, 300) > 0.3).astype(int)
    train, val = x[:200], x[200:]
    scorer, choice = select_scorer(
        train, y[:200], val, y[200:], c=None, grid=(0.01, 0.1, 1.0), seed=7, n_jobs=1
    )
    assert choice.c in (0.01, 0.1, 1.0) and choice.c in choice.tried
    again = fit_scorer(train, y[:200], val, y[200:], c=choice.c, seed=7, n_jobs=1)
    assert np.array_equal(scorer.weights, again.weights) and np.array_equal(scorer.platt, again.platt)


def test_validation_score_is_micro_pr_auc_and_zero_without_positives():
    from sklearn.metrics import average_precision_score

    from training.fit import validation_score

    y = np.array([[1, 0], [0, 0], [0, 1], [1, 0]])
    s = np.array([[0.9, 0.2], [0.3, 0.1], [0.4, 0.8], [0.6, 0.7]])
    assert validation_score(y, s) == pytest.approx(average_precision_score(y, s, average="micro"))
    assert validation_score(y[:, 0], s[:, :1]) == pytest.approx(average_precision_score(y[:, 0], s[:, 0]))
    assert validation_score(np.zeros(4), s[:, 0]) == 0.0


def test_config_grids_round_trip_through_json_and_bad_values_are_refused():
    from signals.errors import KonfliktError

    config = TrainConfig(root_cause_c_grid=(0.2, 2.0), mediation_c=0.05)
    again = TrainConfig.from_dict(json.loads(json.dumps(config.to_dict())))
    assert again == config and again.root_cause_c_grid == (0.2, 2.0)
    for bad in (
        {"root_cause_c": 0},
        {"mediation_c": -1.0},
        {"root_cause_c": True},
        {"root_cause_c_grid": []},
        {"mediation_c_grid": [0.1, 0]},
        {"root_cause_c_grid": ["0.1"]},
    ):
        with pytest.raises(KonfliktError, match="_c"):
            TrainConfig.from_dict(bad)


def test_training_records_the_chosen_c(trained):
    _, result = trained
    selection = json.loads((result.path / "evaluation.json").read_text())["selection"]
    for part, grid in (("root_causes", SMALL.root_cause_c_grid), ("mediation", SMALL.mediation_c_grid)):
        choice = selection["model"][part]
        assert choice["c"] in grid
        assert choice["validation_pr_auc"][f"{choice['c']:g}"] == max(choice["validation_pr_auc"].values())
    assert selection["baselines"]["bag_of_words"]["root_causes"] in SMALL.root_cause_c_grid

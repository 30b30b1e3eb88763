"""`konflikt train`: load, anonymise, split, fit, evaluate beside baselines, report, register."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from signals.annotator import KonfliktModel
from signals.anonymise import anonymise_texts
from signals.errors import KonfliktError
from signals.loader import load_complaints, load_contacts
from signals.pipeline import prepare_frame
from signals.registry import ModelLoadError, NoModelError, champion_version, load_model
from training.baselines import Predictions, run_baselines
from training.config import TrainConfig
from training.evaluate import evaluate_model, groups_of, headline, label_matrix, primary_score, score_all
from training.fit import fit_model
from training.registry import new_version_id, promote, register
from training.split import time_citizen_split

DEFAULT_DATA = Path("data/default")


@dataclass(frozen=True)
class TrainResult:
    version: str
    champion: bool
    decision: str
    metrics: dict[str, Any]
    path: Path


@dataclass
class TrainingData:
    complaints: pd.DataFrame
    contacts: pd.DataFrame
    feedback_used: int
    notes: list[str]


def apply_feedback(complaints: pd.DataFrame, feedback_path: Path) -> tuple[pd.DataFrame, int]:
    """Advisors' corrections (JSON Lines: complaint_id, root_causes, mediation_potential) override labels."""
    from signals.loader import complaints_from_records

    corrections: dict[str, dict[str, Any]] = {}
    with feedback_path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                raise KonfliktError(f"{feedback_path}: line {line_no}: not valid JSON") from None
            if not isinstance(row, dict) or "complaint_id" not in row:
                raise KonfliktError(f"{feedback_path}: line {line_no}: complaint_id is missing")
            corrections[str(row["complaint_id"])] = row  # the latest correction wins
    complaints = complaints.copy()
    position = {cid: i for i, cid in enumerate(complaints["complaint_id"].astype(str))}
    used = 0
    for cid, row in corrections.items():
        if cid not in position:
            continue
        i = position[cid]
        # validate the corrected labels with the loader's own rules
        check = complaints.iloc[[i]].to_dict("records")[0]
        if row.get("root_causes"):
            check["root_causes"] = row["root_causes"]
        if row.get("mediation_potential") is not None:
            check["mediation_potential"] = row["mediation_potential"]
        check["received_at"] = check["received_at"].isoformat()
        valid = complaints_from_records([check], source=str(feedback_path), require_labels=True).frame
        complaints.at[complaints.index[i], "root_causes"] = valid["root_causes"].iat[0]
        complaints.at[complaints.index[i], "mediation_potential"] = valid["mediation_potential"].iat[0]
        used += 1
    return complaints, used


def load_training_data(
    complaints_path: Path | None,
    contacts_path: Path | None,
    *,
    feedback: Path | None = None,
    skip_bad: bool = False,
) -> TrainingData:
    """Load labelled complaints and contacts (the embedded default when no files are given)."""
    if (complaints_path is None) != (contacts_path is None):
        raise KonfliktError(
            "give both --complaints and --contacts, or neither (to use the embedded default data)"
        )
    notes = []
    if complaints_path is None or contacts_path is None:
        complaints_path, contacts_path = ensure_default_data()
        notes.append(f"embedded default data: {complaints_path.parent}")
    complaints_result = load_complaints(complaints_path, skip_bad=skip_bad, require_labels=True)
    contacts_result = load_contacts(contacts_path, skip_bad=skip_bad)
    for result in (complaints_result, contacts_result):
        if result.skipped:
            notes.append(result.describe_skipped())
    complaints = complaints_result.frame
    used = 0
    if feedback is not None:
        complaints, used = apply_feedback(complaints, feedback)
        notes.append(f"advisors' corrections used: {used}")
    complaints = complaints.assign(text=anonymise_texts(complaints["text"].astype(str).tolist()))
    return TrainingData(
        complaints=complaints, contacts=contacts_result.frame, feedback_used=used, notes=notes
    )


def ensure_default_data(folder: Path = DEFAULT_DATA) -> tuple[Path, Path]:
    """The embedded default corpus, generated (seed 7, 20,000 complaints) when absent."""
    complaints, contacts = folder / "complaints.jsonl", folder / "contacts.csv"
    if not complaints.exists() or not contacts.exists():
        from training.synth import generate_corpus

        generate_corpus(folder, complaints=20_000, seed=7, progress=True)
    return complaints, contacts


def fingerprint(complaints: pd.DataFrame, contacts: pd.DataFrame, config: TrainConfig) -> str:
    """SHA-256 over the training data's content and the config: same inputs, same fingerprint."""
    digest = hashlib.sha256()
    c = complaints.assign(root_causes=complaints["root_causes"].map(lambda codes: ";".join(codes or ())))
    for frame in (c, contacts):
        digest.update(pd.util.hash_pandas_object(frame.astype(str), index=False).to_numpy().tobytes())
    digest.update(json.dumps(config.to_dict(), sort_keys=True).encode())
    return digest.hexdigest()


@contextmanager
def stages(enabled: bool) -> Iterator[Any]:
    """A Rich progress bar over the training stages (or a silent stand-in)."""
    if not enabled:

        class Quiet:
            def step(self, _label: str) -> None:
                return None

        yield Quiet()
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), transient=False) as bar:
        task = bar.add_task("training", total=7)

        class Stepper:
            def step(self, label: str) -> None:
                bar.update(task, advance=1, description=label)

        yield Stepper()


def train(
    complaints_path: Path | None = None,
    contacts_path: Path | None = None,
    *,
    registry: Path = Path("models"),
    config: TrainConfig | None = None,
    feedback: Path | None = None,
    skip_bad: bool = False,
    progress: bool = False,
) -> TrainResult:
    """Train both models, evaluate them beside the baselines on the test months, register the version."""
    from training.report import write_documents

    config = config or TrainConfig()
    config.validate()
    np.random.seed(config.seed)
    with stages(progress) as bar:
        bar.step("loading and anonymising")
        data = load_training_data(complaints_path, contacts_path, feedback=feedback, skip_bad=skip_bad)
        complaints, contacts = data.complaints, data.contacts
        bar.step("splitting by time and citizen")
        split = time_citizen_split(
            complaints, test_months=config.test_months, validation_months=config.validation_months
        )
        frame = prepare_frame(complaints, contacts)
        y_rc = label_matrix(complaints["root_causes"])
        y_med = complaints["mediation_potential"].astype(int).to_numpy()
        span_weeks = max(
            (complaints["received_at"].max() - complaints["received_at"].min()).total_seconds() / (7 * 86400),
            1.0,
        )
        bar.step("fitting features and models")
        parts = {name: getattr(split, name) for name in ("train", "validation", "test")}
        model, matrices, choices = fit_model(
            frame.iloc[parts["train"]],
            y_rc[parts["train"]],
            y_med[parts["train"]],
            frame.iloc[parts["validation"]],
            y_rc[parts["validation"]],
            y_med[parts["validation"]],
            config=config,
            complaints_per_week=len(complaints) / span_weeks,
        )
        bar.step("evaluating model and baselines on the test months")
        test_idx = parts["test"]
        test_matrix = sp.csr_matrix(model.features.transform(frame.iloc[test_idx]), dtype=np.float64)
        rc_scores, med_scores = model.score_matrix(test_matrix)
        groups = groups_of(complaints.iloc[test_idx])
        common = {"y_rc": y_rc[test_idx], "y_med": y_med[test_idx], "groups": groups}
        results = {
            "model": score_all(
                rc_pred=model.decide_root_causes(rc_scores),
                rc_scores=rc_scores,
                med_scores=med_scores,
                threshold=model.mediation_threshold,
                **common,
            )
        }
        texts = tuple(frame["text"].iloc[parts[p]].tolist() for p in ("train", "validation", "test"))
        baselines = run_baselines(
            matrices,
            test_matrix,
            texts=texts,
            y_rc=(y_rc[parts["train"]], y_rc[parts["validation"]]),
            y_med=(y_med[parts["train"]], y_med[parts["validation"]]),
            share=float(model.capacity["share"]),
            root_cause_c=config.root_cause_c,
            mediation_c=config.mediation_c,
            root_cause_c_grid=config.root_cause_c_grid,
            mediation_c_grid=config.mediation_c_grid,
            text_only=(
                (model.text_mediation, model.text_mediation_threshold, choices["text_mediation"].c)
                if model.text_mediation is not None and model.text_mediation_threshold is not None
                else None
            ),
        )
        for name, pred in baselines.items():
            results[name] = score_baseline(pred, common)
        bar.step("comparing with the champion")
        decision, make_champion, champion_metrics = compare_with_champion(
            registry, results["model"], complaints.iloc[test_idx], contacts
        )
        bar.step("writing report and registering")
        fp = fingerprint(complaints, contacts, config)
        version = new_version_id(fp)
        model.version = version
        summary = {
            "version": version,
            "split": split.describe(),
            "data": {
                "complaints": len(complaints),
                "contacts": len(contacts),
                "fingerprint": fp,
                "feedback_used": data.feedback_used,
                "notes": data.notes,
            },
            "results": results,
            "champion_before": champion_metrics,
            "decision": decision,
            "capacity": model.capacity,
            # the C of each linear part, chosen on the validation months unless the config fixes it
            "selection": {
                "model": {part: choice.to_dict() for part, choice in choices.items()},
                "baselines": {name: pred.c for name, pred in baselines.items() if pred.c},
            },
            "cooccurrence": (y_rc.T.astype(int) @ y_rc.astype(int)).tolist(),
            "config": config.to_dict(),
        }
        info = register(
            registry,
            model,
            version=version,
            config=config.to_dict(),
            metrics={
                "test": headline(results["model"]),
                "baselines": {k: headline(v) for k, v in results.items()},
            },
            data_fingerprint=fp,
            documents={"evaluation.json": json.dumps(jsonable(summary), indent=2, ensure_ascii=False) + "\n"},
            write_documents=lambda folder: write_documents(folder, summary),
            extra={"split": split.describe(), "feedback_used": data.feedback_used},
        )
        if make_champion:
            promote(registry, version, by="konflikt train", reason=decision)
        bar.step("done")
    return TrainResult(
        version=version, champion=make_champion, decision=decision, metrics=results, path=info.path
    )


def score_baseline(pred: Predictions, common: dict[str, Any]) -> dict[str, Any]:
    """Score a baseline like the model; parts it does not predict are filled from the prior."""
    n = len(common["y_med"])
    rc_scores = pred.rc_scores if pred.rc_scores is not None else np.zeros((n, common["y_rc"].shape[1]))
    rc_pred = pred.rc_pred if pred.rc_pred is not None else np.zeros_like(rc_scores, dtype=bool)
    med_scores = pred.med_scores if pred.med_scores is not None else np.zeros(n)
    result = score_all(
        rc_pred=rc_pred,
        rc_scores=rc_scores,
        med_scores=med_scores,
        threshold=pred.med_threshold if pred.med_threshold is not None else 1.0,
        **common,
    )
    result["predicts"] = [
        part
        for part, present in (("root_causes", pred.rc_scores), ("mediation", pred.med_scores))
        if present is not None
    ]
    return result


def compare_with_champion(
    registry: Path, metrics: dict[str, Any], test_complaints: pd.DataFrame, contacts: pd.DataFrame
) -> tuple[str, bool, dict[str, Any] | None]:
    """Decide champion or challenger: at least as good as the champion on the same test rows."""
    current = champion_version(registry)
    if current is None:
        return "first model in the registry: champion", True, None
    try:
        champion: KonfliktModel = load_model(registry, current)  # type: ignore[assignment]
    except (ModelLoadError, NoModelError) as exc:
        return f"the champion {current} cannot be loaded ({exc}); the new version takes over", True, None
    champion_metrics = evaluate_model(champion, test_complaints, contacts)
    new, old = primary_score(metrics), primary_score(champion_metrics)
    if new >= old:
        return (
            f"champion: {new:.4f} >= {old:.4f} of {current} on the same test data",
            True,
            headline(champion_metrics),
        )
    return (
        f"challenger: {new:.4f} < {old:.4f} of champion {current} on the same test data; promote it by hand",
        False,
        headline(champion_metrics),
    )


def jsonable(value: Any) -> Any:
    """Numbers and containers made JSON-safe (numpy scalars, NaN as null)."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    return value

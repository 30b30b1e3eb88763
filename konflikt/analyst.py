"""The analysts' commands: train, evaluate, annotate, and the model registry."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer

from konflikt.common import user_errors
from signals.errors import KonfliktError

RegistryOption = Annotated[
    Path, typer.Option("--registry", help="The model registry folder.", envvar="KONFLIKT_REGISTRY")
]
SkipBadOption = Annotated[
    bool,
    typer.Option("--skip-bad", help="Skip bad rows (and say how many and why) instead of refusing the file."),
]
ComplaintsOption = Annotated[
    Path, typer.Option("--complaints", help="Complaints file (JSONL, CSV, XLSX, Parquet).")
]
ContactsOption = Annotated[
    Path, typer.Option("--contacts", help="Contacts file (JSONL, CSV, XLSX, Parquet).")
]

models_app = typer.Typer(help="The model registry: versions, champion, promotion.", no_args_is_help=True)


def _load_config(path: Path | None, overrides: dict[str, Any]) -> Any:
    from training.config import TrainConfig

    raw: dict[str, Any] = {}
    if path is not None:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise KonfliktError(f"{path}: not valid JSON (line {exc.lineno})") from None
        if not isinstance(raw, dict):
            raise KonfliktError(f"{path}: expected a JSON object of training settings")
    raw.update({k: v for k, v in overrides.items() if v is not None})
    return TrainConfig.from_dict(raw)


@user_errors
def train(
    complaints: Annotated[
        Path | None, typer.Option("--complaints", help="Labelled complaints; default: embedded data.")
    ] = None,
    contacts: Annotated[
        Path | None, typer.Option("--contacts", help="Contacts; default: embedded data.")
    ] = None,
    registry: RegistryOption = Path("models"),
    feedback: Annotated[
        Path | None,
        typer.Option("--feedback", help="Advisors' corrections (JSONL from `konflikt feedback export`)."),
    ] = None,
    config: Annotated[Path | None, typer.Option("--config", help="JSON file of training settings.")] = None,
    capacity_per_week: Annotated[
        float | None,
        typer.Option("--capacity-per-week", help="Complaints the advisors can look at per week."),
    ] = None,
    seed: Annotated[int | None, typer.Option("--seed")] = None,
    skip_bad: SkipBadOption = False,
) -> None:
    """Train, evaluate beside baselines, and register a new model version; prints its version."""
    from training.train import train as run

    settings = _load_config(config, {"capacity_per_week": capacity_per_week, "seed": seed})
    result = run(
        complaints,
        contacts,
        registry=registry,
        config=settings,
        feedback=feedback,
        skip_bad=skip_bad,
        progress=True,
    )
    model = result.metrics["model"]
    typer.echo(
        f"root causes micro-F1 {model['root_causes']['micro_f1']:.3f}, "
        f"mediation PR-AUC {model['mediation']['pr_auc'] or 0:.3f} (test months)",
        err=True,
    )
    typer.echo(f"{result.decision}; report: {result.path / 'report.html'}", err=True)
    typer.echo(result.version)


@user_errors
def evaluate(
    complaints: ComplaintsOption,
    contacts: ContactsOption,
    model: Annotated[
        str | None, typer.Option("--model", help="Version to evaluate (default: the champion).")
    ] = None,
    registry: RegistryOption = Path("models"),
    as_json: Annotated[bool, typer.Option("--json", help="Print all metrics as JSON.")] = False,
    skip_bad: SkipBadOption = False,
) -> None:
    """Metrics of a model version on labelled data."""
    from signals.anonymise import anonymise_texts
    from signals.loader import load_complaints, load_contacts
    from signals.registry import load_model
    from training.evaluate import evaluate_model
    from training.train import jsonable

    loaded = load_model(registry, model)
    c = load_complaints(complaints, skip_bad=skip_bad, require_labels=True)
    k = load_contacts(contacts, skip_bad=skip_bad)
    frame = c.frame.assign(text=anonymise_texts(c.frame["text"].astype(str).tolist()))
    metrics = evaluate_model(loaded, frame, k.frame)  # type: ignore[arg-type]
    metrics["model_version"] = loaded.version
    for result in (c, k):
        if result.skipped:
            typer.echo(result.describe_skipped(), err=True)
    if as_json:
        for m in (metrics["mediation"],):
            m.pop("pr_curve", None)
        typer.echo(json.dumps(jsonable(metrics), ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"model {loaded.version} on {metrics['n']} complaints")
    table.add_column("metric")
    table.add_column("value", justify="right")
    rc, med = metrics["root_causes"], metrics["mediation"]
    for label, value in (
        ("root causes micro-F1", rc["micro_f1"]),
        ("root causes macro-F1", rc["macro_f1"]),
        ("root causes micro PR-AUC", rc["micro_pr_auc"]),
        ("mediation PR-AUC", med["pr_auc"]),
        ("mediation ROC-AUC", med["roc_auc"]),
        ("mediation Brier", med["brier"]),
        ("mediation ECE", med["ece"]),
        ("flagged share", med["flagged_share"]),
        ("precision at capacity", med["precision_at_capacity"]),
        ("recall at capacity", med["recall_at_capacity"]),
    ):
        table.add_row(label, "–" if value is None else f"{value:.3f}")
    Console().print(table)


@user_errors
def annotate(
    complaints: ComplaintsOption,
    contacts: ContactsOption,
    out: Annotated[Path, typer.Option("--out", help="JSON Lines file of annotations to write.")],
    model: Annotated[str | None, typer.Option("--model", help="Version (default: the champion).")] = None,
    registry: RegistryOption = Path("models"),
    skip_bad: SkipBadOption = False,
) -> None:
    """Write one annotation (contract section 2) per complaint, as JSON Lines."""
    from rich.progress import Progress

    from signals.anonymise import anonymise_texts
    from signals.loader import load_complaints, load_contacts
    from signals.registry import load_model

    loaded = load_model(registry, model)
    c = load_complaints(complaints, skip_bad=skip_bad)
    k = load_contacts(contacts, skip_bad=skip_bad)
    frame = c.frame.assign(text=anonymise_texts(c.frame["text"].astype(str).tolist()))
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    batch = 2000
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle, Progress(transient=True) as bar:
            task = bar.add_task("annotating", total=len(frame))
            for start in range(0, len(frame), batch):
                for annotation in loaded.annotate(frame.iloc[start : start + batch], k.frame):
                    handle.write(annotation.model_dump_json() + "\n")
                bar.advance(task, min(batch, len(frame) - start))
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    for result in (c, k):
        if result.skipped:
            typer.echo(result.describe_skipped(), err=True)
    typer.echo(f"annotated {len(frame)} complaints with model {loaded.version} -> {out}")


@models_app.command("list")
@user_errors
def models_list(registry: RegistryOption = Path("models")) -> None:
    """Every version with its test metrics; the champion is marked."""
    from rich.console import Console
    from rich.table import Table

    from signals.registry import champion_version, list_versions

    versions = list_versions(registry)
    if not versions:
        typer.echo(f"no model versions in {registry}; train one with `konflikt train`")
        return
    champion = champion_version(registry)
    table = Table(title=f"models in {registry}")
    for column in ("version", "role", "micro-F1", "PR-AUC", "created", "data"):
        table.add_column(column)
    for info in versions:
        test = info.metrics.get("test", {})
        table.add_row(
            info.version,
            "champion" if info.version == champion else "challenger",
            f"{test.get('root_cause_micro_f1', 0):.3f}",
            f"{test.get('mediation_pr_auc') or 0:.3f}",
            str(info.manifest.get("created_at", "")),
            str(info.manifest.get("data_fingerprint", ""))[:10],
        )
    Console(width=140).print(table)


@models_app.command("promote")
@user_errors
def models_promote(
    version: Annotated[str, typer.Argument(help="The version to make champion.")],
    registry: RegistryOption = Path("models"),
    reason: Annotated[str, typer.Option("--reason", help="Why (kept in the champion's history).")] = "",
) -> None:
    """Make a version the champion (after verifying its files)."""
    from signals.registry import verify_version, version_info
    from training.registry import promote

    verify_version(version_info(registry, version))
    promote(registry, version, by="konflikt models promote", reason=reason)
    typer.echo(f"champion: {version}")


@models_app.command("rollback")
@user_errors
def models_rollback(registry: RegistryOption = Path("models")) -> None:
    """Make the previous champion the champion again."""
    from training.registry import rollback

    typer.echo(f"champion: {rollback(registry, by='konflikt models rollback')}")


@models_app.command("show")
@user_errors
def models_show(
    version: Annotated[str | None, typer.Argument(help="Version (default: the champion).")] = None,
    registry: RegistryOption = Path("models"),
) -> None:
    """The manifest of a version: files, data fingerprint, libraries, metrics."""
    from signals.registry import NoModelError, champion_version, version_info

    version = version or champion_version(registry)
    if version is None:
        raise NoModelError(f"registry {registry} has no champion")
    typer.echo(json.dumps(version_info(registry, version).manifest, indent=2, ensure_ascii=False))

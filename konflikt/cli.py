"""`konflikt`: the command line of contract section 3.

The commands are thin: they parse options, call one function of `signals`, `training` or
`service`, and turn a `KonfliktError` into a one-line reason on stderr with exit status 1.
Heavy modules are imported inside the commands so that `konflikt --help` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from konflikt import analyst, check, ops
from konflikt.common import fail, user_errors

__all__ = ["app", "fail", "main", "user_errors"]

app = typer.Typer(
    name="konflikt",
    help="Konfliktsignaler: root causes and mediation potential in complaints to the citizen advisor.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DEFAULT_DATA_DIR = Path("data/default")

app.command("train")(analyst.train)
app.command("evaluate")(analyst.evaluate)
app.command("annotate")(analyst.annotate)
app.command("check")(check.check)
app.add_typer(analyst.models_app, name="models")
app.command("serve")(ops.serve)
app.command("audit")(ops.audit)
app.add_typer(ops.keys_app, name="keys")
app.add_typer(ops.feedback_app, name="feedback")
app.add_typer(ops.db_app, name="db")


@app.command()
@user_errors
def generate(
    out: Annotated[Path, typer.Option("--out", help="Folder to write complaints.jsonl and contacts.csv to.")],
    complaints: Annotated[int, typer.Option("--complaints", min=1, help="Number of complaints.")] = 20_000,
    seed: Annotated[
        int, typer.Option("--seed", help="Random seed; same seed and size give identical files.")
    ] = 7,
) -> None:
    """Write the synthetic Danish corpus: DIR/complaints.jsonl and DIR/contacts.csv."""
    from training.synth import generate_corpus

    summary = generate_corpus(out, complaints=complaints, seed=seed, progress=True)
    typer.echo(summary.describe())


@app.command()
@user_errors
def anonymise(
    in_: Annotated[Path, typer.Option("--in", help="JSON Lines file with a `text` field per record.")],
    out: Annotated[Path, typer.Option("--out", help="Where to write the anonymised JSON Lines.")],
) -> None:
    """Replace personal data in every record's `text` with typed placeholders ([NAVN], [CPR], ...)."""
    from signals.anonymise import anonymise_jsonl

    count = anonymise_jsonl(in_, out, progress=True)
    typer.echo(f"anonymised {count} records -> {out}")


@app.command()
@user_errors
def up(
    data_dir: Annotated[
        Path, typer.Option("--data", help="Where the default corpus lives.")
    ] = DEFAULT_DATA_DIR,
    registry: Annotated[Path, typer.Option("--registry", envvar="KONFLIKT_REGISTRY")] = Path("models"),
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
) -> None:
    """The main job: generate the default corpus if absent, train a champion if none, serve."""
    from signals.registry import champion_version
    from training.train import ensure_default_data, train

    complaints, contacts = ensure_default_data(data_dir)
    typer.echo(f"default corpus: {complaints}, {contacts}")
    if champion_version(registry) is None:
        typer.echo("no champion model yet: training one on the default corpus ...")
        result = train(complaints, contacts, registry=registry, progress=True)
        typer.echo(f"trained {result.version}: {result.decision}")
    else:
        typer.echo(f"champion model: {champion_version(registry)}")
    from service.server import serve
    from service.settings import get_settings

    settings = get_settings().model_copy(update={"registry": registry})
    typer.echo(f"serving the API and the advisors' pages on http://{host}:{port}/ (Ctrl+C stops)")
    serve(settings, host=host, port=port)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("konflikt: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()

"""`konflikt check`: validate input files and list every bad row, loading nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from signals.errors import DataError, KonfliktError, RowError


def check(
    complaints: Annotated[
        Path, typer.Option("--complaints", help="Complaints file (.jsonl, .json, .csv, .xlsx, .parquet).")
    ],
    contacts: Annotated[Path | None, typer.Option("--contacts", help="Contacts file, same formats.")] = None,
    require_labels: Annotated[
        bool,
        typer.Option(
            "--require-labels", help="Training data: every complaint needs root causes and a label."
        ),
    ] = False,
) -> None:
    """Check complaint and contact files; print a table of all bad rows (exit 1) or the row counts."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from signals.loader import load_complaints, load_contacts

    row_errors: list[RowError] = []
    file_errors: list[str] = []
    counts: list[str] = []
    jobs = [("complaints", complaints, lambda p: load_complaints(p, require_labels=require_labels))]
    if contacts is not None:
        jobs.append(("contacts", contacts, load_contacts))
    for noun, path, load in jobs:
        try:
            result = load(path)
        except DataError as exc:
            row_errors.extend(exc.errors)
        except KonfliktError as exc:
            file_errors.append(str(exc))
        else:
            counts.append(f"{path}: {len(result.frame):,} {noun}, no errors")

    if row_errors:
        table = Table(
            title=f"{len(row_errors)} problem{'s' if len(row_errors) != 1 else ''}", title_justify="left"
        )
        table.add_column("file")
        table.add_column("row", justify="right")
        table.add_column("field")
        table.add_column("reason", overflow="fold")
        for error in row_errors:
            # Text(), not markup: a quoted bad code may contain "[...]".
            table.add_row(Text(error.file), Text(str(error.row)), Text(error.field), Text(error.reason))
        Console().print(table)
    for line in counts:
        typer.echo(line)
    for message in file_errors:
        typer.echo(f"konflikt: error: {message}", err=True)
    if row_errors:
        bad_rows = len({(e.file, e.row) for e in row_errors})
        files = len({e.file for e in row_errors})
        typer.echo(
            f"konflikt: error: {bad_rows} bad row{'s' if bad_rows != 1 else ''} in {files} "
            f"file{'s' if files != 1 else ''}; such a file loads nothing (use --skip-bad to drop bad rows)",
            err=True,
        )
    if row_errors or file_errors:
        raise typer.Exit(1)

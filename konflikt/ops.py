"""The service's commands: serve, API keys, the audit log, the feedback export, database migrations.

They read the same settings as the service (`KONFLIKT_DATABASE_URL`, ...); `--database-url`
overrides the database for one command.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from konflikt.common import user_errors
from signals.errors import KonfliktError

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

DatabaseOption = Annotated[
    str | None,
    typer.Option(
        "--database-url", help="Database URL (default: KONFLIKT_DATABASE_URL or sqlite:///var/konflikt.db)."
    ),
]

keys_app = typer.Typer(help="API keys: create (shown once), list, revoke.", no_args_is_help=True)
feedback_app = typer.Typer(help="Advisors' feedback: export it as training labels.", no_args_is_help=True)
db_app = typer.Typer(help="The service's database: migrations.", no_args_is_help=True)


@contextmanager
def _session(database_url: str | None) -> Iterator[Session]:
    """A session on the migrated database, committed when the command succeeds."""
    from service.db import ensure_schema, make_engine, make_session_factory, session_scope
    from service.settings import get_settings

    settings = get_settings()
    engine = make_engine(database_url or settings.database_url)
    try:
        with _database_errors(engine):
            ensure_schema(engine, migrate=settings.auto_migrate)
            with session_scope(make_session_factory(engine)) as session:
                yield session
    finally:
        engine.dispose()


@contextmanager
def _database_errors(engine: Engine) -> Iterator[None]:
    """An unreachable database is one line naming it (without its password), not a traceback."""
    from sqlalchemy.exc import OperationalError

    try:
        yield
    except OperationalError as exc:
        where = engine.url.render_as_string(hide_password=True)
        raise KonfliktError(f"cannot use the database {where} ({type(exc.orig).__name__})") from None


@user_errors
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes.")] = 1,
) -> None:
    """Run the HTTP service (contract section 4); settings from KONFLIKT_* environment variables."""
    from service.server import serve as run

    run(host=host, port=port, workers=workers)


@keys_app.command("create")
@user_errors
def keys_create(
    role: Annotated[str, typer.Option("--role", help="advisor, analyst or forvaltning.")],
    forvaltning: Annotated[
        str | None, typer.Option("--forvaltning", help="Department code, for a forvaltning key (e.g. SOF).")
    ] = None,
    name: Annotated[
        str, typer.Option("--name", help="Who or what holds the key (shown in `keys list`).")
    ] = "",
    database_url: DatabaseOption = None,
) -> None:
    """Create a key and print it once on stdout (it is stored only as a hash)."""
    from service.keys import create_key

    with _session(database_url) as session:
        row, key = create_key(session, role=role, forvaltning=forvaltning, name=name)
        scope = f" for {row.forvaltning}" if row.forvaltning else ""
    typer.echo(key)
    typer.echo(f"created {row.role} key {row.key_id}{scope}; it is shown only this once", err=True)


@keys_app.command("list")
@user_errors
def keys_list(
    active: Annotated[bool, typer.Option("--active", help="Leave out revoked keys.")] = False,
    database_url: DatabaseOption = None,
) -> None:
    """List keys (ids, roles, departments, names; never secrets)."""
    from rich.console import Console
    from rich.table import Table

    from service.keys import list_keys

    table = Table("id", "role", "forvaltning", "name", "created", "revoked", title="API keys")
    with _session(database_url) as session:
        for row in list_keys(session, include_revoked=not active):
            table.add_row(
                row.key_id,
                row.role,
                row.forvaltning or "",
                row.name,
                _local(row.created_at),
                _local(row.revoked_at) if row.revoked_at else "",
            )
    Console().print(table)


@keys_app.command("revoke")
@user_errors
def keys_revoke(
    key_id: Annotated[str, typer.Argument(help="The key's id as `keys list` shows it.")],
    database_url: DatabaseOption = None,
) -> None:
    """Revoke a key: it stops working at once and stays listed for the audit log."""
    from service.keys import revoke_key

    with _session(database_url) as session:
        row = revoke_key(session, key_id)
        typer.echo(f"revoked {row.role} key {row.key_id} at {_local(row.revoked_at)}")


def _local(moment: datetime | None) -> str:
    from signals.schema import COPENHAGEN

    return moment.astimezone(COPENHAGEN).strftime("%Y-%m-%d %H:%M:%S") if moment else ""


def parse_day_or_time(value: str | None, *, option: str, end_of_day: bool = False) -> datetime | None:
    """An ISO date or date-time (Copenhagen time without an offset).

    A date alone as `--until` includes that day (the bound becomes the next midnight).
    """
    from signals.schema import COPENHAGEN

    if value is None:
        return None
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            moment = datetime.combine(day + timedelta(days=1) if end_of_day else day, time())
        else:
            moment = datetime.fromisoformat(value)
    except ValueError:
        raise KonfliktError(
            f"{option}: expected a date (2026-11-01) or date-time (2026-11-01T08:00), got {value!r}"
        ) from None
    return moment.replace(tzinfo=COPENHAGEN) if moment.tzinfo is None else moment


@user_errors
def audit(
    key: Annotated[str | None, typer.Option("--key", help="Only this key id.")] = None,
    complaint: Annotated[
        str | None, typer.Option("--complaint", help="Only entries touching this complaint.")
    ] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this date or time (inclusive).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this date (inclusive) or time.")] = None,
    limit: Annotated[
        int, typer.Option("--limit", min=1, help="At most this many entries, newest first.")
    ] = 200,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
    database_url: DatabaseOption = None,
) -> None:
    """Show the audit log: who read or changed which complaints, when, and with what outcome."""
    from rich.console import Console
    from rich.table import Table

    from service.audit import query_audit

    start = parse_day_or_time(since, option="--since")
    end = parse_day_or_time(until, option="--until", end_of_day=True)
    with _session(database_url) as session:
        entries = query_audit(
            session, key_id=key, complaint_id=complaint, since=start, until=end, limit=limit
        )
        rows = [
            {
                "at": entry.at.isoformat(),
                "key_id": entry.key_id,
                "role": entry.role,
                "action": entry.action,
                "method": entry.method,
                "path": entry.path,
                "status": entry.status,
                "items": entry.item_count,
                "complaint_ids": [c.complaint_id for c in entry.complaints],
            }
            for entry in entries
        ]
    if as_json:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
        return
    table = Table(title="Audit log")
    for name in ("when", "key", "role", "action", "request", "status", "complaints"):
        table.add_column(name, overflow="fold")  # wrap long paths and ids rather than cut them
    for row, entry in zip(rows, entries, strict=True):
        ids = row["complaint_ids"]
        shown = ", ".join(ids[:5]) + (f" (+{len(ids) - 5})" if len(ids) > 5 else "")
        table.add_row(
            _local(entry.at),
            row["key_id"] or "",
            row["role"] or "",
            row["action"],
            f"{row['method']} {row['path']}",
            str(row["status"]),
            shown,
        )
    Console().print(table)
    if not rows:
        typer.echo("no audit entries match", err=True)


@feedback_app.command("export")
@user_errors
def feedback_export(
    out: Annotated[Path, typer.Option("--out", help="JSON Lines file to write.")],
    database_url: DatabaseOption = None,
) -> None:
    """Write the latest feedback per complaint (JSONL): complaint_id, root_causes, mediation_potential."""
    from service.queries import export_feedback

    with _session(database_url) as session:
        frame = export_feedback(session)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        for row in frame.itertuples(index=False):
            record = {
                "complaint_id": row.complaint_id,
                "root_causes": list(row.root_causes),
                "mediation_potential": int(row.mediation_potential),
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(out)  # all or nothing: a reader never sees a half-written export
    typer.echo(f"exported feedback on {len(frame)} complaints -> {out}")


@db_app.command("upgrade")
@user_errors
def db_upgrade(
    revision: Annotated[str, typer.Option("--revision", help="Target revision.")] = "head",
    database_url: DatabaseOption = None,
) -> None:
    """Apply the database migrations (the service also runs them at start-up unless told not to)."""
    from service.db import current_revision, make_engine, upgrade_database
    from service.settings import get_settings

    engine = make_engine(database_url or get_settings().database_url)
    try:
        with _database_errors(engine):
            upgrade_database(engine, revision)
            typer.echo(f"database at revision {current_revision(engine)}")
    finally:
        engine.dispose()

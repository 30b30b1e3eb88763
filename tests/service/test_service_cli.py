"""`konflikt keys`, `audit`, `feedback export` and `db upgrade` against both databases."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from konflikt.cli import app
from konflikt.ops import parse_day_or_time
from service.audit import record_audit
from service.db import make_engine, make_session_factory
from service.keys import Caller, authenticate
from service.store import add_complaint, add_feedback
from signals.schema import Annotation

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})  # Rich tables at full width
    return result.exit_code, result.stdout, result.stderr


def test_db_upgrade_reports_the_revision(database_url: str) -> None:
    code, out, _ = run("db", "upgrade", "--database-url", database_url)
    assert code == 0 and "database at revision 0001" in out


def test_key_lifecycle(database_url: str) -> None:
    code, out, err = run(
        "keys",
        "create",
        "--role",
        "forvaltning",
        "--forvaltning",
        "BUF",
        "--name",
        "BUF drift",
        "--database-url",
        database_url,
    )
    assert code == 0
    key = out.strip()
    assert key.startswith("kfs_") and "\n" not in key
    assert "shown only this once" in err
    engine = make_engine(database_url)
    try:
        with make_session_factory(engine)() as session:
            caller = authenticate(session, key)
        assert (caller.role, caller.forvaltning) == ("forvaltning", "BUF")
        code, listing, _ = run("keys", "list", "--database-url", database_url)
        assert code == 0 and caller.key_id in listing and "BUF drift" in listing
        assert key.split("_", 2)[2] not in listing
        code, out, _ = run("keys", "revoke", caller.key_id, "--database-url", database_url)
        assert code == 0 and f"revoked forvaltning key {caller.key_id}" in out
        _, active, _ = run("keys", "list", "--active", "--database-url", database_url)
        assert caller.key_id not in active
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("keys", "create", "--role", "forvaltning"), "needs --forvaltning"),
        (("keys", "create", "--role", "boss"), "role must be one of"),
        (("keys", "revoke", "nope"), "no API key with id 'nope'"),
        (("audit", "--since", "last tuesday"), "--since: expected a date"),
    ],
)
def test_mistakes_are_one_line_on_stderr(database_url: str, args: tuple[str, ...], message: str) -> None:
    code, _, err = run(*args, "--database-url", database_url)
    assert code == 1
    assert err.startswith("konflikt: error: ") and message in err and err.count("\n") == 1


def test_unreachable_database_is_one_line() -> None:
    code, _, err = run(
        "keys", "list", "--database-url", "postgresql+psycopg://nobody:secret@127.0.0.1:1/none"
    )
    assert code == 1
    assert "cannot use the database postgresql+psycopg://nobody:***@127.0.0.1:1/none" in err
    assert "secret" not in err


def test_audit_filters_and_json(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        with make_session_factory(engine)() as session:
            who = Caller(key_id="cli00001", role="forvaltning", forvaltning="SOF")
            record_audit(
                session,
                who,
                action="complaint.read",
                method="GET",
                path="/v1/complaints/c-a",
                status=200,
                complaint_ids=["c-a"],
            )
            record_audit(
                session,
                who,
                action="complaint.read",
                method="GET",
                path="/v1/complaints/c-b",
                status=404,
                complaint_ids=["c-b"],
            )
            session.commit()
    finally:
        engine.dispose()
    code, out, _ = run("audit", "--key", "cli00001", "--json", "--database-url", database_url)
    entries = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [(e["complaint_ids"], e["status"]) for e in entries] == [
        (["c-b"], 404),
        (["c-a"], 200),
    ]
    code, table, _ = run(
        "audit", "--complaint", "c-a", "--since", "2020-01-01", "--database-url", database_url
    )
    assert code == 0 and "cli00001" in table and "complaint.read" in table and "c-a" in table
    _, none, err = run("audit", "--key", "cli00001", "--until", "2020-01-01", "--database-url", database_url)
    assert "cli00001" not in none and "no audit entries match" in err


def test_feedback_export_writes_training_labels(database_url: str, tmp_path: Path) -> None:
    engine = make_engine(database_url)
    try:
        with make_session_factory(engine)() as session:
            record = {
                "complaint_id": "fb-cli-1",
                "received_at": pd.Timestamp("2026-09-01T10:00:00Z"),
                "citizen_id": "p-fb",
                "forvaltning": "SUF",
                "channel": "brev",
                "text": "Tekst",
            }
            annotation = Annotation(
                complaint_id="fb-cli-1",
                root_causes=["aktindsigt"],
                root_cause_scores={"aktindsigt": 0.7},
                mediation_score=0.2,
                mediation_flag=False,
                explanation={},
                model_version="v",
            )
            add_complaint(session, record, annotation=annotation, created_by="k")
            add_feedback(session, "fb-cli-1", root_causes=["vejledning"], mediation_potential=1, key_id="k")
            session.commit()
    finally:
        engine.dispose()
    out = tmp_path / "labels" / "feedback.jsonl"
    code, said, _ = run("feedback", "export", "--out", str(out), "--database-url", database_url)
    assert code == 0 and str(out) in said
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {"complaint_id": "fb-cli-1", "root_causes": ["vejledning"], "mediation_potential": 1} in rows
    assert all(set(row) == {"complaint_id", "root_causes", "mediation_potential"} for row in rows)


@pytest.mark.parametrize(
    ("value", "end_of_day", "expected"),
    [
        ("2026-11-01", False, datetime(2026, 10, 31, 23, 0, tzinfo=UTC)),
        ("2026-11-01", True, datetime(2026, 11, 1, 23, 0, tzinfo=UTC)),
        ("2026-07-01T08:00", False, datetime(2026, 7, 1, 6, 0, tzinfo=UTC)),
        ("2026-07-01T08:00+00:00", False, datetime(2026, 7, 1, 8, 0, tzinfo=UTC)),
    ],
)
def test_audit_dates_are_copenhagen_time(value: str, end_of_day: bool, expected: datetime) -> None:
    parsed = parse_day_or_time(value, option="--until", end_of_day=end_of_day)
    assert parsed is not None and parsed == expected

"""Storage on SQLite and PostgreSQL: migrations, keys, audit, contacts, feedback export, UTC times."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pandas as pd
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from conftest import fresh_postgres_schema
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.orm import Session
from svc_factories import unique

from service.audit import query_audit, record_audit
from service.db import (
    SchemaError,
    current_revision,
    downgrade_database,
    ensure_schema,
    head_revision,
    make_engine,
    make_session_factory,
    upgrade_database,
)
from service.keys import (
    ApiKeyError,
    AuthenticationError,
    Caller,
    authenticate,
    create_key,
    list_keys,
    revoke_key,
)
from service.queries import export_feedback
from service.store import add_complaint, add_contacts, add_feedback, contacts_of, month_of
from service.tables import ApiKeyRow, Base
from signals.schema import Annotation

TABLES = {
    "complaints",
    "contacts",
    "annotations",
    "annotation_root_causes",
    "feedback",
    "api_keys",
    "audit_log",
    "audit_log_complaints",
}


@pytest.fixture(scope="module")
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    upgrade_database(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with make_session_factory(engine)() as session:
        yield session
        session.rollback()


def test_migrations_create_every_table_and_match_the_models(engine: Engine) -> None:
    assert set(inspect(engine).get_table_names()) >= TABLES
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        drift = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert drift == []


@contextmanager
def fresh_database(database_url: str) -> Iterator[str]:
    """An empty database on the same backend: a new SQLite file or a new PostgreSQL schema."""
    if database_url.startswith("sqlite"):
        yield database_url.replace("konflikt.db", f"{uuid.uuid4().hex}.db")
    else:
        with fresh_postgres_schema() as url:
            yield url


def test_downgrade_and_upgrade_again(database_url: str) -> None:
    with fresh_database(database_url) as url:
        engine = make_engine(url)
        try:
            with pytest.raises(SchemaError, match="konflikt db upgrade"):
                ensure_schema(engine, migrate=False)
            ensure_schema(engine, migrate=True)
            downgrade_database(engine, "base")
            assert not TABLES & set(inspect(engine).get_table_names())
            upgrade_database(engine)
            ensure_schema(engine, migrate=False)
        finally:
            engine.dispose()


@pytest.mark.slow
def test_concurrent_upgrades_are_serialised(database_url: str) -> None:
    """Workers starting at once (processes, as uvicorn's are) on an empty database: one migrates, the
    others wait (PostgreSQL: advisory lock; SQLite: its write lock) and then find the schema at head."""
    script = (
        "import sys; from service.db import ensure_schema, make_engine; "
        "ensure_schema(make_engine(sys.argv[1]), migrate=True)"
    )
    with fresh_database(database_url) as url:
        workers = [
            subprocess.Popen([sys.executable, "-c", script, url], stderr=subprocess.PIPE, text=True)
            for _ in range(3)
        ]
        outcomes = [(worker.wait(timeout=120), worker.communicate()[1]) for worker in workers]
        assert outcomes == [(0, "")] * 3
        engine = make_engine(url)
        try:
            assert current_revision(engine) == head_revision()
        finally:
            engine.dispose()


@pytest.mark.parametrize(
    ("role", "forvaltning", "message"),
    [
        ("boss", None, "role must be one of"),
        ("forvaltning", None, "needs --forvaltning"),
        ("forvaltning", "XYZ", "needs --forvaltning"),
        ("advisor", "SOF", "only for forvaltning keys"),
    ],
)
def test_bad_key_requests_are_refused(
    session: Session, role: str, forvaltning: str | None, message: str
) -> None:
    with pytest.raises(ApiKeyError, match=message):
        create_key(session, role=role, forvaltning=forvaltning)


def test_keys_are_stored_as_hashes_and_revocation_is_immediate(session: Session) -> None:
    row, key = create_key(session, role="forvaltning", forvaltning="TMF", name="Teknik")
    assert key.startswith(f"kfs_{row.key_id}_") and len(key) > 40
    stored = session.execute(select(ApiKeyRow).where(ApiKeyRow.key_id == row.key_id)).scalar_one()
    assert key not in repr(stored.__dict__) and key.split("_", 2)[2] not in stored.secret_hash
    assert authenticate(session, key) == Caller(key_id=row.key_id, role="forvaltning", forvaltning="TMF")
    for wrong in (key[:-1] + ("A" if key[-1] != "A" else "B"), f"kfs_{row.key_id}_x", "kfs__", "nonsense"):
        with pytest.raises(AuthenticationError):
            authenticate(session, wrong)
    revoked = revoke_key(session, row.key_id)
    assert revoked.revoked_at is not None
    with pytest.raises(AuthenticationError, match="revoked"):
        authenticate(session, key)
    assert row.key_id not in {k.key_id for k in list_keys(session, include_revoked=False)}
    assert row.key_id in {k.key_id for k in list_keys(session)}
    with pytest.raises(ApiKeyError, match="no API key"):
        revoke_key(session, "deadbeef-missing")


def _annotation(complaint_id: str, *, flag: bool = False) -> Annotation:
    return Annotation(
        complaint_id=complaint_id,
        root_causes=["aktindsigt"],
        root_cause_scores={"aktindsigt": 0.9},
        mediation_score=0.8 if flag else 0.1,
        mediation_flag=flag,
        explanation={"phrases": ["aktindsigt"]},
        model_version="store-test",
    )


def _complaint(session: Session, *, received: datetime, citizen: str = "p-store") -> str:
    complaint_id = unique("st")
    record = {
        "complaint_id": complaint_id,
        "received_at": pd.Timestamp(received),
        "citizen_id": citizen,
        "forvaltning": "KFF",
        "channel": "brev",
        "text": "Jeg har bedt om aktindsigt.",
    }
    add_complaint(session, record, annotation=_annotation(complaint_id), created_by="tester")
    return complaint_id


@pytest.mark.parametrize(
    ("moment", "month"),
    [
        (datetime(2026, 10, 31, 22, 30, tzinfo=UTC), "2026-10"),  # 23:30 in Copenhagen (CET)
        (datetime(2026, 10, 31, 23, 30, tzinfo=UTC), "2026-11"),  # 00:30 on 1 November
        (datetime(2026, 6, 30, 22, 30, tzinfo=UTC), "2026-07"),  # 00:30 summer time
    ],
)
def test_months_are_copenhagen_months(session: Session, moment: datetime, month: str) -> None:
    assert month_of(moment) == month
    complaint_id = _complaint(session, received=moment)
    session.commit()
    from service.tables import ComplaintRow

    row = session.get(ComplaintRow, complaint_id)
    assert row is not None
    assert row.received_month == month
    assert row.received_at == moment and row.received_at.tzinfo is not None


def test_contacts_round_trip_as_a_loader_table_and_repeat_posts_are_idempotent(session: Session) -> None:
    citizen = unique("p")
    base = datetime(2026, 9, 1, 12, 0, tzinfo=UTC)
    frame = pd.DataFrame(
        {
            "citizen_id": [citizen] * 3,
            "occurred_at": pd.Series([base, base + timedelta(days=1), base + timedelta(days=2)]).astype(
                "datetime64[us, UTC]"
            ),
            "channel": ["telefon", "email", "brev"],
            "recipient": ["SOF", "borgmester", "SOF"],
            "kind": ["henvendelse", "klage", "rykker"],
        }
    )
    assert add_contacts(session, frame) == (3, 0)
    assert add_contacts(session, frame) == (0, 3)
    session.commit()
    loaded = contacts_of(session, [citizen])
    assert str(loaded["occurred_at"].dtype) == "datetime64[us, UTC]"
    pd.testing.assert_frame_equal(loaded, frame, check_dtype=False)
    before = contacts_of(session, [citizen], before=base + timedelta(days=1))
    assert before["kind"].tolist() == ["henvendelse"]  # strictly before: the contact at that moment is out


def test_feedback_export_keeps_the_latest_judgement(session: Session) -> None:
    first = _complaint(session, received=datetime(2026, 8, 1, 9, tzinfo=UTC))
    second = _complaint(session, received=datetime(2026, 8, 2, 9, tzinfo=UTC))
    add_feedback(session, first, root_causes=["aktindsigt"], mediation_potential=0, key_id="k1")
    add_feedback(
        session, first, root_causes=["vejledning", "begrundelse"], mediation_potential=1, key_id="k2"
    )
    add_feedback(session, second, root_causes=["koordinering"], mediation_potential=0, key_id="k1")
    session.commit()
    frame = export_feedback(session).set_index("complaint_id")
    assert frame.loc[first, "root_causes"] == ["vejledning", "begrundelse"]
    assert frame.loc[first, "mediation_potential"] == 1
    assert frame.loc[first, "key_id"] == "k2"
    assert frame.loc[second, "mediation_potential"] == 0
    assert list(frame.columns) == ["root_causes", "mediation_potential", "key_id", "created_at"]


def test_audit_query_filters(session: Session) -> None:
    key_a, key_b = unique("ka"), unique("kb")
    a = Caller(key_id=key_a, role="advisor")
    b = Caller(key_id=key_b, role="forvaltning", forvaltning="SOF")
    record_audit(
        session, a, action="complaint.read", method="GET", path="/x", status=200, complaint_ids=["c1"]
    )
    record_audit(
        session, b, action="complaint.list", method="GET", path="/y", status=200, complaint_ids=["c1", "c2"]
    )
    record_audit(
        session, b, action="complaint.read", method="GET", path="/z", status=404, complaint_ids=["c9"]
    )
    session.commit()
    mine = {key_a, key_b}

    def actions(**filters: object) -> list[tuple[str | None, str, int]]:
        return [(e.key_id, e.action, e.status) for e in query_audit(session, **filters) if e.key_id in mine]  # type: ignore[arg-type]

    assert actions(key_id=key_b) == [(key_b, "complaint.read", 404), (key_b, "complaint.list", 200)]
    assert {entry[0] for entry in actions(complaint_id="c1")} == {key_a, key_b}
    assert actions(complaint_id="c9") == [(key_b, "complaint.read", 404)]
    future = datetime.now(UTC) + timedelta(hours=1)
    assert actions(since=future) == []
    assert len(actions(until=future)) == 3
    entry = query_audit(session, key_id=key_b, complaint_id="c2")[0]
    assert (entry.item_count, [c.complaint_id for c in entry.complaints]) == (2, ["c1", "c2"])


def test_engine_hides_bound_parameters_in_errors(engine: Engine) -> None:
    """SQLAlchemy's message leaves the bound values out (PostgreSQL may still quote a failing row in its
    DETAIL, which is why the service never logs or returns an exception's message, only its type)."""
    with engine.connect() as connection, pytest.raises(Exception) as caught:
        connection.execute(
            text("INSERT INTO complaints (complaint_id) VALUES (:x)"), {"x": "Mette Frederiksen"}
        )
    assert "SQL parameters hidden due to hide_parameters=True" in str(caught.value)

"""Fixtures for the service: one database per test module and backend (SQLite and PostgreSQL), the app
built by `create_app` over it, and keys made with the same code as `konflikt keys create`.

PostgreSQL comes from KONFLIKT_TEST_POSTGRES_URL. Each module gets a fresh schema (dropped at the
end), so parallel runs never see each other's rows. Without the variable the PostgreSQL runs skip
locally; in CI (CI=true) that, or an unreachable server, is a failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from starlette.testclient import TestClient
from svc_factories import fresh_postgres_schema, make_settings
from svc_models import SwitchableSource

from service.keys import create_key, revoke_key
from service.main import create_app

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="module")
def postgres_schema_url() -> Iterator[str]:
    with fresh_postgres_schema() as url:
        yield url


@pytest.fixture(scope="module", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'konflikt.db'}"
    url: str = request.getfixturevalue("postgres_schema_url")
    return url


@pytest.fixture(scope="module")
def model_source() -> SwitchableSource:
    return SwitchableSource("test-v1")


@pytest.fixture(scope="module")
def client(database_url: str, model_source: SwitchableSource) -> Iterator[TestClient]:
    """The app over this module's database, started (migrations, model) and shared by its tests."""
    app = create_app(make_settings(database_url), model_source=model_source)
    with TestClient(app) as test_client:
        yield test_client


@dataclass(frozen=True)
class Keys:
    """Keys for every role, plus a revoked one; `auth(name)` gives the header."""

    advisor: str
    analyst: str
    sof: str  # forvaltning key for SOF
    buf: str  # forvaltning key for BUF
    revoked: str
    ids: dict[str, str]

    def auth(self, name: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {getattr(self, name)}"}


@pytest.fixture(scope="module")
def keys(client: TestClient) -> Keys:
    factory = client.app.state.session_factory  # type: ignore[attr-defined]
    made: dict[str, str] = {}
    ids: dict[str, str] = {}
    with factory() as session:
        for name, role, dept in (
            ("advisor", "advisor", None),
            ("analyst", "analyst", None),
            ("sof", "forvaltning", "SOF"),
            ("buf", "forvaltning", "BUF"),
            ("revoked", "advisor", None),
        ):
            row, key = create_key(session, role=role, forvaltning=dept, name=f"test {name}")
            made[name], ids[name] = key, row.key_id
        revoke_key(session, ids["revoked"])
        session.commit()
    return Keys(**made, ids=ids)

"""Fixtures for the page tests: the app over SQLite and PostgreSQL (one database per module and backend),
keys for every role, complaints of two departments stored through the API, and signed-in clients.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from fastapi import FastAPI
from starlette.testclient import TestClient
from web_support import (
    BASE_URL,
    FLAGGED_TEXT,
    SCRIPT_TEXT,
    ExplainingSource,
    Keys,
    Seeded,
    fresh_postgres_schema,
    make_settings,
    sign_in,
    store_complaint,
    store_contacts,
)

from service.keys import create_key
from service.main import create_app

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="module", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'konflikt.db'}"
        return
    with fresh_postgres_schema() as url:
        yield url


@pytest.fixture(scope="module")
def api(database_url: str) -> Iterator[TestClient]:
    """The app, started (migrations, model), as an API client (no cookies are ever set on it)."""
    app = create_app(make_settings(database_url), model_source=ExplainingSource("web-v1"))
    with TestClient(app, base_url=BASE_URL) as client:
        yield client


@pytest.fixture(scope="module")
def app(api: TestClient) -> FastAPI:
    application: FastAPI = api.app  # type: ignore[assignment]
    return application


@pytest.fixture(scope="module")
def keys(app: FastAPI) -> Keys:
    made: dict[str, str] = {}
    ids: dict[str, str] = {}
    with app.state.session_factory() as session:
        for name, role, department in (
            ("advisor", "advisor", None),
            ("analyst", "analyst", None),
            ("sof", "forvaltning", "SOF"),
            ("buf", "forvaltning", "BUF"),
        ):
            row, key = create_key(session, role=role, forvaltning=department, name=f"web {name}")
            made[name], ids[name] = key, row.key_id
        session.commit()
    return Keys(**made, ids=ids)


@pytest.fixture(scope="module")
def seeded(api: TestClient, keys: Keys) -> Seeded:
    key = keys.advisor
    now = datetime.now(UTC).replace(microsecond=0)
    citizen = "p-web-sof-1"
    store_contacts(api, key, citizen, SOF=4, borgmester=2)
    return Seeded(
        sof_flagged=store_complaint(api, key, citizen_id=citizen, text=FLAGGED_TEXT)["complaint_id"],
        sof_script=store_complaint(api, key, text=SCRIPT_TEXT, received_at="2026-09-02T09:00:00+02:00")[
            "complaint_id"
        ],
        sof_plain=store_complaint(
            api,
            key,
            text="Brevet var uklart, og jeg forstår ikke afgørelsen.",
            received_at="2026-08-20T09:00:00+02:00",
        )["complaint_id"],
        sof_this_week=store_complaint(api, key, text=FLAGGED_TEXT + " Igen.", received_at=now.isoformat())[
            "complaint_id"
        ],
        buf_flagged=store_complaint(api, key, forvaltning="BUF", text=FLAGGED_TEXT + " BUF-hemmelighed.")[
            "complaint_id"
        ],
        buf_plain=store_complaint(
            api,
            key,
            forvaltning="BUF",
            text="Jeg fik afslag på en plads.",
            received_at="2026-07-01T09:00:00+02:00",
        )["complaint_id"],
    )


@pytest.fixture(scope="module")
def page(app: FastAPI, keys: Keys, seeded: Seeded) -> Callable[[str], TestClient]:
    """`page("advisor")`: a browser-like client signed in with that role's key (a fresh session each call)."""

    def signed_in(role: str) -> TestClient:
        return sign_in(TestClient(app, base_url=BASE_URL), getattr(keys, role))

    return signed_in

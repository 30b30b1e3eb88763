"""PostgreSQL goes away under traffic and comes back: 503 with Retry-After meanwhile, nothing half-written,
and the same running service recovers by itself.

The server is a private one (initdb into a temporary folder, its own port), never the shared one.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from faults_support import private_postgres, wait_for
from sqlalchemy import func, select
from starlette.testclient import TestClient
from svc_factories import complaint_payload, make_settings
from svc_models import SwitchableSource

from service.keys import create_key
from service.main import create_app
from service.tables import ComplaintRow, FeedbackRow

pytestmark = pytest.mark.slow


def _traffic(client: TestClient, auth: dict[str, str], stored: list[str]) -> list[Any]:
    """One round of what advisors do: store a complaint, list, give feedback, annotate."""
    body = complaint_payload()
    responses = [client.post("/v1/complaints", json=body, headers=auth)]
    if responses[0].status_code == 201:
        stored.append(body["complaint_id"])
    responses.append(client.get("/v1/complaints", params={"limit": 5}, headers=auth))
    if stored:
        responses.append(
            client.post(
                f"/v1/complaints/{stored[0]}/feedback",
                json={"root_causes": ["manglende_svar"], "mediation_potential": 1},
                headers=auth,
            )
        )
    responses.append(client.post("/v1/annotate", json={"complaints": [complaint_payload()]}, headers=auth))
    return responses


def test_database_loss_gives_503_with_retry_after_and_the_service_recovers() -> None:
    with private_postgres() as server:
        settings = make_settings(server.url)
        with TestClient(create_app(settings, model_source=SwitchableSource("pg-v1"))) as client:
            with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
                _, key = create_key(session, role="advisor")
                session.commit()
            auth = {"Authorization": f"Bearer {key}"}
            stored: list[str] = []
            feedback_accepted = 0
            for _ in range(3):
                responses = _traffic(client, auth, stored)
                assert all(r.status_code in (200, 201) for r in responses), [r.status_code for r in responses]
                feedback_accepted += sum(r.status_code == 201 and "key_id" in r.json() for r in responses)

            server.stop()
            outage: list[int] = []
            for _ in range(3):
                for response in _traffic(client, auth, stored):
                    outage.append(response.status_code)
                    assert response.status_code == 503, response.text
                    assert int(response.headers["Retry-After"]) > 0
                    assert "database is unavailable" in response.json()["detail"]
            health = client.get("/health")
            assert health.status_code == 200 and health.json()["database"] == "unavailable"

            server.start()
            # no restart: the pool notices the dead connections and reconnects
            started = time.monotonic()
            assert wait_for(lambda: client.get("/health").json()["database"] == "ok", timeout=30)
            for _ in range(3):
                responses = _traffic(client, auth, stored)
                assert all(r.status_code in (200, 201) for r in responses), [r.status_code for r in responses]
                feedback_accepted += sum(r.status_code == 201 and "key_id" in r.json() for r in responses)
            recovered_in = time.monotonic() - started

            # nothing lost, nothing half-written: exactly the accepted writes are stored
            with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
                assert session.scalar(select(func.count()).select_from(ComplaintRow)) == len(stored) == 6
                assert session.scalar(select(func.count()).select_from(FeedbackRow)) == feedback_accepted
    assert len(outage) >= 9
    assert recovered_in < 30

"""Annotate's key check and audit entry on its autocommit connection: a revoked key stops working on
the next request, every answered request's entry is committed before the answer arrives, and the
connection goes back to the pool whatever the outcome."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from starlette.testclient import TestClient
from svc_factories import complaint_payload

from service.keys import create_key, revoke_key
from service.tables import AuditRow


def _annotate_entries(client: TestClient, key_id: str) -> list[tuple[str, int, int | None]]:
    """The audit entries of `key_id`, read on a fresh connection (so only what is committed)."""
    engine = client.app.state.engine  # type: ignore[attr-defined]
    with engine.connect() as connection:
        rows = connection.execute(
            select(AuditRow.action, AuditRow.status, AuditRow.item_count)
            .where(AuditRow.key_id == key_id)
            .order_by(AuditRow.id)
        )
        return [(row.action, row.status, row.item_count) for row in rows]


def test_a_key_revoked_while_serving_stops_annotating_at_once(client: TestClient) -> None:
    factory = client.app.state.session_factory  # type: ignore[attr-defined]
    with factory() as session:
        row, key = create_key(session, role="analyst", name="revoked while serving")
        session.commit()
    headers = {"Authorization": f"Bearer {key}"}
    body = {"complaints": [complaint_payload()]}
    assert client.post("/v1/annotate", json=body, headers=headers).status_code == 200
    with factory() as session:
        revoke_key(session, row.key_id)
        session.commit()
    refused = client.post("/v1/annotate", json=body, headers=headers)
    assert refused.status_code == 401 and "revoked" in refused.json()["detail"]


def test_each_answered_annotate_has_its_committed_audit_entry(client: TestClient, keys: Any) -> None:
    key_id = keys.ids["sof"]
    before = len(_annotate_entries(client, key_id))
    for count in (1, 3):
        body = {"complaints": [complaint_payload() for _ in range(count)]}
        assert client.post("/v1/annotate", json=body, headers=keys.auth("sof")).status_code == 200
        # read right after the answer, on another connection: the entry is already committed
        assert _annotate_entries(client, key_id)[before:][-1] == ("annotate", 200, count)
    assert len(_annotate_entries(client, key_id)) == before + 2


def test_annotate_gives_its_connection_back_whatever_the_outcome(client: TestClient, keys: Any) -> None:
    engine = client.app.state.engine  # type: ignore[attr-defined]
    bad_time = {"complaints": [complaint_payload(received_at="not a time")]}
    bad_shape = {"complaints": [{"text": "no id"}]}
    good = {"complaints": [complaint_payload()]}
    for body, expected in ((bad_time, 422), (bad_shape, 422), (good, 200)):
        assert client.post("/v1/annotate", json=body, headers=keys.auth("analyst")).status_code == expected
    with engine.connect() as connection:  # the pool still answers, and nothing stays checked out
        assert connection.execute(select(func.count()).select_from(AuditRow)).scalar_one() > 0
    assert engine.pool.checkedout() == 0

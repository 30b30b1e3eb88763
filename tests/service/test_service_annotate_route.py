"""`POST /v1/annotate` with a body sent as `application/json` and as `application/json;
charset=utf-8`: both must give the same answers, refuse in the same order (401, 503, 422, 413) and
leave the same audit entries. (A route class once served the first by a path of its own; these
tests hold any such shortcut to FastAPI's handler.)"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient
from svc_factories import complaint_payload, make_settings
from svc_models import SwitchableSource

from service.main import create_app
from service.tables import AuditRow

PLAIN = "application/json"
CHARSET = "application/json; charset=utf-8"

BAD_BODIES: list[tuple[str, Any]] = [
    ("no complaints", {}),
    ("empty list", {"complaints": []}),
    ("item not an object", {"complaints": ["text"]}),
    ("list not an object", [{"complaints": []}]),
    ("null body", None),
    ("bad field", {"complaints": [complaint_payload(channel="fax", text=7)]}),
    ("unknown field", {"complaints": [complaint_payload()], "colour": "blue"}),
    ("bad contact", {"complaints": [complaint_payload()], "contacts": [{"citizen_id": "p"}]}),
    ("loader refusal", {"complaints": [complaint_payload(received_at="2026-02-30T10:00:00")]}),
]


def _post(client: TestClient, body: Any, content_type: str, headers: dict[str, str]) -> Any:
    return client.post(
        "/v1/annotate", content=json.dumps(body).encode(), headers={**headers, "content-type": content_type}
    )


@pytest.mark.parametrize(("case", "body"), BAD_BODIES, ids=[b[0] for b in BAD_BODIES])
def test_both_paths_refuse_a_bad_body_alike(client: TestClient, keys: Any, case: str, body: Any) -> None:
    lean = _post(client, body, PLAIN, keys.auth("analyst"))
    fastapi = _post(client, body, CHARSET, keys.auth("analyst"))
    assert lean.status_code == fastapi.status_code == 422
    assert lean.json() == fastapi.json()


@pytest.mark.parametrize("content_type", [PLAIN, CHARSET])
@pytest.mark.parametrize(("case", "body"), BAD_BODIES[:3], ids=[b[0] for b in BAD_BODIES[:3]])
def test_a_bad_key_is_refused_before_the_body_is_judged(
    client: TestClient, keys: Any, content_type: str, case: str, body: Any
) -> None:
    for headers, reason in (
        (keys.auth("revoked"), "revoked"),
        ({"Authorization": "Bearer kfs_00000000_not-a-real-secret"}, "invalid API key"),
        ({}, "missing API key"),
    ):
        response = _post(client, body, content_type, headers)
        assert response.status_code == 401, response.text
        assert reason in response.json()["detail"]
        assert response.headers["www-authenticate"] == "Bearer"


def test_both_paths_annotate_alike_and_audit_alike(client: TestClient, keys: Any) -> None:
    body = {"complaints": [complaint_payload(), complaint_payload(text="Ingen respekt, igen og igen.")]}
    lean = _post(client, body, PLAIN, keys.auth("sof"))
    fastapi = _post(client, body, CHARSET, keys.auth("sof"))
    assert lean.status_code == fastapi.status_code == 200
    assert lean.json() == fastapi.json()
    assert lean.headers["content-type"] == fastapi.headers["content-type"] == "application/json"
    engine = client.app.state.engine  # type: ignore[attr-defined]
    with engine.connect() as connection:
        entries = connection.execute(
            select(AuditRow.action, AuditRow.method, AuditRow.path, AuditRow.status, AuditRow.item_count)
            .where(AuditRow.key_id == keys.ids["sof"])
            .order_by(AuditRow.id.desc())
            .limit(2)
        ).all()
    assert entries[0] == entries[1] == ("annotate", "POST", "/v1/annotate", 200, 2)


@pytest.mark.parametrize("content_type", [PLAIN, CHARSET])
def test_too_many_items_is_judged_after_the_key_and_the_body(
    database_url: str, keys: Any, content_type: str
) -> None:
    app = create_app(make_settings(database_url, max_annotate_items=2), model_source=SwitchableSource())
    with TestClient(app) as small:
        three = {"complaints": [complaint_payload() for _ in range(3)]}
        assert _post(small, three, content_type, keys.auth("revoked")).status_code == 401
        bad = {"complaints": [*three["complaints"], {"text": "no id"}]}
        assert _post(small, bad, content_type, keys.auth("analyst")).status_code == 422
        refused = _post(small, three, content_type, keys.auth("analyst"))
        assert refused.status_code == 413
        assert refused.json() == {"detail": "complaints: 3 items; at most 2 are annotated per request"}


@pytest.fixture
def no_model(database_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(make_settings(database_url), model_source=SwitchableSource(None))) as client:
        yield client


@pytest.mark.parametrize("content_type", [PLAIN, CHARSET])
def test_no_model_is_a_503_after_the_key_and_before_the_body(
    no_model: TestClient, keys: Any, content_type: str
) -> None:
    assert _post(no_model, {"complaints": ["text"]}, content_type, keys.auth("revoked")).status_code == 401
    response = _post(no_model, {"complaints": ["text"]}, content_type, keys.auth("analyst"))
    assert response.status_code == 503
    assert "no model is loaded" in response.json()["detail"]


def test_fastapis_answers_for_bodies_it_is_handed(client: TestClient, keys: Any) -> None:
    headers = {**keys.auth("analyst"), "content-type": PLAIN}
    broken = client.post("/v1/annotate", content=b"{not json", headers=headers)
    assert broken.status_code == 400 and broken.json() == {"detail": "the request body is not valid JSON"}
    empty = client.post("/v1/annotate", content=b"", headers=headers)
    assert empty.status_code == 422 and empty.json()["detail"][0]["field"] == "body"

"""Bad input: a 4xx naming the field, never a 500, and nothing half-written."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select
from starlette.testclient import TestClient
from svc_factories import complaint_payload, contact_payload, make_settings, unique

from service.main import create_app
from service.tables import AuditRow, ComplaintRow, ContactRow

MISSING = object()

# (what is wrong, field override, value, the field the message must name)
BAD_COMPLAINT_FIELDS: list[tuple[str, str, Any, str]] = [
    ("empty text", "text", "", "text"),
    ("whitespace text", "text", "  \n\t ", "text"),
    ("text too long", "text", "a" * 20_001, "text"),
    ("text not a string", "text", 42, "text"),
    ("text missing", "text", MISSING, "text"),
    ("unknown channel", "channel", "fax", "channel"),
    ("unknown department", "forvaltning", "XYZ", "forvaltning"),
    ("impossible date", "received_at", "2026-02-30T10:00:00", "received_at"),
    ("not a date", "received_at", "yesterday", "received_at"),
    ("date as a number", "received_at", 1_700_000_000, "received_at"),
    ("future date", "received_at", "2031-01-01T10:00:00+01:00", "received_at"),
    ("local time that does not exist", "received_at", "2026-03-29T02:30:00", "received_at"),
    ("CPR number as citizen id", "citizen_id", "010190-1234", "citizen_id"),
    ("empty citizen id", "citizen_id", "", "citizen_id"),
    ("unknown field", "colour", "blue", "colour"),
]


def _complaint_with(field: str, value: Any) -> dict[str, Any]:
    body = complaint_payload()
    if value is MISSING:
        del body[field]
    else:
        body[field] = value
    return body


def _count(client: TestClient, table: Any) -> int:
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


@pytest.mark.parametrize(
    ("case", "field", "value", "named"), BAD_COMPLAINT_FIELDS, ids=[c[0] for c in BAD_COMPLAINT_FIELDS]
)
def test_bad_complaint_is_refused_naming_the_field_and_nothing_is_stored(
    client: TestClient, keys: Any, case: str, field: str, value: Any, named: str
) -> None:
    body = _complaint_with(field, value)
    before = _count(client, ComplaintRow)
    response = client.post("/v1/complaints", json=body, headers=keys.auth("advisor"))
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["message"].startswith(f"{named}:"), problem
    assert named in [item["field"] for item in problem["detail"]]
    assert _count(client, ComplaintRow) == before


@pytest.mark.parametrize(
    ("case", "field", "value", "named"), BAD_COMPLAINT_FIELDS, ids=[c[0] for c in BAD_COMPLAINT_FIELDS]
)
def test_bad_item_in_annotate_is_named_by_index(
    client: TestClient, keys: Any, case: str, field: str, value: Any, named: str
) -> None:
    body = {"complaints": [complaint_payload(), complaint_payload(), _complaint_with(field, value)]}
    response = client.post("/v1/annotate", json=body, headers=keys.auth("analyst"))
    assert response.status_code == 422, response.text
    assert response.json()["message"].startswith(f"complaints[2].{named}:")


@pytest.mark.parametrize(
    ("method", "path", "body", "named"),
    [
        ("POST", "/v1/annotate", {"complaints": []}, "complaints"),
        ("POST", "/v1/annotate", {"contacts": []}, "complaints"),
        ("POST", "/v1/annotate", [], "body"),
        (
            "POST",
            "/v1/annotate",
            {"complaints": [{**complaint_payload(), "root_causes": ["nope"]}]},
            "complaints[0].root_causes[0]",
        ),
        ("POST", "/v1/contacts", {"contacts": []}, "contacts"),
        ("POST", "/v1/contacts", {"contacts": [{"citizen_id": "p-1"}]}, "contacts[0].occurred_at"),
        ("GET", "/v1/complaints?limit=0", None, "limit"),
        ("GET", "/v1/complaints?limit=501", None, "limit"),
        ("GET", "/v1/complaints?offset=-1", None, "offset"),
        ("GET", "/v1/complaints?since=not-a-date", None, "since"),
        ("GET", "/v1/complaints?root_cause=nope", None, "root_cause"),
        ("GET", "/v1/complaints?forvaltning=XYZ", None, "forvaltning"),
        ("GET", "/v1/complaints?flagged=maybe", None, "flagged"),
        ("GET", "/v1/insights?until=31-12-2026", None, "until"),
    ],
)
def test_bad_shapes_and_query_parameters_name_the_field(
    client: TestClient, keys: Any, method: str, path: str, body: Any, named: str
) -> None:
    response = client.request(method, path, json=body, headers=keys.auth("advisor"))
    assert response.status_code == 422, response.text
    assert response.json()["message"].startswith(f"{named}:")


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"root_causes": [], "mediation_potential": 1}, "root_causes"),
        (
            {
                "root_causes": ["aktindsigt", "begrundelse", "vejledning", "kommunikation"],
                "mediation_potential": 0,
            },
            "root_causes",
        ),
        ({"root_causes": ["nope"], "mediation_potential": 0}, "root_causes[0]"),
        ({"root_causes": ["aktindsigt"], "mediation_potential": 2}, "mediation_potential"),
        ({"root_causes": ["aktindsigt"]}, "mediation_potential"),
        ({"root_causes": "aktindsigt", "mediation_potential": 1}, "root_causes"),
        ({"root_causes": ["aktindsigt"], "mediation_potential": 1, "note": "x"}, "note"),
    ],
)
def test_bad_feedback_names_the_field(
    client: TestClient, keys: Any, body: dict[str, Any], named: str
) -> None:
    stored = complaint_payload()
    assert client.post("/v1/complaints", json=stored, headers=keys.auth("advisor")).status_code == 201
    response = client.post(
        f"/v1/complaints/{stored['complaint_id']}/feedback", json=body, headers=keys.auth("advisor")
    )
    assert response.status_code == 422
    assert response.json()["message"].startswith(f"{named}:")


def test_feedback_on_an_unknown_complaint_is_404(client: TestClient, keys: Any) -> None:
    body = {"root_causes": ["aktindsigt"], "mediation_potential": 0}
    response = client.post(
        "/v1/complaints/no-such-complaint/feedback", json=body, headers=keys.auth("advisor")
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("content", "content_type"),
    [(b"{not json", "application/json"), (b"", "application/json"), (b"\xff\xfe\x00", "application/json")],
    ids=["broken", "empty", "binary"],
)
def test_non_json_body_is_a_400(client: TestClient, keys: Any, content: bytes, content_type: str) -> None:
    headers = {**keys.auth("advisor"), "content-type": content_type}
    response = client.post("/v1/annotate", content=content, headers=headers)
    assert response.status_code in (400, 422)
    assert response.status_code != 500
    assert "detail" in response.json()


def test_json_sent_as_text_plain_is_refused(client: TestClient, keys: Any) -> None:
    body = json.dumps({"complaints": [complaint_payload()]}).encode()
    response = client.post(
        "/v1/annotate", content=body, headers={**keys.auth("advisor"), "content-type": "text/plain"}
    )
    assert 400 <= response.status_code < 500


def test_more_than_the_item_limit_is_a_413_with_a_message(client: TestClient, keys: Any) -> None:
    complaints = [complaint_payload() for _ in range(1_001)]
    response = client.post("/v1/annotate", json={"complaints": complaints}, headers=keys.auth("advisor"))
    assert response.status_code == 413
    assert "1,001" in response.json()["detail"] and "1,000" in response.json()["detail"]
    ok = client.post("/v1/annotate", json={"complaints": complaints[:1000]}, headers=keys.auth("advisor"))
    assert ok.status_code == 200
    assert len(ok.json()["annotations"]) == 1000


def test_oversize_single_complaint_body_is_a_413(client: TestClient, keys: Any) -> None:
    body = complaint_payload(text="x" * 20_000)
    body["padding"] = "y" * (1024 * 1024)
    response = client.post("/v1/complaints", json=body, headers=keys.auth("advisor"))
    assert response.status_code == 413
    assert "at most 1,048,576 bytes" in response.json()["detail"]


def test_oversize_annotate_body_is_a_413_even_without_content_length(database_url: str, keys: Any) -> None:
    from svc_models import SwitchableSource

    app = create_app(
        make_settings(database_url, max_annotate_body_bytes=20_000), model_source=SwitchableSource()
    )
    with TestClient(app) as small:
        big = json.dumps({"complaints": [complaint_payload(text="x" * 5_000) for _ in range(5)]}).encode()

        def chunks() -> Any:  # streamed: no Content-Length, so the limit is counted while reading
            for start in range(0, len(big), 4096):
                yield big[start : start + 4096]

        headers = {**keys.auth("advisor"), "content-type": "application/json"}
        assert small.post("/v1/annotate", content=big, headers=headers).status_code == 413
        assert small.post("/v1/annotate", content=chunks(), headers=headers).status_code == 413


def test_duplicate_complaint_id_is_a_409_and_keeps_the_first(client: TestClient, keys: Any) -> None:
    first = complaint_payload(text="Den første tekst om ventetid.")
    assert client.post("/v1/complaints", json=first, headers=keys.auth("advisor")).status_code == 201
    second = {**first, "text": "En anden tekst."}
    response = client.post("/v1/complaints", json=second, headers=keys.auth("advisor"))
    assert response.status_code == 409
    assert first["complaint_id"] in response.json()["detail"]
    stored = client.get(f"/v1/complaints/{first['complaint_id']}", headers=keys.auth("advisor")).json()
    assert stored["text"] == first["text"]


def test_one_bad_contact_stores_none_of_them(client: TestClient, keys: Any) -> None:
    citizen = unique("p")
    contacts = [contact_payload(citizen, days_before=d) for d in (1, 2, 3)]
    contacts[1]["kind"] = "brevdue"
    before = _count(client, ContactRow)
    response = client.post("/v1/contacts", json={"contacts": contacts}, headers=keys.auth("advisor"))
    assert response.status_code == 422
    assert response.json()["message"].startswith("contacts[1].kind:")
    assert _count(client, ContactRow) == before


def test_contacts_posted_twice_are_stored_once(client: TestClient, keys: Any) -> None:
    citizen = unique("p")
    contacts = [contact_payload(citizen, days_before=d) for d in (5, 6)]
    first = client.post("/v1/contacts", json={"contacts": contacts}, headers=keys.auth("advisor")).json()
    again = client.post(
        "/v1/contacts", json={"contacts": [*contacts, contacts[0]]}, headers=keys.auth("advisor")
    )
    assert first == {"received": 2, "stored": 2, "duplicates": 0}
    assert again.json() == {"received": 3, "stored": 0, "duplicates": 3}


def test_a_failure_after_the_insert_leaves_nothing_behind(
    client: TestClient, keys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Complaint, annotation and audit entry commit together or not at all."""
    import service.api.routes.complaints as routes

    def failing_audit(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("audit store failed")

    monkeypatch.setattr(routes, "audit_here", failing_audit)
    body = complaint_payload()
    complaints, audits = _count(client, ComplaintRow), _count(client, AuditRow)
    raw = TestClient(client.app, raise_server_exceptions=False)  # no `with`: the running app is reused
    response = raw.post("/v1/complaints", json=body, headers=keys.auth("advisor"))
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error; it has been logged"}
    assert (_count(client, ComplaintRow), _count(client, AuditRow)) == (complaints, audits)


def test_annotations_follow_request_order_and_use_only_earlier_contacts(
    client: TestClient, keys: Any
) -> None:
    citizen = unique("p")
    early = complaint_payload(citizen_id=citizen, received_at="2026-10-01T09:00:00+02:00")
    late = complaint_payload(citizen_id=citizen, received_at="2026-10-20T09:00:00+02:00")
    contacts = [contact_payload(citizen, days_before=d) for d in (1, 2, 3)]  # 11-13 October
    body = {"complaints": [late, early], "contacts": contacts}
    annotations = client.post("/v1/annotate", json=body, headers=keys.auth("sof")).json()["annotations"]
    assert [a["complaint_id"] for a in annotations] == [late["complaint_id"], early["complaint_id"]]
    assert [a["explanation"]["prior_contacts"] for a in annotations] == [3, 0]

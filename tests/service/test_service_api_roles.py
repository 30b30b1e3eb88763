"""Every endpoint x every role, and department isolation by id, by list filter and through insights."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient
from svc_factories import complaint_payload, contact_payload, unique

from service.audit import query_audit
from service.keys import Caller
from service.queries import in_scope

ROLES = ("advisor", "analyst", "sof", "buf")


@pytest.fixture(scope="module")
def stored(client: TestClient, keys: Any) -> dict[str, list[str]]:
    """Complaints stored through the API: three for SOF, two for BUF, one with no department."""
    ids: dict[str, list[str]] = {"SOF": [], "BUF": [], "none": []}
    texts = {
        "SOF": "Jeg føler ingen respekt, de lovede at ringe igen og igen.",
        "BUF": "Afslag på min ansøgning uden begrundelse.",
        "none": "Hvorfor får jeg ikke svar?",
    }
    for dept, count in (("SOF", 3), ("BUF", 2), ("none", 1)):
        for _ in range(count):
            body = complaint_payload(forvaltning=None if dept == "none" else dept, text=texts[dept])
            response = client.post("/v1/complaints", json=body, headers=keys.auth("advisor"))
            assert response.status_code == 201, response.text
            ids[dept].append(body["complaint_id"])
    return ids


def _request(name: str, stored: dict[str, list[str]]) -> tuple[str, str, dict[str, Any] | None]:
    sof_id = stored["SOF"][0]
    citizen = unique("p")
    return {
        "health": ("GET", "/health", None),
        "annotate": ("POST", "/v1/annotate", {"complaints": [complaint_payload()]}),
        "create": ("POST", "/v1/complaints", complaint_payload()),
        "list": ("GET", "/v1/complaints", None),
        "read": ("GET", f"/v1/complaints/{sof_id}", None),
        "feedback": (
            "POST",
            f"/v1/complaints/{sof_id}/feedback",
            {"root_causes": ["medarbejderadfaerd"], "mediation_potential": 1},
        ),
        "contacts": ("POST", "/v1/contacts", {"contacts": [contact_payload(citizen)]}),
        "insights": ("GET", "/v1/insights", None),
    }[name]


# endpoint -> status per caller: advisor, analyst, SOF department, BUF department (reading a SOF case)
MATRIX: dict[str, tuple[int, int, int, int]] = {
    "health": (200, 200, 200, 200),
    "annotate": (200, 200, 200, 200),
    "create": (201, 403, 403, 403),
    "list": (200, 200, 200, 200),
    "read": (200, 200, 200, 404),
    "feedback": (201, 403, 403, 403),
    "contacts": (201, 403, 403, 403),
    "insights": (200, 200, 200, 200),
}


@pytest.mark.parametrize("endpoint", list(MATRIX))
@pytest.mark.parametrize("role_index", range(len(ROLES)), ids=ROLES)
def test_endpoint_role_matrix(
    client: TestClient, keys: Any, stored: dict[str, list[str]], endpoint: str, role_index: int
) -> None:
    method, path, body = _request(endpoint, stored)
    response = client.request(method, path, json=body, headers=keys.auth(ROLES[role_index]))
    assert response.status_code == MATRIX[endpoint][role_index], response.text
    if response.status_code == 403:
        assert "needs the role" in response.json()["detail"]


@pytest.mark.parametrize("endpoint", [e for e in MATRIX if e != "health"])
@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({}, "missing API key"),
        ({"Authorization": "Bearer kfs_00000000_not-a-real-secret"}, "invalid API key"),
        ({"Authorization": "Bearer something-else"}, "malformed API key"),
        ({"Authorization": "Basic dXNlcjpwdw=="}, "missing API key"),
        ("revoked", "revoked"),
    ],
    ids=["none", "unknown", "malformed", "basic-auth", "revoked"],
)
def test_without_a_valid_key_is_401(
    client: TestClient, keys: Any, stored: dict[str, list[str]], endpoint: str, headers: Any, reason: str
) -> None:
    method, path, body = _request(endpoint, stored)
    sent = keys.auth("revoked") if headers == "revoked" else headers
    response = client.request(method, path, json=body, headers=sent)
    assert response.status_code == 401
    assert reason in response.json()["detail"]
    assert response.headers["www-authenticate"] == "Bearer"


def test_department_reading_another_departments_case_by_id_learns_nothing(
    client: TestClient, keys: Any, stored: dict[str, list[str]]
) -> None:
    sof_id = stored["SOF"][0]
    foreign = client.get(f"/v1/complaints/{sof_id}", headers=keys.auth("buf"))
    missing = client.get("/v1/complaints/no-such-id", headers=keys.auth("buf"))
    assert foreign.status_code == missing.status_code == 404
    assert foreign.json()["detail"].replace(sof_id, "X") == missing.json()["detail"].replace(
        "no-such-id", "X"
    )
    # the department's own case is readable, an unknown-department case is not
    assert client.get(f"/v1/complaints/{stored['BUF'][0]}", headers=keys.auth("buf")).status_code == 200
    assert client.get(f"/v1/complaints/{stored['none'][0]}", headers=keys.auth("buf")).status_code == 404


@pytest.mark.parametrize(
    ("key", "query", "expected_departments"),
    [
        ("buf", {}, {"BUF"}),
        ("buf", {"forvaltning": "SOF"}, set()),
        ("buf", {"forvaltning": "BUF"}, {"BUF"}),
        ("buf", {"root_cause": "medarbejderadfaerd"}, set()),  # only SOF texts mention respect
        ("sof", {"root_cause": "medarbejderadfaerd"}, {"SOF"}),
        ("advisor", {"forvaltning": "SOF"}, {"SOF"}),
        ("analyst", {}, {"SOF", "BUF", None}),
        ("buf", {"q": "respekt"}, set()),  # search: another department's words find nothing
        ("sof", {"q": "respekt"}, {"SOF"}),
        ("analyst", {"q": "RESPEKT"}, {"SOF"}),
        ("analyst", {"q": "%%"}, set()),  # LIKE wildcards are searched for literally
        ("analyst", {"q": "__"}, set()),
    ],
)
def test_list_is_scoped_in_the_query(
    client: TestClient,
    keys: Any,
    stored: dict[str, list[str]],
    key: str,
    query: dict[str, str],
    expected_departments: set[str | None],
) -> None:
    response = client.get("/v1/complaints", params={**query, "limit": 500}, headers=keys.auth(key))
    assert response.status_code == 200
    page = response.json()
    assert {item["forvaltning"] for item in page["items"]} == expected_departments
    assert page["total"] == len(page["items"])


def test_paging_counts_only_the_department(
    client: TestClient, keys: Any, stored: dict[str, list[str]]
) -> None:
    """Filtering after the query would give BUF a total over all departments or short pages."""
    own = client.get("/v1/complaints", params={"limit": 500}, headers=keys.auth("buf")).json()["total"]
    first = client.get("/v1/complaints", params={"limit": 1}, headers=keys.auth("buf")).json()
    second = client.get("/v1/complaints", params={"limit": 1, "offset": 1}, headers=keys.auth("buf")).json()
    assert first["total"] == second["total"] == own >= 2
    assert len(first["items"]) == len(second["items"]) == 1
    assert first["items"][0]["complaint_id"] != second["items"][0]["complaint_id"]
    assert {first["items"][0]["forvaltning"], second["items"][0]["forvaltning"]} == {"BUF"}


def test_scope_is_one_where_clause_on_forvaltning() -> None:
    clause = in_scope(Caller(key_id="k", role="forvaltning", forvaltning="BUF"))
    compiled = clause.compile(compile_kwargs={"literal_binds": True})
    assert str(compiled) == "complaints.forvaltning = 'BUF'"
    assert str(in_scope(Caller(key_id="k", role="forvaltning", forvaltning=None)).compile()) == "false"
    assert str(in_scope(Caller(key_id="k", role="analyst")).compile()) == "true"


def test_insights_are_scoped(client: TestClient, keys: Any, stored: dict[str, list[str]]) -> None:
    def totals(key: str, **query: str) -> tuple[int, dict[str, int], str | None]:
        body = client.get("/v1/insights", params=query, headers=keys.auth(key)).json()
        causes: dict[str, int] = {}
        for month in body["months"]:
            for code, count in month["root_causes"].items():
                causes[code] = causes.get(code, 0) + count
        return sum(m["complaints"] for m in body["months"]), causes, body["forvaltning"]

    buf_total, buf_causes, scope = totals("buf")
    assert scope == "BUF"
    assert (buf_total, buf_causes) == totals("advisor", forvaltning="BUF")[:2]
    assert buf_total == client.get("/v1/complaints", headers=keys.auth("buf")).json()["total"]
    assert "medarbejderadfaerd" not in buf_causes  # a SOF-only root cause never shows up for BUF
    assert totals("buf", forvaltning="SOF")[0] == 0
    everyone, _, _ = totals("analyst")
    assert everyone > buf_total


def test_insights_report_flag_rates_per_month(
    client: TestClient, keys: Any, stored: dict[str, list[str]]
) -> None:
    body = client.get("/v1/insights", headers=keys.auth("sof")).json()
    [month] = body["months"]  # every stored complaint is from October 2026
    assert month["month"] == "2026-10"
    assert month["annotated"] == month["complaints"]
    assert month["flag_rate"] == pytest.approx(month["flagged"] / month["annotated"])
    flagged = client.get("/v1/complaints", params={"flagged": True}, headers=keys.auth("sof")).json()
    assert flagged["total"] == month["flagged"] > 0


def test_reads_and_refusals_are_audited(client: TestClient, keys: Any, stored: dict[str, list[str]]) -> None:
    sof_id = stored["SOF"][1]
    assert client.get(f"/v1/complaints/{sof_id}", headers=keys.auth("buf")).status_code == 404
    assert client.get(f"/v1/complaints/{sof_id}", headers=keys.auth("sof")).status_code == 200
    assert (
        client.post(f"/v1/complaints/{sof_id}/feedback", json={}, headers=keys.auth("analyst")).status_code
        == 403
    )
    factory = client.app.state.session_factory  # type: ignore[attr-defined]
    with factory() as session:
        entries = query_audit(session, complaint_id=sof_id)
        seen = {(e.key_id, e.role, e.action, e.status) for e in entries}
    assert (keys.ids["buf"], "forvaltning", "complaint.read", 404) in seen
    assert (keys.ids["sof"], "forvaltning", "complaint.read", 200) in seen
    assert (keys.ids["analyst"], "analyst", "denied", 403) in seen
    assert (keys.ids["advisor"], "advisor", "complaint.create", 201) in seen


def test_refusal_with_an_overlong_id_is_a_403_not_a_server_error(client: TestClient, keys: Any) -> None:
    # found by schemathesis on PostgreSQL: the refusal's audit entry must not store an id that no
    # complaint can have (and that does not fit the column)
    response = client.post(f"/v1/complaints/{'x' * 300}/feedback", json={}, headers=keys.auth("analyst"))
    assert response.status_code == 403


def test_an_offset_beyond_64_bit_integers_is_a_422(client: TestClient, keys: Any) -> None:
    # found by schemathesis: 2**63 overflowed the database's integer and gave a 500
    response = client.get("/v1/complaints", params={"offset": 2**63}, headers=keys.auth("advisor"))
    assert response.status_code == 422
    assert "offset" in response.text

"""Whatever a client sends, the answer is a 2xx or a 4xx with a message: never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient
from svc_factories import complaint_payload, contact_payload

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
FIELD_VALUES = st.one_of(
    JSON,
    st.sampled_from(
        ["", " ", "2026-13-01", "2026-03-29T02:30", "9999-12-31", "SOF", "sof", "email", "\x00", "ø" * 50]
    ),
)


def _mutated(base: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    body = dict(base)
    for field in data.draw(st.sets(st.sampled_from([*base, "extra"]), max_size=3)):
        if data.draw(st.booleans()):
            body[field] = data.draw(FIELD_VALUES)
        else:
            body.pop(field, None)
    return body


FUZZ = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


def _check(response: Any) -> None:
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        body = response.json()
        assert body.get("detail") or body.get("message")


@pytest.fixture(scope="module")
def stored_id(client: TestClient, keys: Any) -> str:
    body = complaint_payload()
    assert client.post("/v1/complaints", json=body, headers=keys.auth("advisor")).status_code == 201
    return str(body["complaint_id"])


@FUZZ
@given(data=st.data())
def test_mutated_complaints(client: TestClient, keys: Any, data: st.DataObject) -> None:
    complaint = _mutated(complaint_payload(), data)
    _check(client.post("/v1/complaints", json=complaint, headers=keys.auth("advisor")))
    _check(client.post("/v1/annotate", json={"complaints": [complaint]}, headers=keys.auth("analyst")))


@FUZZ
@given(data=st.data())
def test_mutated_contacts_and_feedback(
    client: TestClient, keys: Any, stored_id: str, data: st.DataObject
) -> None:
    contact = _mutated(contact_payload("p-fuzz"), data)
    _check(client.post("/v1/contacts", json={"contacts": [contact]}, headers=keys.auth("advisor")))
    feedback = _mutated({"root_causes": ["aktindsigt"], "mediation_potential": 1}, data)
    _check(client.post(f"/v1/complaints/{stored_id}/feedback", json=feedback, headers=keys.auth("advisor")))


@FUZZ
@given(body=JSON)
def test_arbitrary_json_bodies(client: TestClient, keys: Any, body: Any) -> None:
    for path in ("/v1/annotate", "/v1/complaints", "/v1/contacts"):
        _check(client.post(path, json=body, headers=keys.auth("advisor")))


@FUZZ
@given(
    params=st.dictionaries(
        st.sampled_from(["forvaltning", "flagged", "root_cause", "since", "until", "q", "limit", "offset"]),
        st.text(max_size=20),
        max_size=4,
    )
)
def test_arbitrary_query_strings(client: TestClient, keys: Any, params: dict[str, str]) -> None:
    _check(client.get("/v1/complaints", params=params, headers=keys.auth("buf")))
    _check(client.get("/v1/insights", params=params, headers=keys.auth("sof")))

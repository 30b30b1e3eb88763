"""schemathesis against the service's own OpenAPI schema, with a valid key of each role: never a 5xx.

Cases are generated for every operation from the schema (valid data) and against it (invalid
data), sent in-process through schemathesis' ASGI transport. The short run is in the default
suite; the long one (`slow`) sends at least 1,000 requests per backend.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.python import asgi as schemathesis_asgi
from svc_factories import complaint_payload, fresh_postgres_schema, make_settings
from svc_models import SwitchableSource

from service.api.schemas import EXAMPLE_COMPLAINT, EXAMPLE_CONTACT
from service.keys import create_key
from service.main import create_app

ROLES = ("advisor", "analyst", "forvaltning")


@dataclass
class Api:
    app: Any
    schema: Any
    keys: dict[str, str]
    stored_id: str
    statuses: Counter[int] = field(default_factory=Counter)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def api(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with _database(request.param, tmp_path_factory) as url:
        app = create_app(make_settings(url), model_source=SwitchableSource("fuzz-v1"))
        # schemathesis starts the app's lifespan (migrations, model) when it fetches the schema
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
        try:
            keys = {}
            with app.state.session_factory() as session:
                for role in ROLES:
                    _, keys[role] = create_key(
                        session,
                        role=role,
                        forvaltning="SOF" if role == "forvaltning" else None,
                        name=f"fuzz {role}",
                    )
                session.commit()
            body = complaint_payload(forvaltning="SOF")
            stored = schemathesis_asgi.get_client(app).post(
                "http://testserver/v1/complaints",
                json=body,
                headers={"Authorization": f"Bearer {keys['advisor']}"},
            )
            assert stored.status_code == 201, stored.text
            yield Api(app=app, schema=schema, keys=keys, stored_id=body["complaint_id"])
        finally:
            schemathesis_asgi.shutdown_lifespans()


def _database(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Any:
    from contextlib import nullcontext

    if backend == "sqlite":
        return nullcontext(f"sqlite:///{tmp_path_factory.mktemp('fuzz-db') / 'konflikt.db'}")
    return fresh_postgres_schema()


def send(api: Api, role: str, case: Any) -> None:
    """Send one case with the role's key; a 5xx fails, naming the operation (never the body)."""
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {api.keys[role]}"}
    response = case.call()
    api.statuses[response.status_code] += 1
    assert response.status_code < 500, (
        f"{case.method} {case.operation.path} as {role}: {response.status_code}"
    )


def _cases(api: Api) -> st.SearchStrategy[Any]:
    # A third of the cases address the stored complaint, so reads and feedback get past the 404.
    stored = api.schema.include(path_regex="complaint_id").as_strategy(
        GenerationMode.POSITIVE, path_parameters={"complaint_id": api.stored_id}
    )
    return st.one_of(
        api.schema.as_strategy(GenerationMode.POSITIVE),
        stored,
        api.schema.as_strategy(GenerationMode.NEGATIVE),
    )


def run(api: Api, role: str, examples: int) -> None:
    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=_cases(api))
    def property_(case: Any) -> None:
        send(api, role, case)

    property_()


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/v1/contacts", {"contacts": [{**EXAMPLE_CONTACT, "citizen_id": "p-\x00"}]}),
        ("POST", "/v1/complaints", {**EXAMPLE_COMPLAINT, "complaint_id": "c-\x00", "citizen_id": "p-1"}),
        ("POST", "/v1/annotate", {"complaints": [{**EXAMPLE_COMPLAINT, "text": "ventet\x00 længe"}]}),
        ("GET", "/v1/complaints/c-%00", None),
        ("GET", "/v1/complaints?q=ab%00cd", None),
    ],
)
def test_a_nul_character_is_refused_not_a_server_error(api: Api, method: str, path: str, body: Any) -> None:
    """Found by schemathesis: PostgreSQL cannot hold U+0000 in text, so it was a 500 there."""
    headers = {"Authorization": f"Bearer {api.keys['advisor']}"}
    # schemathesis' pytest plugin ends the app's lifespan after every test; `with` starts it again,
    # as `case.call()` does (a request outside it would use the disposed engine and leak connections).
    with schemathesis_asgi.get_client(api.app) as client:
        response = client.request(method, f"http://testserver{path}", json=body, headers=headers)
    assert response.status_code in (200, 404, 422), response.text  # a search for it may find nothing
    if method == "POST":
        assert "NUL character" in response.text


@pytest.mark.parametrize("role", ROLES)
def test_no_server_error_short(api: Api, role: str) -> None:
    before = sum(api.statuses.values())
    run(api, role, examples=40)
    assert sum(api.statuses.values()) - before >= 40


@pytest.mark.slow
def test_no_server_error_in_a_thousand_requests(api: Api) -> None:
    before = Counter(api.statuses)
    for role in ROLES:
        run(api, role, examples=400)
    sent = api.statuses - before
    print(f"\nschemathesis: {sum(sent.values())} requests, statuses {dict(sorted(sent.items()))}")
    assert sum(sent.values()) >= 1000, sent
    # both accepted and refused requests were generated: the fuzzing reached the handlers
    assert any(200 <= code < 300 for code in sent) and any(400 <= code < 500 for code in sent), sent

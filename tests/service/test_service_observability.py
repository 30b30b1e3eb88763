"""JSON logs without text, Prometheus metrics, and the OpenAPI description at /docs."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient
from svc_factories import complaint_payload

from service.logs import JsonFormatter, _JsonHandler, configure_logging

CONTRACT_PATHS = {
    ("get", "/health"),
    ("post", "/v1/annotate"),
    ("post", "/v1/complaints"),
    ("get", "/v1/complaints"),
    ("get", "/v1/complaints/{complaint_id}"),
    ("post", "/v1/complaints/{complaint_id}/feedback"),
    ("post", "/v1/contacts"),
    ("get", "/v1/insights"),
}


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    buffer = io.StringIO()
    configure_logging("INFO", stream=buffer)
    try:
        yield buffer
    finally:
        for handler in [h for h in root.handlers if isinstance(h, _JsonHandler)]:
            root.removeHandler(handler)
        root.handlers[:] = handlers
        root.setLevel(level)


def _record(message: str, **extra: Any) -> logging.LogRecord:
    record = logging.LogRecord("t", logging.ERROR, __file__, 1, message, None, None)
    for name, value in extra.items():
        setattr(record, name, value)
    return record


def test_formatter_keeps_whitelisted_fields_only() -> None:
    line = JsonFormatter().format(_record("request", status=201, key_id="ab12", text="Mette Frederiksen"))
    entry = json.loads(line)
    assert entry["msg"] == "request" and entry["status"] == 201 and entry["key_id"] == "ab12"
    assert "text" not in entry and "Frederiksen" not in line


def test_exceptions_are_logged_as_type_and_stack_without_their_message() -> None:
    try:
        raise ValueError("could not parse 'Mette Frederiksen, CPR 010190-1234'")
    except ValueError as exc:
        record = _record("unexpected error")
        record.exc_info = (type(exc), exc, exc.__traceback__)
    entry = json.loads(JsonFormatter().format(record))
    assert entry["error_type"] == "ValueError"
    assert any("test_service_observability.py" in frame for frame in entry["stack"])
    assert "Frederiksen" not in json.dumps(entry) and "010190" not in json.dumps(entry)


def test_one_json_line_per_request_with_the_route_template(
    client: TestClient, keys: Any, json_log: io.StringIO
) -> None:
    body = complaint_payload()
    client.post("/v1/complaints", json=body, headers=keys.auth("advisor"))
    client.get(f"/v1/complaints/{body['complaint_id']}", headers=keys.auth("analyst"))
    entries = [json.loads(line) for line in json_log.getvalue().splitlines()]
    requests = [e for e in entries if e["msg"] == "request"]
    assert [(e["method"], e["path"], e["status"]) for e in requests] == [
        ("POST", "/v1/complaints", 201),
        ("GET", "/v1/complaints/{complaint_id}", 200),
    ]
    assert requests[1]["key_id"] == keys.ids["analyst"] and requests[1]["duration_ms"] >= 0
    service_lines = [e for e in entries if not e["logger"].startswith("httpx")]  # httpx2 is the test's client
    assert body["complaint_id"] not in json.dumps(service_lines)


def test_annotate_log_lines_name_the_checked_key_whatever_the_outcome(
    client: TestClient, keys: Any, json_log: io.StringIO
) -> None:
    """Annotate checks its key in the route's worker thread, or on the way out when the request
    was refused before the route ran; either way the log line names the key, once it is valid."""
    good = {"complaints": [complaint_payload()]}
    bad_body = {"complaints": [{"text": "no id"}]}
    for body, headers in (
        (good, keys.auth("analyst")),
        (bad_body, keys.auth("sof")),
        (good, keys.auth("revoked")),
    ):
        client.post("/v1/annotate", json=body, headers=headers)
    entries = [json.loads(line) for line in json_log.getvalue().splitlines()]
    requests = [(e["status"], e.get("key_id")) for e in entries if e["msg"] == "request"]
    assert requests == [(200, keys.ids["analyst"]), (422, keys.ids["sof"]), (401, None)]


def test_metrics_count_requests_annotations_flags_and_model(client: TestClient, keys: Any) -> None:
    complaints = [
        complaint_payload(text="Ingen respekt, de lovede at ringe igen og igen."),
        complaint_payload(),
    ]
    assert (
        client.post("/v1/annotate", json={"complaints": complaints}, headers=keys.auth("analyst")).status_code
        == 200
    )
    text = client.get("/metrics").text

    def value(prefix: str) -> float:
        return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith(prefix))

    assert value('konflikt_annotations_total{endpoint="annotate"}') >= 2
    assert value('konflikt_mediation_flags_total{endpoint="annotate"}') >= 1
    assert value('konflikt_model_info{version="test-v1"}') == 1
    assert value('http_requests_total{handler="/v1/annotate",method="POST",status="200"}') >= 1
    assert 'http_request_duration_seconds_bucket{handler="/v1/annotate"' in text
    assert "Ingen respekt" not in text


def test_metrics_label_routes_by_template_never_by_raw_path(client: TestClient, keys: Any) -> None:
    complaint_id = "c-metrics-private-id"
    headers = keys.auth("analyst")
    assert client.get(f"/v1/complaints/{complaint_id}", headers=headers).status_code == 404
    assert client.get("/no/such/path/p-4711").status_code == 404
    assert client.get("/v1/complaints", headers={"Authorization": "Bearer nonsense"}).status_code == 401
    client.get("/metrics")
    text = client.get("/metrics").text
    assert 'http_requests_total{handler="/v1/complaints/{complaint_id}",method="GET",status="404"}' in text
    assert 'http_requests_total{handler="none",method="GET",status="404"}' in text
    assert 'http_requests_total{handler="/v1/complaints",method="GET",status="401"}' in text
    assert complaint_id not in text and "p-4711" not in text
    assert 'handler="/metrics"' not in text  # the scraper's requests are not counted
    assert 'http_request_duration_seconds_bucket{handler="/v1/complaints",le="0.025",method="GET"}' in text


def test_openapi_describes_the_contract(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    operations = {(method, path) for path, item in schema["paths"].items() for method in item}
    assert operations >= CONTRACT_PATHS
    assert "/metrics" not in schema["paths"]
    assert schema["components"]["securitySchemes"]["API key"]["scheme"] == "bearer"
    annotate = schema["paths"]["/v1/annotate"]["post"]
    assert {"401", "413", "422", "503"} <= set(annotate["responses"])
    request_schema = schema["components"]["schemas"]["AnnotateRequest"]
    assert request_schema["examples"][0]["complaints"][0]["channel"] == "email"
    assert "forvaltning" in schema["components"]["schemas"]["ComplaintIn"]["properties"]
    assert client.get("/docs").status_code == 200

"""Personal data posted in complaint texts never reaches the database or the logs."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient
from svc_factories import complaint_payload, make_settings, unique
from svc_models import SwitchableSource

from service.logs import _JsonHandler, configure_logging
from service.main import create_app
from service.tables import Base

# Each text carries a CPR number, names and a phone number or e-mail that the anonymiser removes.
TEXTS = (
    "Mit CPR-nummer er 010190-1234. Sagsbehandler Mette Frederiksen lovede at ringe på +45 12 34 56 78.",
    "Jeg (CPR 2512884321) har skrevet til Anne-Marie Sørensen igen og igen uden svar, ring 20 30 40 50.",
    "Min datter har CPR 1703051234 og hendes lærer hedder Lars Løkke Rasmussen; "
    "skriv til lars.rasmussen@example.dk",
)
SECRETS = (
    "010190-1234",
    "0101901234",
    "2512884321",
    "1703051234",
    "Frederiksen",
    "Sørensen",
    "Rasmussen",
    "12 34 56 78",
    "20 30 40 50",
    "lars.rasmussen@example.dk",
)


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """Every log record at DEBUG, formatted by the service's JSON formatter, into a buffer."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    buffer = io.StringIO()
    configure_logging("DEBUG", stream=buffer)
    try:
        yield buffer
    finally:
        for handler in [h for h in root.handlers if isinstance(h, _JsonHandler)]:
            root.removeHandler(handler)
        root.handlers[:] = handlers
        root.setLevel(level)


def _dump_every_table(client: TestClient) -> str:
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        parts = []
        for table in Base.metadata.sorted_tables:
            for row in session.execute(select(table)):
                parts.append(repr(tuple(row)))
    return "\n".join(parts)


def test_personal_data_never_reaches_tables_or_logs(
    database_url: str, keys: Any, log_lines: io.StringIO, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    app = create_app(make_settings(database_url), model_source=SwitchableSource())
    with TestClient(app) as client:
        advisor = keys.auth("advisor")
        stored = []
        for text in TEXTS:
            body = complaint_payload(text=text)
            response = client.post("/v1/complaints", json=body, headers=advisor)
            assert response.status_code == 201
            assert not any(secret in response.text for secret in SECRETS)
            stored.append(body["complaint_id"])
        annotate = {"complaints": [complaint_payload(text=t) for t in TEXTS]}
        assert client.post("/v1/annotate", json=annotate, headers=advisor).status_code == 200
        # refused requests must not echo or log the text either
        refused = client.post(
            "/v1/complaints", json=complaint_payload(text=TEXTS[0], channel="fax"), headers=advisor
        )
        assert refused.status_code == 422 and "Frederiksen" not in refused.text
        too_long = client.post("/v1/complaints", json=complaint_payload(text=TEXTS[1] * 300), headers=advisor)
        assert too_long.status_code == 422 and "Sørensen" not in too_long.text
        for complaint_id in stored:
            detail = client.get(f"/v1/complaints/{complaint_id}", headers=keys.auth("analyst"))
            assert "[CPR]" in detail.json()["text"] and "[NAVN]" in detail.json()["text"]
        client.get("/v1/complaints", headers=keys.auth("analyst"))
        client.post(
            f"/v1/complaints/{stored[0]}/feedback",
            json={"root_causes": ["opfoelgning"], "mediation_potential": 1},
            headers=advisor,
        )
        database = _dump_every_table(client)

    logs = log_lines.getvalue() + caplog.text
    assert "request" in log_lines.getvalue()  # the JSON handler did see the traffic
    for secret in SECRETS:
        assert secret not in database, f"{secret!r} stored"
        assert secret not in logs, f"{secret!r} logged"
    assert "[CPR]" in database


def test_original_text_is_kept_only_when_asked(database_url: str, keys: Any) -> None:
    app = create_app(make_settings(database_url, keep_original_text=True), model_source=SwitchableSource())
    with TestClient(app) as client:
        body = complaint_payload(text=TEXTS[0], complaint_id=unique("kept"))
        response = client.post("/v1/complaints", json=body, headers=keys.auth("advisor"))
        assert response.status_code == 201
        assert "Frederiksen" not in response.text  # the API serves the anonymised text only
        from service.tables import ComplaintRow

        with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
            row = session.get(ComplaintRow, body["complaint_id"])
            assert row is not None and row.original_text == TEXTS[0]
            assert "Frederiksen" not in row.text
            session.delete(row)  # leave no personal data for the other test of this module's database
            session.commit()

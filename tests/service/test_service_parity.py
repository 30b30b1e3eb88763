"""A real model through the real registry: the API's annotations equal the in-process `model.annotate`.

Trains one small model on a few hundred synthetic complaints (about a minute), hence `slow`.
"""

from __future__ import annotations

import json
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from starlette.testclient import TestClient
from svc_factories import make_settings, train_small_registry

from service.main import create_app
from signals.anonymise import anonymise
from signals.loader import complaints_from_records, contacts_from_records, load_contacts
from signals.registry import champion_version, load_model

pytestmark = pytest.mark.slow

SAMPLE = 40  # complaints sent through the API


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(registry with a champion, corpus folder)."""
    return train_small_registry(tmp_path_factory.mktemp("parity"))


def _sample(corpus: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    lines = (corpus / "complaints.jsonl").read_text(encoding="utf-8").splitlines()
    complaints = [json.loads(line) for line in lines[-SAMPLE:]]  # the latest: the most contact history
    citizens = {c["citizen_id"] for c in complaints}
    contacts = load_contacts(corpus / "contacts.csv").frame
    mine = contacts[contacts["citizen_id"].isin(citizens)]
    records = [{**row, "occurred_at": row["occurred_at"].isoformat()} for row in mine.to_dict("records")]
    return complaints, records


def _in_process(
    registry: Path, complaints: list[dict[str, Any]], contacts: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    model = load_model(registry)
    frame = complaints_from_records(complaints).frame
    frame = frame.assign(text=[anonymise(text) for text in frame["text"]])
    history = contacts_from_records(contacts).frame
    return [a.model_dump(mode="json") for a in model.annotate(frame, history)]


def test_api_annotations_equal_the_model_in_process(
    trained: tuple[Path, Path], database_url: str, keys: Any
) -> None:
    registry, corpus = trained
    complaints, contacts = _sample(corpus)
    expected = _in_process(registry, complaints, contacts)
    app = create_app(make_settings(database_url, registry=registry))  # the real registry source
    with TestClient(app) as client:
        assert client.get("/health").json()["model_version"] == champion_version(registry)
        body = {"complaints": complaints, "contacts": contacts}
        response = client.post("/v1/annotate", json=body, headers=keys.auth("analyst"))
        assert response.status_code == 200, response.text
        assert response.json()["annotations"] == expected
        assert any(a["mediation_flag"] for a in expected) or any(a["explanation"] for a in expected)

        # stored path: contacts first, then the complaint; its annotation uses the stored history
        first = {k: v for k, v in complaints[-1].items() if k not in ("root_causes", "mediation_potential")}
        own = [c for c in contacts if c["citizen_id"] == first["citizen_id"]]
        if own:
            assert (
                client.post("/v1/contacts", json={"contacts": own}, headers=keys.auth("advisor")).status_code
                == 201
            )
        stored = client.post("/v1/complaints", json=first, headers=keys.auth("advisor"))
        assert stored.status_code == 201, stored.text
        assert stored.json()["annotation"] == _in_process(registry, [first], own)[0]
        detail = client.get(f"/v1/complaints/{first['complaint_id']}", headers=keys.auth("analyst")).json()
        assert detail["annotation"] == stored.json()["annotation"]
        received = pd.Timestamp(detail["received_at"])
        before = sum(pd.Timestamp(c["occurred_at"]) < received for c in own)
        summary = detail["contact_summary"]
        assert sum(month["total"] for month in summary["months"]) == before
        assert summary["features"]["n_contacts_ever"] == before


def test_concurrent_single_complaints_equal_the_model_in_process(
    trained: tuple[Path, Path], database_url: str, keys: Any
) -> None:
    """Several clients at once, one complaint each: the batcher merges them into shared model
    calls, and every answer is still the in-process annotation of that complaint alone."""
    registry, corpus = trained
    complaints, _ = _sample(corpus)
    singles = [
        {k: v for k, v in c.items() if k not in ("root_causes", "mediation_potential")} for c in complaints
    ]
    expected = [_in_process(registry, [c], [])[0] for c in singles]
    app = create_app(make_settings(database_url, registry=registry))
    with TestClient(app) as client:
        start = threading.Barrier(8)

        def send(complaint: dict[str, Any]) -> Any:
            if singles.index(complaint) < 8:
                start.wait()
            response = client.post(
                "/v1/annotate", json={"complaints": [complaint]}, headers=keys.auth("analyst")
            )
            assert response.status_code == 200, response.text
            return response.json()["annotations"]

        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(send, singles))
    assert answers == [[e] for e in expected]


def test_a_tampered_model_is_refused_and_the_api_says_why(
    trained: tuple[Path, Path], database_url: str, keys: Any, tmp_path: Path
) -> None:
    registry, corpus = trained
    copy = tmp_path / "models"
    shutil.copytree(registry, copy)
    version = champion_version(copy)
    assert version is not None
    with (copy / version / "model.joblib").open("ab") as handle:
        handle.write(b"tampered")
    with TestClient(create_app(make_settings(database_url, registry=copy))) as client:
        assert client.get("/health").json()["status"] == "no_model"
        complaints, _ = _sample(corpus)
        response = client.post(
            "/v1/annotate", json={"complaints": complaints[:1]}, headers=keys.auth("analyst")
        )
        assert response.status_code == 503
        assert "does not match its manifest" in response.json()["detail"]

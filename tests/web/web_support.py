"""Helpers for the page tests: a model that explains like the real one, signing in through the form,
and complaints stored through the API (the same code path as production).
"""

from __future__ import annotations

import re
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from fastapi import FastAPI
from starlette.testclient import TestClient

# The service tests' factories and models (tests/service is not a package).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "service"))

from svc_factories import (
    complaint_payload,
    contact_payload,
    fresh_postgres_schema,
    in_ci,
    make_settings,
    train_small_registry,
)
from svc_models import KeywordAnnotator, SwitchableSource

from signals.cues import CUE_LABELS_DA, find_cues
from signals.schema import Annotation

__all__ = [
    "fresh_postgres_schema",
    "in_ci",
    "make_settings",
    "train_small_registry",
]  # re-exported for the tests

BASE_URL = "https://testserver"  # the session cookie is Secure: the test client must speak https
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')

SCRIPT_TEXT = 'Hej <script>alert("æøå")</script> & <b>fed</b>. Jeg har ventet i måneder på svar.'
FLAGGED_TEXT = (
    "Jeg har skrevet igen og igen, og ingen lytter. Jeg føler mig ikke hørt, og jeg har mistet "
    "tilliden. Sagsbehandleren lovede at ringe, men jeg har ventet i måneder. "
    "Nu skriver jeg til borgmesteren."
)


@dataclass(frozen=True)
class Keys:
    advisor: str
    analyst: str
    sof: str
    buf: str
    ids: dict[str, str]


@dataclass(frozen=True)
class Seeded:
    """Ids of the stored complaints, by what a test needs them for."""

    sof_flagged: str
    sof_script: str
    sof_plain: str
    sof_this_week: str
    buf_flagged: str
    buf_plain: str

    @property
    def sof(self) -> list[str]:
        return [self.sof_flagged, self.sof_script, self.sof_plain, self.sof_this_week]

    @property
    def buf(self) -> list[str]:
        return [self.buf_flagged, self.buf_plain]


class ExplainingAnnotator(KeywordAnnotator):
    """`KeywordAnnotator` with the real model's explanation shape (summary, mediation, cue_spans)
    built from the real cue finder, and a capacity like a trained model's."""

    def __init__(self, version: str, *, per_week: float = 8.0) -> None:
        super().__init__(version)
        self.capacity = {"per_week": per_week, "share": 0.1, "complaints_per_week": 80.0}

    def annotate(self, complaints: pd.DataFrame, contacts: pd.DataFrame) -> list[Annotation]:
        plain = super().annotate(complaints, contacts)
        explained = []
        for annotation, text in zip(plain, complaints["text"].astype(str), strict=True):
            cues = [cue for cue in find_cues(text) if not cue.negated]
            labels = list(dict.fromkeys(CUE_LABELS_DA[cue.category] for cue in cues))
            flagged = "Markeret" if annotation.mediation_flag else "Ikke markeret"
            explanation = {
                "summary": f"{flagged} til mægling (score {annotation.mediation_score:.0%}).",
                "mediation": {
                    "phrases": annotation.explanation.get("phrases", []),
                    "cues": labels,
                    "contact_facts": [
                        f"{annotation.explanation.get('prior_contacts', 0)} tidligere henvendelser"
                    ],
                    "contact_share": 0.25,
                },
                "root_causes": {code: ["testord"] for code in annotation.root_causes},
                "cue_spans": [
                    {
                        "category": c.category,
                        "label": CUE_LABELS_DA[c.category],
                        "start": c.start,
                        "end": c.end,
                    }
                    for c in cues
                ],
            }
            explained.append(annotation.model_copy(update={"explanation": explanation}))
        return explained


class ExplainingSource(SwitchableSource):
    def load(self, version: str) -> ExplainingAnnotator:
        super().load(version)
        return ExplainingAnnotator(version)


def csrf_of(html: str) -> str:
    match = CSRF_FIELD.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def sign_in(client: TestClient, key: str) -> TestClient:
    """Sign `client` in through the sign-in form, as a person would."""
    form = client.get("/")
    assert form.status_code == 200, form.text
    response = client.post(
        "/log-ind", data={"api_key": key, "csrf_token": csrf_of(form.text)}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    return client


def store_complaint(api: TestClient, advisor_key: str, **fields: Any) -> dict[str, Any]:
    """Store one complaint through POST /v1/complaints; returns the stored record."""
    response = api.post(
        "/v1/complaints", json=complaint_payload(**fields), headers={"Authorization": f"Bearer {advisor_key}"}
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def store_contacts(api: TestClient, advisor_key: str, citizen_id: str, **kinds: int) -> None:
    """`kinds`: recipient -> how many contacts (spread over the months before the complaint)."""
    contacts = [
        contact_payload(citizen_id, days_before=12 + 23 * i, recipient=recipient)
        for recipient, count in kinds.items()
        for i in range(count)
    ]
    response = api.post(
        "/v1/contacts", json={"contacts": contacts}, headers={"Authorization": f"Bearer {advisor_key}"}
    )
    assert response.status_code == 201, response.text


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def live_server(app: FastAPI, *, timeout: float = 60.0) -> Iterator[str]:
    """Serve `app` with uvicorn on a free loopback port in a background thread; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, access_log=False, lifespan="on")
    )
    thread = threading.Thread(target=server.run, name="live-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the live server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)

"""Request bodies and settings for the service tests, built like a client would build them."""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from service.settings import Settings

_ids = itertools.count(1)


def make_settings(database_url: str, **overrides: Any) -> Settings:
    """Test settings: the given database, no JSON log handler (pytest captures logs), fast model polling."""
    values: dict[str, Any] = {"database_url": database_url, "json_logs": False, "model_poll_seconds": 0.05}
    values.update(overrides)
    return Settings(**values)


def unique(prefix: str) -> str:
    return f"{prefix}-{next(_ids):06d}"


def complaint_payload(**overrides: Any) -> dict[str, Any]:
    """A valid complaint body with a unique id; `overrides` replace fields (None removes one)."""
    body: dict[str, Any] = {
        "complaint_id": unique("c"),
        "received_at": "2026-10-14T10:30:00+02:00",
        "citizen_id": unique("p"),
        "forvaltning": "SOF",
        "channel": "email",
        "text": "Jeg har ventet i fire måneder på svar, og ingen ringer tilbage.",
    }
    body.update(overrides)
    return {key: value for key, value in body.items() if value is not None}


def contact_payload(citizen_id: str, *, days_before: int = 10, **overrides: Any) -> dict[str, Any]:
    """A contact event `days_before` days before 2026-10-14 (the default complaint time)."""
    occurred = datetime(2026, 10, 14, 8, 0, tzinfo=UTC) - timedelta(days=days_before)
    body: dict[str, Any] = {
        "citizen_id": citizen_id,
        "occurred_at": occurred.isoformat(),
        "channel": "telefon",
        "recipient": "SOF",
        "kind": "rykker",
    }
    body.update(overrides)
    return body


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def postgres_base_url() -> str:
    """The server to test against, or skip (locally) / fail (in CI) when there is none."""
    url = os.environ.get("KONFLIKT_TEST_POSTGRES_URL")
    if not url:
        if in_ci():
            pytest.fail("KONFLIKT_TEST_POSTGRES_URL is not set; CI must test PostgreSQL")
        pytest.skip(
            "KONFLIKT_TEST_POSTGRES_URL is not set (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)"
        )
    return url


@contextmanager
def fresh_postgres_schema() -> Iterator[str]:
    """A URL whose connections live in a new, empty schema; the schema is dropped afterwards."""
    base = postgres_base_url()
    schema = f"konflikt_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as exc:
        admin.dispose()
        pytest.fail(f"PostgreSQL at KONFLIKT_TEST_POSTGRES_URL is unreachable ({type(exc.orig).__name__})")
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def train_small_registry(
    root: Path, *, complaints: int = 600, seed: int = 11, **config: Any
) -> tuple[Path, Path]:
    """A real model trained on a small synthetic corpus and promoted: (registry, corpus folder).

    Takes about a minute, so only `slow` tests use it. `config` overrides `TrainConfig` settings.
    """
    from signals.registry import champion_version
    from training.config import TrainConfig
    from training.synth import generate_corpus
    from training.train import train

    corpus, registry = root / "corpus", root / "models"
    generate_corpus(corpus, complaints=complaints, seed=seed)
    result = train(
        corpus / "complaints.jsonl",
        corpus / "contacts.csv",
        registry=registry,
        config=TrainConfig(test_months=8, validation_months=8, **config),
    )
    assert result.champion and champion_version(registry) == result.version
    return registry, corpus

"""A tampered or truncated model is refused: by the CLI, at start-up, and by a running service, which keeps
serving its previous champion and says so in /health."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from faults_support import wait_for
from starlette.testclient import TestClient
from svc_factories import complaint_payload, make_settings
from svc_models import KeywordAnnotator
from typer.testing import CliRunner

from konflikt.cli import app as cli
from service.keys import create_key
from service.main import create_app
from signals.registry import MODEL_FILE, champion_version
from training.registry import promote, register


def _register(registry: Path, version: str) -> None:
    register(
        registry,
        KeywordAnnotator(version),
        version=version,
        config={},
        metrics={},
        data_fingerprint="f" * 64,
        documents={"model_card.md": "# test model\n"},
    )


def damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "tampered":
        flipped = bytearray(data)
        flipped[len(flipped) // 2] ^= 0x01  # one bit
        path.write_bytes(bytes(flipped))
    elif how == "truncated":
        path.write_bytes(data[: len(data) // 3])
    else:
        path.write_bytes(b"")


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    folder = tmp_path / "models"
    _register(folder, "v1")
    promote(folder, "v1")
    return folder


@pytest.fixture
def running(registry: Path, tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str]]]:
    settings = make_settings(f"sqlite:///{tmp_path / 'service.db'}", registry=registry)
    with TestClient(create_app(settings)) as client:
        with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
            _, key = create_key(session, role="advisor")
            session.commit()
        yield client, {"Authorization": f"Bearer {key}"}


def _served_version(client: TestClient, auth: dict[str, str]) -> str:
    response = client.post("/v1/annotate", json={"complaints": [complaint_payload()]}, headers=auth)
    assert response.status_code == 200, response.text
    return str(response.json()["annotations"][0]["model_version"])


@pytest.mark.parametrize("how", ["tampered", "truncated", "emptied"])
def test_running_service_keeps_its_champion_when_a_damaged_one_is_promoted(
    running: tuple[TestClient, dict[str, str]], registry: Path, how: str
) -> None:
    client, auth = running
    assert client.get("/health").json()["model_version"] == "v1"
    _register(registry, "v2")
    damage(registry / "v2" / MODEL_FILE, how)
    promote(registry, "v2", reason="a promotion that bypasses the CLI's check")
    holder = client.app.state.champion  # type: ignore[attr-defined]
    assert wait_for(lambda: "v2" in (holder.last_error or ""), timeout=10)
    assert "does not match its manifest" in holder.last_error
    health = client.get("/health").json()
    assert health == {"status": "ok", "model_version": "v1", "database": "ok"}
    for _ in range(3):
        assert _served_version(client, auth) == "v1"
    # a sound version promoted next is picked up as usual
    _register(registry, "v3")
    promote(registry, "v3")
    assert wait_for(lambda: client.get("/health").json()["model_version"] == "v3", timeout=10)
    assert _served_version(client, auth) == "v3"


def test_a_service_started_on_a_damaged_champion_serves_nothing(registry: Path, tmp_path: Path) -> None:
    _register(registry, "v2")
    damage(registry / "v2" / MODEL_FILE, "tampered")
    promote(registry, "v2")
    settings = make_settings(f"sqlite:///{tmp_path / 'fresh.db'}", registry=registry)
    with TestClient(create_app(settings)) as client:
        assert client.get("/health").json() == {"status": "no_model", "model_version": None, "database": "ok"}
        with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
            _, key = create_key(session, role="analyst")
            session.commit()
        response = client.post(
            "/v1/annotate",
            json={"complaints": [complaint_payload()]},
            headers={"Authorization": f"Bearer {key}"},
        )
        assert response.status_code == 503
        assert "v2" in response.json()["detail"] and "refusing to load" in response.json()["detail"]


@pytest.mark.parametrize("how", ["tampered", "truncated"])
def test_the_cli_refuses_to_promote_or_use_a_damaged_version(registry: Path, how: str) -> None:
    _register(registry, "v2")
    damage(registry / "v2" / MODEL_FILE, how)
    runner = CliRunner()
    promoted = runner.invoke(cli, ["models", "promote", "v2", "--registry", str(registry)])
    assert promoted.exit_code == 1
    lines = promoted.stderr.strip().splitlines()
    assert len(lines) == 1 and "does not match its manifest" in lines[0]
    assert champion_version(registry) == "v1"

"""`konflikt serve`: refuses unsafe settings in one line, and really serves over HTTP (uvicorn, slow)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from konflikt.cli import app
from service.server import serve
from service.settings import Settings, get_settings
from signals.errors import KonfliktError


def test_unsafe_production_settings_stop_serve_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KONFLIKT_ENVIRONMENT", "production")
    monkeypatch.setenv("KONFLIKT_DATABASE_URL", "sqlite:///:memory:")
    monkeypatch.setenv("KONFLIKT_KEEP_ORIGINAL_TEXT", "true")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["serve"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1
    assert result.stderr.startswith("konflikt: error: refusing to start in production: ")
    assert "in-memory SQLite" in result.stderr and "KEEP_ORIGINAL_TEXT" in result.stderr
    assert result.stderr.count("\n") == 1


def test_several_workers_need_their_settings_in_the_environment(tmp_path: Path) -> None:
    get_settings.cache_clear()
    try:
        explicit = Settings(database_url=f"sqlite:///{tmp_path / 'k.db'}", registry=tmp_path / "elsewhere")
        with pytest.raises(KonfliktError, match="KONFLIKT_\\* variables"):
            serve(explicit, workers=2)
    finally:
        get_settings.cache_clear()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
def test_konflikt_serve_answers_over_http(tmp_path: Path) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "KONFLIKT_DATABASE_URL": f"sqlite:///{tmp_path / 'konflikt.db'}",
        "KONFLIKT_REGISTRY": str(tmp_path / "empty-registry"),
    }
    konflikt = Path(sys.executable).parent / "konflikt"
    key = subprocess.run(
        [str(konflikt), "keys", "create", "--role", "analyst"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    server = subprocess.Popen(
        [str(konflikt), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 90
        health = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).json()
                break
            except httpx.TransportError:
                time.sleep(0.3)
        assert health == {"status": "no_model", "model_version": None, "database": "ok"}
        listing = httpx.get(
            f"http://127.0.0.1:{port}/v1/complaints", headers={"Authorization": f"Bearer {key}"}, timeout=10
        )
        assert listing.status_code == 200 and listing.json()["total"] == 0
        assert httpx.get(f"http://127.0.0.1:{port}/v1/complaints", timeout=10).status_code == 401
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    lines = stderr.decode().splitlines()
    assert any('"msg": "request"' in line and '"path": "/v1/complaints"' in line for line in lines)
    assert all(line.startswith("{") for line in lines if line.strip())  # JSON lines only

"""Settings from the environment, and the refusal to start with unsafe production settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from service.main import create_app
from service.settings import Settings, UnsafeSettingsError, check_settings, get_settings, unsafe_reasons

PG = "postgresql+psycopg://konflikt@db.internal:5432/konflikt"


@pytest.fixture
def fresh_settings() -> Iterator[None]:
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_settings_come_from_konflikt_variables(monkeypatch: pytest.MonkeyPatch, fresh_settings: None) -> None:
    monkeypatch.setenv("KONFLIKT_DATABASE_URL", PG)
    monkeypatch.setenv("KONFLIKT_REGISTRY", "/srv/models")
    monkeypatch.setenv("KONFLIKT_ENVIRONMENT", "production")
    monkeypatch.setenv("KONFLIKT_MODEL_POLL_SECONDS", "2.5")
    settings = get_settings()
    assert (settings.database_url, settings.registry, settings.environment) == (
        PG,
        Path("/srv/models"),
        "production",
    )
    assert settings.model_poll_seconds == 2.5
    assert settings.keep_original_text is False
    assert get_settings() is settings  # built once


def test_defaults_are_safe_for_development(fresh_settings: None) -> None:
    settings = Settings()
    assert settings.database_url == "sqlite:///var/konflikt.db"
    assert settings.environment == "development" and settings.docs_enabled
    assert unsafe_reasons(settings) == []


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"database_url": "sqlite:///:memory:"}, "in-memory SQLite"),
        ({"database_url": "sqlite://"}, "in-memory SQLite"),
        ({"database_url": "sqlite:////tmp/konflikt.db"}, "temporary directory"),
        ({"database_url": "sqlite:////dev/shm/k.db"}, "temporary directory"),
        ({"database_url": PG, "keep_original_text": True}, "KONFLIKT_KEEP_ORIGINAL_TEXT"),
        ({"database_url": PG, "log_level": "DEBUG"}, "KONFLIKT_LOG_LEVEL=DEBUG"),
        ({"database_url": "not a url"}, "not a database URL"),
    ],
)
def test_unsafe_production_settings_refuse_to_start(overrides: dict[str, object], reason: str) -> None:
    settings = Settings(environment="production", **overrides)  # type: ignore[arg-type]
    with pytest.raises(UnsafeSettingsError, match=reason):
        create_app(settings)
    with pytest.raises(UnsafeSettingsError, match="refusing to start in production"):
        check_settings(settings)


@pytest.mark.parametrize(
    "overrides",
    [
        {"database_url": PG},
        {"database_url": "sqlite:////srv/konflikt/konflikt.db"},
        {"database_url": PG, "expose_docs": True},
    ],
)
def test_safe_production_settings_pass(overrides: dict[str, object]) -> None:
    assert unsafe_reasons(Settings(environment="production", **overrides)) == []  # type: ignore[arg-type]


def test_unsafe_values_are_fine_in_development() -> None:
    assert (
        unsafe_reasons(
            Settings(database_url="sqlite:///:memory:", keep_original_text=True, log_level="DEBUG")
        )
        == []
    )


@pytest.mark.parametrize(
    ("environment", "expose_docs", "visible"),
    [
        ("development", None, True),
        ("production", None, False),
        ("production", True, True),
        ("development", False, False),
    ],
)
def test_docs_follow_the_environment(environment: str, expose_docs: bool | None, visible: bool) -> None:
    settings = Settings(database_url=PG, environment=environment, expose_docs=expose_docs, json_logs=False)  # type: ignore[arg-type]
    client = TestClient(create_app(settings))  # no lifespan: the routes alone decide
    assert (client.get("/docs").status_code == 200) is visible
    assert (client.get("/openapi.json").status_code == 200) is visible

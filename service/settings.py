"""The service's settings, read from the environment (prefix `KONFLIKT_`), and the start-up safety check.

Settings are built by `get_settings()` on first use, never at import, so tests and the CLI can
construct their own `Settings(...)` and hand it to `create_app`.
"""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from signals.errors import KonfliktError

MiB = 1024 * 1024


class UnsafeSettingsError(KonfliktError):
    """The settings would run the service in production in a way that risks data or privacy."""


class Settings(BaseSettings):
    """Everything an operator can set. Environment variables: `KONFLIKT_<NAME>` (case-insensitive)."""

    model_config = SettingsConfigDict(env_prefix="KONFLIKT_", extra="ignore", frozen=True)

    database_url: str = "sqlite:///var/konflikt.db"
    registry: Path = Path("models")
    environment: Literal["development", "production"] = "development"
    keep_original_text: bool = False
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # One JSON object per log line on stderr; off only where something else owns logging (tests).
    json_logs: bool = True
    # None: docs at /docs in development, hidden in production unless asked for explicitly.
    expose_docs: bool | None = None
    # Run `alembic upgrade head` at start-up (under a lock on PostgreSQL, so several workers may race).
    auto_migrate: bool = True
    # How often the service asks the registry whether the champion changed.
    model_poll_seconds: Annotated[float, Field(gt=0, le=3600)] = 5.0
    max_annotate_items: Annotated[int, Field(ge=1)] = 1_000
    max_annotate_body_bytes: Annotated[int, Field(ge=1)] = 25 * MiB
    # A received_at further than this in the future is refused as a typing or clock error.
    future_tolerance_seconds: Annotated[int, Field(ge=0)] = 300

    @property
    def docs_enabled(self) -> bool:
        if self.expose_docs is not None:
            return self.expose_docs
        return self.environment == "development"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings from the environment, built once on first use."""
    return Settings()


def _temporary_dirs() -> list[Path]:
    candidates = {Path(tempfile.gettempdir()), Path("/tmp"), Path("/var/tmp"), Path("/dev/shm")}
    return [p.resolve() for p in candidates]


def unsafe_reasons(settings: Settings) -> list[str]:
    """Why these settings must not run in production (empty in development or when safe)."""
    try:
        url = make_url(settings.database_url)
    except ArgumentError:
        return ["KONFLIKT_DATABASE_URL is not a database URL (expected e.g. sqlite:///var/konflikt.db)"]
    if settings.environment != "production":
        return []
    reasons: list[str] = []
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database in ("", ":memory:") or database.startswith("file::memory:"):
            reasons.append("an in-memory SQLite database loses every complaint on restart")
        else:
            path = Path(database).resolve()
            if any(path.is_relative_to(tmp) for tmp in _temporary_dirs()):
                reasons.append(f"the SQLite database is in a temporary directory ({path.parent})")
    if settings.keep_original_text:
        reasons.append("KONFLIKT_KEEP_ORIGINAL_TEXT stores complaint text with personal data")
    if settings.log_level == "DEBUG":
        reasons.append("KONFLIKT_LOG_LEVEL=DEBUG lets libraries log request internals")
    return reasons


def check_settings(settings: Settings) -> None:
    """Refuse to start with unsafe settings; the message lists every reason."""
    reasons = unsafe_reasons(settings)
    if reasons:
        raise UnsafeSettingsError(
            f"refusing to start in {settings.environment}: " + "; ".join(reasons) + " (see service/README.md)"
        )

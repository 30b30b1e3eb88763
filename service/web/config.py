"""Settings of the web pages (environment, prefix `KONFLIKT_`): the secret that signs session cookies.

Decision: a session is a signed token in an HttpOnly cookie that names the API key's id, a random
session id and an expiry; the key itself never leaves the sign-in form. Each request checks the key
row again, so revoking a key ends its sessions at once. Sign-out deletes the cookie; a copied cookie
stays valid until it expires (`SESSION_HOURS`), which is why sessions are short.

In production the secret must be set: without it the API runs and the pages answer 503 saying why
(an API-only deployment needs no secret); a secret that is too short refuses to start.
"""

from __future__ import annotations

import logging
import secrets
from typing import Annotated

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from service.settings import Settings, UnsafeSettingsError

log = logging.getLogger(__name__)

MIN_SECRET_CHARS = 32


class WebSettings(BaseSettings):
    """`KONFLIKT_SESSION_SECRET` (32+ characters; required in production), `KONFLIKT_SESSION_HOURS`."""

    model_config = SettingsConfigDict(env_prefix="KONFLIKT_", extra="ignore", frozen=True)

    # Unset in development: a random secret per process (sessions end on restart; with several
    # workers set it, or a session signed by one worker is refused by the next).
    session_secret: SecretStr | None = None
    session_hours: Annotated[float, Field(gt=0, le=24)] = 8.0


def session_secret(web: WebSettings, settings: Settings) -> bytes | None:
    """The signing secret; None (pages off) in production without one; too short refuses to start."""
    if web.session_secret is not None:
        value = web.session_secret.get_secret_value()
        if len(value) < MIN_SECRET_CHARS:
            raise UnsafeSettingsError(
                f"KONFLIKT_SESSION_SECRET must be at least {MIN_SECRET_CHARS} characters, got {len(value)} "
                "(make one with `python -c 'import secrets; print(secrets.token_urlsafe(48))'`)"
            )
        return value.encode("utf-8")
    if settings.environment == "production":
        log.error("KONFLIKT_SESSION_SECRET is not set: the web pages are off (the API is not affected)")
        return None
    log.info("no KONFLIKT_SESSION_SECRET: web sessions are signed with a random per-process secret")
    return secrets.token_bytes(32)

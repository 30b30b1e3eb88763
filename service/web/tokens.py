"""Signed cookie tokens and CSRF tokens (HMAC-SHA256 with the session secret, standard library only).

A token is `<base64url JSON payload>.<base64url MAC>`. The payload holds no secret: a session names
the API key's id, a random session id and an expiry. The CSRF token of a form is a MAC of that
random id (a synchroniser token bound to the session), so a page of another site cannot know it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass
from typing import Any


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: bytes, purpose: str, message: str) -> str:
    # The purpose keeps a session token, a sign-in token and a CSRF token from standing in for each other.
    return _b64(hmac.new(secret, f"{purpose}\n{message}".encode(), hashlib.sha256).digest())


def sign(secret: bytes, purpose: str, payload: dict[str, Any]) -> str:
    body = _b64(json.dumps(payload, separators=(",", ":"), sort_keys=True).encode("utf-8"))
    return f"{body}.{_mac(secret, purpose, body)}"


def verify(
    secret: bytes, purpose: str, token: str | None, *, now: float | None = None
) -> dict[str, Any] | None:
    """The payload of a genuine, unexpired token (its `exp` is a Unix time), else None."""
    if not token or token.count(".") != 1 or len(token) > 4096:
        return None
    body, mac = token.split(".")
    if not hmac.compare_digest(mac, _mac(secret, purpose, body)):
        return None
    try:
        payload = json.loads(_unb64(body))
    except (binascii.Error, ValueError):
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("exp"), int | float):
        return None
    if payload["exp"] <= (time.time() if now is None else now):
        return None
    return payload


@dataclass(frozen=True)
class WebSession:
    """A signed-in browser: the API key's id and the random id its CSRF tokens are bound to."""

    key_id: str
    session_id: str
    expires: float


SESSION = "session"
SIGN_IN = "sign-in"
CSRF = "csrf"


def new_session(secret: bytes, key_id: str, *, lifetime_seconds: float) -> tuple[WebSession, str]:
    session = WebSession(key_id, secrets.token_urlsafe(18), float(int(time.time() + lifetime_seconds)))
    token = sign(secret, SESSION, {"k": key_id, "s": session.session_id, "exp": int(session.expires)})
    return session, token


def read_session(secret: bytes, token: str | None) -> WebSession | None:
    payload = verify(secret, SESSION, token)
    if payload is None or not isinstance(payload.get("k"), str) or not isinstance(payload.get("s"), str):
        return None
    return WebSession(payload["k"], payload["s"], float(payload["exp"]))


def new_sign_in(secret: bytes, *, lifetime_seconds: float) -> tuple[str, str]:
    """(cookie token, random id) for the sign-in form: its CSRF token is bound to this pre-session."""
    nonce = secrets.token_urlsafe(18)
    return sign(secret, SIGN_IN, {"s": nonce, "exp": int(time.time() + lifetime_seconds)}), nonce


def read_sign_in(secret: bytes, token: str | None) -> str | None:
    payload = verify(secret, SIGN_IN, token)
    return payload["s"] if payload is not None and isinstance(payload.get("s"), str) else None


def csrf_token(secret: bytes, session_id: str) -> str:
    return _mac(secret, CSRF, session_id)


def csrf_ok(secret: bytes, session_id: str | None, presented: str | None) -> bool:
    if not session_id or not presented:
        return False
    return hmac.compare_digest(presented.encode("utf-8"), csrf_token(secret, session_id).encode("ascii"))

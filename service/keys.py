"""API keys: created once and shown once, stored as a SHA-256 hash, listed by a short non-secret id.

A key reads `kfs_<key id>_<secret>`: the key id (8 hex digits) finds the row, the hash of the whole
key proves it. The secret has 256 bits of entropy, so a plain (unsalted) SHA-256 is enough.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, cast, get_args

from sqlalchemy import Connection, Table, bindparam, select
from sqlalchemy.orm import Session

from service.tables import ApiKeyRow, utcnow
from signals.errors import KonfliktError
from signals.schema import DEPARTMENT_CODES

Role = Literal["advisor", "analyst", "forvaltning"]
ROLES: tuple[str, ...] = get_args(Role)
KEY_PREFIX = "kfs"


class ApiKeyError(KonfliktError):
    """A key cannot be created or revoked as asked."""


class AuthenticationError(KonfliktError):
    """A presented key is malformed, unknown or revoked."""


@dataclass(frozen=True, slots=True)
class Caller:
    """Who is calling: the key's id, its role and (for a department key) its department."""

    key_id: str
    role: Role
    forvaltning: str | None = None


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(
    session: Session, *, role: str, forvaltning: str | None = None, name: str = ""
) -> tuple[ApiKeyRow, str]:
    """Store a new key's hash and return the row and the key (the only time the key exists in clear)."""
    if role not in ROLES:
        raise ApiKeyError(f"role must be one of {', '.join(ROLES)}, got {role!r}")
    if role == "forvaltning":
        if forvaltning not in DEPARTMENT_CODES:
            raise ApiKeyError(
                f"a forvaltning key needs --forvaltning with one of {', '.join(DEPARTMENT_CODES)}, "
                f"got {forvaltning!r}"
            )
    elif forvaltning is not None:
        raise ApiKeyError(f"--forvaltning is only for forvaltning keys; a {role} key sees every department")
    if len(name) > 200:
        raise ApiKeyError(f"name must be at most 200 characters, got {len(name)}")
    while True:  # 32-bit ids: a collision is rare, but the id is a primary key
        key_id = secrets.token_hex(4)
        if session.get(ApiKeyRow, key_id) is None:
            break
    key = f"{KEY_PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
    row = ApiKeyRow(
        key_id=key_id,
        secret_hash=hash_key(key),
        role=role,
        forvaltning=forvaltning,
        name=name,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return row, key


_KEYS = cast(Table, ApiKeyRow.__table__)
# Core, not the ORM: one indexed row read on every request, without building an ORM object
# (a third of the time), and the same statement object each time (compiled once, then cached).
_KEY_LOOKUP = select(_KEYS.c.secret_hash, _KEYS.c.role, _KEYS.c.forvaltning, _KEYS.c.revoked_at).where(
    _KEYS.c.key_id == bindparam("key_id")
)


def authenticate(connection: Session | Connection, key: str) -> Caller:
    """The caller a key belongs to; `AuthenticationError` says why a key is refused.

    The key's row is read on every call, so a revoked key is refused from the next request on."""
    parts = key.split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX:
        raise AuthenticationError(f"malformed API key (expected {KEY_PREFIX}_<id>_<secret>)")
    if isinstance(connection, Session):
        connection = connection.connection()
    row = connection.execute(_KEY_LOOKUP, {"key_id": parts[1]}).first()
    if row is None or not hmac.compare_digest(row.secret_hash, hash_key(key)):
        raise AuthenticationError("invalid API key")
    if row.revoked_at is not None:
        raise AuthenticationError("API key has been revoked")
    return Caller(key_id=parts[1], role=cast(Role, row.role), forvaltning=row.forvaltning)


def list_keys(session: Session, *, include_revoked: bool = True) -> list[ApiKeyRow]:
    stmt = select(ApiKeyRow).order_by(ApiKeyRow.created_at, ApiKeyRow.key_id)
    if not include_revoked:
        stmt = stmt.where(ApiKeyRow.revoked_at.is_(None))
    return list(session.scalars(stmt))


def revoke_key(session: Session, key_id: str, *, at: datetime | None = None) -> ApiKeyRow:
    """Mark a key revoked (kept for the audit log); revoking twice keeps the first time."""
    row = session.get(ApiKeyRow, key_id)
    if row is None:
        raise ApiKeyError(f"no API key with id {key_id!r} (see `konflikt keys list`)")
    if row.revoked_at is None:
        row.revoked_at = at or utcnow()
    session.flush()
    return row

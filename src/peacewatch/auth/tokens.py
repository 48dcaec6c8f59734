"""Creating, checking and revoking API tokens.

A token is 32 random bytes shown once at creation; the store keeps only its SHA-256 (enough for
a high-entropy secret: there is nothing to brute-force), so a copy of the database gives no
one write access. Roles are ordered: an admin can do everything a reviewer can.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from peacewatch.store.base import Store, now

ROLES = ("reviewer", "admin")


class AuthError(Exception):
    """Missing, unknown or insufficient credentials."""


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: str

    def can(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_user(store: Store, name: str, role: str) -> str:
    """Add (or re-key) a user and return the new token, which is not stored in clear."""
    if role not in ROLES:
        raise AuthError(f"unknown role {role!r}: use {' or '.join(ROLES)}")
    if not name.strip():
        raise AuthError("a user needs a name")
    token = "pw_" + secrets.token_urlsafe(32)
    with store.transaction():
        store.execute("DELETE FROM users WHERE name = ?", (name,))
        store.execute("INSERT INTO users VALUES (?, ?, ?, ?, NULL)", (name, role, _hash(token), now()))
    return token


def revoke_user(store: Store, name: str) -> bool:
    with store.transaction():
        found = store.scalar("SELECT COUNT(*) FROM users WHERE name = ? AND revoked_at IS NULL", (name,))
        store.execute("UPDATE users SET revoked_at = ? WHERE name = ?", (now(), name))
    return bool(found)


def list_users(store: Store) -> list[dict[str, object]]:
    return store.query("SELECT name, role, created_at, revoked_at FROM users ORDER BY name")


def authenticate(store: Store, token: str | None) -> User:
    if not token:
        raise AuthError("no API token given")
    rows = store.query(
        "SELECT name, role FROM users WHERE token_hash = ? AND revoked_at IS NULL", (_hash(token),)
    )
    if not rows:
        raise AuthError("unknown or revoked API token")
    return User(rows[0]["name"], rows[0]["role"])

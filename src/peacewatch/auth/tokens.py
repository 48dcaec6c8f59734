"""Creating, checking and revoking API tokens.

A token is 32 random bytes shown once at creation; the store keeps only its SHA-256 (enough for
a high-entropy secret: there is nothing to brute-force), so a copy of the database gives no
one write access. An admin can do everything; a reviewer reviews events; an ingester (a feed
robot, a partner's script) may only push documents and manage watched sources, so its token
cannot change what analysts coded.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from peacewatch.store.base import Store, now

ROLES = ("reviewer", "admin", "ingester")


class AuthError(Exception):
    """Missing, unknown or insufficient credentials, or a user change that is refused."""


class UserExists(AuthError):
    """A user of that name exists: giving them a new token or role must be asked for (rotate)."""


class LastAdmin(AuthError):
    """The change would leave the store with no active admin, and no way to manage users."""


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: str

    def can(self, role: str) -> bool:
        """Whether this user may do what ``role`` may: their own role's work, or anything for an admin."""
        return self.role in (role, "admin")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _check(name: str, role: str | None) -> None:
    if role is not None and role not in ROLES:
        raise AuthError(f"unknown role {role!r}: use {', '.join(ROLES[:-1])} or {ROLES[-1]}")
    if not name.strip():
        raise AuthError("a user needs a name")


def _user(store: Store, name: str) -> dict[str, object] | None:
    rows = store.query("SELECT name, role, revoked_at FROM users WHERE name = ?", (name,))
    return rows[0] if rows else None


def _keeps_an_admin(store: Store, name: str) -> None:
    """Refuse a change that takes ``name``'s admin rights away when no other active admin remains."""
    others = store.scalar(
        "SELECT COUNT(*) FROM users WHERE role = 'admin' AND revoked_at IS NULL AND name <> ?", (name,)
    )
    if not others:
        raise LastAdmin(f"{name} is the only active admin; make another admin first")


def create_user(store: Store, name: str, role: str) -> str:
    """Add a new user and return their token, which is not stored in clear.

    An existing name (revoked or not) is refused: re-keying, re-roling or reactivating someone
    is ``rotate_token``, asked for explicitly.
    """
    _check(name, role)
    token = "pw_" + secrets.token_urlsafe(32)
    with store.transaction():
        found = _user(store, name)
        if found is not None:
            state = "revoked" if found["revoked_at"] else "active"
            raise UserExists(f"user {name!r} exists ({found['role']}, {state}); use --rotate to give them a new token")
        store.execute("INSERT INTO users VALUES (?, ?, ?, ?, NULL)", (name, role, _hash(token), now()))
    return token


def rotate_token(store: Store, name: str, role: str | None = None) -> str:
    """Give an existing user a new token (the old one stops working), reactivating a revoked
    user; ``role`` changes their role too. The last active admin keeps the admin role."""
    _check(name, role)
    token = "pw_" + secrets.token_urlsafe(32)
    with store.transaction():
        found = _user(store, name)
        if found is None:
            raise AuthError(f"no user {name!r}; add them without --rotate")
        if found["role"] == "admin" and role not in (None, "admin") and not found["revoked_at"]:
            _keeps_an_admin(store, name)
        store.execute(
            "UPDATE users SET token_hash = ?, role = ?, revoked_at = NULL WHERE name = ?",
            (_hash(token), role or found["role"], name),
        )
    return token


def role_of(store: Store, name: str) -> str | None:
    """The role a user holds (revoked or not), None for a name that is no user."""
    found = _user(store, name)
    return str(found["role"]) if found else None


def revoke_user(store: Store, name: str) -> bool:
    """Revoke a user's token; False when no active user has that name. The last active admin
    cannot be revoked."""
    with store.transaction():
        found = _user(store, name)
        if found is None or found["revoked_at"]:
            return False
        if found["role"] == "admin":
            _keeps_an_admin(store, name)
        store.execute("UPDATE users SET revoked_at = ? WHERE name = ?", (now(), name))
    return True


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

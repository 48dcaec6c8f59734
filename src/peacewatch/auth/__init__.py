"""API users and their tokens: roles reviewer, ingester and admin; tokens stored only as hashes."""

from peacewatch.auth.tokens import (
    ROLES,
    AuthError,
    LastAdmin,
    User,
    UserExists,
    authenticate,
    create_user,
    list_users,
    revoke_user,
    role_of,
    rotate_token,
)

__all__ = [
    "ROLES", "AuthError", "LastAdmin", "User", "UserExists", "authenticate", "create_user", "list_users",
    "revoke_user", "role_of", "rotate_token",
]

"""API users and their tokens: roles reviewer and admin; tokens stored only as hashes."""

from peacewatch.auth.tokens import ROLES, AuthError, User, authenticate, create_user, list_users, revoke_user

__all__ = ["ROLES", "AuthError", "User", "authenticate", "create_user", "list_users", "revoke_user"]

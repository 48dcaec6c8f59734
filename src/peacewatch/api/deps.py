"""Request-scoped access to the store and to the caller's identity."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from fastapi import Depends, Header, HTTPException, Request
from fastapi.dependencies.models import Dependant

from peacewatch.api.errors import ApiError

from peacewatch.auth import AuthError, User, authenticate
from peacewatch.store import Store, open_store


class StoreProvider:
    """One open store per server; each request gets a cursor of its own on it.

    The store must exist: a server never creates one (a mistyped path is refused, not served
    empty). Writes go through ``Store.atomic`` on the request's cursor: the root's writer lock
    makes the server's writers take turns and a write that conflicts is tried again whole.

    Per request rather than per thread: FastAPI may run a sync dependency and the endpoint in
    different pool threads, so a thread-local cursor could serve two requests at once, which
    DuckDB refuses.
    """

    def __init__(self, db: Path) -> None:
        self.root = open_store(db, create=False)

    def open(self) -> Store:
        return self.root.for_thread()

    def close(self) -> None:
        self.root.close()


def get_store(request: Request) -> Iterator[Store]:
    store = request.app.state.stores.open()
    try:
        yield store
    finally:
        store.close()


def current_user(
    store: Store = Depends(get_store), authorization: str | None = Header(default=None)
) -> User:
    """The caller named by ``Authorization: Bearer <token>``; 401 without a valid token."""
    token = None
    if authorization and authorization.lower().startswith("bearer "):
        token = authorization[7:].strip()
    try:
        return authenticate(store, token)
    except AuthError as exc:
        raise HTTPException(401, str(exc), headers={"WWW-Authenticate": "Bearer"}) from None


def require(role: str) -> Callable[[User], User]:
    """Dependency: the caller must hold ``role`` (or a higher one); 403 otherwise."""

    def check(user: User = Depends(current_user)) -> User:
        if not user.can(role):
            raise HTTPException(403, f"{user.name} is a {user.role}; this needs the {role} role")
        return user

    return check


def _query_names(dependant: Dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


_KNOWN: dict[int, frozenset[str]] = {}


def reject_unknown_query(request: Request) -> None:
    """422 for a query parameter the route does not take: a mistyped filter must not quietly
    return everything."""
    route: Any = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = _KNOWN.get(id(route))
    if known is None:
        known = _KNOWN[id(route)] = frozenset(_query_names(dependant))
    for name in request.query_params:
        if name not in known:
            allowed = ", ".join(sorted(known)) or "none"
            raise ApiError(422, f"unknown query parameter {name!r} (this endpoint takes: {allowed})",
                           field=name, location="query")

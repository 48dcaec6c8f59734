"""Admin endpoints: user management through the API (admin role)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Depends

from peacewatch.api.deps import get_store, require
from peacewatch.api.schemas import UserCreated, Users, ok
from peacewatch.api.errors import ApiError
from peacewatch.auth import AuthError, User, UserExists, create_user, list_users
from peacewatch.store import Store

router = APIRouter(prefix="/api/v1", tags=["admin"])


@router.get("/users", summary="List API users (admin role)", **ok(Users))
def users(_: User = Depends(require("admin")), store: Store = Depends(get_store)) -> dict[str, Any]:
    return {"users": [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in u.items()} for u in list_users(store)]}


@router.post("/users", summary="Create a user and return its token once (admin role)", **ok(UserCreated))
def add_user(
    name: str = Body(...), role: str = Body("reviewer"),
    _: User = Depends(require("admin")), store: Store = Depends(get_store),
) -> dict[str, str]:
    try:
        return {"name": name, "role": role, "token": store.atomic(lambda: create_user(store, name, role))}
    except UserExists as exc:
        raise ApiError(409, str(exc), field="name", location="body") from None
    except AuthError as exc:
        raise ApiError(422, str(exc), field="role" if "role" in str(exc) else "name", location="body") from None

"""Who the caller is: lets the dashboard check a pasted token before any write."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from peacewatch.api.deps import current_user
from peacewatch.api.schemas import Me, ok
from peacewatch.auth import User

router = APIRouter(prefix="/api/v1", tags=["admin"])


@router.get("/me", summary="The user named by the API token (401 without a valid one)", **ok(Me))
def me(user: User = Depends(current_user)) -> dict[str, str]:
    return {"name": user.name, "role": user.role}

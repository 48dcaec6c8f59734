"""Watched sources over HTTP: list, add, remove, poll now.

Feeds may be added by an ingester or an admin; a folder only by an admin, since it lets the
server read files of its own disk into the store.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Depends
from pydantic import BaseModel, Field

from peacewatch.api.deps import current_user, get_store
from peacewatch.api.errors import ApiError
from peacewatch.api.ingest import RunOne, may_ingest, service
from peacewatch.api.schemas import ok
from peacewatch.auth import User
from peacewatch.live import sources as watched
from peacewatch.live.service import LiveService
from peacewatch.store import Store

router = APIRouter(prefix="/api/v1", tags=["sources"])


class SourceOut(BaseModel):
    id: str
    kind: str = Field(description="feed (an RSS/Atom URL) or folder (on the server's disk).")
    location: str
    every: str = Field(description="Polling interval, e.g. 30m.")
    every_seconds: int
    next_poll_at: str | None = None
    last_polled_at: str | None = None
    last_status: str | None = Field(None, description="new, unchanged or failed.")
    last_error: str | None = None
    failures: int = Field(0, description="Failed polls in a row (each doubles the wait).")
    last_run_id: str | None = None
    created_by: str | None = None
    created_at: str | None = None


class SourceOne(BaseModel):
    source: SourceOut


class SourcePage(BaseModel):
    sources: list[SourceOut]


class NewSource(BaseModel):
    location: str = Field(description="An http(s) RSS/Atom feed URL, or a folder path on the server.")
    every: str = Field(watched.DEFAULT_EVERY, description="Polling interval: 90s, 30m, 6h, 1d.")


def _found(store: Store, source_id: str) -> watched.Source:
    found = watched.get_source(store, source_id)
    if found is None:
        raise ApiError(404, f"no watched source {source_id!r}")
    return found


@router.get("/sources", summary="Watched feeds and folders with their last poll", **ok(SourcePage))
def list_sources(_: User = Depends(current_user), store: Store = Depends(get_store)) -> dict[str, Any]:
    return {"sources": [s.to_dict() for s in watched.sources(store)]}


@router.post("/sources", summary="Watch a feed or a folder (its first poll is due at once)",
             **ok(SourceOne, "The source, watched.", 201))
def add_source(
    new: NewSource = Body(...), user: User = Depends(may_ingest), store: Store = Depends(get_store),
) -> dict[str, Any]:
    try:
        kind, _ = watched.classify(new.location)
        if kind == "folder" and not user.can("admin"):
            raise ApiError(403, "watching a folder of the server's disk needs the admin role")
        made = watched.add_source(store, new.location, new.every, user.name)
    except watched.SourceError as error:
        status = 409 if "already watched" in str(error) else 422
        raise ApiError(status, str(error), field="location" if status == 409 or "interval" not in str(error) else "every",
                       location="body") from None
    return {"source": made.to_dict()}


@router.delete("/sources/{source_id}", summary="Stop watching a source", **ok(SourceOne, "The source removed."))
def remove_source(
    source_id: str, _: User = Depends(may_ingest), store: Store = Depends(get_store),
) -> dict[str, Any]:
    removed = watched.remove_source(store, source_id)
    if removed is None:
        raise ApiError(404, f"no watched source {source_id!r}")
    return {"source": removed.to_dict()}


@router.post("/sources/{source_id}/poll", summary="Poll a source now; answers with the run",
             **ok(RunOne, "The poll's run, created and queued.", 201))
def poll_source(
    source_id: str, user: User = Depends(may_ingest), store: Store = Depends(get_store),
    live: LiveService = Depends(service),
) -> dict[str, Any]:
    return {"run": live.submit_poll(store, _found(store, source_id), user.name).to_dict()}

"""Pushing documents to a running server, and following the ingest runs it makes of them.

The router's lifespan starts the server's ingestion (``live.service``: one queue, one worker,
the schedule of watched sources and alert rules) and stops it before the store closes.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from pydantic import BaseModel, Field

from peacewatch.api.deps import current_user, get_store
from peacewatch.api.errors import ApiError
from peacewatch.api.schemas import ok
from peacewatch.auth import User
from peacewatch.live.service import LiveService, LiveSettings
from peacewatch.sources import MAX_FILE_BYTES
from peacewatch.store import Store

MAX_PUSH_BYTES = MAX_FILE_BYTES
"""One push (all its files together) at most; larger sets go in several pushes."""


@asynccontextmanager
async def live_lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: LiveSettings = getattr(app.state, "live_settings", None) or LiveSettings()
    root = app.state.stores.root
    where = getattr(root, "path", None)
    inbox = settings.inbox or (Path(f"{where}.inbox") if where and str(where) != ":memory:"
                               else Path(tempfile.mkdtemp(prefix="peacewatch-inbox-")))
    service = LiveService(root, settings, inbox)
    service.start()
    app.state.live = service
    try:
        yield
    finally:
        service.stop()


router = APIRouter(prefix="/api/v1", tags=["ingest"], lifespan=live_lifespan)


class RunFile(BaseModel):
    origin: str = Field(description="The file (or feed item, JSONL line) as the client named it.")
    status: str = Field(description="added, known, warning, error, polled, fetched, unchanged...")
    reason: str | None = None
    document_id: str | None = None


class Run(BaseModel):
    id: str = Field(description="The job's id (or an ingest run's id, for runs the CLI made).")
    kind: str = Field(description="push, poll, alerts, or ingest (a run not made by the server).")
    label: str
    state: str = Field(description="queued, running, ok, failed or interrupted.")
    run_id: str | None = Field(None, description="The ingest run in `peacewatch log`, once the job started.")
    source_id: str | None = None
    submitted_by: str | None = None
    submitted_at: str | None = None
    started_at: str | None = None
    finished_at: str | None = None
    progress: dict[str, int] = Field(default_factory=dict, description="documents_read so far.")
    summary: dict[str, Any] = Field(default_factory=dict, description="The same figures as a local `peacewatch ingest`.")
    issues: list[dict[str, str]] = Field(default_factory=list)
    files: list[RunFile] = Field(default_factory=list, description="The per-file report (the run's log).")
    error: str | None = None


class RunOne(BaseModel):
    run: Run


class RunPage(BaseModel):
    runs: list[Run]


def service(request: Request) -> LiveService:
    return request.app.state.live


def may_ingest(user: User = Depends(current_user)) -> User:
    """An ingester's or an admin's token (a reviewer's is refused: reviewing is not pushing)."""
    if not user.can("ingester"):
        raise ApiError(403, f"{user.name} is a {user.role}; pushing documents needs the ingester or admin role")
    return user


async def _body(request: Request) -> bytes:
    data = bytearray()
    async for chunk in request.stream():
        data.extend(chunk)
        if len(data) > MAX_PUSH_BYTES:
            raise ApiError(413, f"push larger than {MAX_PUSH_BYTES:,} bytes: send the files in several pushes")
    return bytes(data)


def _multipart(content_type: str, body: bytes) -> list[tuple[str, bytes]]:
    message = BytesParser(policy=policy.HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    if not message.is_multipart():
        raise ApiError(400, "multipart body could not be read (is the boundary right?)")
    files = []
    for number, part in enumerate(message.iter_parts(), start=1):
        name = part.get_filename()
        if name is None:
            continue
        files.append((name or f"upload-{number}", part.get_payload(decode=True) or b""))
    return files


def files_of(content_type: str, body: bytes, name: str | None) -> list[tuple[str, bytes]]:
    """The files a push carries: uploaded files (multipart), a JSON or JSONL set, or one raw file."""
    kind = content_type.split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        files = _multipart(content_type, body)
    elif kind == "application/json":
        try:
            json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise ApiError(400, f"the JSON body is not valid JSON: {error}") from None
        files = [(name or "documents.json", body)]
    elif kind in ("application/x-ndjson", "application/jsonl", "application/x-jsonlines"):
        files = [(name or "documents.jsonl", body)]
    else:
        if not name:
            raise ApiError(400, "a raw file needs its name (?name=report.md), so its format is known; "
                           "or send JSON, JSONL or multipart/form-data")
        files = [(name, body)]
    if not files or not any(data.strip() for _, data in files):
        raise ApiError(400, "nothing to ingest: the push carries no file or only empty ones")
    return files


@router.post(
    "/documents", summary="Push documents (JSON, JSONL, or uploaded files) for the server to ingest",
    description="Answers at once with the run's id; the server's one worker ingests pushes in turn. "
    "Follow it at `/api/v1/runs/{id}`. Needs an ingester's or an admin's token.",
    **ok(RunOne, "The run, created and queued.", 201),
)
async def push_documents(
    request: Request,
    name: str | None = Query(None, description="The file's name, for a raw (non-JSON, non-multipart) body."),
    user: User = Depends(may_ingest), store: Store = Depends(get_store), live: LiveService = Depends(service),
) -> dict[str, Any]:
    body = await _body(request)
    files = files_of(request.headers.get("content-type", ""), body, name)
    return {"run": live.submit_push(store, files, user.name).to_dict()}


@router.get("/runs", summary="The server's latest ingest jobs (pushes, polls, scheduled alert runs), newest first",
            **ok(RunPage))
def list_runs(
    limit: int = Query(50, ge=1, le=500), _: User = Depends(current_user), store: Store = Depends(get_store),
    live: LiveService = Depends(service),
) -> dict[str, Any]:
    return {"runs": live.jobs(store, limit)}


@router.get("/runs/{run_id}", summary="One run: its state, progress, summary and per-file report", **ok(RunOne))
def get_run(
    run_id: str, _: User = Depends(current_user), store: Store = Depends(get_store),
    live: LiveService = Depends(service),
) -> dict[str, Any]:
    found = live.job(store, run_id)
    if found is None:
        raise ApiError(404, f"no run {run_id!r}")
    return {"run": found}

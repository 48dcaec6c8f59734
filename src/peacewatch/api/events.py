"""Event endpoints: list/filter/export, one event with its story, sync feed, reviews."""

from __future__ import annotations

import io
import json
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Body, Depends, Query
from fastapi.responses import Response

from peacewatch.api.cache import ResponseCache, get_cache
from peacewatch.api.deps import get_store, require
from peacewatch.api.errors import ApiError
from peacewatch.api.responses import SafeJSONResponse
from peacewatch.api.queries import EventQuery, encode_cursor, event_query, page_clause, refuse
from peacewatch.api.schemas import Deleted, EventDetail, EventPage, ReviewDone, RevertDone, Reviews, ok
from peacewatch.auth import User, role_of
from peacewatch.exports import write_events
from peacewatch.exports.base import ACLED_COLUMNS, EXTRA_COLUMNS
from peacewatch.exports.formats import write_csv
from peacewatch.jsonsafe import finite
from peacewatch.records import EVENT_FIELD_NAMES
from peacewatch.resolve.story import event_story
from peacewatch.store import Store
from peacewatch.store.reviews import STATE_OF_ACTION, ReviewError, check_changes

router = APIRouter(prefix="/api/v1", tags=["events"])

LIST_COLUMNS = ("event_id", *EVENT_FIELD_NAMES, "sources", "review_state", "created_at", "updated_at")
CSV_COLUMNS = (*ACLED_COLUMNS, *EXTRA_COLUMNS)
ROW_GROUP = 122_880
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "jsonl": "application/x-ndjson",
}


def _row(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: (v.isoformat() if hasattr(v, "isoformat") else finite(v)) for k, v in row.items() if k != "sort_key"}
    out["sources"] = json.loads(row["sources"])
    return out


def _fetch(store: Store, keys: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Whole rows for a page's keys.

    The ids alone go through the primary key index: about 10-20 ms for 100 rows at 1M events,
    wherever they are stored. On DuckDB, when the page's rows sit within one row group's span of
    row ids (events stored roughly in date order, a page sorted or filtered by date), that span
    is added as a redundant condition and the scan reads only those rows: half the cost. The span
    is checked on the keys themselves, so a store out of date order never scans the whole table.
    """
    if not keys:
        return []
    sql = f"SELECT {', '.join(LIST_COLUMNS)} FROM events WHERE event_id IN ({', '.join('?' for _ in keys)})"
    params: list[Any] = [k["event_id"] for k in keys]
    rows = [k["row"] for k in keys if "row" in k]
    if rows and max(rows) - min(rows) <= ROW_GROUP:
        sql += " AND rowid BETWEEN ? AND ?"
        params += [min(rows), max(rows)]
    return store.query(sql, params)


def _fields(value: list[str], known: tuple[str, ...]) -> list[str] | None:
    """ACLED's ``fields=a|b`` (also comma-separated or repeated), checked against ``known``."""
    names = [n.strip() for v in value for n in v.replace(",", "|").split("|") if n.strip()]
    if not names:
        return None
    unknown = [n for n in names if n not in known]
    if unknown:
        raise refuse("fields", f"unknown field {unknown[0]!r}; fields are {', '.join(known)}")
    return list(dict.fromkeys(names))


@router.get("/events", summary="List, filter and export events", response_model=None,
            responses={200: {"model": EventPage, "description": "A page of events (format=json), or the whole "
                             "query as CSV (ACLED layout), GeoJSON or JSON lines.",
                             "content": {MEDIA_TYPES[f].split(";")[0]: {"schema": {"type": "string"}} for f in MEDIA_TYPES}}})
def list_events(
    query: EventQuery = Depends(event_query),
    sort: str = Query("-event_date", description="event_date, fatalities or updated_at; prefix - for descending."),
    limit: int = Query(100, ge=1, le=1000),
    cursor: str | None = Query(None, max_length=1000, description="next_cursor of the previous page (same sort)."),
    fields: list[str] = Query([], description="Columns to return, ACLED style: fields=event_id|event_date (json and csv)."),
    format: str = Query("json", description="json (paged), or csv (ACLED layout), geojson, jsonl (whole query)."),
    store: Store = Depends(get_store),
    cache: ResponseCache = Depends(get_cache),
) -> Any:
    where, params = query.where()
    if format != "json":
        if format not in MEDIA_TYPES:
            raise refuse("format", f"must be json, {', '.join(MEDIA_TYPES)}")
        columns = _fields(fields, CSV_COLUMNS) if format == "csv" else None
        if fields and format != "csv":
            raise refuse("fields", "applies to format=json and format=csv")
        events = store.events(where, params, order=page_clause(sort, None).order)
        buffer = io.BytesIO()
        if columns:
            write_csv(store, events, buffer, columns)
        else:
            write_events(store, events, format, buffer)
        return Response(
            buffer.getvalue(), media_type=MEDIA_TYPES[format],
            headers={"Content-Disposition": f'attachment; filename="events.{format}"'},
        )
    selected = _fields(fields, LIST_COLUMNS)
    page = page_clause(sort, cursor)
    # Two steps: pick the page's ids reading only the filter and sort columns, then fetch whole
    # rows for those ids. Selecting every column in the first query makes the column store
    # decode all of them for each row that passes the filter (several times slower at 1M events).
    keys = store.query(
        f"SELECT {'rowid AS row, ' if store.dialect == 'duckdb' else ''}event_id, {page.expr} AS sort_key FROM events "
        f"WHERE {where} AND {page.condition} ORDER BY {page.order} LIMIT {limit + 1}",
        [*params, *page.params],
    )
    more = len(keys) > limit
    keys = keys[:limit]
    found = {r["event_id"]: r for r in _fetch(store, keys)}
    rows = [{**found[k["event_id"]], "sort_key": k["sort_key"]} for k in keys if k["event_id"] in found]
    total = cache.get(
        store, ("count", where, tuple(params)), lambda: store.scalar(f"SELECT COUNT(*) FROM events WHERE {where}", params)
    ) if cursor is None else None
    events = [_row(r) for r in rows]
    if selected:
        events = [{name: e[name] for name in selected} for e in events]
    # Rows are JSON-ready already: returned as a plain dict they would go through FastAPI's
    # generic encoder, which costs more CPU than both queries of a page at 1M events.
    return SafeJSONResponse({
        "events": events,
        "next_cursor": encode_cursor(sort, rows[-1]["sort_key"], rows[-1]["event_id"]) if more else None,
        "total": total,
    })


@router.get("/events/deleted", summary="Events deleted or merged away since a time (for syncing clients)", **ok(Deleted))
def deleted_events(
    since: datetime | None = Query(None), store: Store = Depends(get_store)
) -> dict[str, Any]:
    rows = store.tombstones(since)
    return {
        "deleted": [
            {"event_id": r["event_id"], "reason": r["reason"], "merged_into": r["merged_into"],
             "deleted_at": r["deleted_at"].isoformat()}
            for r in rows
        ]
    }


@router.get("/events/{event_id}", summary="One event with its sources, evidence per source and review history", **ok(EventDetail))
def get_event(event_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    event = store.event(event_id)
    if event is None:
        raise ApiError(404, f"no event {event_id}", field="event_id", location="path")
    meta = store.document_meta(event.sources)
    evidence = store.evidence(event_id)
    sources = []
    for doc_id in event.sources:
        m = meta.get(doc_id) or {}
        sources.append({
            "document_id": doc_id, "source": m.get("source"), "title": m.get("title"), "url": m.get("url"),
            "published": m["published"].isoformat() if m.get("published") else None, "language": m.get("language"),
            "evidence": [e.to_dict() for e in evidence if e.document_id == doc_id],
        })
    machine = store.machine_event(event_id)
    return {
        "event": event.to_dict(),
        "machine": machine.to_dict() if machine else None,
        "sources": sources,
        "reviews": [r.to_dict() for r in store.reviews(event_id)],
        "story": event_story(store, event_id),
    }


@router.get("/events/{event_id}/reviews", summary="An event's review history", **ok(Reviews))
def event_reviews(event_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    return {"reviews": [r.to_dict() for r in store.reviews(event_id)]}


@router.post("/events/{event_id}/reviews", summary="Verify, edit or reject an event (reviewer role)", **ok(ReviewDone))
def review_event(
    event_id: str,
    action: str = Body(..., description="verify, edit or reject"),
    reason: str = Body("", description="Why (required to edit or reject)."),
    changes: dict[str, Any] | None = Body(None, description="Field -> new value, for edit."),
    user: User = Depends(require("reviewer")),
    store: Store = Depends(get_store),
) -> dict[str, Any]:
    current = store.event(event_id)
    if current is None:
        raise ApiError(404, f"no event {event_id}", field="event_id", location="path")
    if action not in STATE_OF_ACTION:
        raise ApiError(422, f"action must be one of {', '.join(STATE_OF_ACTION)}", field="action", location="body")
    if action in ("edit", "reject") and not reason.strip():
        raise ApiError(422, f"a reason is required to {action} an event", field="reason", location="body")
    try:
        if action == "edit":
            changes = check_changes(changes or {}, current)
        ids = store.atomic(lambda: store.review_event(event_id, user.name, action, reason, changes))
    except ReviewError as exc:
        raise ApiError(422, str(exc), field=exc.field or "changes", location="body") from None
    return {"review_ids": ids, "event": store.event(event_id).to_dict()}


def _author(store: Store, review_id: str) -> str | None:
    return store.scalar("SELECT reviewer FROM reviews WHERE review_id = ?", (review_id,))


def _written_with(store: Store, review_id: str) -> list[str]:
    """The other active records of the same edit (one per field: a best toll and the range end it
    stretched), so that undoing an edit undoes all of it."""
    rows = store.query(
        "SELECT other.review_id FROM reviews target JOIN reviews other ON other.event_id = target.event_id "
        "AND other.reviewer = target.reviewer AND other.reviewed_at = target.reviewed_at AND other.action = 'edit' "
        "WHERE target.review_id = ? AND target.action = 'edit' AND other.review_id <> target.review_id "
        "AND other.reverted_by IS NULL ORDER BY other.review_id",
        (review_id,),
    )
    return [row["review_id"] for row in rows]


def _revert_edit(store: Store, review_id: str, reviewer: str, reason: str) -> str:
    revert_id = store.revert_review(review_id, reviewer, reason)
    for other in _written_with(store, review_id):
        store.revert_review(other, reviewer, reason)
    return revert_id


@router.post("/reviews/{review_id}/revert", summary="Undo a review, with the rest of the edit it belongs to (reviewer role; an admin's review needs an admin)", **ok(RevertDone))
def revert_review(
    review_id: str,
    reason: str = Body("", embed=True),
    user: User = Depends(require("reviewer")),
    store: Store = Depends(get_store),
) -> dict[str, Any]:
    author = _author(store, review_id)
    if author is not None and author != user.name and not user.can(role_of(store, author) or "reviewer"):
        raise ApiError(403, f"the review was made by {author}, a {role_of(store, author)}; "
                            f"{user.name} is a {user.role} and cannot undo it", field="review_id", location="path")
    try:
        return {"review_id": store.atomic(lambda: _revert_edit(store, review_id, user.name, reason))}
    except ReviewError as exc:
        raise ApiError(422, str(exc), field="review_id", location="path") from None

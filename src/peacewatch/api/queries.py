"""Event queries shared by the list, export and aggregate endpoints: filters, sort, cursors.

Pagination is by keyset (the sort value and the event id of the last row, opaque to clients),
so pages stay stable and cheap however deep a client goes, and rows inserted meanwhile are
neither skipped nor repeated.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from fastapi import HTTPException, Query

SORTS = {
    "event_date": "event_date",
    "fatalities": "COALESCE(fatalities, 0)",
    "updated_at": "updated_at",
}
PERIODS = ("week", "month")
GROUPS = ("admin1", "event_type", "sub_event_type", "actor1", "country", "status", "review_state")


@dataclass(slots=True)
class EventQuery:
    since: date | None = None
    until: date | None = None
    country: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    event_type: list[str] = field(default_factory=list)
    sub_event_type: list[str] = field(default_factory=list)
    actor: str | None = None
    status: list[str] = field(default_factory=list)
    review_state: list[str] = field(default_factory=list)
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    q: str | None = None
    updated_since: datetime | None = None
    bbox: tuple[float, float, float, float] | None = None

    def where(self) -> tuple[str, list[Any]]:
        """SQL condition over the events table, and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        for column, op, value in (
            ("event_date", ">=", self.since), ("event_date", "<=", self.until),
            ("COALESCE(fatalities, 0)", ">=", self.fatalities_min),
            ("COALESCE(fatalities, 0)", "<=", self.fatalities_max), ("updated_at", ">", self.updated_since),
        ):
            if value is not None:
                clauses.append(f"{column} {op} ?")
                params.append(value)
        for column, values in (
            ("country", self.country), ("admin1", self.admin1), ("event_type", self.event_type),
            ("sub_event_type", self.sub_event_type), ("status", self.status), ("review_state", self.review_state),
        ):
            if values:
                clauses.append(f"{column} IN ({', '.join('?' for _ in values)})")
                params.extend(values)
        if self.actor:
            clauses.append("(actor1 = ? OR actor2 = ? OR assoc_actor_1 LIKE ? OR assoc_actor_2 LIKE ?)")
            params.extend([self.actor, self.actor, f"%{self.actor}%", f"%{self.actor}%"])
        if self.q:
            needle = f"%{self.q.lower()}%"
            clauses.append(
                "(LOWER(notes) LIKE ? OR LOWER(location) LIKE ? OR LOWER(actor1) LIKE ? OR LOWER(actor2) LIKE ?)"
            )
            params.extend([needle] * 4)
        if self.bbox:
            west, south, east, north = self.bbox
            clauses.append("longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?")
            params.extend([west, east, south, north])
        return (" AND ".join(clauses) or "TRUE"), params

    def dimension_filter(self) -> tuple[str, list[Any]] | None:
        """The condition without its date bounds when every filter is a rollup dimension, else None."""
        if (self.fatalities_min is not None or self.fatalities_max is not None or self.actor or self.q
                or self.updated_since is not None or self.bbox):
            return None
        return EventQuery(country=self.country, admin1=self.admin1, event_type=self.event_type,
                          sub_event_type=self.sub_event_type, status=self.status,
                          review_state=self.review_state).where()


def event_query(
    since: date | None = Query(None, description="Events on or after this date."),
    until: date | None = Query(None, description="Events on or before this date."),
    country: list[str] = Query([], description="Country names (repeatable)."),
    admin1: list[str] = Query([], description="First-level regions (repeatable)."),
    event_type: list[str] = Query([], description="ACLED event types (repeatable)."),
    sub_event_type: list[str] = Query([], description="ACLED sub-event types (repeatable)."),
    actor: str | None = Query(None, description="Canonical actor name, as actor 1, 2 or associated."),
    status: list[str] = Query([], description="reported, claimed, alleged, denied, planned."),
    review_state: list[str] = Query([], description="unreviewed, verified, edited, rejected."),
    fatalities_min: int | None = Query(None, ge=0),
    fatalities_max: int | None = Query(None, ge=0),
    q: str | None = Query(None, description="Text search in notes, location and actors."),
    updated_since: datetime | None = Query(None, description="Only events created or changed after this time (sync)."),
    bbox: str | None = Query(None, description="west,south,east,north in degrees."),
) -> EventQuery:
    box = None
    if bbox:
        try:
            west, south, east, north = (float(v) for v in bbox.split(","))
        except ValueError:
            raise HTTPException(422, "bbox must be four numbers: west,south,east,north") from None
        box = (west, south, east, north)
    return EventQuery(
        since, until, country, admin1, event_type, sub_event_type, actor, status, review_state,
        fatalities_min, fatalities_max, q, updated_since, box,
    )


def encode_cursor(sort_value: Any, event_id: str) -> str:
    if isinstance(sort_value, (date, datetime)):
        sort_value = {"t": sort_value.isoformat(), "dt": isinstance(sort_value, datetime)}
    raw = json.dumps([sort_value, event_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[Any, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value, event_id = json.loads(raw)
    except (ValueError, TypeError):
        raise HTTPException(422, "invalid cursor") from None
    if isinstance(value, dict):
        value = datetime.fromisoformat(value["t"]) if value.get("dt") else date.fromisoformat(value["t"])
    return value, event_id


@dataclass(frozen=True, slots=True)
class Page:
    """ORDER BY, keyset condition and its parameters, and the sort expression for cursors."""

    order: str
    condition: str
    params: list[Any]
    expr: str


def page_clause(sort: str, cursor: str | None) -> Page:
    """Ordering and the keyset condition for ``sort`` ("-" prefix for descending)."""
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in SORTS:
        raise HTTPException(422, f"sort must be one of {', '.join(SORTS)} (prefix - for descending)")
    expr = SORTS[key]
    direction = "DESC" if descending else "ASC"
    order = f"{expr} {direction} NULLS LAST, event_id {direction}"
    if not cursor:
        return Page(order, "TRUE", [], expr)
    value, last_id = decode_cursor(cursor)
    op = "<" if descending else ">"
    if value is None:
        return Page(order, f"({expr} IS NULL AND event_id {op} ?)", [last_id], expr)
    condition = f"({expr} {op} ? OR ({expr} = ? AND event_id {op} ?) OR {expr} IS NULL)"
    return Page(order, condition, [value, value, last_id], expr)

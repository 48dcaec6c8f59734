"""What the dashboard's overview needs beyond the event list: filter choices and map points.

Points come as compact rows for the current filter; past ``limit`` events they come as grid
cells (count, fatalities, centre) computed in SQL, so the map stays cheap at any store size.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from peacewatch.api.cache import ResponseCache, get_cache
from peacewatch.api.deps import get_store
from peacewatch.api.queries import EventQuery, event_query
from peacewatch.api.schemas import Facets, Points, ok
from peacewatch.store import Store

router = APIRouter(prefix="/api/v1", tags=["reference"])

FACETS = ("country", "admin1", "event_type", "sub_event_type", "status", "review_state")


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


@router.get("/facets", summary="Values present in the store for each filter, with counts; date and fatality ranges", **ok(Facets))
def facets(store: Store = Depends(get_store), cache: ResponseCache = Depends(get_cache)) -> dict[str, Any]:
    return cache.get(store, ("facets",), lambda: _facets(store))


def _facets(store: Store) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column in FACETS:
        rows = store.query(
            f"SELECT {column} AS value, COUNT(*) AS n FROM events WHERE {column} IS NOT NULL AND {column} <> '' "
            "GROUP BY 1 ORDER BY 2 DESC, 1"
        )
        out[column] = [[r["value"], r["n"]] for r in rows]
    actors = store.query(
        "SELECT actor AS value, COUNT(*) AS n FROM (SELECT actor1 AS actor FROM events UNION ALL "
        "SELECT actor2 FROM events) WHERE actor IS NOT NULL AND actor <> '' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 300"
    )
    out["actor"] = [[r["value"], r["n"]] for r in actors]
    bounds = store.query(
        "SELECT MIN(event_date) AS first, MAX(event_date) AS last, MAX(fatalities) AS max_fatalities, "
        "COUNT(*) AS events FROM events"
    )[0]
    out["range"] = {k: _iso(v) for k, v in bounds.items()}
    return out


@router.get("/points", summary="Map points for a query: events, or grid cells when there are more than limit", **ok(Points))
def points(
    query: EventQuery = Depends(event_query),
    limit: int = Query(5000, ge=1, le=20000, description="Most single points; beyond, grid cells."),
    cell: float = Query(0.5, gt=0, le=10, description="Grid cell size in degrees when aggregating."),
    store: Store = Depends(get_store),
    cache: ResponseCache = Depends(get_cache),
) -> dict[str, Any]:
    where, params = query.where()
    located = f"{where} AND latitude IS NOT NULL AND longitude IS NOT NULL"
    # Count first: past the limit only cells are sent, so the points themselves are never read.
    counts = cache.get(store, ("point-counts", where, tuple(params)), lambda: store.query(
        "SELECT COUNT(*) AS total, COUNT(latitude) FILTER (WHERE longitude IS NOT NULL) AS located "
        f"FROM events WHERE {where}",
        params,
    )[0])
    if counts["located"] <= limit:
        rows = store.query(
            "SELECT event_id, latitude, longitude, event_type, COALESCE(fatalities, 0) AS fatalities, review_state, "
            f"location, event_date FROM events WHERE {located} ORDER BY event_date DESC, event_id",
            params,
        )
        return {
            "mode": "points", "total": counts["total"], "located": len(rows),
            "columns": ["event_id", "lat", "lon", "event_type", "fatalities", "review_state", "location", "event_date"],
            "rows": [[r["event_id"], r["latitude"], r["longitude"], r["event_type"], r["fatalities"], r["review_state"],
                      r["location"], _iso(r["event_date"])] for r in rows],
        }

    def cells() -> list[list[Any]]:
        found = store.query(
            f"SELECT FLOOR(latitude / {cell}) AS gy, FLOOR(longitude / {cell}) AS gx, COUNT(*) AS n, "
            "SUM(COALESCE(fatalities, 0)) AS fatalities, AVG(latitude) AS lat, AVG(longitude) AS lon "
            f"FROM events WHERE {located} GROUP BY 1, 2 ORDER BY 1, 2",
            params,
        )
        return [[c["lat"], c["lon"], c["n"], c["fatalities"]] for c in found]

    rows = cache.get(store, ("cells", cell, where, tuple(params)), cells)
    return {
        "mode": "cells", "total": counts["total"], "located": counts["located"], "cell": cell,
        "columns": ["lat", "lon", "count", "fatalities"], "rows": rows,
    }

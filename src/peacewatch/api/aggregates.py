"""Counts and fatalities per week or month and one dimension, from the rollups when they can answer.

The rollups (``store.rollup``) hold days and months by country, admin1, event type, sub-event
type, status and review state. A question that filters and groups only by those is answered
from them: whole months inside the date window from the monthly rollup, the partial months at
its edges (and every week) from the daily one. Anything else (actors, fatalities bounds, text,
map box) scans the events table.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from peacewatch.api.queries import EventQuery
from peacewatch.store import Store
from peacewatch.store.rollup import DIMENSIONS


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _first_full_month(since: date) -> date:
    if since.day == 1:
        return since
    return date(since.year + since.month // 12, since.month % 12 + 1, 1)


def _end_of_full_months(until: date) -> date:
    """The first day after the last whole month that ends on or before ``until``."""
    return (until + timedelta(days=1)).replace(day=1)


def aggregate_rows(store: Store, period: str, by: str, query: EventQuery, use_rollup: bool = True) -> list[dict[str, Any]]:
    """Rows of (period start, key, events, fatalities), ordered by period then key."""
    dims = query.dimension_filter() if use_rollup and by in DIMENSIONS else None
    if dims is None:
        where, params = query.where()
        sql = (
            f"SELECT CAST(DATE_TRUNC('{period}', event_date) AS DATE) AS period, {by} AS key, COUNT(*) AS events, "
            f"SUM(COALESCE(fatalities, 0)) AS fatalities FROM events WHERE {where} AND event_date IS NOT NULL "
            f"GROUP BY 1, 2 ORDER BY 1, 2"
        )
    else:
        sql, params = _rollup_sql(period, by, query, *dims)
    return [{k: _iso(v) for k, v in r.items()} for r in store.query(sql, params)]


def _rollup_sql(period: str, by: str, query: EventQuery, dims: str, dim_params: list[Any]) -> tuple[str, list[Any]]:
    """Weeks and windows inside one month read days; other month questions read whole months
    and only the days of partial months at the window's edges."""
    since, until = query.since, query.until
    if period == "week" or (since and until and _first_full_month(since) >= _end_of_full_months(until)):
        bounds, params = _day_bounds(since, until)
        sql = (
            f"SELECT CAST(DATE_TRUNC('{period}', day) AS DATE) AS period, {by} AS key, SUM(events) AS events, "
            f"SUM(fatalities) AS fatalities FROM event_rollup_daily WHERE {bounds} AND {dims} GROUP BY 1, 2 ORDER BY 1, 2"
        )
        return sql, [*params, *dim_params]
    parts: list[str] = []
    params: list[Any] = []
    months: list[str] = []
    if since:
        months.append("month >= ?")
        params.append(_first_full_month(since))
    if until:
        months.append("month < ?")
        params.append(_end_of_full_months(until))
    parts.append(
        f"SELECT month AS period, {by} AS key, events, fatalities FROM event_rollup_monthly "
        f"WHERE {' AND '.join(months) or 'TRUE'} AND {dims}"
    )
    params.extend(dim_params)
    edges: list[tuple[str, list[date]]] = []
    if since and since.day != 1:
        edges.append(("day >= ? AND day < ?", [since, _first_full_month(since)]))
    if until and until + timedelta(days=1) != _end_of_full_months(until):
        edges.append(("day >= ? AND day <= ?", [_end_of_full_months(until), until]))
    for bounds, edge_params in edges:
        parts.append(
            f"SELECT CAST(DATE_TRUNC('month', day) AS DATE), {by}, events, fatalities FROM event_rollup_daily "
            f"WHERE {bounds} AND {dims}"
        )
        params.extend([*edge_params, *dim_params])
    sql = (
        "SELECT period, key, SUM(events) AS events, SUM(fatalities) AS fatalities FROM ("
        + " UNION ALL ".join(parts) + ") AS parts GROUP BY 1, 2 ORDER BY 1, 2"
    )
    return sql, params


def _day_bounds(since: date | None, until: date | None) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if since:
        clauses.append("day >= ?")
        params.append(since)
    if until:
        clauses.append("day <= ?")
        params.append(until)
    return " AND ".join(clauses) or "TRUE", params

"""Daily and monthly counts of events and fatalities, kept exact by the store's write paths.

Aggregates over a million events cost a full scan of the events table; the rollups hold one row
per (day or month, country, admin1, event type, sub-event type, status, review state), so the
same answer reads a few thousand rows. Rather than adding and subtracting deltas (which drift if
one write path forgets a case), a write marks the days it touched and those days are recomputed
from the events table itself when the outermost transaction commits: a rollup row is always a
plain GROUP BY of the events behind it. Months are recomputed from their days.

Code that writes the events table with its own SQL (bulk loads, benchmarks) must call
``Store.refresh_rollup()`` afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from peacewatch.store.batches import in_lists

if TYPE_CHECKING:
    from peacewatch.store.base import Store

DIMENSIONS = ("country", "admin1", "event_type", "sub_event_type", "status", "review_state")
_DIMS = ", ".join(DIMENSIONS)


def _month(day: date) -> date:
    return day.replace(day=1)


def _next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def refresh_days(store: Store, days: Iterable[date]) -> None:
    """Recompute the daily rows of ``days`` from events, then the monthly rows of their months."""
    wanted = sorted(set(days))
    for chunk, marks in in_lists(wanted):
        store.execute(f"DELETE FROM event_rollup_daily WHERE day IN ({marks})", chunk)
        store.execute(
            f"INSERT INTO event_rollup_daily SELECT event_date, {_DIMS}, COUNT(*), SUM(COALESCE(fatalities, 0)) "
            f"FROM events WHERE event_date IN ({marks}) GROUP BY event_date, {_DIMS}",
            chunk,
        )
    months = sorted({_month(d) for d in wanted})
    for chunk, marks in in_lists(months):
        ranges = " OR ".join("(day >= ? AND day < ?)" for _ in chunk)
        bounds = [b for m in chunk for b in (m, _next_month(m))]
        store.execute(
            f"DELETE FROM event_rollup_monthly WHERE month IN ({marks})", chunk
        )
        store.execute(
            f"INSERT INTO event_rollup_monthly SELECT CAST(DATE_TRUNC('month', day) AS DATE), {_DIMS}, "
            f"SUM(events), SUM(fatalities) FROM event_rollup_daily WHERE {ranges} GROUP BY 1, {_DIMS}",
            bounds,
        )


def rebuild(store: Store) -> None:
    """Recompute both rollups from the whole events table, in date order."""
    store.execute("DELETE FROM event_rollup_daily")
    store.execute("DELETE FROM event_rollup_monthly")
    store.execute(
        f"INSERT INTO event_rollup_daily SELECT event_date, {_DIMS}, COUNT(*), SUM(COALESCE(fatalities, 0)) "
        f"FROM events WHERE event_date IS NOT NULL GROUP BY event_date, {_DIMS} ORDER BY event_date"
    )
    store.execute(
        f"INSERT INTO event_rollup_monthly SELECT CAST(DATE_TRUNC('month', day) AS DATE), {_DIMS}, "
        f"SUM(events), SUM(fatalities) FROM event_rollup_daily GROUP BY 1, {_DIMS} ORDER BY 1"
    )

"""Aggregates answered from the rollups equal the same question asked of the events table."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from peacewatch.api import create_app
from peacewatch.api.aggregates import aggregate_rows
from peacewatch.api.queries import EventQuery
from peacewatch.records import Event
from peacewatch.store import open_store

REGIONS = ["Gao", "Kidal", "Mopti", None]
TYPES = ["Battles", "Protests", "Violence against civilians"]


def _fill(store) -> None:
    with store.transaction():
        for i in range(160):
            store.save_event(Event(
                event_id=f"G{i:03d}", event_date=date(2019, 11, 3) + timedelta(days=(i * 37) % 200),
                admin1=REGIONS[i % 4], country="Mali", event_type=TYPES[i % 3], sub_event_type="Armed clash",
                status="reported", fatalities=None if i % 7 == 0 else i % 11,
            ))
    store.review_event("G005", "ana", "edit", "toll", {"fatalities": 90, "admin1": "Kidal"})
    store.review_event("G006", "ana", "verify", "")
    store.delete_event("G007", "duplicate")


WINDOWS = [
    (None, None), (date(2020, 1, 1), None), (None, date(2020, 3, 31)), (date(2019, 12, 14), date(2020, 4, 2)),
    (date(2020, 2, 3), date(2020, 2, 20)), (date(2020, 2, 1), date(2020, 2, 29)), (date(2020, 1, 31), date(2020, 3, 1)),
]
FILTERS = [{}, {"admin1": ["Gao"]}, {"event_type": ["Battles", "Protests"], "review_state": ["unreviewed"]}]


def test_rollup_answers_equal_event_scans(store) -> None:
    _fill(store)
    for (since, until), extra, period, by in itertools.product(
        WINDOWS, FILTERS, ("month", "week"), ("admin1", "event_type", "review_state")
    ):
        query = EventQuery(since=since, until=until, **extra)
        fast = aggregate_rows(store, period, by, query)
        slow = aggregate_rows(store, period, by, query, use_rollup=False)
        assert fast == slow, (since, until, extra, period, by)
    assert any(aggregate_rows(store, "month", "admin1", EventQuery()))


def test_endpoint_follows_reviews_and_deletes(tmp_path: Path) -> None:
    store = open_store(tmp_path / "agg.duckdb")
    _fill(store)
    with TestClient(create_app(tmp_path / "agg.duckdb")) as client:
        def total(**params) -> int:
            rows = client.get("/api/v1/aggregates", params={"period": "month", "by": "admin1", **params}).json()["rows"]
            return sum(r["fatalities"] for r in rows)

        before = total(admin1="Kidal")
        store.review_event("G009", "ana", "edit", "toll", {"fatalities": 500})
        assert total(admin1="Kidal") == before - 9 + 500
        store.delete_event("G009", "duplicate")
        assert total(admin1="Kidal") == before - 9
        assert total(fatalities_min=0, admin1="Kidal") == before - 9
    store.close()

"""The event rollups stay equal to a fresh GROUP BY of the events after every kind of write."""

from __future__ import annotations

from datetime import date

import pytest

from peacewatch.records import Event
from peacewatch.store.rollup import DIMENSIONS
from peacewatch.store.schema import _ROLLUP_DIMENSIONS

_DIMS = ", ".join(DIMENSIONS)


def _daily(store) -> list[tuple]:
    return [tuple(r.values()) for r in store.query(
        f"SELECT day, {_DIMS}, events, fatalities FROM event_rollup_daily ORDER BY ALL")]


def _monthly(store) -> list[tuple]:
    return [tuple(r.values()) for r in store.query(
        f"SELECT month, {_DIMS}, events, fatalities FROM event_rollup_monthly ORDER BY ALL")]


def _expected(store) -> tuple[list[tuple], list[tuple]]:
    daily = store.query(
        f"SELECT event_date AS day, {_DIMS}, COUNT(*) AS events, SUM(COALESCE(fatalities, 0)) AS fatalities "
        f"FROM events WHERE event_date IS NOT NULL GROUP BY ALL ORDER BY ALL")
    monthly = store.query(
        f"SELECT CAST(DATE_TRUNC('month', event_date) AS DATE) AS month, {_DIMS}, COUNT(*) AS events, "
        f"SUM(COALESCE(fatalities, 0)) AS fatalities FROM events WHERE event_date IS NOT NULL GROUP BY ALL ORDER BY ALL")
    return [tuple(r.values()) for r in daily], [tuple(r.values()) for r in monthly]


def assert_exact(store) -> None:
    daily, monthly = _expected(store)
    assert _daily(store) == daily
    assert _monthly(store) == monthly


def _event(event_id: str, day: date, admin1: str = "Gao", fatalities: int | None = 3, **extra) -> Event:
    return Event(event_id=event_id, event_date=day, admin1=admin1, country="Mali", event_type="Battles",
                 sub_event_type="Armed clash", status="reported", fatalities=fatalities, **extra)


@pytest.fixture
def filled(store):
    with store.transaction():
        store.save_event(_event("A", date(2020, 1, 5)))
        store.save_event(_event("B", date(2020, 1, 5), fatalities=None))
        store.save_event(_event("C", date(2020, 1, 31), admin1="Kidal", fatalities=10))
        store.save_event(_event("D", date(2020, 2, 1), admin1=""))
        store.save_event(Event(event_id="U", fatalities=4))
    return store


def test_saved_events_are_counted_once(filled) -> None:
    assert_exact(filled)
    jan = filled.query("SELECT SUM(events) AS n, SUM(fatalities) AS f FROM event_rollup_monthly "
                       "WHERE month = DATE '2020-01-01'")[0]
    assert (jan["n"], jan["f"]) == (3, 13)


def test_resaving_moves_an_event_between_days_and_regions(filled) -> None:
    with filled.transaction():
        filled.save_event(_event("A", date(2020, 3, 9), admin1="Mopti", fatalities=7))
    assert_exact(filled)
    filled.save_event(_event("C", date(2020, 1, 31), admin1="Kidal", fatalities=2))
    assert_exact(filled)
    assert filled.scalar("SELECT SUM(events) FROM event_rollup_daily WHERE day = DATE '2020-01-05'") == 1


def test_review_edits_verifications_and_reverts(filled) -> None:
    [edit] = filled.review_event("A", "ana", "edit", "ministry toll", {"fatalities": 40})
    assert_exact(filled)
    filled.review_event("C", "ana", "edit", "wrong region and type",
                        {"admin1": "Menaka", "event_type": "Protests", "event_date": "2019-12-30"})
    assert_exact(filled)
    filled.review_event("B", "ana", "verify", "")
    filled.review_event("D", "ana", "reject", "not an event")
    assert_exact(filled)
    assert {r["review_state"] for r in filled.query("SELECT review_state FROM event_rollup_daily")} == {
        "edited", "verified", "rejected"}
    filled.revert_review(edit, "ben", "the ministry corrected itself")
    assert_exact(filled)
    assert filled.scalar("SELECT SUM(fatalities) FROM event_rollup_monthly") == 3 + 10 + 3


def test_deletes_and_rollbacks(filled) -> None:
    filled.delete_event("C", "merged", merged_into="A")
    assert_exact(filled)
    with filled.transaction():
        filled.delete_event("A", "re-resolved")
        filled.save_event(_event("A2", date(2020, 1, 5), fatalities=5))
    assert_exact(filled)
    with pytest.raises(RuntimeError), filled.transaction():
        filled.save_event(_event("X", date(2021, 6, 1)))
        raise RuntimeError("interrupted")
    assert_exact(filled)
    filled.save_event(_event("Y", date(2021, 6, 2)))
    assert_exact(filled)


def test_rebuild_after_raw_sql_writes(filled) -> None:
    filled.execute("UPDATE events SET fatalities = 100 WHERE event_id = 'A'")
    assert _daily(filled) != _expected(filled)[0]
    filled.refresh_rollup()
    assert_exact(filled)


def test_migration_and_store_agree_on_dimensions() -> None:
    assert _ROLLUP_DIMENSIONS == _DIMS


def test_migration_fills_the_rollups_of_an_existing_store(tmp_path) -> None:
    from peacewatch.store import open_store

    store = open_store(tmp_path / "old.duckdb")
    with store.transaction():
        store.save_event(_event("A", date(2018, 5, 2)))
        store.save_event(_event("B", date(2018, 6, 9), admin1="Kidal", fatalities=8))
    with store.transaction():
        store.execute("DROP TABLE event_rollup_daily")
        store.execute("DROP TABLE event_rollup_monthly")
        store.execute("DELETE FROM schema_migrations WHERE component = 'core' AND version = 4")
    store.close()
    reopened = open_store(tmp_path / "old.duckdb")
    assert reopened.scalar("SELECT SUM(events) FROM event_rollup_monthly") == 2
    assert_exact(reopened)
    reopened.close()

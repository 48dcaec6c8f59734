"""Writers on one store at once: conflicting writes are retried, none is lost."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from peacewatch.records import Event
from peacewatch.store import open_store
from peacewatch.store.errors import StoreConflict

THREADS = 4
WRITES_PER_THREAD = 130


def _events(store, count: int) -> list[str]:  # type: ignore[no-untyped-def]
    events = [
        Event(event_id=f"EV{i}", event_date=date(2017, 1, 1 + i), event_type="Battles", sub_event_type="Armed clash",
              country="Mali", fatalities=i)
        for i in range(count)
    ]
    with store.transaction():
        store.save_events([(e, []) for e in events])
    return [e.event_id for e in events]


def test_four_threads_of_reviews_on_the_same_events_lose_nothing(tmp_path: Path) -> None:
    store = open_store(tmp_path / "busy.duckdb")
    ids = _events(store, 3)
    failures: list[BaseException] = []

    def reviewer(number: int) -> None:
        own = store.for_thread()
        try:
            for i in range(WRITES_PER_THREAD):
                event_id = ids[(number + i) % len(ids)]
                if i % 2:
                    own.review_event(event_id, f"analyst{number}", "edit", "count checked", {"fatalities": i})
                else:
                    own.review_event(event_id, f"analyst{number}", "verify", "")
        except BaseException as error:  # the test reports every lost write
            failures.append(error)
        finally:
            own.close()

    threads = [threading.Thread(target=reviewer, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert store.count("reviews") == THREADS * WRITES_PER_THREAD
    per_reviewer = store.query("SELECT reviewer, COUNT(*) AS n FROM reviews GROUP BY reviewer ORDER BY reviewer")
    assert [r["n"] for r in per_reviewer] == [WRITES_PER_THREAD] * THREADS
    daily = store.query("SELECT day, SUM(events) AS n FROM event_rollup_daily GROUP BY day ORDER BY day")
    assert [r["n"] for r in daily] == [1, 1, 1]
    store.close()


def test_a_write_that_keeps_conflicting_gives_up_with_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    store = open_store(tmp_path / "held.duckdb")
    [event_id] = _events(store, 1)
    holder = store.for_thread()
    holder.execute("BEGIN TRANSACTION")
    holder.execute("DELETE FROM events WHERE event_id = ?", (event_id,))
    writer = store.for_thread()
    with pytest.raises(StoreConflict) as caught:
        writer.review_event(event_id, "analyst", "verify", "")
    holder.execute("ROLLBACK")
    assert "\n" not in str(caught.value) and "retried" in str(caught.value)
    assert store.count("reviews") == 0
    writer.review_event(event_id, "analyst", "verify", "")
    assert store.count("reviews") == 1
    store.close()


def test_a_write_that_meets_a_passing_conflict_is_retried_until_it_goes_through(tmp_path: Path) -> None:
    store = open_store(tmp_path / "passing.duckdb")
    [event_id] = _events(store, 1)
    holder = store.for_thread()
    holder.execute("BEGIN TRANSACTION")
    holder.execute("DELETE FROM events WHERE event_id = ?", (event_id,))
    release = threading.Timer(0.1, lambda: holder.execute("ROLLBACK"))
    release.start()
    store.for_thread().review_event(event_id, "analyst", "verify", "")
    release.join()
    assert store.count("reviews") == 1 and store.event(event_id).review_state == "verified"
    store.close()

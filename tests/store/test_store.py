from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from peacewatch.records import Event, EventCandidate, Evidence
from peacewatch.store import open_store
from tests.conftest import make_document


def test_migrations_are_applied_once_and_recorded(tmp_path: Path) -> None:
    first = open_store(tmp_path / "s.duckdb")
    versions = first.schema_versions()
    first.close()
    again = open_store(tmp_path / "s.duckdb")
    assert again.schema_versions() == versions
    assert versions["core"] >= 1
    assert again.count("schema_migrations") == sum(versions.values())
    again.close()


def test_failed_transaction_leaves_nothing(store) -> None:
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_documents([(make_document("text one"), None)])
            raise RuntimeError("interrupted")
    assert store.count("documents") == 0


def test_event_round_trip_keeps_evidence_and_creation_time(store) -> None:
    doc = make_document("Gunmen killed 3 people in Gao.")
    candidate = EventCandidate(
        doc_id=doc.id, candidate_id=f"{doc.id}:0", event_date=date(2017, 1, 18), event_type="Battles",
        fatalities=3, evidence=[Evidence("fatalities", 14, 15, "3", doc.id)],
    )
    with store.transaction():
        store.add_documents([(doc, None)])
        store.add_candidates([candidate], "test")
    assert [c.candidate_id for c in store.pending_candidates()] == [candidate.candidate_id]
    event = Event(event_id="E1", event_date=date(2017, 1, 18), event_type="Battles", fatalities=3,
                  sources=[doc.id], evidence=candidate.evidence)
    with store.transaction():
        store.save_event(event, [candidate])
    created = store.event("E1").created_at
    event.fatalities = 4
    with store.transaction():
        store.save_event(event)
    saved = store.event("E1")
    assert saved.fatalities == 4 and saved.created_at == created
    assert store.evidence("E1")[0].text == "3"
    assert store.pending_candidates() == []


def test_deleted_event_leaves_a_tombstone(store) -> None:
    with store.transaction():
        store.save_event(Event(event_id="E2", event_date=date(2017, 1, 1)))
        store.delete_event("E2", "merged", merged_into="E1")
    assert store.event("E2") is None
    assert store.tombstones()[0]["merged_into"] == "E1"


def test_postgres_urls_are_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match="PostgreSQL"):
        open_store("postgresql://localhost/peacewatch")


def _one_event(store) -> Event:
    event = Event(event_id="E9", event_date=date(2017, 1, 18), event_type="Battles", location="Gao", fatalities=5)
    with store.transaction():
        store.save_event(event)
    return event


def test_edit_is_kept_when_the_resolver_rewrites_the_event(store) -> None:
    event = _one_event(store)
    store.review_event("E9", "ana", "edit", "the ministry gave 7", {"fatalities": 7, "location": "Gao city"})
    assert store.event("E9").fatalities == 7 and store.event("E9").review_state == "edited"
    event.fatalities, event.admin1 = 6, "Gao"
    with store.transaction():
        store.save_event(event)
    seen = store.event("E9")
    assert (seen.fatalities, seen.location, seen.admin1) == (7, "Gao city", "Gao")
    assert store.machine_event("E9").fatalities == 6


def test_revert_restores_the_machine_value_and_keeps_history(store) -> None:
    _one_event(store)
    [edit] = store.review_event("E9", "ana", "edit", "typo", {"fatalities": 50})
    store.revert_review(edit, "ben", "the edit was wrong")
    seen = store.event("E9")
    assert seen.fatalities == 5 and seen.review_state == "unreviewed"
    history = store.reviews("E9")
    assert [r.action for r in history] == ["edit", "revert"] and history[0].reverted_by == history[1].review_id


def test_reviews_refuse_bad_input(store) -> None:
    from peacewatch.store.reviews import ReviewError

    _one_event(store)
    with pytest.raises(ReviewError, match="not editable"):
        store.review_event("E9", "ana", "edit", "x", {"colour": "red"})
    with pytest.raises(ReviewError, match="reason"):
        store.review_event("E9", "ana", "reject", " ")
    with pytest.raises(ValueError):
        store.review_event("E9", "ana", "edit", "bad date", {"event_date": "18 January"})
    store.review_event("E9", "ana", "verify", "")
    assert store.event("E9").review_state == "verified"


def test_an_event_saved_again_after_deletion_is_no_longer_listed_as_deleted(store) -> None:
    with store.transaction():
        store.save_event(Event(event_id="E3", event_date=date(2017, 1, 1)))
        store.delete_event("E3", "split undone")
        store.save_event(Event(event_id="E3", event_date=date(2017, 1, 1)))
    assert store.tombstones() == [] and store.event("E3") is not None


def test_compact_puts_events_back_in_date_order_without_changing_them(store) -> None:
    days = [date(2017, 3, 9), date(2017, 1, 2), date(2017, 2, 5), date(2017, 1, 20)]
    with store.transaction():
        for i, day in enumerate(days):
            store.save_event(Event(event_id=f"C{i}", event_date=day, admin1="Gao", fatalities=i,
                                   evidence=[Evidence("fatalities", 0, 1, str(i), "d")]))
    store.review_event("C1", "ana", "edit", "ministry figure", {"fatalities": 9})
    before = {e.event_id: e.to_dict() for e in store.events()}
    assert store.compact() == 4
    stored_order = [r["event_id"] for r in store.query("SELECT event_id FROM events")]
    assert stored_order == ["C1", "C3", "C2", "C0"]
    assert {e.event_id: e.to_dict() for e in store.events()} == before
    assert len(store.evidence("C2")) == 1 and store.machine_event("C1").fatalities == 1

"""The notes of an event say what the event says: its own date, place and toll after a merge,
and the analyst's values after an edit; the reports' disagreements are named, not adopted."""

from __future__ import annotations

from tests.resolve.builders import gao_reports, ingest

from peacewatch.store.base import Store


def _only(store: Store):
    [event] = list(store.events())
    return event


def test_the_notes_of_a_merged_event_use_its_final_fields(store: Store) -> None:
    ingest(store, gao_reports())
    event = _only(store)
    summary = event.notes.split(" Reported by ")[0]
    assert event.event_date.isoformat() in summary and "2017-01-17" not in summary
    assert f"Reported fatalities: {event.fatalities}." in summary
    assert "Reported by 6 sources" in event.notes
    assert "Reports disagree" in event.notes and "17 January 2017" in event.notes


def test_the_notes_follow_the_newest_report_only_through_the_fields(store: Store) -> None:
    ingest(store, gao_reports()[:2])
    early = _only(store).notes
    ingest(store, gao_reports()[2:])
    event = _only(store)
    assert event.notes != early and f"Reported fatalities: {event.fatalities}." in event.notes


def test_an_edit_rewrites_the_summary_and_keeps_the_sources_line(store: Store) -> None:
    ingest(store, gao_reports()[:2])
    event = _only(store)
    store.review_event(event.event_id, "ana", "edit", "the ministry's toll", {"fatalities": 41})
    edited = _only(store)
    assert "Reported fatalities: 41." in edited.notes
    assert "Reported by 2 sources" in edited.notes


def test_notes_an_analyst_wrote_are_kept(store: Store) -> None:
    ingest(store, gao_reports()[:2])
    event = _only(store)
    store.review_event(event.event_id, "ana", "edit", "context", {"notes": "Car bomb at the MOC camp; toll disputed."})
    store.review_event(event.event_id, "ana", "edit", "the ministry's toll", {"fatalities": 41})
    assert _only(store).notes == "Car bomb at the MOC camp; toll disputed."

"""End-to-end resolution on the store with reports we wrote (English and French)."""

from __future__ import annotations

import random

from tests.resolve.builders import gao_reports, ied_reports, ingest, kidal_reports

from peacewatch.resolve.matcher import resolve_from_scratch
from peacewatch.store.base import Store


def grouping(store: Store) -> set[frozenset[str]]:
    """Events as sets of document titles (our report keys), independent of ids."""
    titles = {d.id: d.title for d in store.documents()}
    return {frozenset(titles[s] for s in e.sources) for e in store.events()}


def test_growing_toll_with_one_wrong_date_is_one_event(store: Store) -> None:
    ingest(store, gao_reports())
    events = list(store.events())
    assert len(events) == 1
    event = events[0]
    assert event.fatalities == 77
    assert (event.fatalities_low, event.fatalities_high) == (25, 80)
    assert str(event.event_date) == "2017-01-18"
    assert len(event.sources) == 6
    assert "1 of 6 reports says 17 January 2017" in event.notes
    dates = [d for d in event.disagreements if d["field"] == "event_date"]
    assert dates and dates[0]["values"][0]["reports"] == 1
    assert {r.value for r in event.casualty_reports if r.kind == "killed"} == {25, 37, 60, 77, 80}


def test_sources_are_in_publication_order_with_evidence_per_document(store: Store) -> None:
    reports = gao_reports()
    ingest(store, reports)
    event = next(iter(store.events()))
    published = {r.doc_id: r.published for r in reports}
    assert [published[s] for s in event.sources] == sorted(published[s] for s in event.sources)
    evidence_docs = {e.document_id for e in store.evidence(event.event_id)}
    assert evidence_docs == set(event.sources)


def test_two_roadside_bombs_on_consecutive_days_stay_apart(store: Store) -> None:
    ingest(store, ied_reports())
    assert grouping(store) == {frozenset({"ied1-en", "ied1-fr"}), frozenset({"ied2-en", "ied2-fr"})}


def test_installation_held_ten_days_after_the_cancelled_one_is_another_event(store: Store) -> None:
    ingest(store, kidal_reports())
    groups = grouping(store)
    assert frozenset({"kidal-held-en", "kidal-held-fr"}) in groups
    assert not any({"kidal-cancel", "kidal-held-en"} <= g for g in groups)
    assert not any({"kidal-announce", "kidal-held-en"} <= g for g in groups)


def test_shuffled_arrival_in_small_batches_gives_the_same_events(store: Store, tmp_path) -> None:
    from peacewatch.store.base import open_store

    reports = gao_reports() + ied_reports() + kidal_reports()
    ingest(store, reports)
    expected = {(e.event_id, tuple(e.sources), e.fatalities, e.event_date) for e in store.events()}
    shuffled = reports[:]
    random.Random(7).shuffle(shuffled)
    with open_store(tmp_path / "shuffled.duckdb") as other:
        for start in range(0, len(shuffled), 3):
            ingest(other, shuffled[start : start + 3])
        got = {(e.event_id, tuple(e.sources), e.fatalities, e.event_date) for e in other.events()}
        assert got == expected
        tombstoned = {t["event_id"] for t in other.tombstones()}
        assert all(t["merged_into"] for t in other.tombstones())
        assert tombstoned.isdisjoint(e[0] for e in expected)


def test_a_later_report_updates_the_event_toll(store: Store) -> None:
    reports = gao_reports()
    ingest(store, reports[:2])
    assert next(iter(store.events())).fatalities == 37
    ingest(store, reports[2:])
    events = list(store.events())
    assert len(events) == 1 and events[0].fatalities == 77


def test_resolving_from_scratch_changes_nothing(store: Store) -> None:
    ingest(store, gao_reports() + ied_reports() + kidal_reports())
    before = {e.event_id: e.to_dict() for e in store.events()}
    summary = resolve_from_scratch(store)
    after = {e.event_id: e.to_dict() for e in store.events()}
    assert summary.new_events == summary.updated_events == summary.removed_events == 0
    assert before == after


def test_two_events_from_one_report_never_merge(store: Store) -> None:
    """A roundup describing both bombs in one document keeps two candidates apart."""
    first, second = ied_reports()[0], ied_reports()[2]
    roundup = second
    roundup.extra = [first.candidate()]
    roundup.extra[0].actor2 = roundup.actor2  # even with nothing to tell them apart but the document
    ingest(store, [roundup])
    assert len(list(store.events())) == 2

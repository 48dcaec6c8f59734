"""Analyst decisions hold through new reports and full re-runs."""

from __future__ import annotations

from tests.resolve.builders import gao_reports, ied_reports, ingest

from peacewatch.resolve import analyst
from peacewatch.resolve.matcher import resolve_from_scratch
from peacewatch.store.base import Store


def event_of(store: Store, report_key: str) -> str:
    titles = {d.title: d.id for d in store.documents()}
    doc = titles[report_key]
    return next(e.event_id for e in store.events() if doc in e.sources)


def test_merge_survives_new_reports_and_rerun(store: Store) -> None:
    reports = ied_reports()
    ingest(store, reports[:1] + reports[2:3])
    a, b = event_of(store, "ied1-en"), event_of(store, "ied2-en")
    assert a != b
    outcome = analyst.merge(store, a, b, note="same incident, two tolls", by="analyst")
    merged = outcome.event_ids[0]
    assert len(list(store.events())) == 1
    assert {t["event_id"] for t in store.tombstones()} == {a, b} - {merged}
    ingest(store, reports[1:2] + reports[3:])
    assert len(list(store.events())) == 1
    resolve_from_scratch(store)
    assert len(list(store.events())) == 1


def test_distinct_keeps_lookalikes_apart_when_more_reports_arrive(store: Store) -> None:
    reports = gao_reports()
    ingest(store, reports[:1])
    ingest(store, reports[1:2])
    assert len(list(store.events())) == 1
    only = next(iter(store.events())).event_id
    outcome = analyst.split(store, only, document_ids=[reports[1].doc_id])
    assert len(set(outcome.event_ids)) == 2
    left, right = outcome.event_ids
    analyst.distinct(store, left, right)
    ingest(store, reports[2:])
    assert event_of(store, "gao-fr-1") != event_of(store, "gao-en-1")
    resolve_from_scratch(store)
    assert event_of(store, "gao-fr-1") != event_of(store, "gao-en-1")


def test_split_persists_across_rerun_and_a_later_merge_overrides_it(store: Store) -> None:
    ingest(store, gao_reports())
    event_id = next(iter(store.events())).event_id
    titles = {d.title: d.id for d in store.documents()}
    wrong_date = titles["gao-fr-2"]
    analyst.split(store, event_id, document_ids=[wrong_date], note="different attack")
    assert len(list(store.events())) == 2
    resolve_from_scratch(store)
    assert len(list(store.events())) == 2
    apart = event_of(store, "gao-fr-2")
    analyst.merge(store, apart, event_of(store, "gao-en-1"))
    resolve_from_scratch(store)
    events = list(store.events())
    assert len(events) == 1
    assert events[0].event_id == event_id
    assert event_id not in {t["event_id"] for t in store.tombstones()}


def test_a_stale_event_id_follows_its_tombstone(store: Store) -> None:
    reports = ied_reports()
    ingest(store, [reports[0], reports[2]])
    a, b = event_of(store, "ied1-en"), event_of(store, "ied2-en")
    merged = analyst.merge(store, a, b).event_ids[0]
    gone = a if merged == b else b
    assert analyst.current_event(store, gone) == merged

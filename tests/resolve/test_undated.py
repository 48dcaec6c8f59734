"""An undated report meets the dated reports of its event at its place, and takes their date."""

from __future__ import annotations

import dataclasses

from tests.resolve.builders import gao_reports, ingest

from peacewatch.codebook import TimePrecision
from peacewatch.store.base import Store


def _undated(report):
    report = dataclasses.replace(report, key=report.key + "-undated")
    original = report.candidate

    def candidate(index: int = 0):
        found = original(index)
        found.event_date, found.time_precision = None, TimePrecision.UNDATED
        found.evidence = [e for e in found.evidence if e.field != "event_date"]
        return found

    report.candidate = candidate  # type: ignore[method-assign]
    report.document = lambda: dataclasses.replace(type(report).document(report), published=None)  # type: ignore[method-assign]
    return report


def test_an_undated_report_joins_the_dated_event_and_takes_its_date(store: Store) -> None:
    dated = gao_reports()[:2]
    ingest(store, [*dated, _undated(gao_reports()[2])])
    events = list(store.events())
    assert len(events) == 1
    assert events[0].event_date == dated[0].published and len(events[0].sources) == 3


def test_an_undated_report_arriving_first_is_dated_by_the_later_ones(store: Store) -> None:
    ingest(store, [_undated(gao_reports()[2])])
    [alone] = list(store.events())
    assert alone.event_date is None and alone.time_precision == TimePrecision.UNDATED
    ingest(store, gao_reports()[:2])
    [event] = list(store.events())
    assert event.event_date == gao_reports()[0].published and len(event.sources) == 3

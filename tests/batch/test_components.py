"""The seam rule: which candidates resolution must see together across partitions."""

from __future__ import annotations

from datetime import date

from peacewatch.batch.resolution import components, partition_of
from peacewatch.records import EventCandidate
from peacewatch.resolve.features import profile


def candidate(doc: str, day: date, country: str = "Mali", precision: int = 1) -> EventCandidate:
    return EventCandidate(event_date=day, time_precision=precision, event_type="Battles", country=country,
                          doc_id=doc, candidate_id=f"{doc}:0")  # fmt: skip


def groups(*candidates: EventCandidate) -> list[list[str]]:
    found = components([profile(c, c.event_date) for c in candidates])
    return sorted(sorted(candidates[i].doc_id for i in group) for group in found)


def test_reports_either_side_of_a_month_edge_meet() -> None:
    assert groups(candidate("a", date(2017, 1, 31)), candidate("b", date(2017, 2, 1))) == [["a", "b"]]
    assert partition_of(candidate("a", date(2017, 1, 31)), None) != partition_of(candidate("b", date(2017, 2, 1)), None)


def test_reports_beyond_the_date_window_stay_apart() -> None:
    assert groups(candidate("a", date(2017, 1, 1)), candidate("b", date(2017, 1, 20))) == [["a"], ["b"]]


def test_a_month_precise_report_reaches_further() -> None:
    assert groups(candidate("a", date(2017, 1, 1), precision=3), candidate("b", date(2017, 1, 15))) == [["a", "b"]]


def test_countries_meet_only_through_an_unplaced_report() -> None:
    day = date(2017, 3, 2)
    assert groups(candidate("a", day), candidate("b", day, "Niger")) == [["a"], ["b"]]
    assert groups(candidate("a", day), candidate("b", day, "Niger"), candidate("c", day, "")) == [["a", "b", "c"]]


def test_undated_reports_are_filed_as_undated() -> None:
    lone = EventCandidate(country="Mali", doc_id="u", candidate_id="u:0")
    assert partition_of(lone, None) == ("Mali", "undated")
    assert groups(lone, candidate("a", date(2017, 1, 1))) == [["a"], ["u"]]

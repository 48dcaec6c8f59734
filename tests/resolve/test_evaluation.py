"""The resolution scorer on clusterings we make up."""

from __future__ import annotations

from datetime import date

from peacewatch.resolve.evaluation import GoldCluster, bcubed


def test_two_events_told_by_the_same_two_reports_score_perfectly_when_kept_apart() -> None:
    """Two same-day blasts, each report telling both: resolved right, that is two events."""
    day = date(2016, 8, 7)
    gold = [GoldCluster("blast-north", ["a", "b"], event_date=day), GoldCluster("blast-town", ["a", "b"], event_date=day)]
    predicted = {"a": {"E1", "E2"}, "b": {"E1", "E2"}}
    _, precision, recall = bcubed(gold, predicted, event_dates={"E1": day, "E2": day})
    assert (precision, recall) == (1.0, 1.0)


def test_two_events_merged_into_one_lose_precision() -> None:
    day = date(2016, 8, 7)
    gold = [GoldCluster("blast-north", ["a", "b"], event_date=day), GoldCluster("blast-town", ["a", "b"], event_date=day)]
    _, precision, recall = bcubed(gold, {"a": {"E1"}, "b": {"E1"}}, event_dates={"E1": day})
    assert precision == 0.5 and recall == 1.0


def test_wrong_assignments_are_listed_as_splits_and_mixes() -> None:
    from peacewatch.resolve.evaluation import assignment_errors

    day = date(2017, 3, 2)
    gold = [GoldCluster("ambush", ["a", "b"], event_date=day), GoldCluster("mine", ["c"], event_date=day)]
    items, _, _ = bcubed(gold, {"a": {"E1"}, "b": {"E2"}, "c": {"E2"}}, event_dates={"E1": day, "E2": day})
    errors = assignment_errors(items)
    assert {"kind": "split", "gold": "ambush", "events": {"E1": ["a"], "E2": ["b"]}} in errors
    assert {"kind": "mixed", "event": "E2", "gold": {"ambush": ["b"], "mine": ["c"]}} in errors
    assert len(errors) == 2

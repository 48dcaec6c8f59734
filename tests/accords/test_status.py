"""Computed status: rescheduled milestones, reversals, delays and the Peace Accords Matrix score."""

from __future__ import annotations

from datetime import date

from peacewatch.accords.loader import import_agreement
from peacewatch.accords.status import agreement_score
from peacewatch.accords.view import agreement_view, yearly_scores

from .conftest import TESTLAND


def _prov(view: dict, key: str) -> dict:  # type: ignore[type-arg]
    return next(p for p in view["provisions"] if p["id"].endswith("/" + key))


def test_rescheduled_deadline_supersedes_the_old_one_and_keeps_it(store) -> None:  # type: ignore[no-untyped-def]
    import_agreement(store, TESTLAND)
    jsc = _prov(agreement_view(store, "testland-2020", date(2020, 8, 1)), "jsc")
    old, new = jsc["milestones"]
    assert old["due"] == "2020-03-31" and old["due_rule"] == "signature + 30 days"
    assert old["state"] == "superseded" and old["superseded_by"] == "testland-2020/jsc/jsc-june"
    assert new["due"] == "2020-06-30" and new["supersedes"] == "testland-2020/jsc/jsc-30d"
    assert new["met_on"] == "2020-07-15" and new["state"] == "met late" and new["delay_days"] == 15
    assert jsc["delay_days"] == 15


def test_before_the_reschedule_the_original_deadline_is_in_force(store) -> None:  # type: ignore[no-untyped-def]
    import_agreement(store, TESTLAND)
    jsc = _prov(agreement_view(store, "testland-2020", date(2020, 3, 20)), "jsc")
    assert [m["id"] for m in jsc["milestones"]] == ["testland-2020/jsc/jsc-30d"]
    assert jsc["milestones"][0]["state"] == "pending"
    assert jsc["delay_days"] == -11


def test_unmet_deadline_counts_delay_to_the_as_of_date(store) -> None:  # type: ignore[no-untyped-def]
    import_agreement(store, TESTLAND)
    jsc = _prov(agreement_view(store, "testland-2020", date(2020, 7, 10)), "jsc")
    assert jsc["milestones"][1]["state"] == "overdue"
    assert jsc["milestones"][1]["delay_days"] == 10


def test_reversal_drops_the_score_and_is_flagged(store) -> None:  # type: ignore[no-untyped-def]
    import_agreement(store, TESTLAND)
    before = agreement_view(store, "testland-2020", date(2020, 8, 1))
    after = agreement_view(store, "testland-2020", date(2020, 10, 1))
    assert _prov(before, "jsc")["status"]["score"] == 3
    status = _prov(after, "jsc")["status"]
    assert (status["score"], status["reversed"], status["suspended"], status["previous_score"]) == (1, True, True, 3)
    assert after["score"]["score"] < before["score"]["score"]


def test_agreement_score_is_points_over_three_times_provisions(store) -> None:  # type: ignore[no-untyped-def]
    import_agreement(store, TESTLAND)
    score = agreement_view(store, "testland-2020", date(2020, 8, 1))["score"]
    # ceasefire 3 + committee 3 + elections unassessed (0) over 3 x 3 provisions
    assert (score["points"], score["max_points"], score["assessed"]) == (6, 9, 2)
    assert score["score"] == round(6 / 9, 4)
    assert score["assessed_score"] == 1.0


def test_score_formula_edge_cases() -> None:
    assert agreement_score([])["score"] is None
    assert agreement_score([None, None])["score"] == 0.0
    assert agreement_score([0, 1, 2, 3])["score"] == 0.5


def test_yearly_scores_follow_the_history(store) -> None:  # type: ignore[no-untyped-def]
    import_agreement(store, TESTLAND)
    rows = yearly_scores(store, "testland-2020", date(2021, 6, 1))
    assert [(r["year"], r["points"]) for r in rows] == [(2020, 4), (2021, 4)]
    assert rows[-1]["as_of"] == "2021-06-01"


def test_a_provision_without_observations_is_unassessed_not_late(store) -> None:  # type: ignore[no-untyped-def]
    view = agreement_view(store, "mali-2015", date(2017, 2, 1))
    cantonment = _prov(view, "cantonment")
    assert cantonment["status"]["label"] == "unassessed"
    assert cantonment["milestones"][0]["state"] == "past due, no observation"


def test_yearly_scores_stop_when_the_agreement_ends(store) -> None:  # type: ignore[no-untyped-def]
    rows = yearly_scores(store, "mali-2015", date(2026, 6, 1))
    assert rows[-1]["year"] == 2024 and rows[-1]["as_of"] == "2024-01-25"
    assert agreement_view(store, "mali-2015", date(2026, 6, 1))["terminated_on"] == "2024-01-25"
    assert agreement_view(store, "mali-2015", date(2017, 2, 1))["terminated_on"] is None

"""The tracker's rules fire on the Riverland fixture and stay silent on their near-misses."""

from __future__ import annotations

from datetime import date

import pytest

from peacewatch.accords import repository as tracker
from peacewatch.accords.loader import import_agreement
from peacewatch.accords.records import Allegation, EventProvisionLink
from peacewatch.alerts.evaluate import backtest

from .conftest import RIVERLAND, add_event, rule

YEAR = (date(2021, 1, 1), date(2021, 12, 31))


@pytest.fixture
def riverland(store):  # type: ignore[no-untyped-def]
    import_agreement(store, RIVERLAND)
    return store


def test_deadline_passed_unmet_fires_the_day_after(riverland) -> None:  # type: ignore[no-untyped-def]
    watch = rule(kind="deadline_missed", agreement="riverland-2021")
    # register-30d (due 3 March) was met on 25 February: the near-miss; weapons-60d (due 2 April) never was.
    [alert] = backtest(riverland, watch, *YEAR)
    assert alert.key == "riverland-2021/disarm/weapons-60d"
    assert alert.fired_on == date(2021, 4, 3) and alert.details["due"] == "2021-04-02"
    assert backtest(riverland, watch, date(2021, 1, 1), date(2021, 4, 2)) == []


def test_grace_days_delay_the_alert(riverland) -> None:  # type: ignore[no-untyped-def]
    [alert] = backtest(riverland, rule(kind="deadline_missed", grace_days=10, agreement="riverland-2021"), *YEAR)
    assert alert.fired_on == date(2021, 4, 13)


def test_status_score_falls(riverland) -> None:  # type: ignore[no-untyped-def]
    # disarmament goes 1 -> 2 -> 1; the ceasefire rises 2 -> 3 (the near-miss)
    [alert] = backtest(riverland, rule(kind="score_drop", agreement="riverland-2021"), *YEAR)
    assert alert.details["provision"] == "riverland-2021/disarm"
    assert (alert.details["from"], alert.details["to"], alert.fired_on) == (2, 1, date(2021, 7, 1))
    assert backtest(riverland, rule(kind="score_drop", min_drop=2, agreement="riverland-2021"), *YEAR) == []


@pytest.mark.parametrize(("accused", "fires"), [("ULF", True), ("Lakes Observer Mission", False)])
def test_allegation_against_a_signatory(riverland, accused: str, fires: bool) -> None:  # type: ignore[no-untyped-def]
    event = add_event(riverland, "ev1", date(2021, 3, 10), actor1=accused, country="Riverland", iso3="RVL")
    with riverland.transaction():
        tracker.save_allegation_core(riverland, Allegation(
            id="alg-1", event_id=event.event_id, accuser="Government of Riverland", accused=accused,
            what="firing on a checkpoint", alleged_on=date(2021, 3, 11)), "test")
    found = backtest(riverland, rule(kind="allegation", agreement="riverland-2021"), *YEAR)
    if not fires:  # the observer mission witnessed the accord; it did not sign it
        assert found == []
        return
    [alert] = found
    assert alert.details["party"] == "ulf" and alert.event_ids == ["ev1"] and alert.fired_on == date(2021, 3, 11)


@pytest.mark.parametrize(("relation", "state", "fires"), [
    ("violate", "proposed", True), ("violate", "rejected", False), ("obstruct", "confirmed", False),
])
def test_event_linked_as_violation(riverland, relation: str, state: str, fires: bool) -> None:  # type: ignore[no-untyped-def]
    add_event(riverland, "ev1", date(2021, 5, 2), country="Riverland", iso3="RVL")
    with riverland.transaction():
        tracker.insert_link(riverland, EventProvisionLink(
            link_id="lnk-1", event_id="ev1", provision_id="riverland-2021/ceasefire", relation=relation,
            reason="test", proposed_by="test", state=state))
    found = backtest(riverland, rule(kind="violation", agreement="riverland-2021"), *YEAR)
    assert [(f.key, f.fired_on) for f in found] == ([("lnk-1", date(2021, 5, 2))] if fires else [])

"""Each rule over events fires on a fixture of our own and stays silent on its near-miss."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from peacewatch.alerts.evaluate import backtest
from peacewatch.alerts.rules import RuleError, check_rule

from .conftest import ARMY, CIVILIANS, ISGS, JNIM, add_event, rule

SURGE_WEEK = date(2021, 3, 29)
"""A Monday: the thirteenth week of the fixture, after twelve weeks of two events a week in Gao."""


def _quiet_quarter(store) -> None:  # type: ignore[no-untyped-def]
    for week in range(12):
        monday = SURGE_WEEK - timedelta(weeks=12 - week)
        add_event(store, f"base{week}a", monday + timedelta(days=1))
        add_event(store, f"base{week}b", monday + timedelta(days=4))


@pytest.mark.parametrize(("this_week", "fires"), [(4, True), (3, False)])
def test_surge_needs_twice_the_trailing_mean(store, this_week: int, fires: bool) -> None:  # type: ignore[no-untyped-def]
    _quiet_quarter(store)
    for i in range(this_week):
        add_event(store, f"now{i}", SURGE_WEEK + timedelta(days=i))
    for i in range(6):  # another region's busy week does not count for Gao
        add_event(store, f"kidal{i}", SURGE_WEEK + timedelta(days=i % 7), "Kidal")
    surge = rule(kind="surge", area={"admin1": "gao"}, window_days=7, baseline_windows=12, factor=2, min_count=3)
    found = backtest(store, surge, SURGE_WEEK - timedelta(weeks=12), SURGE_WEEK + timedelta(days=6))
    if not fires:
        assert found == []
        return
    [alert] = found
    assert (alert.window_start, alert.window_end) == (SURGE_WEEK, SURGE_WEEK + timedelta(days=6))
    assert alert.fired_on == SURGE_WEEK + timedelta(days=3)
    assert alert.details["baseline_mean"] == 2.0 and alert.details["total"] == 4
    assert sorted(alert.event_ids) == ["now0", "now1", "now2", "now3"]


def test_surge_min_count_holds_when_the_area_was_quiet(store) -> None:  # type: ignore[no-untyped-def]
    add_event(store, "a", SURGE_WEEK)
    add_event(store, "b", SURGE_WEEK + timedelta(days=1))
    two = rule(kind="surge", area={"admin1": "Gao"}, min_count=3)
    assert backtest(store, two, SURGE_WEEK, SURGE_WEEK + timedelta(days=6)) == []
    add_event(store, "c", SURGE_WEEK + timedelta(days=2))
    assert [f.fired_on for f in backtest(store, two, SURGE_WEEK, SURGE_WEEK + timedelta(days=6))] == [
        SURGE_WEEK + timedelta(days=2)]


def test_surge_of_fatalities_within_a_radius_of_a_place(store) -> None:  # type: ignore[no-untyped-def]
    near_gao = rule(kind="surge", measure="fatalities", area={"place": "Gao", "country": "Mali", "radius_km": 40},
                    min_count=20)
    add_event(store, "gao", SURGE_WEEK, fatalities=12)
    add_event(store, "ansongo", SURGE_WEEK + timedelta(days=1), "Ansongo", fatalities=15)  # about 90 km away
    assert backtest(store, near_gao, SURGE_WEEK, SURGE_WEEK + timedelta(days=6)) == []
    add_event(store, "gao2", SURGE_WEEK + timedelta(days=2), fatalities=8)
    [alert] = backtest(store, near_gao, SURGE_WEEK, SURGE_WEEK + timedelta(days=6))
    assert sorted(alert.event_ids) == ["gao", "gao2"] and alert.details["total"] == 20
    assert "40 km around Gao" in alert.title


@pytest.mark.parametrize(("toll", "fires"), [(12, True), (11, False)])
def test_record_is_the_deadliest_since_the_date(store, toll: int, fires: bool) -> None:  # type: ignore[no-untyped-def]
    add_event(store, "old", date(2020, 12, 20), fatalities=40)  # before the rule's date: not the record to beat
    add_event(store, "jan", date(2021, 1, 10), fatalities=6)
    add_event(store, "feb", date(2021, 2, 1), fatalities=11)
    add_event(store, "mar", date(2021, 3, 1), fatalities=toll)
    deadliest = rule(kind="record", area={"admin1": "Gao"}, since="2021-01-01", min_fatalities=5)
    found = backtest(store, deadliest, date(2021, 2, 15), date(2021, 12, 31))
    if not fires:
        assert found == []
        return
    [alert] = found
    assert alert.key == "mar" and alert.fired_on == date(2021, 3, 1)
    assert alert.details["previous_record"] == 11 and alert.event_ids == ["mar", "feb"]


@pytest.mark.parametrize(("actor1", "actor2", "fires"), [(ISGS, ARMY, True), (JNIM, CIVILIANS, False)])
def test_new_actor_in_an_area(store, actor1: str, actor2: str, fires: bool) -> None:  # type: ignore[no-untyped-def]
    add_event(store, "elsewhere", date(2021, 1, 2), "Gao", actor1=ISGS)  # active in Gao, not yet in Mopti
    for i in range(3):
        add_event(store, f"m{i}", date(2021, 1, 5 + i * 7), "Mopti")
    add_event(store, "new", date(2021, 2, 10), "Boni", actor1=actor1, actor2=actor2)
    watch = rule(kind="new_actor", area={"admin1": "Mopti"})
    found = backtest(store, watch, date(2021, 2, 1), date(2021, 2, 28))
    if not fires:
        assert found == []
        return
    [alert] = found
    assert alert.details["actor"] == ISGS and alert.event_ids == ["new"]


@pytest.mark.parametrize(("kind", "fires"), [("Explosions/Remote violence", True), ("Battles", False)])
def test_event_type_not_seen_there_before(store, kind: str, fires: bool) -> None:  # type: ignore[no-untyped-def]
    for i in range(3):
        add_event(store, f"k{i}", date(2021, 1, 5 + i * 7), "Kidal")
    add_event(store, "gao-ied", date(2021, 1, 8), "Gao", event_type="Explosions/Remote violence")
    add_event(store, "new", date(2021, 2, 10), "Kidal", event_type=kind)
    watch = rule(kind="new_event_type", area={"admin1": "Kidal"})
    found = backtest(store, watch, date(2021, 2, 1), date(2021, 2, 28))
    assert [f.details.get("event_type") for f in found] == (["Explosions/Remote violence"] if fires else [])


def test_the_first_event_of_an_area_is_not_news_of_a_new_actor(store) -> None:  # type: ignore[no-untyped-def]
    add_event(store, "only", date(2021, 1, 5), "Mopti")
    assert backtest(store, rule(kind="new_actor", area={"admin1": "Mopti"}), date(2021, 1, 1), date(2021, 12, 31)) == []


def test_rejected_events_do_not_count(store) -> None:  # type: ignore[no-untyped-def]
    add_event(store, "a", SURGE_WEEK)
    add_event(store, "b", SURGE_WEEK + timedelta(days=1))
    add_event(store, "c", SURGE_WEEK + timedelta(days=2))
    store.review_event("c", "rita", "reject", "not an attack: a rumour")
    assert backtest(store, rule(kind="surge", area={"admin1": "Gao"}), SURGE_WEEK, SURGE_WEEK + timedelta(days=6)) == []


@pytest.mark.parametrize("bad", [
    {"kind": "surge"},  # no area
    {"kind": "record", "area": {"admin1": "Gao"}},  # a record needs its start date
    {"kind": "surge", "area": {"radius_km": 30}},  # a radius around nothing
    {"kind": "surge", "area": {"admin1": "Gao"}, "factor": 0},
    {"kind": "sprinkle", "area": {"admin1": "Gao"}},
    {"kind": "surge", "area": {"admin1": "Gao"}, "windw_days": 7},  # misspelt setting
])
def test_rules_the_schema_refuses(bad: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(RuleError):
        check_rule({"id": "bad", **bad})

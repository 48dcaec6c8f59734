"""Running rules raises each alert once (re-runs, re-ingests and edited rules raise nothing
twice); alerts name their rule and window and carry their events' evidence; ingest runs them."""

from __future__ import annotations

from datetime import date, timedelta

from peacewatch import plugins
from peacewatch.accords.loader import import_agreement
from peacewatch.alerts import repository
from peacewatch.alerts.evaluate import run_rules

from .conftest import RIVERLAND, add_event, stored_rule

MONDAY = date(2021, 3, 29)


def _busy_week(store) -> None:  # type: ignore[no-untyped-def]
    for i in range(3):
        add_event(store, f"w{i}", MONDAY + timedelta(days=i), fatalities=i + 1)


def test_an_alert_is_raised_once(store) -> None:  # type: ignore[no-untyped-def]
    _busy_week(store)
    stored_rule(store, id="gao-surge", name="Gao surge", kind="surge", area={"admin1": "Gao"}, min_count=3)
    first = run_rules(store, end=date(2021, 12, 31))
    assert [a.rule_id for a in first.raised] == ["gao-surge"]
    assert run_rules(store, end=date(2021, 12, 31)).raised == []
    stored_rule(store, id="gao-surge", name="Gao surge, renamed", kind="surge", area={"admin1": "Gao"}, min_count=3)
    assert run_rules(store, end=date(2021, 12, 31)).raised == []
    add_event(store, "w3", MONDAY + timedelta(days=4))  # a later report in the same window
    assert run_rules(store, end=date(2021, 12, 31)).raised == []
    assert len(repository.alerts(store)) == 1


def test_an_alert_names_its_rule_window_and_evidence(store) -> None:  # type: ignore[no-untyped-def]
    _busy_week(store)
    stored_rule(store, id="gao-surge", name="Gao surge", kind="surge", area={"admin1": "Gao"}, min_count=3)
    run_rules(store, end=date(2021, 12, 31))
    [alert] = repository.alerts(store)
    assert (alert.rule_id, alert.rule_name, alert.kind) == ("gao-surge", "Gao surge", "surge")
    assert (alert.window_start, alert.window_end) == (MONDAY, MONDAY + timedelta(days=6))
    assert alert.event_count == 3 and [e["event_id"] for e in alert.events] == ["w0", "w1", "w2"]
    first = alert.events[0]
    assert first["href"] == "/#/event/w0" and first["api"] == "/api/v1/events/w0"
    assert {e["field"] for e in first["evidence"]} == {"location", "fatalities", "actor1"}
    assert first["evidence"][0]["document_id"] == "doc-w0"
    assert first["sources"][0]["url"] == "https://wire.invalid/w0"
    assert alert.details["rule"]["min_count"] == 3


def test_disabled_rules_do_not_run(store) -> None:  # type: ignore[no-untyped-def]
    _busy_week(store)
    stored_rule(store, id="off", kind="surge", area={"admin1": "Gao"}, enabled=False)
    assert run_rules(store, end=date(2021, 12, 31)).raised == []


def test_the_ingest_hook_runs_rules_after_the_trackers_links(store) -> None:  # type: ignore[no-untyped-def]
    import_agreement(store, RIVERLAND)
    stored_rule(store, id="breach", kind="violation", agreement="riverland-2021")
    event = add_event(store, "fight", date.today() - timedelta(days=1), actor1="ULF",
                      actor2="Military Forces of Riverland", country="Riverland", iso3="RVL")
    counts: dict[str, int] = {}
    for result in plugins.manager().hook.after_resolution(store=store, event_ids=[event.event_id]):
        counts.update(result or {})
    assert counts["accords_links_proposed"] == 1
    assert counts["alerts_raised"] == 1
    [alert] = repository.alerts(store)
    assert alert.kind == "violation" and alert.events[0]["event_id"] == "fight"
    again: dict[str, int] = {}
    for result in plugins.manager().hook.after_resolution(store=store, event_ids=[event.event_id]):
        again.update(result or {})
    assert again["alerts_raised"] == 0

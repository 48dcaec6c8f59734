"""The alerts page in Debian's Chromium: alerts with their rule, window and linked events, the
nav badge of unseen alerts, and an admin creating a rule from the page."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from peacewatch.alerts import repository
from peacewatch.alerts.evaluate import run_rules
from peacewatch.alerts.rules import check_rule
from peacewatch.auth import create_user
from peacewatch.store import open_store
from tests.web.conftest import Site, _free_port, build_store, screenshot

READY = "() => { const el = document.querySelector('[data-ready]'); return el !== null && el.dataset.ready === location.hash; }"


@pytest.fixture(scope="module")
def alert_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    import uvicorn

    from peacewatch.api import create_app

    db = tmp_path_factory.mktemp("alerts-web") / "web.duckdb"
    build_store(db)
    store = open_store(db)
    repository.save_rule(store, check_rule({"id": "gao-record", "name": "Deadliest in Gao", "kind": "record",
                                            "area": {"admin1": "Gao"}, "since": "2017-01-01"}), "test")
    run_rules(store)
    admin = create_user(store, "adam", "admin")
    store.close()
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the peacewatch server did not start")
        time.sleep(0.05)
    yield Site(f"http://127.0.0.1:{port}", db, admin)
    server.should_exit = True
    thread.join(10)


@pytest.fixture
def tab(browser_context, alert_site: Site):  # type: ignore[no-untyped-def]
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(alert_site.url + "/")
    page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    yield page
    page.close()
    assert not errors, f"JavaScript errors in the page: {errors}"


def test_alerts_page_lists_alerts_linked_to_their_events(tab, alert_site: Site) -> None:  # type: ignore[no-untyped-def]
    expected = httpx.get(f"{alert_site.url}/api/v1/alerts").json()["alerts"]
    assert expected, "the fixture's record rule raised nothing"
    tab.goto(f"{alert_site.url}/#/alerts")
    tab.wait_for_function(READY)
    cards = tab.locator("article.alert")
    assert cards.count() == len(expected)
    assert cards.first.locator(".card-title").inner_text() == expected[0]["title"]
    assert "Deadliest in Gao (gao-record)" in cards.first.inner_text()
    first_event = expected[0]["events"][0]
    link = cards.first.locator(f"li[data-event='{first_event['event_id']}'] a")
    assert cards.first.locator("q").first.inner_text() == first_event["evidence"][0]["text"]
    screenshot(tab, "alerts")
    link.click()
    tab.wait_for_url(f"**#/event/{first_event['event_id']}")
    tab.wait_for_function(READY)


def test_badge_counts_alerts_until_the_page_is_seen(tab, alert_site: Site) -> None:  # type: ignore[no-untyped-def]
    count = len(httpx.get(f"{alert_site.url}/api/v1/alerts").json()["alerts"])
    tab.reload()
    badge = tab.locator("[data-alerts-badge]")
    badge.wait_for(state="visible")
    assert badge.inner_text() == str(count)
    tab.click("nav a[href='#/alerts']")
    tab.wait_for_function(READY)
    tab.wait_for_function("() => document.querySelector('[data-alerts-badge]').hidden")
    tab.goto(f"{alert_site.url}/#/")
    tab.wait_for_function(READY)
    assert tab.locator("[data-alerts-badge]").is_hidden()


def test_an_admin_creates_a_rule_from_the_page(tab, alert_site: Site) -> None:  # type: ignore[no-untyped-def]
    tab.evaluate(f"() => sessionStorage.setItem('peacewatch.token', {json.dumps(alert_site.reviewer_token)})")
    tab.goto(f"{alert_site.url}/#/alerts")
    tab.wait_for_function(READY)
    rule = {"id": "kidal-new-type", "name": "New event type in Kidal", "kind": "new_event_type", "area": {"admin1": "Kidal"}}
    tab.fill("textarea[name=rule]", json.dumps(rule))
    tab.click("form.alert-rule-form button[type=submit]")
    tab.locator("tr[data-rule='kidal-new-type']").wait_for()
    assert "kidal-new-type" in [r["id"] for r in httpx.get(f"{alert_site.url}/api/v1/alert-rules").json()["rules"]]
    tab.fill("textarea[name=rule]", json.dumps({**rule, "id": "broken", "kind": "surge", "area": {}}))
    tab.click("form.alert-rule-form button[type=submit]")
    assert "422" in tab.locator(".notice-error").inner_text()

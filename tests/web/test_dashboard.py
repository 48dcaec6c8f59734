"""The dashboard in a real headless Chromium: what an analyst and a reviewer see and can do."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlparse

import httpx

from tests.web.conftest import Site, screenshot

READY = "() => { const el = document.querySelector('[data-ready]'); return el !== null && el.dataset.ready === location.hash; }"


def wait_ready(page) -> None:
    page.wait_for_function(READY)


def open_view(page, site: Site, hash_: str) -> None:
    page.goto(f"{site.url}/{hash_}")
    wait_ready(page)


def table_ids(page) -> list[str]:
    return page.locator("table.events tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")


def map_ids(page) -> list[str]:
    return page.evaluate(
        "() => [...document.querySelectorAll('.map-svg [data-id]')].map(e => e.dataset.id)"
        ".concat(...[...document.querySelectorAll('.map-svg [data-ids]')].map(e => e.dataset.ids.split(' ')))"
    )


def export_rows(site: Site, **params: str) -> dict[str, dict[str, str]]:
    response = httpx.get(f"{site.url}/api/v1/events", params={"format": "csv", **params})
    rows = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    return {r["event_id_cnty"]: r for r in rows}


def test_dashboard_loads_everything_from_our_server(page, site: Site) -> None:
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page.reload()
    wait_ready(page)
    assert page.locator("[data-kpi='kpi.events']").inner_text() == "48"
    assert page.locator("path.region").count() == 9
    assert len(map_ids(page)) == 48
    assert len(table_ids(page)) == 48
    assert page.locator("table.events .badge.review-unreviewed").count() == 47
    assert page.locator(".timeline-svg .week").count() > 10
    screenshot(page, "overview")
    assert hosts == {urlparse(site.url).netloc}


def test_filtering_by_region_and_type_keeps_map_and_table_in_agreement(page, site: Site) -> None:
    open_view(page, site, "#/")
    page.select_option("select[name=event_type]", "Battles")
    page.wait_for_url("**event_type=Battles**")
    wait_ready(page)
    page.locator("path.region[data-region='Gao']").dispatch_event("click")
    page.wait_for_url("**admin1=Gao**")
    wait_ready(page)
    expected = httpx.get(f"{site.url}/api/v1/events", params={"admin1": "Gao", "event_type": "Battles"}).json()
    wanted = sorted(e["event_id"] for e in expected["events"])
    assert wanted, "the fixture has battles in Gao"
    assert sorted(table_ids(page)) == wanted
    assert sorted(map_ids(page)) == wanted
    assert page.locator("[data-kpi='kpi.events']").inner_text() == str(len(wanted))
    assert page.locator("path.region.selected").get_attribute("data-region") == "Gao"
    assert page.locator("select[name=admin1]").input_value() == "Gao"


def test_brushing_the_timeline_filters_the_table(page, site: Site) -> None:
    open_view(page, site, "#/")
    box = page.locator(".timeline-svg").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.3, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=5)
    page.mouse.up()
    page.wait_for_url("**since=**")
    wait_ready(page)
    since = page.locator("input[name=since]").input_value()
    until = page.locator("input[name=until]").input_value()
    dates = page.locator("table.events tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert 0 < len(dates) < 48
    events = httpx.get(f"{site.url}/api/v1/events", params={"since": since, "until": until, "limit": 100}).json()
    assert sorted(dates) == sorted(e["event_id"] for e in events["events"])
    assert sorted(map_ids(page)) == sorted(dates)


def test_event_page_highlights_the_supporting_text(page, site: Site) -> None:
    open_view(page, site, "#/")
    page.locator("table.events tbody tr[data-id='TEV0003'] td a").first.click()
    page.wait_for_url("**#/event/TEV0003")
    wait_ready(page)
    marks = page.locator(".doc-text mark")
    by_field = dict(zip(marks.evaluate_all("ms => ms.map(m => m.title)"), marks.all_inner_texts()))
    assert by_field["location"] == "Aguelhok"
    assert by_field["fatalities"] == "22"
    assert by_field["actor1"].startswith("GATIA")
    assert by_field["event_date"] == "29 January 2017"
    assert "1 of 3 reports says 12" in page.locator(".disagreements").inner_text()
    assert page.locator(".page-head .badge.review-unreviewed").is_visible()
    page.locator("tr[data-field='fatalities'] .evidence-link").click()
    assert page.locator(".doc-text mark:not(.dim)").all_inner_texts() == ["22"]
    screenshot(page, "event")
    page.get_by_role("button", name="all fields").click()
    assert page.locator(".doc-text mark.dim").count() == 0


def set_token(page, token: str) -> None:
    page.get_by_role("button", name="Reviewer token").click()
    page.fill("input[name=token]", token)
    page.get_by_role("button", name="Use token").click()
    page.wait_for_selector(".who[data-user='rita']")


def test_reviewer_edits_a_field_and_the_export_carries_it(page, site: Site) -> None:
    machine = export_rows(site)["TEV0010"]["fatalities"]
    open_view(page, site, "#/event/TEV0010")
    set_token(page, site.reviewer_token)
    wait_ready(page)
    page.select_option(".review-form select[name=field]", "fatalities")
    page.fill(".review-form input[name=value]", "31")
    page.fill(".review-form input[name=reason]", "hospital count published two days later")
    page.get_by_role("button", name="Save edit").click()
    page.wait_for_selector(".notice-ok")
    assert page.locator("td[data-current='fatalities']").inner_text().startswith("31")
    assert page.locator(".page-head .badge.review-edited").is_visible()
    assert "hospital count published two days later" in page.locator("ol.history").inner_text()
    row = export_rows(site)["TEV0010"]
    assert row["fatalities"] == "31" and row["review_state"] == "edited"
    screenshot(page, "event-reviewed")
    page.locator("ol.history button", has_text="Revert").first.click()
    page.wait_for_selector("ol.history li.reverted")
    assert export_rows(site)["TEV0010"]["fatalities"] == machine


def test_without_a_token_the_edit_is_refused(page, site: Site) -> None:
    open_view(page, site, "#/event/TEV0020")
    before = export_rows(site)["TEV0020"]["fatalities"]
    page.fill(".review-form input[name=value]", "99")
    page.fill(".review-form input[name=reason]", "trying without a token")
    page.get_by_role("button", name="Save edit").click()
    refusal = page.locator(".review-out .notice-error")
    refusal.wait_for()
    assert "401" in refusal.inner_text()
    assert page.locator(".page-head .badge.review-unreviewed").is_visible()
    assert export_rows(site)["TEV0020"]["fatalities"] == before
    page.get_by_role("button", name="Verify").click()
    page.wait_for_function("() => document.querySelector('.review-out .notice-error')")
    assert "401" in refusal.inner_text()


def test_actor_page_lists_memberships_and_events(page, site: Site) -> None:
    open_view(page, site, "#/actor/GATIA%3A%20Imghad%20Tuareg%20and%20Allies%20Self-Defense%20Group")
    assert page.locator("h1").inner_text() == "GATIA: Imghad Tuareg and Allies Self-Defense Group"
    assert page.locator("table.events tbody tr").count() == 12
    assert "Platform" in page.locator(".event-side").inner_text()
    screenshot(page, "actor")


def test_agreement_tracker_shows_provisions_and_linked_events(page, site: Site) -> None:
    open_view(page, site, "#/agreements")
    page.locator("a.card").first.click()
    wait_ready(page)
    moc = page.locator("[data-provision='mali-2015/moc']")
    text = moc.inner_text().lower()
    assert "due vs actual" in text and "status history" in text and "met late" in text
    link = moc.locator("tr[data-link='L-test-1']")
    assert "obstruct" in link.inner_text() and "proposed" in link.inner_text()
    assert link.locator(".badge.review-unreviewed").count() == 1
    link.get_by_role("button", name="Confirm").click()
    assert "401" in moc.locator(".notice-error").inner_text()
    screenshot(page, "agreements")


def test_french_interface_is_complete_and_remembered(page, site: Site) -> None:
    open_view(page, site, "#/")
    assert page.evaluate("async () => (await import('/js/i18n.js')).missingKeys()") == []
    page.get_by_role("button", name="Français").click()
    wait_ready(page)
    assert page.locator(".nav a").first.inner_text() == "Vue d’ensemble"
    page.reload()
    wait_ready(page)
    assert page.locator("[data-kpi='kpi.events'] + .kpi-label").inner_text() == "Événements"
    assert page.get_by_role("button", name="English").is_visible()
    screenshot(page, "overview-fr")

"""The French interface shows the data in French too: event types and sub-types, statuses, the
sentences built from the reports, and the agreement's provision titles (issue 13, item 15)."""

from __future__ import annotations

import httpx

from tests.web.conftest import Site, screenshot
from tests.web.test_dashboard import wait_ready


def in_french(page, site: Site, hash_: str) -> None:
    page.evaluate("() => localStorage.setItem('peacewatch.lang', 'fr')")
    page.goto(f"{site.url}/{hash_}")
    page.reload()  # the language is read when the page loads
    wait_ready(page)


def test_event_page_in_french(page, site: Site) -> None:
    in_french(page, site, "#/event/TEV0003")
    assert page.locator(".page-head h1").inner_text().strip() == "Batailles — Affrontement armé"
    assert "1 source sur 3 donne 12" in page.locator("ul.disagreements").inner_text()
    screenshot(page, "event-fr")


def test_overview_table_in_french(page, site: Site) -> None:
    in_french(page, site, "#/")
    row = page.locator("table.events tbody tr[data-id='TEV0001']").inner_text()
    assert "Violence contre les civils" in row and "Attaque" in row and "rapporté" in row
    options = page.locator("select[data-filter='sub_event_type'] option").all_inner_texts()
    assert any(o.startswith("Engin explosif, mine ou EEI") for o in options), options


def test_provision_titles_in_french(page, site: Site) -> None:
    provisions = httpx.get(f"{site.url}/api/v1/agreements/mali-2015").json()["provisions"]
    assert provisions and all(p["titles"].get("fr") and p["titles"]["fr"] != p["title"] for p in provisions)
    in_french(page, site, "#/agreements/mali-2015")
    moc = page.locator("[data-provision='mali-2015/moc'] h3")
    assert moc.inner_text() == "Mécanisme opérationnel de coordination (MOC) et patrouilles mixtes"
    assert "Mécanisme opérationnel de coordination" in page.locator("nav.toc").inner_text()
    screenshot(page, "agreement-fr")

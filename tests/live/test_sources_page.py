"""The sources page in Debian's Chromium: a watched feed with its last poll, the latest runs,
and an ingester watching a new feed and asking for a poll from the page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.live.conftest import ITEM_CONTENT, Site, Users, live_app, make_store, rss, running_server, wait_for
from tests.web.conftest import browser_context  # noqa: F401 (the Chromium fixture)

READY = "() => { const el = document.querySelector('[data-ready]'); return el !== null && el.dataset.ready === location.hash; }"


@pytest.fixture
def served(tmp_path: Path, site: Site) -> Iterator[tuple[str, Users]]:
    db = tmp_path / "page.duckdb"
    users = make_store(db)
    site.put("/feed.xml", rss([ITEM_CONTENT]))
    with running_server(live_app(db)) as url:
        made = httpx.post(f"{url}/api/v1/sources", json={"location": f"{site.url}/feed.xml", "every": "1d"},
                          headers=users.auth("ingester"))
        assert made.status_code == 201
        source_id = made.json()["source"]["id"]
        wait_for(lambda: httpx.get(f"{url}/api/v1/sources", headers=users.auth("ingester")).json()["sources"][0]["last_run_id"],
                 f"the first poll of {source_id}")
        yield url, users


def test_the_sources_page_lists_polls_and_adds_a_feed(browser_context, served, site: Site) -> None:  # noqa: F811
    url, users = served
    tab = browser_context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.goto(url + "/#/sources")
    tab.wait_for_function(READY)
    assert "API token" in tab.inner_text("main")  # nothing is shown without a token

    tab.evaluate("(t) => sessionStorage.setItem('peacewatch.token', t)", users.ingester)
    tab.reload()
    tab.wait_for_function(READY)
    row = tab.locator("tr[data-source]")
    assert row.count() == 1 and f"{site.url}/feed.xml" in row.inner_text() and "new" in row.inner_text()
    assert tab.locator("tr[data-run][data-state=ok]").count() >= 1

    site.put("/other.xml", rss([ITEM_CONTENT], title="Other Bulletin"))
    tab.fill("input[name=location]", f"{site.url}/other.xml")
    tab.fill("input[name=every]", "2h")
    tab.click("form.source-form button[type=submit]")
    tab.wait_for_selector("text=Now watching")
    assert tab.locator("tr[data-source]").count() == 2
    tab.locator("tr[data-source]").first.locator("button[data-action=poll]").click()
    tab.wait_for_selector("text=Poll queued")
    tab.close()
    assert not errors, f"JavaScript errors in the page: {errors}"

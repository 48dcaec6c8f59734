"""A hostile document cannot run script in the dashboard: text, title, outlet, URL and the event's
fields are shown as text, only http(s) URLs become links, and the CSP forbids inline script
(issue 13, item 13)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from peacewatch.records import Document, Event, Evidence
from peacewatch.store import open_store
from tests.web.conftest import serve
from tests.web.test_dashboard import wait_ready

PAYLOAD = "<img src=x onerror=\"window.__pwned='{where}'\"><script>window.__pwned='{where}'</script>"
BAD_URLS = ["javascript:window.__pwned='url'", " JaVaScRiPt:window.__pwned='url2'", "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)", "//evil.example/x"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db: Path = tmp_path_factory.mktemp("hostile") / "hostile.duckdb"
    store = open_store(db)
    docs = []
    for i, url in enumerate([*BAD_URLS, "https://news.example.org/story"]):
        text = f"{PAYLOAD.format(where=f'text{i}')} Gunmen killed 5 people near Gao on 3 March 2019."
        docs.append(Document(id=f"bad{i}", text=text, published=date(2019, 3, 4), language="en", url=url,
                             title=PAYLOAD.format(where=f"title{i}"), source=PAYLOAD.format(where=f"source{i}")))
    with store.transaction():
        store.add_documents([(d, None) for d in docs])
        store.save_event(Event(
            event_id="EVIL", event_date=date(2019, 3, 3), event_type="Violence against civilians", sub_event_type="Attack",
            actor1=PAYLOAD.format(where="actor1"), location=PAYLOAD.format(where="location"), admin1="Gao",
            country="Mali", iso3="MLI", latitude=16.27, longitude=-0.04, geo_precision=1, fatalities=5,
            notes=PAYLOAD.format(where="notes"), sources=[d.id for d in docs],
            evidence=[Evidence("fatalities", docs[0].text.index("5 people"), docs[0].text.index("5 people") + 1, "5", "bad0")],
            disagreements=[{"field": "location", "chosen": PAYLOAD.format(where="chosen"), "reports": 2,
                            "values": [{"value": PAYLOAD.format(where="value"), "reports": 1, "documents": ["bad1"]}],
                            "text": PAYLOAD.format(where="disagreement")}],
        ))
    store.close()
    with serve(db) as url:
        yield url


def test_nothing_in_a_hostile_document_runs(page, hostile: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for view in ("#/", "#/event/EVIL", f"#/actor/{quote(PAYLOAD.format(where='actor1'), safe='')}"):
        page.goto(f"{hostile}/{view}")
        wait_ready(page)
        assert page.evaluate("() => window.__pwned") is None, view
        assert page.locator("main script, main img, main svg[onload]").count() == 0, view
    page.goto(f"{hostile}/#/event/EVIL")
    wait_ready(page)
    hrefs = page.locator("a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert not [h for h in hrefs if not h.startswith(("#", "/", "http://", "https://")) or h.startswith("//")]
    originals = page.locator(".source a[target=_blank]").evaluate_all("links => links.map(a => a.href)")
    assert originals == ["https://news.example.org/story"]
    assert "<script>" in page.locator(".doc-text").first.inner_text()
    assert dialogs == []


def test_the_csp_forbids_inline_script(page, hostile: str) -> None:
    response = httpx.get(f"{hostile}/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "object-src 'none'" in policy
    for path in ("/api/v1/events", "/docs", "/js/main.js"):
        assert httpx.get(f"{hostile}{path}").headers["content-security-policy"] == policy
    page.goto(f"{hostile}/#/")
    wait_ready(page)
    ran = page.evaluate("""() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inline = 1';
        document.body.append(s);
        const a = document.createElement('a');
        a.setAttribute('href', "javascript:window.__inline = 2");
        document.body.append(a);
        a.click();
        return window.__inline;
    }""")
    assert ran is None

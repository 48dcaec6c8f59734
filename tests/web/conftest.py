"""Browser tests' fixtures: a store we fill ourselves, the real server on a loopback port, and
Debian's Chromium driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from peacewatch.accords import repository
from peacewatch.accords.loader import ensure_bundled
from peacewatch.accords.records import EventProvisionLink
from peacewatch.auth import create_user
from peacewatch.records import Document, Event, Evidence
from peacewatch.store import open_store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

# (town, admin1, latitude, longitude); coordinates rounded from GeoNames.
TOWNS = [
    ("Gao", "Gao", 16.27, -0.04), ("Ansongo", "Gao", 15.66, 0.50), ("Kidal", "Kidal", 18.44, 1.41),
    ("Aguelhok", "Kidal", 19.46, 0.86), ("Mopti", "Mopti", 14.49, -4.20), ("Boni", "Mopti", 15.06, -1.98),
    ("Tombouctou", "Tombouctou", 16.77, -3.01), ("Goundam", "Tombouctou", 16.41, -3.67),
    ("Niono", "Segou", 14.25, -5.99),
]
ACTORS = [
    "JNIM: Group for Support of Islam and Muslims", "Islamic State (Greater Sahara)",
    "CMA: Coordination of Movements of the Azawad", "GATIA: Imghad Tuareg and Allies Self-Defense Group",
]
ARMY = "Military Forces of Mali (2013-2021)"
KINDS = [
    ("Battles", "Armed clash", "{actor} fighters clashed with soldiers near {town} on {day}, leaving {n} dead, a local official said."),
    ("Violence against civilians", "Attack", "Gunmen from {actor} killed {n} villagers near {town} on {day}, residents said."),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "A roadside bomb planted by {actor} hit a convoy near {town} on {day} and killed {n} people."),
]


@dataclass
class Site:
    url: str
    db: Path
    reviewer_token: str


def _document_and_event(i: int) -> tuple[Document, Event]:
    town, admin1, lat, lon = TOWNS[i % len(TOWNS)]
    event_type, sub_type, template = KINDS[i % len(KINDS)]
    actor = ACTORS[i % len(ACTORS)]
    day = date(2017, 1, 2) + timedelta(days=9 * i)
    n = (i * 7) % 23 + 1
    day_text = day.strftime("%d %B %Y").lstrip("0")
    text = (f"Report from {town}.\n\n" + template.format(actor=actor, town=town, day=day_text, n=n)
            + "\n\nThe army said reinforcements had been sent to the area.")
    doc = Document(id=f"doc{i:03d}", text=text, published=day + timedelta(days=1), language="en",
                   source=["Sahel Monitor", "Bamako Wire", "Niger River Post"][i % 3],
                   title=f"{event_type} near {town}")

    def span(field: str, needle: str) -> Evidence:
        start = text.index(needle, len(f"Report from {town}.\n\n"))
        return Evidence(field, start, start + len(needle), needle, doc.id)

    evidence = [span("location", town), span("fatalities", str(n)), span("actor1", actor), span("event_date", day_text)]
    event = Event(
        event_id=f"TEV{i:04d}", event_date=day, event_type=event_type, sub_event_type=sub_type, actor1=actor,
        actor2=ARMY if event_type == "Battles" else "", country="Mali", iso3="MLI", admin1=admin1, location=town,
        latitude=lat, longitude=lon, geo_precision=1, fatalities=n, fatalities_low=n, fatalities_high=n,
        notes=f"{sub_type} near {town}; {n} killed.", confidence=0.8, sources=[doc.id], evidence=evidence,
    )
    return doc, event


def build_store(db: Path, count: int = 48) -> str:
    """Fill a store with ``count`` events (one report each), a disagreement, a review and an
    agreement link; return a reviewer's token."""
    store = open_store(db)
    ensure_bundled(store)
    with store.transaction():
        for i in range(count):
            doc, event = _document_and_event(i)
            if i == 3:
                event.disagreements = [{
                    "field": "fatalities", "chosen": str(event.fatalities), "reports": 3,
                    "values": [{"value": "12", "reports": 1, "documents": ["docX"]}],
                    "text": "1 of 3 reports says 12",
                }]
            store.add_documents([(doc, None)])
            store.save_event(event)
        repository.insert_link(store, EventProvisionLink(
            link_id="L-test-1", event_id="TEV0000", provision_id="mali-2015/moc", relation="obstruct",
            reason="an attack near Gao, where the joint patrols are based", proposed_by="test",
        ))
    token = create_user(store, "rita", "reviewer")
    store.review_event("TEV0001", "rita", "verify", "checked against two outlets")
    store.close()
    return token


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve(db: Path) -> Iterator[str]:
    """The real server on a free loopback port, for the length of the block; yields its URL."""
    import uvicorn

    from peacewatch.api import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the peacewatch server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    db = tmp_path_factory.mktemp("web") / "web.duckdb"
    token = build_store(db)
    with serve(db) as url:
        yield Site(url, db, token)


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory: pytest.TempPathFactory):
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); "
            "the browser tests never download a browser",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1440, "height": 1000}, locale="en-GB", timezone_id="UTC",
        )
        yield context
        context.close()


@pytest.fixture
def page(browser_context, site: Site):
    """A fresh tab with no language choice and no token remembered; fails on any page error."""
    tab = browser_context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.goto(site.url + "/")
    tab.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    yield tab
    tab.close()
    assert not errors, f"JavaScript errors in the page: {errors}"


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("() => window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

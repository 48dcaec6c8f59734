"""The alerts API: raised alerts with `since`, the Atom feed, rule CRUD for admins only,
backtests, and each user's own subscriptions."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from peacewatch.alerts.evaluate import run_rules
from peacewatch.api import create_app
from peacewatch.auth import create_user
from peacewatch.store import open_store
from tests.alerts.conftest import add_event

MONDAY = date(2021, 3, 29)
SURGE = {"id": "gao-surge", "name": "Gao surge", "kind": "surge", "area": {"admin1": "Gao"}, "min_count": 3}


@pytest.fixture
def client(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = tmp_path / "api.duckdb"
    store = open_store(db)
    for i in range(3):
        add_event(store, f"w{i}", MONDAY + timedelta(days=i), fatalities=i + 1)
    tokens = {"reviewer": create_user(store, "rita", "reviewer"), "admin": create_user(store, "adam", "admin")}
    store.close()
    with TestClient(create_app(db)) as test_client:
        test_client.tokens = tokens
        test_client.db = db
        yield test_client


def _auth(client, role: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {"Authorization": f"Bearer {client.tokens[role]}"}


def _raise(client) -> None:  # type: ignore[no-untyped-def]
    store = open_store(client.db)
    try:
        run_rules(store, end=date(2021, 12, 31))
    finally:
        store.close()


def test_only_admins_create_rules_and_the_schema_checks_them(client) -> None:  # type: ignore[no-untyped-def]
    assert client.post("/api/v1/alert-rules", json=SURGE).status_code == 401
    assert client.post("/api/v1/alert-rules", json=SURGE, headers=_auth(client, "reviewer")).status_code == 403
    bad = client.post("/api/v1/alert-rules", json={**SURGE, "factor": -1}, headers=_auth(client, "admin"))
    assert bad.status_code == 422 and "factor" in bad.json()["detail"]
    assert client.post("/api/v1/alert-rules", json=SURGE, headers=_auth(client, "admin")).status_code == 201
    assert client.post("/api/v1/alert-rules", json=SURGE, headers=_auth(client, "admin")).status_code == 409
    changed = client.put("/api/v1/alert-rules/gao-surge", json={**SURGE, "min_count": 5}, headers=_auth(client, "admin"))
    assert changed.json()["rule"]["min_count"] == 5
    assert [r["id"] for r in client.get("/api/v1/alert-rules").json()["rules"]] == ["gao-surge"]
    assert client.delete("/api/v1/alert-rules/gao-surge", headers=_auth(client, "admin")).status_code == 200
    assert client.get("/api/v1/alert-rules").json()["rules"] == []


def test_alerts_since_the_last_poll_and_the_feed(client) -> None:  # type: ignore[no-untyped-def]
    client.post("/api/v1/alert-rules", json=SURGE, headers=_auth(client, "admin"))
    assert client.get("/api/v1/alerts").json() == {"alerts": [], "latest": None}
    _raise(client)
    body = client.get("/api/v1/alerts").json()
    [alert] = body["alerts"]
    assert alert["rule_id"] == "gao-surge" and alert["window_start"] == MONDAY.isoformat()
    assert alert["events"][0]["evidence"][0]["document_id"] == "doc-w0"
    assert client.get("/api/v1/alerts", params={"since": body["latest"]}).json()["alerts"] == []
    assert client.get(f"/api/v1/alerts/{alert['alert_id']}").json()["alert"]["title"] == alert["title"]
    feed = client.get("/api/v1/alerts/feed.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    atom = "{http://www.w3.org/2005/Atom}"
    [entry] = ET.fromstring(feed.content).findall(f"{atom}entry")
    assert entry.find(f"{atom}title").text == alert["title"]
    related = [link.get("href") for link in entry.findall(f"{atom}link") if link.get("rel") == "related"]
    assert related[0].endswith("/#/event/w0") and len(related) == 3


def test_backtest_lists_without_raising(client) -> None:  # type: ignore[no-untyped-def]
    client.post("/api/v1/alert-rules", json=SURGE, headers=_auth(client, "admin"))
    fired = client.get("/api/v1/alert-rules/gao-surge/backtest", params={"from": "2021-01-01", "to": "2021-12-31"}).json()
    assert [f["fired_on"] for f in fired["fired"]] == ["2021-03-31"]
    assert client.get("/api/v1/alerts").json()["alerts"] == []


def test_users_manage_their_own_subscriptions(client) -> None:  # type: ignore[no-untyped-def]
    client.post("/api/v1/alert-rules", json=SURGE, headers=_auth(client, "admin"))
    made = client.post("/api/v1/alert-subscriptions", headers=_auth(client, "reviewer"), json={
        "rule_id": "gao-surge", "channel": "webhook", "target": "http://127.0.0.1:9/hook", "secret": "s3"})
    assert made.status_code == 201 and made.json()["subscription"]["secret"] is True
    sub_id = made.json()["subscription"]["subscription_id"]
    assert client.get("/api/v1/alert-subscriptions", headers=_auth(client, "admin")).json()["subscriptions"] == []
    assert client.delete(f"/api/v1/alert-subscriptions/{sub_id}", headers=_auth(client, "admin")).status_code == 404
    assert client.delete(f"/api/v1/alert-subscriptions/{sub_id}", headers=_auth(client, "reviewer")).status_code == 200
    assert client.post("/api/v1/alert-subscriptions", json={"rule_id": "gao-surge", "channel": "email",
                                                              "target": "x@y.invalid"}).status_code == 401

"""The HTTP API on a small store: filters, pages, exports, evidence, and who may write."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from peacewatch.api import create_app
from peacewatch.auth import create_user
from peacewatch.records import Document, Event, Evidence
from peacewatch.store import open_store

PLACES = [("Gao", "Gao", 16.27, -0.04), ("Kidal", "Kidal", 18.44, 1.41), ("Mopti", "Mopti", 14.49, -4.2)]


@pytest.fixture
def client(tmp_path: Path):
    db = tmp_path / "api.duckdb"
    store = open_store(db)
    text = "Un kamikaze a tué 77 personnes à Gao le 18 janvier."
    with store.transaction():
        store.add_documents([(Document(id="doc1", text=text, published=date(2017, 1, 20), language="fr",
                                       source="Le Courrier"), None)])
        for i in range(30):
            location, admin1, lat, lon = PLACES[i % 3]
            store.save_event(Event(
                event_id=f"E{i:02d}", event_date=date(2017, 1, 1 + i), location=location, admin1=admin1,
                country="Mali", iso3="MLI", latitude=lat, longitude=lon, fatalities=i,
                event_type="Battles" if i % 2 else "Explosions/Remote violence",
                sub_event_type="Armed clash" if i % 2 else "Suicide bomb", actor1="JNIM: Group for Support of Islam and Muslims",
                sources=["doc1"], evidence=[Evidence("fatalities", 18, 20, "77", "doc1")],
            ))
    tokens = {"reviewer": create_user(store, "rita", "reviewer"), "admin": create_user(store, "adam", "admin")}
    store.close()
    with TestClient(create_app(db)) as test_client:
        test_client.tokens = tokens
        yield test_client


def test_filters_combine(client) -> None:
    body = client.get("/api/v1/events", params={"admin1": "Gao", "event_type": "Battles"}).json()
    assert body["total"] == 5
    assert {e["admin1"] for e in body["events"]} == {"Gao"}
    assert {e["event_type"] for e in body["events"]} == {"Battles"}
    window = client.get("/api/v1/events", params={"since": "2017-01-10", "until": "2017-01-12"}).json()
    assert sorted(e["event_date"] for e in window["events"]) == ["2017-01-10", "2017-01-11", "2017-01-12"]
    assert client.get("/api/v1/events", params={"fatalities_min": 25}).json()["total"] == 5


def test_cursor_pages_cover_everything_once(client) -> None:
    seen, cursor = [], None
    while True:
        params = {"limit": 7, "sort": "-fatalities"}
        if cursor:
            params["cursor"] = cursor
        body = client.get("/api/v1/events", params=params).json()
        seen += [e["event_id"] for e in body["events"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(seen) == 30 and len(set(seen)) == 30
    assert seen[0] == "E29"


def test_query_exports_as_csv_and_geojson(client) -> None:
    response = client.get("/api/v1/events", params={"admin1": "Kidal", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 10 and rows[0]["admin1"] == "Kidal" and rows[0]["review_state"] == "unreviewed"
    geo = json.loads(client.get("/api/v1/events", params={"admin1": "Kidal", "format": "geojson"}).content)
    assert geo["features"][0]["geometry"]["coordinates"] == [1.41, 18.44]


def test_event_page_has_sources_with_evidence(client) -> None:
    body = client.get("/api/v1/events/E05").json()
    assert body["sources"][0]["source"] == "Le Courrier"
    assert body["sources"][0]["evidence"][0]["text"] == "77"
    assert client.get("/api/v1/events/NOPE").status_code == 404


def test_aggregates_by_month_and_region(client) -> None:
    rows = client.get("/api/v1/aggregates", params={"period": "month", "by": "admin1"}).json()["rows"]
    gao = next(r for r in rows if r["key"] == "Gao" and r["period"] == "2017-01-01")
    assert gao["events"] == 10 and gao["fatalities"] == sum(range(0, 30, 3))


def test_writes_need_a_token_and_the_right_role(client) -> None:
    edit = {"action": "edit", "reason": "ministry figure", "changes": {"fatalities": 70}}
    assert client.post("/api/v1/events/E05/reviews", json=edit).status_code == 401
    bad = client.post("/api/v1/events/E05/reviews", json=edit, headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401
    reviewer = {"Authorization": f"Bearer {client.tokens['reviewer']}"}
    assert client.post("/api/v1/users", json={"name": "x"}, headers=reviewer).status_code == 403
    done = client.post("/api/v1/events/E05/reviews", json=edit, headers=reviewer)
    assert done.status_code == 200 and done.json()["event"]["fatalities"] == 70
    story = client.get("/api/v1/events/E05").json()
    assert story["event"]["review_state"] == "edited" and story["machine"]["fatalities"] == 5
    assert story["reviews"][0]["reviewer"] == "rita"
    csv_text = client.get("/api/v1/events", params={"format": "csv", "q": ""}).content.decode("utf-8-sig")
    row = next(r for r in csv.DictReader(io.StringIO(csv_text)) if r["event_id_cnty"] == "E05")
    assert row["fatalities"] == "70" and row["review_state"] == "edited"


def test_sync_feed_lists_deleted_events(client) -> None:
    store = client.app.state.stores.root
    with store.transaction():
        store.delete_event("E01", "merged", merged_into="E02")
    deleted = client.get("/api/v1/events/deleted").json()["deleted"]
    assert deleted[0]["event_id"] == "E01" and deleted[0]["merged_into"] == "E02"
    assert client.get("/api/v1/events", params={"q": "", "limit": 1000}).json()["total"] == 29


def test_openapi_describes_the_versioned_api(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/v1/events" in paths and "/api/v1/events/{event_id}" in paths and "/api/v1/aggregates" in paths


def test_event_page_tells_the_same_story_as_the_cli(client) -> None:
    story = client.get("/api/v1/events/E05").json()["story"]
    assert story["event_id"] == "E05"
    assert [s["document_id"] for s in story["sources"]] == ["doc1"]

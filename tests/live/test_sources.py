"""Watched sources: a local site's feed polled with conditional requests, article pages read
for summary-only items, folders watched for new files, backoff after errors."""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from peacewatch.live.sources import SourceError, backoff_seconds, format_every, parse_every
from tests.live.conftest import Site, Users, article, finished_run, rss, wait_for

ITEM_A = {"guid": "bulletin-101", "title": "Clash near Gao", "link": "https://bulletin.example/101",
          "date": "Mon, 04 Mar 2024 08:00:00 GMT",
          "content": "<p>Local officials said 9 soldiers were killed in Gao when a checkpoint was attacked.</p>"}


def summary_only(site: Site) -> dict[str, str]:
    return {"guid": "bulletin-102", "title": "Raid on a market", "link": f"{site.url}/articles/102.html",
            "date": "Fri, 09 Aug 2024 08:00:00 GMT", "summary": "A market town was raided on Thursday."}


ITEM_C = {"guid": "bulletin-103", "title": "Attack on a convoy", "link": "https://bulletin.example/103",
          "date": "Tue, 03 Dec 2024 08:00:00 GMT",
          "content": "<p>Drivers said 3 civilians were killed in Tessalit when their convoy was attacked.</p>"}


def source(client: TestClient, users: Users, source_id: str) -> dict[str, Any]:
    return next(s for s in client.get("/api/v1/sources", headers=users.auth("reviewer")).json()["sources"]
                if s["id"] == source_id)


def first_poll(client: TestClient, users: Users, location: str, every: str = "1d") -> dict[str, Any]:
    made = client.post("/api/v1/sources", json={"location": location, "every": every}, headers=users.auth("admin"))
    assert made.status_code == 201, made.text
    source_id = made.json()["source"]["id"]
    polled = wait_for(lambda: source(client, users, source_id)["last_run_id"], "the first poll")
    return {"id": source_id, "run": finished_run(client, polled, users.auth("reviewer"))}


def poll(client: TestClient, users: Users, source_id: str) -> dict[str, Any]:
    queued = client.post(f"/api/v1/sources/{source_id}/poll", headers=users.auth("ingester"))
    assert queued.status_code == 201, queued.text
    return finished_run(client, queued.json()["run"]["id"], users.auth("ingester"))


def locations(client: TestClient) -> list[str]:
    return sorted(e["location"] for e in client.get("/api/v1/events").json()["events"])


def test_a_feed_is_polled_conditionally_and_only_new_items_are_ingested(client: TestClient, users: Users, site: Site) -> None:
    site.put("/feed.xml", rss([ITEM_A, summary_only(site)]))
    site.put("/articles/102.html", article("Raid on a market", [
        "A market town was raided on Thursday.",
        "Residents said 7 civilians were killed in Boni when armed men on motorbikes surrounded the market at dawn.",
        "The regional governor announced an inquiry and said patrols would be reinforced along the road.",
    ]), "text/html; charset=utf-8")

    first = first_poll(client, users, f"{site.url}/feed.xml")
    run = first["run"]
    assert run["kind"] == "poll" and run["state"] == "ok"
    assert run["summary"]["new_items"] == 2 and run["summary"]["documents_new"] == 2
    # The summary-only item was read from its article page (the killing is only there).
    assert locations(client) == ["Boni", "Gao"]
    assert any(f["status"] == "fetched" and f["origin"].endswith("/articles/102.html") for f in run["files"])

    unchanged = poll(client, users, first["id"])
    assert unchanged["state"] == "ok" and unchanged["summary"]["new_items"] == 0
    assert [f["status"] for f in unchanged["files"]] == ["unchanged"]
    last_ask = site.asked("/feed.xml")[-1]
    assert last_ask["If-None-Match"] and last_ask["If-Modified-Since"] == "Mon, 07 Dec 2026 10:00:00 GMT"

    site.put("/feed.xml", rss([ITEM_C, ITEM_A, summary_only(site)]))
    third = poll(client, users, first["id"])
    assert third["summary"]["new_items"] == 1 and third["summary"]["documents_new"] == 1
    assert third["summary"]["documents_known"] == 0
    assert locations(client) == ["Boni", "Gao", "Tessalit"]
    assert len(site.asked("/articles/102.html")) == 1  # an item seen before is not fetched again

    # Every poll is an ingest run of its own, with the feed's own lines in its log.
    ids = [run["run_id"], unchanged["run_id"], third["run_id"]]
    assert len(set(ids)) == 3
    assert all(client.get(f"/api/v1/runs/{i}", headers=users.auth("reviewer")).status_code == 200 for i in ids)


def test_a_failing_feed_backs_off_and_recovers(client: TestClient, users: Users, site: Site) -> None:
    site.put("/feed.xml", rss([ITEM_A]))
    first = first_poll(client, users, f"{site.url}/feed.xml", every="10m")
    site.failures_to_come = 2

    failed = poll(client, users, first["id"])
    assert failed["state"] == "failed" and "503" in failed["error"]
    after_one = source(client, users, first["id"])
    assert after_one["failures"] == 1 and "503" in after_one["last_error"]
    wait = datetime.fromisoformat(after_one["next_poll_at"]) - datetime.fromisoformat(after_one["last_polled_at"])
    assert abs(wait.total_seconds() - 2 * 600) <= 2

    poll(client, users, first["id"])
    after_two = source(client, users, first["id"])
    wait = datetime.fromisoformat(after_two["next_poll_at"]) - datetime.fromisoformat(after_two["last_polled_at"])
    assert after_two["failures"] == 2 and abs(wait.total_seconds() - 4 * 600) <= 2

    recovered = poll(client, users, first["id"])
    assert recovered["state"] == "ok"
    back = source(client, users, first["id"])
    assert back["failures"] == 0 and back["last_error"] is None


def test_a_watched_folder_gives_only_its_new_files(client: TestClient, users: Users, tmp_path: Path) -> None:
    inbox = tmp_path / "drop"
    inbox.mkdir()
    old = time.time() - 60
    first_file = inbox / "one.md"
    first_file.write_text("---\npublished: 2024-02-01\n---\nA nurse said 4 people were killed in Menaka.\n", encoding="utf-8")
    os.utime(first_file, (old, old))
    first = first_poll(client, users, str(inbox))
    assert first["run"]["summary"]["documents_new"] == 1

    second_file = inbox / "sub" / "two.md"
    second_file.parent.mkdir()
    second_file.write_text("---\npublished: 2024-09-15\n---\nA teacher said 8 people were killed in Ansongo.\n", encoding="utf-8")
    os.utime(second_file, (old, old))
    writing = inbox / "three.md"
    writing.write_text("---\npublished: 2024-11-02\n---\nStill being written", encoding="utf-8")
    soon = time.time() + 3600  # changed "just now" however slowly the poll comes
    os.utime(writing, (soon, soon))
    run = poll(client, users, first["id"])
    assert run["summary"]["documents_new"] == 1 and run["summary"]["documents_known"] == 0
    assert [f["origin"] for f in run["files"] if f["status"] == "added"] == [str(second_file)]
    assert any("still being written" in (f["reason"] or "") for f in run["files"])
    assert locations(client) == ["Ansongo", "Menaka"]


def test_sources_api_roles_and_refusals(client: TestClient, users: Users, site: Site, tmp_path: Path) -> None:
    feed = f"{site.url}/feed.xml"
    assert client.post("/api/v1/sources", json={"location": feed}).status_code == 401
    assert client.post("/api/v1/sources", json={"location": feed}, headers=users.auth("reviewer")).status_code == 403
    made = client.post("/api/v1/sources", json={"location": feed, "every": "2h"}, headers=users.auth("ingester"))
    assert made.status_code == 201 and made.json()["source"]["every"] == "2h"
    assert client.post("/api/v1/sources", json={"location": feed}, headers=users.auth("ingester")).status_code == 409
    folder = client.post("/api/v1/sources", json={"location": str(tmp_path)}, headers=users.auth("ingester"))
    assert folder.status_code == 403 and "admin" in folder.json()["detail"]
    bad = client.post("/api/v1/sources", json={"location": feed + "?x", "every": "often"}, headers=users.auth("admin"))
    assert bad.status_code == 422 and "every" in bad.text
    assert client.post("/api/v1/sources", json={"location": "ftp://x.example/f"}, headers=users.auth("admin")).status_code == 422
    source_id = made.json()["source"]["id"]
    assert client.delete(f"/api/v1/sources/{source_id}", headers=users.auth("ingester")).status_code == 200
    assert client.delete(f"/api/v1/sources/{source_id}", headers=users.auth("ingester")).status_code == 404
    assert client.get("/api/v1/sources", headers=users.auth("reviewer")).json()["sources"] == []


@pytest.mark.parametrize(("text", "seconds"), [("30m", 1800), ("6h", 21600), ("1d", 86400), ("90s", 90), ("15", 900)])
def test_intervals_read_as_written(text: str, seconds: int) -> None:
    assert parse_every(text) == seconds
    assert parse_every(format_every(seconds)) == seconds


def test_unreadable_intervals_are_refused_and_backoff_is_capped() -> None:
    for text in ("often", "0s", "-5m", ""):
        with pytest.raises(SourceError):
            parse_every(text)
    assert [backoff_seconds(60, n) for n in (0, 1, 2, 10)] == [60, 120, 240, 60 * 64]

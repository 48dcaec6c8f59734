"""Pushing documents to the server: who may, what it takes, and what the run reports."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from peacewatch.live.client import multipart
from tests.live.conftest import Users, finished_run

DOCS = [
    {"id": "wire-1", "text": "Officials said 5 soldiers were killed in Menaka when their patrol was ambushed.",
     "published": "2024-03-04", "source": "Desert Wire"},
    {"id": "wire-2", "text": "Residents said 2 civilians were killed in Ansongo during a raid on the market.",
     "published": "2024-08-20", "source": "Desert Wire"},
]


def test_an_ingester_pushes_json_and_follows_the_run_to_its_events(client: TestClient, users: Users) -> None:
    answer = client.post("/api/v1/documents", json=DOCS, headers=users.auth("ingester"))
    assert answer.status_code == 201, answer.text
    queued = answer.json()["run"]
    assert queued["kind"] == "push" and queued["submitted_by"] == "feedbot"

    run = finished_run(client, queued["id"], users.auth("ingester"))
    assert run["state"] == "ok"
    assert run["summary"]["documents_new"] == 2 and run["summary"]["new_events"] == 2
    assert run["progress"]["documents_read"] == 2
    assert [(f["origin"], f["status"]) for f in run["files"]] == [("documents.json:1", "added"), ("documents.json:2", "added")]
    places = {e["location"] for e in client.get("/api/v1/events").json()["events"]}
    assert places == {"Menaka", "Ansongo"}
    # The ingest run (as `peacewatch log` names it) finds the same report.
    by_run = client.get(f"/api/v1/runs/{run['run_id']}", headers=users.auth("reviewer")).json()["run"]
    assert by_run["id"] == queued["id"] and by_run["summary"] == run["summary"]


def test_only_ingesters_and_admins_may_push(client: TestClient, users: Users) -> None:
    assert client.post("/api/v1/documents", json=DOCS).status_code == 401
    refused = client.post("/api/v1/documents", json=DOCS, headers=users.auth("reviewer"))
    assert refused.status_code == 403 and "ingester" in refused.json()["detail"]
    assert client.post("/api/v1/documents", json=DOCS, headers=users.auth("admin")).status_code == 201


def test_the_ingester_role_cannot_review(client: TestClient, users: Users) -> None:
    client.post("/api/v1/documents", json=DOCS[:1], headers=users.auth("ingester"))
    answer = client.post("/api/v1/events/anything/reviews", headers=users.auth("ingester"),
                         json={"action": "verify", "reason": "looks right"})
    assert answer.status_code == 403


def test_uploaded_files_get_a_report_per_file(client: TestClient, users: Users) -> None:
    good = b"---\ntitle: Ambush\npublished: 2024-04-02\n---\nPolice said 3 people were killed in Douentza on Monday.\n"
    content_type, body = multipart([("reports/ambush.md", good), ("reports/broken.xml", b"<notafeed/>")])
    answer = client.post("/api/v1/documents", content=body, headers={**users.auth("ingester"), "Content-Type": content_type})
    run = finished_run(client, answer.json()["run"]["id"], users.auth("ingester"))
    report = {f["origin"]: f for f in run["files"]}
    assert report["reports/ambush.md"]["status"] == "added"
    assert report["reports/broken.xml"]["status"] == "error"
    assert run["state"] == "failed" and run["summary"]["errors"] == 1
    assert [i["origin"] for i in run["issues"]] == ["reports/broken.xml"]

    again = client.post("/api/v1/documents", content=multipart([("ambush.md", good)])[1],
                        headers={**users.auth("ingester"), "Content-Type": multipart([("x", b"")])[0]})
    assert again.status_code == 400  # a boundary that is not the body's: nothing readable


def test_jsonl_and_raw_files_are_accepted_and_a_repeat_is_known(client: TestClient, users: Users) -> None:
    lines = "".join(json.dumps(d) + "\n" for d in DOCS).encode()
    first = client.post("/api/v1/documents", content=lines,
                        headers={**users.auth("ingester"), "Content-Type": "application/x-ndjson"})
    assert finished_run(client, first.json()["run"]["id"], users.auth("ingester"))["summary"]["documents_new"] == 2
    repeat = client.post("/api/v1/documents", content=lines,
                         headers={**users.auth("ingester"), "Content-Type": "application/x-ndjson"})
    summary = finished_run(client, repeat.json()["run"]["id"], users.auth("ingester"))["summary"]
    assert summary["documents_new"] == 0 and summary["documents_known"] == 2

    text = "Witnesses said 4 people were killed in Tessit after the convoy was attacked."
    unnamed = client.post("/api/v1/documents", content=text, headers={**users.auth("ingester"), "Content-Type": "text/plain"})
    assert unnamed.status_code == 400 and "name" in unnamed.json()["detail"]
    named = client.post("/api/v1/documents", params={"name": "tessit.txt"}, content=text,
                        headers={**users.auth("ingester"), "Content-Type": "text/plain"})
    run = finished_run(client, named.json()["run"]["id"], users.auth("ingester"))
    assert [f["origin"] for f in run["files"] if f["status"] == "added"] == ["tessit.txt"]


def test_bad_pushes_are_refused_with_a_reason(client: TestClient, users: Users) -> None:
    broken = client.post("/api/v1/documents", content=b"[{", headers={**users.auth("ingester"), "Content-Type": "application/json"})
    assert broken.status_code == 400 and "not valid JSON" in broken.json()["detail"]
    empty = client.post("/api/v1/documents", params={"name": "a.txt"}, content=b"  \n",
                        headers={**users.auth("ingester"), "Content-Type": "text/plain"})
    assert empty.status_code == 400
    assert client.get("/api/v1/runs/job-unknown", headers=users.auth("ingester")).status_code == 404


def test_a_pushed_name_cannot_leave_the_inbox(client: TestClient, users: Users, tmp_path) -> None:
    text = b"Officials said 6 people were killed in Kidal overnight."
    content_type, body = multipart([("../../escape.txt", text)])
    answer = client.post("/api/v1/documents", content=body, headers={**users.auth("ingester"), "Content-Type": content_type})
    run = finished_run(client, answer.json()["run"]["id"], users.auth("ingester"))
    assert {f["origin"] for f in run["files"]} == {"escape.txt"}
    assert not (tmp_path.parent / "escape.txt").exists() and not (tmp_path / "escape.txt").exists()
    assert (tmp_path / "live.duckdb.inbox" / run["id"] / "escape.txt").read_bytes() == text


def test_the_server_runs_the_alert_rules_on_its_schedule(tmp_path, users: Users) -> None:
    from tests.live.conftest import live_app, wait_for

    with TestClient(live_app(tmp_path / "live.duckdb", alerts_every_seconds=1)) as scheduled:
        def alerts_run() -> dict | None:
            runs = scheduled.get("/api/v1/runs", headers=users.auth("reviewer")).json()["runs"]
            return next((r for r in runs if r["kind"] == "alerts" and r["state"] == "ok"), None)

        run = wait_for(alerts_run, "a scheduled run of the alert rules")
    assert run["summary"] == {"alerts_rules": 0, "alerts_raised": 0}

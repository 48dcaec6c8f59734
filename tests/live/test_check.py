"""The live check: the real server runs, a watched feed gains two items, a client pushes a
file, and dashboard readers keep getting answers all along, with nothing lost and no lock error."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from peacewatch.live.client import Client, collect_files
from peacewatch.store import open_store
from tests.live.conftest import Site, live_app, make_store, rss, running_server, wait_for

READS = ("/api/v1/events?limit=100", "/api/v1/documents?limit=5", "/api/v1/facets")
PUSHED = 150


def item(number: int, town: str, day: str) -> dict[str, str]:
    return {"guid": f"wire-{number}", "title": f"Attack near {town}", "link": f"https://wire.example/{number}",
            "date": day, "content": f"<p>Elders said {number} people were killed in {town} in an attack at night.</p>"}


class Reader(threading.Thread):
    """A dashboard reader asking the read endpoints over and over, noting every answer; a lock
    error (or any other) on the server comes back as an HTTP error and is noted as a failure."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.stop = threading.Event()
        self.answers: list[tuple[float, str, int]] = []
        self.failures: list[str] = []

    def run(self) -> None:
        while not self.stop.is_set():
            for path in READS:
                try:
                    with urllib.request.urlopen(self.url + path, timeout=30) as response:
                        json.loads(response.read())
                        self.answers.append((time.monotonic(), path, response.status))
                except urllib.error.HTTPError as error:
                    self.failures.append(f"{path}: HTTP {error.code} {error.read()[:300]!r}")
                except OSError as error:
                    self.failures.append(f"{path}: {error}")


def test_feed_push_and_readers_together(tmp_path: Path, site: Site) -> None:
    db = tmp_path / "live.duckdb"
    users = make_store(db)
    feed = f"{site.url}/feed.xml"
    first = item(11, "Gao", "Mon, 04 Mar 2024 08:00:00 GMT")
    site.put("/feed.xml", rss([first]))
    pushed = tmp_path / "partner.jsonl"
    pushed.write_text("".join(
        json.dumps({"id": f"p{i}", "text": f"Report {i}: a market was visited by {i} traders in Mopti on the day.",
                    "published": "2024-05-01"}) + "\n" for i in range(PUSHED)), encoding="utf-8")

    with running_server(live_app(db, tick_seconds=0.1)) as url:
        client = Client(url, users.ingester)
        watched = client.add_source(feed, "1s")

        def documents() -> int:
            return json.loads(urllib.request.urlopen(url + "/api/v1/documents?limit=1", timeout=30).read())["total"]

        wait_for(lambda: documents() == 1, "the first poll of the feed")
        readers = [Reader(url), Reader(url)]
        for reader in readers:
            reader.start()
        wait_for(lambda: all(r.answers for r in readers), "the readers' first answers")

        site.put("/feed.xml", rss([item(12, "Kidal", "Wed, 10 Jul 2024 08:00:00 GMT"),
                                   item(13, "Menaka", "Sat, 12 Oct 2024 08:00:00 GMT"), first]))
        before = time.monotonic()
        run = client.push(collect_files([pushed]))
        done = client.wait(run["id"], every=0.05)
        after = time.monotonic()

        def places() -> list[str]:
            found = json.loads(urllib.request.urlopen(url + "/api/v1/events?limit=100", timeout=30).read())["events"]
            return sorted(e["location"] for e in found)

        def poll_of_two() -> bool:
            runs = client.request("GET", "/runs?limit=500")["runs"]
            return any(j["kind"] == "poll" and j["state"] == "ok" and j["summary"].get("new_items") == 2 for j in runs)

        wait_for(poll_of_two, "the poll that finds the feed's two new items")
        found = places()
        for reader in readers:
            reader.stop.set()
        for reader in readers:
            reader.join(60)
        jobs = client.request("GET", "/runs?limit=500")["runs"]
        total = documents()
        listed = client.sources()

    assert (done["state"], done["error"], done["issues"]) == ("ok", None, []) and done["summary"]["documents_new"] == PUSHED
    failures = [f for r in readers for f in r.failures]
    assert failures == []
    answers = [a for r in readers for a in r.answers]
    assert {path for _, path, _ in answers} == set(READS) and {status for _, _, status in answers} == {200}
    assert any(before <= at <= after for at, _, _ in answers), "no reader got an answer while the push was ingested"
    assert total == 3 + PUSHED
    assert [(j["state"], j["error"], j["files"]) for j in jobs if j["state"] not in ("ok", "queued", "running")] == []
    assert found == ["Gao", "Kidal", "Menaka"]
    assert [s["failures"] for s in listed if s["id"] == watched["id"]] == [0]

    store = open_store(db, create=False)
    try:
        assert store.count("documents") == 3 + PUSHED
        assert {r["status"] for r in store.runs()} == {"ok"}
    finally:
        store.close()

"""Reviewers writing at once over HTTP: every review is stored, none answers 500 (issue 13, item 3)."""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import httpx

from peacewatch.api import create_app
from peacewatch.auth import create_user
from peacewatch.records import Event
from peacewatch.store import open_store

CLIENTS = 6
WRITES_PER_CLIENT = 90
EVENTS = 5


def _serve(db: Path):
    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def test_concurrent_reviews_are_all_kept(tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    store = open_store(db)
    with store.transaction():
        for i in range(EVENTS):
            store.save_event(Event(event_id=f"C{i}", event_date=date(2020, 1, 1 + i), event_type="Battles",
                                   sub_event_type="Armed clash", country="Mali", iso3="MLI", fatalities=i))
    tokens = [create_user(store, f"reviewer{n}", "reviewer") for n in range(CLIENTS)]
    store.close()
    server, thread, url = _serve(db)

    def work(n: int) -> Counter:
        statuses: Counter = Counter()
        with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {tokens[n]}"}, timeout=120) as client:
            for k in range(WRITES_PER_CLIENT):
                event = f"C{(n + k) % EVENTS}"
                body = ({"action": "verify", "reason": ""} if k % 2 else
                        {"action": "edit", "reason": f"count from reviewer {n}", "changes": {"fatalities": n * 100 + k}})
                statuses[client.post(f"/api/v1/events/{event}/reviews", json=body).status_code] += 1
        return statuses

    try:
        with ThreadPoolExecutor(CLIENTS) as pool:
            results = list(pool.map(work, range(CLIENTS)))
        total = sum(results, Counter())
        with httpx.Client(base_url=url) as client:
            kept = sum(len(client.get(f"/api/v1/events/C{i}/reviews").json()["reviews"]) for i in range(EVENTS))
    finally:
        server.should_exit = True
        thread.join(20)
    writes = CLIENTS * WRITES_PER_CLIENT
    assert total == Counter({200: writes}), total
    assert kept == writes

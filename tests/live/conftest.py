"""Fixtures of the live tests: a store with users of each role, the app with its ingestion
running (the tests' small extractor, short intervals), the real server on a loopback port, and
a local HTTP server standing in for a news site whose feed changes (never the internet)."""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from peacewatch.api import create_app
from peacewatch.auth import create_user
from peacewatch.live.service import LiveSettings
from peacewatch.store import open_store

WAIT_SECONDS = 120.0
"""How long a test waits for the worker before failing (a bound on a wait, not a speed check)."""


def settings(**changes: Any) -> LiveSettings:
    values: dict[str, Any] = {"extractor": "killed-in", "tick_seconds": 0.1, "alerts_every_seconds": 0}
    values.update(changes)
    return LiveSettings(**values)


@dataclass
class Users:
    ingester: str
    reviewer: str
    admin: str

    def auth(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {getattr(self, role)}"}


def make_store(db: Path) -> Users:
    store = open_store(db)
    users = Users(create_user(store, "feedbot", "ingester"), create_user(store, "rita", "reviewer"),
                  create_user(store, "adam", "admin"))
    store.close()
    return users


def live_app(db: Path, **changes: Any) -> FastAPI:
    app = create_app(db)
    app.state.live_settings = settings(**changes)
    return app


@pytest.fixture
def users(tmp_path: Path) -> Users:
    return make_store(tmp_path / "live.duckdb")


@pytest.fixture
def client(tmp_path: Path, users: Users) -> Iterator[TestClient]:
    with TestClient(live_app(tmp_path / "live.duckdb"), raise_server_exceptions=False) as test_client:
        yield test_client


def wait_for(check: Callable[[], Any], what: str) -> Any:
    """Call ``check`` until it returns something true; fail naming ``what`` if it never does."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        found = check()
        if found:
            return found
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.05)


def finished_run(client: TestClient, run_id: str, headers: dict[str, str]) -> dict[str, Any]:
    def done() -> dict[str, Any] | None:
        run = client.get(f"/api/v1/runs/{run_id}", headers=headers).json()["run"]
        return run if run["state"] in ("ok", "failed", "interrupted") else None

    return wait_for(done, f"run {run_id} to finish")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_server(app: FastAPI) -> Iterator[str]:
    """The real server (uvicorn) on a free loopback port for the block; yields its URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_for(lambda: server.started or not thread.is_alive(), "the server to start")
    assert thread.is_alive(), "the server did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)


@dataclass
class Site:
    """A news site on loopback: pages by path, an ETag per body, a 304 when it matches, and
    a number of coming requests to fail with a 503."""

    pages: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    failures_to_come: int = 0
    url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def put(self, path: str, body: str, content_type: str = "application/rss+xml") -> None:
        with self.lock:
            self.pages[path] = (content_type, body.encode("utf-8"))

    def asked(self, path: str) -> list[dict[str, str]]:
        with self.lock:
            return [headers for p, headers in self.requests if p == path]


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            with state.lock:
                state.requests.append((self.path, dict(self.headers.items())))
                failing = state.failures_to_come > 0
                state.failures_to_come -= failing
                page = state.pages.get(self.path)
            if failing:
                self.send_error(503, "Service Unavailable")
                return
            if page is None:
                self.send_error(404, "Not Found")
                return
            content_type, body = page
            etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", "Mon, 07 Dec 2026 10:00:00 GMT")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


ITEM_CONTENT = {"guid": "bulletin-201", "title": "Clash at a checkpoint", "link": "https://bulletin.example/201",
                "date": "Mon, 04 Mar 2024 08:00:00 GMT",
                "content": "<p>Officials said 9 soldiers were killed in Gao when a checkpoint was attacked.</p>"}


def rss(items: list[dict[str, str]], title: str = "Sahel Bulletin") -> str:
    """An RSS 2.0 feed of our own items (keys: guid, title, link, date, summary or content)."""
    parts = []
    for item in items:
        body = f"<description>{item['summary']}</description>" if "summary" in item else ""
        if "content" in item:
            body += f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>"
        parts.append(f"<item><guid>{item['guid']}</guid><title>{item['title']}</title><link>{item['link']}</link>"
                     f"<pubDate>{item['date']}</pubDate>{body}</item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>{title}</title><link>https://bulletin.example/</link><language>en</language>"
            + "".join(parts) + "</channel></rss>")


def article(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!doctype html><html lang="en"><head><title>{title}</title></head><body><nav>Home | World | Sahel</nav>'
            f"<article><h1>{title}</h1>{body}</article><footer>Contact us</footer></body></html>")

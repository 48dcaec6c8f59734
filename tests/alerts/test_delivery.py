"""Delivery to subscribers: a webhook receiver that fails twice then succeeds gets each alert
exactly once by idempotency key, with a valid signature; email reaches a local SMTP server."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from email import message_from_bytes
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from peacewatch.alerts import repository
from peacewatch.alerts.delivery import Settings, deliver_pending
from peacewatch.alerts.evaluate import run_rules
from peacewatch.alerts.subscriptions import SubscriptionError, subscribe
from peacewatch.auth import create_user

from .conftest import add_event, stored_rule

MONDAY = date(2021, 3, 29)
SECRET = "hush-its-a-test"
QUICK = Settings(backoff=0.01, later=timedelta(0))


class Receiver:
    """A webhook endpoint that keeps the first body per idempotency key and answers 500 to its
    first ``failures`` requests (after keeping the body: the sender cannot know it arrived)."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.requests: list[tuple[str, bytes, str]] = []
        self.kept: dict[str, bytes] = {}
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers["Content-Length"]))
                key = self.headers.get("Idempotency-Key", "")
                receiver.requests.append((key, body, self.headers.get("X-Peacewatch-Signature", "")))
                receiver.kept.setdefault(key, body)
                status = 500 if receiver.failures > 0 else 200
                receiver.failures -= 1
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def __enter__(self) -> Receiver:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def alerting(store):  # type: ignore[no-untyped-def]
    """Four alerts to come: a surge in Gao and three successive records."""
    for i in range(3):
        add_event(store, f"w{i}", MONDAY + timedelta(days=i), fatalities=i + 1)
    stored_rule(store, id="gao-surge", kind="surge", area={"admin1": "Gao"}, min_count=3)
    stored_rule(store, id="gao-record", kind="record", area={"admin1": "Gao"}, since="2021-01-01")
    create_user(store, "rita", "reviewer")
    return store


def test_webhook_failing_twice_gets_each_alert_exactly_once(alerting) -> None:  # type: ignore[no-untyped-def]
    with Receiver(failures=2) as receiver:
        sub = subscribe(alerting, "rita", "*", "webhook", receiver.url, SECRET)
        raised = run_rules(alerting, end=date(2021, 12, 31)).raised
        assert len(raised) == 4
        first = deliver_pending(alerting, QUICK)
        again = deliver_pending(alerting, QUICK)
    assert (first.delivered, first.failed, again.delivered) == (4, 0, 0)
    keys = [key for key, _, _ in receiver.requests]
    assert len(keys) == 6 and keys[0] == keys[1] == keys[2]  # the first alert was tried three times
    assert sorted(receiver.kept) == sorted(f"{a.alert_id}.{sub.subscription_id}" for a in raised)
    for key, body, signed in receiver.requests:
        assert signed == "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        payload = json.loads(body)
        assert payload["idempotency_key"] == key and payload["alert"]["rule_id"] in ("gao-surge", "gao-record")
    assert {d["status"] for d in repository.deliveries(alerting)} == {"delivered"}


def test_a_delivery_that_fails_every_try_is_retried_on_a_later_run(alerting) -> None:  # type: ignore[no-untyped-def]
    with Receiver(failures=3) as receiver:
        subscribe(alerting, "rita", "gao-surge", "webhook", receiver.url, SECRET)
        run_rules(alerting, end=date(2021, 12, 31))
        down = deliver_pending(alerting, QUICK)
        [row] = repository.deliveries(alerting)
        assert (down.delivered, down.failed, row["status"], row["attempts"]) == (0, 1, "pending", 3)
        assert "500" in row["last_error"]
        back = deliver_pending(alerting, QUICK)
    assert back.delivered == 1 and len(receiver.kept) == 1 and len(receiver.requests) == 4


def test_a_subscription_only_gets_its_rule(alerting) -> None:  # type: ignore[no-untyped-def]
    with Receiver(failures=0) as receiver:
        subscribe(alerting, "rita", "gao-surge", "webhook", receiver.url)
        run_rules(alerting, end=date(2021, 12, 31))
        deliver_pending(alerting, QUICK)
    [body] = receiver.kept.values()
    assert json.loads(body)["alert"]["kind"] == "surge"
    assert receiver.requests[0][2] == ""  # no secret, no signature


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp() -> Iterator[tuple[int, list]]:  # type: ignore[type-arg]
    from aiosmtpd.controller import Controller

    received: list = []  # type: ignore[type-arg]

    class Handler:
        async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]  # noqa: N802
            received.append(envelope)
            return "250 OK"

    port = _free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    yield port, received
    controller.stop()


def test_email_reaches_the_smtp_server_with_links_to_the_events(alerting, smtp) -> None:  # type: ignore[no-untyped-def]
    port, received = smtp
    subscribe(alerting, "rita", "gao-surge", "email", "rita@desk.invalid")
    run_rules(alerting, end=date(2021, 12, 31))
    settings = Settings(smtp_host="127.0.0.1", smtp_port=port, smtp_from="alerts@peacewatch.invalid",
                        base_url="http://dash.invalid", backoff=0.01)
    assert deliver_pending(alerting, settings).delivered == 1
    assert deliver_pending(alerting, settings).delivered == 0
    [envelope] = received
    assert envelope.rcpt_tos == ["rita@desk.invalid"]
    mail = message_from_bytes(envelope.content)
    assert mail["Subject"].startswith("[peacewatch] Surge in Gao")
    body = mail.get_payload(decode=True).decode()
    assert "http://dash.invalid/#/event/w0" in body and 'location: "Gao"' in body


@pytest.mark.parametrize(("user", "rule_id", "channel", "target"), [
    ("nobody", "gao-surge", "webhook", "http://127.0.0.1:9/hook"),
    ("rita", "no-such-rule", "webhook", "http://127.0.0.1:9/hook"),
    ("rita", "gao-surge", "webhook", "file:///etc/passwd"),
    ("rita", "gao-surge", "email", "not-an-address"),
    ("rita", "gao-surge", "pigeon", "roof"),
])
def test_subscriptions_are_checked(alerting, user: str, rule_id: str, channel: str, target: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SubscriptionError):
        subscribe(alerting, user, rule_id, channel, target)

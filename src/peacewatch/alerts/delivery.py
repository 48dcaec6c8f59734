"""Sending alerts to subscribers: webhooks (signed JSON) and email over SMTP.

At least once: a delivery is marked done only when the receiver answers 2xx (or the SMTP server
accepts the message), so a failure is retried, a few times with a growing pause in the same
run and then on later runs, each later try waiting longer. A retried webhook carries the same
``Idempotency-Key`` (and an email the same Message-ID), so a receiver that got the first try
but failed to answer can drop the repeat.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import smtplib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from email.message import EmailMessage
from email.utils import make_msgid

import httpx

from peacewatch.alerts import repository
from peacewatch.alerts.records import Alert, Subscription
from peacewatch.store.base import Store, now

SIGNATURE_HEADER = "X-Peacewatch-Signature"
IDEMPOTENCY_HEADER = "Idempotency-Key"
CHANNELS = ("webhook", "email")


@dataclass(slots=True)
class Settings:
    """How deliveries are made; SMTP and the dashboard's address come from the environment."""

    attempts: int = 3
    """Tries per delivery within one run."""
    backoff: float = 0.5
    """Seconds before the second try; doubled before each further one."""
    later: timedelta = timedelta(minutes=1)
    """Wait before the next run may retry a delivery that failed every try; doubled per failed run."""
    timeout: float = 10.0
    smtp_host: str = field(default_factory=lambda: os.environ.get("PEACEWATCH_SMTP_HOST", "localhost"))
    smtp_port: int = field(default_factory=lambda: int(os.environ.get("PEACEWATCH_SMTP_PORT", "25")))
    smtp_from: str = field(default_factory=lambda: os.environ.get("PEACEWATCH_SMTP_FROM", "peacewatch@localhost"))
    base_url: str = field(default_factory=lambda: os.environ.get("PEACEWATCH_BASE_URL", "http://127.0.0.1:8000"))


@dataclass(slots=True)
class DeliverySummary:
    delivered: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def idempotency_key(alert_id: str, subscription_id: str) -> str:
    return f"{alert_id}.{subscription_id}"


def signature(secret: str, body: bytes) -> str:
    """``sha256=`` and the hex HMAC-SHA256 of the exact body bytes, keyed by the subscription's secret."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def webhook_body(alert: Alert, sub: Subscription) -> bytes:
    payload = {"type": "peacewatch.alert", "idempotency_key": idempotency_key(alert.alert_id, sub.subscription_id),
               "subscription_id": sub.subscription_id, "alert": alert.to_dict()}
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")


def send_webhook(alert: Alert, sub: Subscription, settings: Settings) -> None:
    body = webhook_body(alert, sub)
    headers = {"Content-Type": "application/json",
               IDEMPOTENCY_HEADER: idempotency_key(alert.alert_id, sub.subscription_id)}
    if sub.secret:
        headers[SIGNATURE_HEADER] = signature(sub.secret, body)
    response = httpx.post(sub.target, content=body, headers=headers, timeout=settings.timeout)
    if not 200 <= response.status_code < 300:
        raise RuntimeError(f"webhook answered {response.status_code}")


def email_message(alert: Alert, sub: Subscription, settings: Settings) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = f"[peacewatch] {alert.title}"
    message["From"] = settings.smtp_from
    message["To"] = sub.target
    domain = settings.smtp_from.rpartition("@")[2] or "peacewatch.invalid"
    message["Message-ID"] = make_msgid(idstring=idempotency_key(alert.alert_id, sub.subscription_id), domain=domain)
    base = settings.base_url.rstrip("/")
    lines = [alert.title, "", f"Rule: {alert.rule_name} ({alert.rule_id})"]
    if alert.window_start or alert.window_end:
        lines.append(f"Window: {alert.window_start or '…'} to {alert.window_end or '…'}")
    lines.append(f"Alert: {base}/#/alerts/{alert.alert_id}")
    if alert.events:
        lines += ["", f"Events ({alert.event_count}):"]
        for ev in alert.events:
            lines.append(f"- {ev['event_date']} {ev['event_type']} at {ev['location']}, {ev['fatalities'] or 0} killed: "
                         f"{base}{ev['href']}")
            lines += [f"    {e['field']}: \"{e['text']}\"" for e in ev["evidence"][:4]]
    message.set_content("\n".join(lines) + "\n")
    return message


def send_email(alert: Alert, sub: Subscription, settings: Settings) -> None:
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.timeout) as smtp:
        smtp.send_message(email_message(alert, sub, settings))


SENDERS: dict[str, Callable[[Alert, Subscription, Settings], None]] = {"webhook": send_webhook, "email": send_email}


def deliver_pending(store: Store, settings: Settings | None = None) -> DeliverySummary:
    """Queue deliveries for new alerts, then send every delivery that is due."""
    settings = settings or Settings()
    repository.queue_deliveries(store)
    subs = {s.subscription_id: s for s in repository.subscriptions(store)}
    summary = DeliverySummary()
    down: set[str] = set()
    for row in repository.due_deliveries(store, now()):
        sub, alert = subs.get(row["subscription_id"]), repository.alert(store, row["alert_id"])
        if sub is None or alert is None or sub.target in down:
            continue
        attempts, error = int(row["attempts"]), None
        for attempt in range(settings.attempts):
            if attempt:
                time.sleep(settings.backoff * 2 ** (attempt - 1))
            attempts += 1
            try:
                SENDERS[sub.channel](alert, sub, settings)
                error = None
                break
            except Exception as exc:  # any failure of the receiver or the network: retried later
                error = f"{type(exc).__name__}: {exc}"
        failed_runs = attempts // settings.attempts
        retry_at = None if error is None else now() + settings.later * 2 ** max(failed_runs - 1, 0)
        repository.record_attempt(store, alert.alert_id, sub.subscription_id, attempts, error, retry_at)
        if error is None:
            summary.delivered += 1
        else:
            summary.failed += 1
            summary.errors.append(f"{sub.channel} {sub.target}: {error}")
            down.add(sub.target)
    return summary

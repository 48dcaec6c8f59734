"""Reading and writing the alerts tables, and the slim event rows rules scan (portable SQL)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from peacewatch.alerts.records import Alert, Subscription
from peacewatch.alerts.rules import Rule, check_rule
from peacewatch.records import parse_date
from peacewatch.store.base import Store, now


# -- rules --------------------------------------------------------------------------------
def save_rule(store: Store, rule: Rule, user: str | None = None) -> bool:
    """Insert or replace a rule; True when it is new."""
    stamp = now()
    with store.transaction():
        created = store.scalar("SELECT created_at FROM alert_rules WHERE rule_id = ?", (rule.id,))
        store.execute("DELETE FROM alert_rules WHERE rule_id = ?", (rule.id,))
        store.execute(
            "INSERT INTO alert_rules VALUES (?, ?, ?, ?, ?, ?, ?)",
            (rule.id, rule.name, rule.kind, json.dumps(rule.to_dict()), user, created or stamp, stamp),
        )
    return created is None


def rules(store: Store) -> list[Rule]:
    return [check_rule(json.loads(r["data"])) for r in store.query("SELECT data FROM alert_rules ORDER BY rule_id")]


def rule(store: Store, rule_id: str) -> Rule | None:
    rows = store.query("SELECT data FROM alert_rules WHERE rule_id = ?", (rule_id,))
    return check_rule(json.loads(rows[0]["data"])) if rows else None


def delete_rule(store: Store, rule_id: str) -> bool:
    """Remove a rule and its subscriptions; alerts it raised stay (they are history)."""
    with store.transaction():
        found = store.scalar("SELECT COUNT(*) FROM alert_rules WHERE rule_id = ?", (rule_id,))
        store.execute("DELETE FROM alert_rules WHERE rule_id = ?", (rule_id,))
        store.execute("DELETE FROM alert_subscriptions WHERE rule_id = ?", (rule_id,))
    return bool(found)


# -- alerts -------------------------------------------------------------------------------
def known_alert_ids(store: Store, rule_id: str) -> set[str]:
    return {r["alert_id"] for r in store.query("SELECT alert_id FROM alerts WHERE rule_id = ?", (rule_id,))}


def add_alert(store: Store, alert: Alert) -> None:
    alert.raised_at = alert.raised_at or now()
    store.execute(
        "INSERT INTO alerts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (alert.alert_id, alert.rule_id, alert.kind, alert.key, alert.fired_on, alert.window_start,
         alert.window_end, alert.title, json.dumps(alert.to_dict()), alert.raised_at),
    )


def _alert_from(row: dict[str, Any]) -> Alert:
    data = json.loads(row["data"])
    for name in ("fired_on", "window_start", "window_end"):
        data[name] = parse_date(data.get(name))
    data["raised_at"] = row["raised_at"]
    return Alert(**data)


def alerts(
    store: Store, since: datetime | None = None, rule_id: str | None = None, limit: int | None = None
) -> list[Alert]:
    """Raised alerts, newest first; ``since`` keeps those raised after that moment."""
    where, params = ["TRUE"], []
    if since is not None:
        where.append("raised_at > ?")
        params.append(since)
    if rule_id is not None:
        where.append("rule_id = ?")
        params.append(rule_id)
    sql = f"SELECT data, raised_at FROM alerts WHERE {' AND '.join(where)} ORDER BY raised_at DESC, fired_on DESC, alert_id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_alert_from(r) for r in store.query(sql, params)]


def alert(store: Store, alert_id: str) -> Alert | None:
    rows = store.query("SELECT data, raised_at FROM alerts WHERE alert_id = ?", (alert_id,))
    return _alert_from(rows[0]) if rows else None


# -- subscriptions and deliveries ---------------------------------------------------------
def add_subscription(store: Store, sub: Subscription) -> None:
    sub.created_at = sub.created_at or now()
    with store.transaction():
        store.execute(
            "INSERT INTO alert_subscriptions VALUES (?, ?, ?, ?, ?, ?, ?)",
            (sub.subscription_id, sub.user_name, sub.rule_id, sub.channel, sub.target, sub.secret or None,
             sub.created_at),
        )


def subscriptions(store: Store, user: str | None = None) -> list[Subscription]:
    where, params = ("user_name = ?", (user,)) if user else ("TRUE", ())
    rows = store.query(f"SELECT * FROM alert_subscriptions WHERE {where} ORDER BY created_at, subscription_id", params)
    return [Subscription(**{**r, "secret": r["secret"] or ""}) for r in rows]


def delete_subscription(store: Store, subscription_id: str, user: str | None = None) -> bool:
    where, params = "subscription_id = ?", [subscription_id]
    if user is not None:
        where += " AND user_name = ?"
        params.append(user)
    with store.transaction():
        found = store.scalar(f"SELECT COUNT(*) FROM alert_subscriptions WHERE {where}", params)
        store.execute(f"DELETE FROM alert_subscriptions WHERE {where}", params)
        store.execute("DELETE FROM alert_deliveries WHERE subscription_id = ? AND status <> 'delivered'", (subscription_id,))
    return bool(found)


def queue_deliveries(store: Store) -> int:
    """Give every (alert, matching subscription) pair a delivery row; returns how many were added.

    A subscription only receives alerts raised after it was made: subscribing does not replay
    history (the API and the feed do that).
    """
    before = int(store.scalar("SELECT COUNT(*) FROM alert_deliveries"))
    with store.transaction():
        store.execute(
            "INSERT INTO alert_deliveries (alert_id, subscription_id, status, attempts) "
            "SELECT a.alert_id, s.subscription_id, 'pending', 0 FROM alerts a JOIN alert_subscriptions s "
            "ON (s.rule_id = a.rule_id OR s.rule_id = '*') AND a.raised_at >= s.created_at "
            "WHERE NOT EXISTS (SELECT 1 FROM alert_deliveries d "
            "WHERE d.alert_id = a.alert_id AND d.subscription_id = s.subscription_id)"
        )
    return int(store.scalar("SELECT COUNT(*) FROM alert_deliveries")) - before


def due_deliveries(store: Store, at: datetime) -> list[dict[str, Any]]:
    return store.query(
        "SELECT d.alert_id, d.subscription_id, d.attempts FROM alert_deliveries d "
        "WHERE d.status = 'pending' AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= ?) "
        "ORDER BY d.subscription_id, d.alert_id",
        (at,),
    )


def record_attempt(
    store: Store, alert_id: str, subscription_id: str, attempts: int, error: str | None,
    next_attempt_at: datetime | None,
) -> None:
    delivered = error is None
    with store.transaction():
        store.execute(
            "UPDATE alert_deliveries SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?, "
            "delivered_at = ? WHERE alert_id = ? AND subscription_id = ?",
            ("delivered" if delivered else "pending", attempts, error, next_attempt_at,
             now() if delivered else None, alert_id, subscription_id),
        )


def deliveries(store: Store) -> list[dict[str, Any]]:
    return store.query("SELECT * FROM alert_deliveries ORDER BY subscription_id, alert_id")


def user_exists(store: Store, name: str) -> bool:
    return bool(store.scalar("SELECT COUNT(*) FROM users WHERE name = ? AND revoked_at IS NULL", (name,)))


# -- what rules read ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EventRow:
    """The fields rules look at, without the event's JSON (rules scan whole histories)."""

    event_id: str
    event_date: date
    event_type: str
    sub_event_type: str
    actors: tuple[tuple[str, int | None], ...]
    """(name, inter code) of actor1, actor2 and their associated actors."""
    country: str
    admin1: str
    admin2: str
    location: str
    latitude: float | None
    longitude: float | None
    fatalities: int


def _names(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def event_rows(store: Store) -> list[EventRow]:
    """Dated events not rejected by a reviewer, oldest first."""
    rows = store.query(
        "SELECT event_id, event_date, event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, "
        "assoc_actor_2, inter2, country, admin1, admin2, location, latitude, longitude, fatalities "
        "FROM events WHERE event_date IS NOT NULL AND review_state <> 'rejected' ORDER BY event_date, event_id"
    )
    out = []
    for r in rows:
        actors = tuple(
            [(n, r["inter1"]) for n in _names(r["actor1"]) + _names(r["assoc_actor_1"])]
            + [(n, r["inter2"]) for n in _names(r["actor2"]) + _names(r["assoc_actor_2"])]
        )
        out.append(EventRow(
            r["event_id"], r["event_date"], r["event_type"] or "", r["sub_event_type"] or "", actors,
            r["country"] or "", r["admin1"] or "", r["admin2"] or "", r["location"] or "", r["latitude"],
            r["longitude"], int(r["fatalities"] or 0),
        ))
    return out


def first_event_date(store: Store) -> date | None:
    return store.scalar("SELECT MIN(event_date) FROM events WHERE event_date IS NOT NULL")

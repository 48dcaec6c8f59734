"""Records of the alerts component: what a rule finds, and the alert raised from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from peacewatch.records import Record


@dataclass(slots=True)
class Finding:
    """One thing a rule reports, before it is stored: ``key`` names it within its rule, so the
    same window, event, actor or milestone is reported once however often the rule runs."""

    key: str
    fired_on: date
    title: str
    window_start: date | None = None
    window_end: date | None = None
    event_ids: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Alert(Record):
    alert_id: str
    rule_id: str
    rule_name: str
    kind: str
    key: str
    fired_on: date | None
    title: str
    window_start: date | None = None
    window_end: date | None = None
    events: list[dict[str, Any]] = field(default_factory=list)
    """Each event behind the alert, brief, with its evidence spans and links to its pages."""
    event_count: int = 0
    details: dict[str, Any] = field(default_factory=dict)
    raised_at: datetime | None = None


@dataclass(slots=True)
class Subscription(Record):
    subscription_id: str
    user_name: str
    rule_id: str
    """A rule id, or "*" for every rule."""
    channel: str
    """webhook | email"""
    target: str
    secret: str = ""
    created_at: datetime | None = None

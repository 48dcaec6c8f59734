"""Subscriptions: a user asks for one rule's alerts (or every rule's, "*") by webhook or email."""

from __future__ import annotations

import re
import uuid
from urllib.parse import urlparse

from peacewatch.alerts import repository
from peacewatch.alerts.delivery import CHANNELS
from peacewatch.alerts.records import Subscription
from peacewatch.store.base import Store

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


class SubscriptionError(ValueError):
    """An unknown user or rule, or a target the channel cannot use."""


def subscribe(store: Store, user: str, rule_id: str, channel: str, target: str, secret: str = "") -> Subscription:
    """Record a subscription after checking the user, the rule and the target."""
    if channel not in CHANNELS:
        raise SubscriptionError(f"channel must be one of {', '.join(CHANNELS)}")
    if not repository.user_exists(store, user):
        raise SubscriptionError(f"no active user {user!r} (create one with: peacewatch users add)")
    if rule_id != "*" and repository.rule(store, rule_id) is None:
        raise SubscriptionError(f"no alert rule {rule_id!r}")
    if channel == "webhook":
        parsed = urlparse(target)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise SubscriptionError(f"a webhook needs an http(s) URL, not {target!r}")
    elif not _EMAIL.match(target):
        raise SubscriptionError(f"{target!r} is not an email address")
    sub = Subscription(subscription_id="sub-" + uuid.uuid4().hex[:12], user_name=user, rule_id=rule_id,
                       channel=channel, target=target, secret=secret)
    repository.add_subscription(store, sub)
    return sub

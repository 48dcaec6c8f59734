"""Alert endpoints: raised alerts (``since`` for polling clients, an Atom feed), rule CRUD for
admins, backtests, and each user's own subscriptions."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request, Response

from peacewatch.alerts import repository
from peacewatch.alerts.evaluate import backtest
from peacewatch.alerts.feed import atom_feed
from peacewatch.alerts.rules import RuleError, check_rule
from peacewatch.alerts.subscriptions import SubscriptionError, subscribe
from peacewatch.api.deps import current_user, get_store, require
from peacewatch.api.schemas import (
    AlertOne, AlertPage, AlertRuleOne, AlertRules, Backtest, Removed, SubscriptionOne, Subscriptions, ok,
)
from peacewatch.auth import User
from peacewatch.store import Store

router = APIRouter(prefix="/api/v1", tags=["alerts"])

Since = Query(None, description="Only alerts raised after this moment (UTC); pass the previous answer's `latest`.")


def _alerts(store: Store, since: datetime | None, rule: str | None, limit: int) -> list[Any]:
    if since is not None and since.tzinfo is not None:
        since = since.astimezone(timezone.utc).replace(tzinfo=None)
    return repository.alerts(store, since, rule, limit)


@router.get("/alerts", summary="Raised alerts, newest first, each with its rule, window and events with evidence",
            **ok(AlertPage))
def list_alerts(
    since: datetime | None = Since, rule: str | None = Query(None, description="Only this rule's alerts."),
    limit: int = Query(100, ge=1, le=1000), store: Store = Depends(get_store),
) -> dict[str, Any]:
    found = _alerts(store, since, rule, limit)
    latest = max((a.raised_at for a in found if a.raised_at), default=since)
    return {"alerts": [a.to_dict() for a in found], "latest": latest.isoformat() if latest else None}


@router.get("/alerts/feed.atom", summary="Raised alerts as an Atom feed", response_class=Response,
            responses={200: {"description": "An Atom 1.0 feed.",
                             "content": {"application/atom+xml": {"schema": {"type": "string"}}}}})
def alerts_feed(
    request: Request, rule: str | None = Query(None), limit: int = Query(100, ge=1, le=1000),
    store: Store = Depends(get_store),
) -> Response:
    base = str(request.base_url)
    body = atom_feed(_alerts(store, None, rule, limit), base, str(request.url))
    return Response(body, media_type="application/atom+xml; charset=utf-8")


@router.get("/alerts/{alert_id}", summary="One alert", **ok(AlertOne))
def get_alert(alert_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    found = repository.alert(store, alert_id)
    if found is None:
        raise HTTPException(404, f"no alert {alert_id}")
    return {"alert": found.to_dict()}


@router.get("/alert-rules", summary="Alert rules with the number of alerts each raised", **ok(AlertRules))
def list_rules(store: Store = Depends(get_store)) -> dict[str, Any]:
    return {"rules": [{**r.to_dict(), "alerts": len(repository.known_alert_ids(store, r.id))}
                      for r in repository.rules(store)]}


def _checked(data: Any) -> Any:
    try:
        return check_rule(data)
    except RuleError as exc:
        raise HTTPException(422, str(exc)) from None


@router.post("/alert-rules", summary="Create an alert rule (admin role)", **ok(AlertRuleOne, status=201))
def create_rule(
    data: dict[str, Any] = Body(..., description="A rule as in rule.schema.json (docs/alerts.md)."),
    user: User = Depends(require("admin")), store: Store = Depends(get_store),
) -> dict[str, Any]:
    rule = _checked(data)
    if repository.rule(store, rule.id) is not None:
        raise HTTPException(409, f"rule {rule.id} exists; PUT /api/v1/alert-rules/{rule.id} replaces it")
    store.atomic(lambda: repository.save_rule(store, rule, user.name))
    return {"rule": rule.to_dict()}


@router.put("/alert-rules/{rule_id}", summary="Replace an alert rule (admin role)", **ok(AlertRuleOne))
def replace_rule(
    rule_id: str, data: dict[str, Any] = Body(...),
    user: User = Depends(require("admin")), store: Store = Depends(get_store),
) -> dict[str, Any]:
    rule = _checked({**data, "id": rule_id})
    store.atomic(lambda: repository.save_rule(store, rule, user.name))
    return {"rule": rule.to_dict()}


@router.delete("/alert-rules/{rule_id}", summary="Remove an alert rule and its subscriptions (admin role)",
               **ok(Removed))
def remove_rule(rule_id: str, _: User = Depends(require("admin")), store: Store = Depends(get_store)) -> dict[str, str]:
    if not store.atomic(lambda: repository.delete_rule(store, rule_id)):
        raise HTTPException(404, f"no alert rule {rule_id}")
    return {"removed": rule_id}


@router.get("/alert-rules/{rule_id}/backtest", summary="When a rule would have fired between two dates (stores nothing)",
            **ok(Backtest))
def backtest_rule(
    rule_id: str, start: date = Query(..., alias="from"), end: date = Query(..., alias="to"),
    store: Store = Depends(get_store),
) -> dict[str, Any]:
    rule = repository.rule(store, rule_id)
    if rule is None:
        raise HTTPException(404, f"no alert rule {rule_id}")
    if end < start:
        raise HTTPException(422, "`to` is before `from`")
    return {"rule": rule_id, "from": start.isoformat(), "to": end.isoformat(), "fired": [
        {"fired_on": f.fired_on.isoformat(), "key": f.key, "title": f.title,
         "window_start": f.window_start.isoformat() if f.window_start else None,
         "window_end": f.window_end.isoformat() if f.window_end else None, "events": f.event_ids}
        for f in backtest(store, rule, start, end)]}


def _public(sub: Any) -> dict[str, Any]:
    out = sub.to_dict()
    out["secret"] = bool(sub.secret)
    return out


@router.get("/alert-subscriptions", summary="The caller's subscriptions (secrets are not shown)", **ok(Subscriptions))
def my_subscriptions(user: User = Depends(current_user), store: Store = Depends(get_store)) -> dict[str, Any]:
    return {"subscriptions": [_public(s) for s in repository.subscriptions(store, user.name)]}


@router.post("/alert-subscriptions", summary="Subscribe the caller to a rule (or '*') by webhook or email",
             **ok(SubscriptionOne, status=201))
def add_subscription(
    rule_id: str = Body(...), channel: str = Body(..., description="webhook or email"),
    target: str = Body(..., description="The webhook's URL or the email address."),
    secret: str = Body("", description="HMAC-SHA256 key for the webhook signature header."),
    user: User = Depends(current_user), store: Store = Depends(get_store),
) -> dict[str, Any]:
    try:
        sub = store.atomic(lambda: subscribe(store, user.name, rule_id, channel, target, secret))
    except SubscriptionError as exc:
        raise HTTPException(422, str(exc)) from None
    return {"subscription": _public(sub)}


@router.delete("/alert-subscriptions/{subscription_id}", summary="Remove one of the caller's subscriptions", **ok(Removed))
def remove_subscription(
    subscription_id: str, user: User = Depends(current_user), store: Store = Depends(get_store)
) -> dict[str, str]:
    if not store.atomic(lambda: repository.delete_subscription(store, subscription_id, user.name)):
        raise HTTPException(404, f"no subscription {subscription_id} of {user.name}")
    return {"removed": subscription_id}

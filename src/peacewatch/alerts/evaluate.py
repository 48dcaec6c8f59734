"""Running rules over the store: raising alerts (once each), and backtests that only list.

``run_rules`` is what the ingest hook, ``peacewatch alerts run`` and a server's schedule call;
``backtest`` replays a span of the store's history with the same scans and writes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from peacewatch.alerts import agreement_rules, event_rules, repository
from peacewatch.alerts.area import area_of
from peacewatch.alerts.records import Alert, Finding
from peacewatch.alerts.repository import EventRow
from peacewatch.alerts.rules import EVENT_KINDS, Rule
from peacewatch.store.base import Store

MAX_EVENTS = 50
"""Events described in one alert (a surge may have hundreds; the count is kept)."""


def alert_id(rule_id: str, key: str) -> str:
    return "alr-" + hashlib.sha1(f"{rule_id}|{key}".encode()).hexdigest()[:16]


def scan(
    store: Store, rule: Rule, start: date | None, end: date, rows: Sequence[EventRow] | None = None
) -> list[Finding]:
    """What ``rule`` reports on the days from ``start`` (None: the beginning) to ``end``."""
    if rule.kind in EVENT_KINDS:
        area = area_of(rule.data["area"])
        mine = event_rules.rows_for(rule, area, rows if rows is not None else repository.event_rows(store))
        return event_rules.SCANS[rule.kind](rule, area, mine, start, end)
    return agreement_rules.SCANS[rule.kind](store, rule, start, end)


def _event_briefs(store: Store, event_ids: Sequence[str]) -> list[dict[str, object]]:
    """Each event with the spans that support it and where to read it (dashboard, API, source)."""
    briefs = []
    for event_id in list(dict.fromkeys(event_ids))[:MAX_EVENTS]:
        event = store.event(event_id)
        if event is None:
            continue
        meta = store.document_meta(event.sources)
        briefs.append({
            "event_id": event.event_id,
            "event_date": event.event_date.isoformat() if event.event_date else None,
            "event_type": event.event_type,
            "sub_event_type": event.sub_event_type,
            "location": event.location,
            "admin1": event.admin1,
            "actor1": event.actor1,
            "actor2": event.actor2,
            "fatalities": event.fatalities,
            "review_state": event.review_state,
            "href": f"/#/event/{event.event_id}",
            "api": f"/api/v1/events/{event.event_id}",
            "sources": [
                {"document_id": d, "source": (meta.get(d) or {}).get("source"), "title": (meta.get(d) or {}).get("title"),
                 "url": (meta.get(d) or {}).get("url")}
                for d in event.sources
            ],
            "evidence": [
                {"field": e.field, "document_id": e.document_id, "start": e.start, "end": e.end, "text": e.text,
                 "api": f"/api/v1/documents/{e.document_id}"}
                for e in store.evidence(event.event_id)
            ],
        })
    return briefs


def to_alert(store: Store, rule: Rule, finding: Finding) -> Alert:
    return Alert(
        alert_id=alert_id(rule.id, finding.key), rule_id=rule.id, rule_name=rule.name, kind=rule.kind,
        key=finding.key, fired_on=finding.fired_on, title=finding.title, window_start=finding.window_start,
        window_end=finding.window_end, events=_event_briefs(store, finding.event_ids),
        event_count=len(set(finding.event_ids)), details={**finding.details, "rule": rule.to_dict()},
    )


@dataclass(slots=True)
class RunSummary:
    rules: int = 0
    findings: int = 0
    raised: list[Alert] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        return {"alerts_rules": self.rules, "alerts_raised": len(self.raised)}


def run_rules(
    store: Store, start: date | None = None, end: date | None = None, rule_ids: Sequence[str] | None = None
) -> RunSummary:
    """Scan enabled rules over [start, end] (default: each rule's whole history up to today) and
    store the alerts not raised before."""
    end = end or date.today()
    chosen = [r for r in repository.rules(store) if r.enabled and (rule_ids is None or r.id in rule_ids)]
    summary = RunSummary(rules=len(chosen))
    rows = repository.event_rows(store) if any(r.kind in EVENT_KINDS for r in chosen) else []
    for rule in chosen:
        findings = scan(store, rule, start, end, rows)
        summary.findings += len(findings)
        known = repository.known_alert_ids(store, rule.id)
        with store.transaction():
            for finding in findings:
                if alert_id(rule.id, finding.key) in known:
                    continue
                alert = to_alert(store, rule, finding)
                repository.add_alert(store, alert)
                known.add(alert.alert_id)
                summary.raised.append(alert)
    return summary


def backtest(store: Store, rule: Rule, start: date, end: date) -> list[Finding]:
    """When ``rule`` would have fired between two dates, judging each day by the events dated up
    to it; nothing is stored."""
    return sorted(scan(store, rule, start, end), key=lambda f: (f.fired_on, f.key))

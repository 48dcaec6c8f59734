"""Rules over the event table: surge, record, new actor, new event type.

Each scan takes the area's events (oldest first) and a span of days, and returns what the rule
would have reported on those days, looking only at events dated up to the day in question: the
same function answers "what is new now" after an ingest and "when would this have fired" in a
backtest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from unidecode import unidecode

from peacewatch.alerts.area import Area
from peacewatch.alerts.records import Finding
from peacewatch.alerts.repository import EventRow
from peacewatch.alerts.rules import Rule

GRID_ORIGIN = date(2000, 1, 3)
"""Surge windows are laid on a fixed grid from this Monday, so 7-day windows are ISO weeks and
a window is the same window whenever the rule runs (its start is the alert's key)."""

CIVILIANS = 7
"""Inter code of civilians: victims, not actors that become "active" in an area."""


def _within(day: date, start: date | None, end: date) -> bool:
    return (start is None or day >= start) and day <= end


def rows_for(rule: Rule, area: Area, rows: Sequence[EventRow]) -> list[EventRow]:
    types = set(rule.get("event_types") or ())
    since = rule.since
    return [
        r for r in rows
        if area.contains(r) and (not types or r.event_type in types) and (since is None or r.event_date >= since)
    ]


def _window_index(day: date, days: int) -> int:
    return (day - GRID_ORIGIN).days // days


def _window_start(index: int, days: int) -> date:
    return GRID_ORIGIN + timedelta(days=index * days)


def surge(rule: Rule, area: Area, rows: Sequence[EventRow], start: date | None, end: date) -> list[Finding]:
    """A window whose events (or fatalities) reach ``factor`` x the trailing windows' mean and
    ``min_count``; reported on the day its running total first crossed both."""
    days, trailing = int(rule.get("window_days")), int(rule.get("baseline_windows"))
    factor, floor = float(rule.get("factor")), int(rule.get("min_count"))
    by_fatalities = rule.get("measure") == "fatalities"
    windows: dict[int, list[EventRow]] = {}
    for row in rows:
        if row.event_date <= end:
            windows.setdefault(_window_index(row.event_date, days), []).append(row)
    findings = []
    for index in sorted(windows):
        members = windows[index]
        totals = [
            sum(r.fatalities if by_fatalities else 1 for r in windows.get(k, ())) for k in range(index - trailing, index)
        ]
        baseline = sum(totals) / trailing
        running, fired = 0, None
        for row in members:
            running += row.fatalities if by_fatalities else 1
            if running >= floor and running >= factor * baseline:
                fired = row.event_date
                break
        if fired is None or not _within(fired, start, end):
            continue
        first = _window_start(index, days)
        last = first + timedelta(days=days - 1)
        total = sum(r.fatalities if by_fatalities else 1 for r in members)
        unit = "fatalities" if by_fatalities else "events"
        findings.append(Finding(
            key=first.isoformat(), fired_on=fired, window_start=first, window_end=last,
            title=f"Surge in {area.label}: {total} {unit} in {days} days from {first.isoformat()} "
                  f"(trailing mean {baseline:.1f})",
            event_ids=[r.event_id for r in members],
            details={"measure": unit, "total": total, "baseline_mean": round(baseline, 2),
                     "baseline_windows": totals, "factor": factor, "min_count": floor},
        ))
    return findings


def record(rule: Rule, area: Area, rows: Sequence[EventRow], start: date | None, end: date) -> list[Finding]:
    """An event deadlier than every earlier event in the area since the rule's date."""
    floor, since = int(rule.get("min_fatalities")), rule.since
    best: EventRow | None = None
    findings = []
    for row in rows:
        if row.event_date > end:
            break
        previous = best.fatalities if best else 0
        if row.fatalities > previous:
            if row.fatalities >= floor and _within(row.event_date, start, end):
                findings.append(Finding(
                    key=row.event_id, fired_on=row.event_date, window_start=since, window_end=row.event_date,
                    title=f"Deadliest event in {area.label} since {since.isoformat() if since else 'records began'}: "
                          f"{row.fatalities} killed at {row.location or area.label} on {row.event_date.isoformat()}",
                    event_ids=[row.event_id] + ([best.event_id] if best else []),
                    details={"fatalities": row.fatalities, "previous_record": previous,
                             "previous_event": best.event_id if best else None},
                ))
            best = row
    return findings


def _first_seen(
    rule: Rule, area: Area, rows: Sequence[EventRow], start: date | None, end: date,
    values: Callable[[EventRow], list[str]], what: str,
) -> list[Finding]:
    """Values (actors, types) appearing in the area for the first time after enough history."""
    history = int(rule.get("min_history"))
    seen: set[str] = set()
    findings = []
    for count, row in enumerate(rows):
        if row.event_date > end:
            break
        for value in values(row):
            key = unidecode(value).casefold()
            if key in seen:
                continue
            seen.add(key)
            if count >= history and _within(row.event_date, start, end):
                findings.append(Finding(
                    key=key, fired_on=row.event_date, window_start=rows[0].event_date, window_end=row.event_date,
                    title=f"New {what} in {area.label}: {value} ({row.event_date.isoformat()}, {row.location or area.label})",
                    event_ids=[row.event_id],
                    details={what.replace(" ", "_"): value, "earlier_events": count},
                ))
    return findings


def new_actor(rule: Rule, area: Area, rows: Sequence[EventRow], start: date | None, end: date) -> list[Finding]:
    """An actor (not civilians) active in the area for the first time."""
    return _first_seen(rule, area, rows, start, end,
                       lambda r: [name for name, inter in r.actors if inter != CIVILIANS], "actor")


def new_event_type(rule: Rule, area: Area, rows: Sequence[EventRow], start: date | None, end: date) -> list[Finding]:
    """An event type (or sub-event type) not seen in the area before."""
    field = rule.get("field")
    return _first_seen(rule, area, rows, start, end,
                       lambda r: [v] if (v := getattr(r, field)) else [], field.replace("_", " "))


SCANS = {"surge": surge, "record": record, "new_actor": new_actor, "new_event_type": new_event_type}

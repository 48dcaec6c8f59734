"""Rules over the agreement tracker's tables: a deadline passes unmet, a status score falls, an
allegation is made against a signatory, an event is linked to a provision as a violation.

Like the event rules, each scan returns what it would have reported on the days of a span,
judging each day by what the tracker recorded up to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from peacewatch.accords import repository as tracker
from peacewatch.accords.links import actor_matches
from peacewatch.accords.loader import ensure_bundled
from peacewatch.accords.records import Agreement, Provision
from peacewatch.accords.status import milestone_states
from peacewatch.alerts.records import Finding
from peacewatch.alerts.rules import Rule
from peacewatch.store.base import Store


def _within(day: date, start: date | None, end: date) -> bool:
    return (start is None or day >= start) and day <= end


def _agreements(store: Store, rule: Rule) -> list[Agreement]:
    ensure_bundled(store)
    wanted = rule.get("agreement")
    return [a for a in tracker.agreements(store) if not wanted or a.id == wanted]


def _provisions(store: Store, rule: Rule) -> Iterator[tuple[Agreement, Provision]]:
    for agreement in _agreements(store, rule):
        for provision in tracker.provisions(store, agreement.id):
            yield agreement, provision


def deadline_missed(store: Store, rule: Rule, start: date | None, end: date) -> list[Finding]:
    """A milestone still in force and unmet ``grace_days`` after its due date."""
    grace = int(rule.get("grace_days"))
    findings = []
    for agreement, provision in _provisions(store, rule):
        milestones = tracker.milestones(store, provision.id)
        observations = tracker.observations(store, provision.id)
        for ms in milestones:
            due = next((s.due for s in milestone_states(milestones, observations, agreement, end)
                        if s.milestone.id == ms.id), None)
            if due is None:
                continue
            day = due + timedelta(days=grace + 1)
            if not _within(day, start, end):
                continue
            state = next((s for s in milestone_states(milestones, observations, agreement, day)
                          if s.milestone.id == ms.id), None)
            if state is None or state.state(day) not in ("overdue", "past due, no observation"):
                continue
            findings.append(Finding(
                key=ms.id, fired_on=day, window_start=due, window_end=day,
                title=f"Deadline passed unmet: {ms.description} ({provision.title}), due {due.isoformat()}",
                details={"agreement": agreement.id, "provision": provision.id, "milestone": ms.id,
                         "due": due.isoformat(), "state": state.state(day)},
            ))
    return findings


def score_drop(store: Store, rule: Rule, start: date | None, end: date) -> list[Finding]:
    """An observation scoring a provision ``min_drop`` or more below the one before, or reversing it."""
    drop = int(rule.get("min_drop"))
    findings = []
    for agreement, provision in _provisions(store, rule):
        observations = tracker.observations(store, provision.id)
        for before, obs in zip(observations, observations[1:]):
            fell = before.score - obs.score >= drop or (obs.reversed and not before.reversed)
            if not fell or not _within(obs.observed_on, start, end):
                continue
            findings.append(Finding(
                key=obs.id, fired_on=obs.observed_on, window_start=before.observed_on, window_end=obs.observed_on,
                title=f"Status fell: {provision.title} from {before.score} to {obs.score} on {obs.observed_on.isoformat()}"
                      + (" (reversed)" if obs.reversed else ""),
                event_ids=list(obs.events),
                details={"agreement": agreement.id, "provision": provision.id, "from": before.score,
                         "to": obs.score, "reversed": obs.reversed, "assessor": obs.assessor, "note": obs.note},
            ))
    return findings


def allegation(store: Store, rule: Rule, start: date | None, end: date) -> list[Finding]:
    """An allegation whose accused is one of a signatory party's actors."""
    signatories = [(a, p) for a in _agreements(store, rule) for p in a.parties if p.role == "signatory"]
    dates = {}
    findings = []
    for item in tracker.allegations(store):
        party = next(((a, p) for a, p in signatories
                      if any(actor_matches(item.accused, name) for name in [p.name, *p.actors])), None)
        if party is None:
            continue
        day = item.alleged_on
        if day is None:
            if item.event_id not in dates:
                event = store.event(item.event_id)
                dates[item.event_id] = event.event_date if event else None
            day = dates[item.event_id]
        if day is None or not _within(day, start, end):
            continue
        findings.append(Finding(
            key=item.id, fired_on=day, window_start=day, window_end=day,
            title=f"Allegation against a signatory ({party[1].name}): {item.accuser} accuses {item.accused} of {item.what}",
            event_ids=[item.event_id],
            details={"agreement": party[0].id, "party": party[1].id, "accuser": item.accuser,
                     "accused": item.accused, "what": item.what, "provision": item.provision_id or None},
        ))
    return findings


def violation(store: Store, rule: Rule, start: date | None, end: date) -> list[Finding]:
    """An event linked to one of the agreement's provisions as a violation (not rejected)."""
    states = set(rule.get("link_states"))
    titles = {p.id: (a.id, p.title) for a, p in _provisions(store, rule)}
    findings = []
    for link in tracker.links(store, "relation = 'violate'"):
        if link.state not in states or link.provision_id not in titles:
            continue
        event = store.event(link.event_id)
        day = (event.event_date if event else None) or (link.created_at.date() if link.created_at else None)
        if day is None or not _within(day, start, end):
            continue
        agreement_id, title = titles[link.provision_id]
        where = f" at {event.location}" if event and event.location else ""
        findings.append(Finding(
            key=link.link_id, fired_on=day, window_start=day, window_end=day,
            title=f"Violation of {title}: event of {day.isoformat()}{where} ({link.state} link)",
            event_ids=[link.event_id],
            details={"agreement": agreement_id, "provision": link.provision_id, "link": link.link_id,
                     "state": link.state, "reason": link.reason},
        ))
    return findings


SCANS = {"deadline_missed": deadline_missed, "score_drop": score_drop, "allegation": allegation, "violation": violation}

"""Analyst control over resolution: merge two events, split one, mark two as distinct.

Each action records a decision on the events' *candidates* (see ``decisions``) and re-resolves
their neighbourhood at once, so the store shows the result immediately and every later run, new
reports or ``resolve --from-scratch``, reaches the same grouping.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from peacewatch.records import EventCandidate
from peacewatch.resolve.base import ResolveSummary
from peacewatch.resolve.decisions import Decision, record_decision
from peacewatch.resolve.matcher import resolve_around
from peacewatch.store.base import Store


class DecisionError(ValueError):
    """The decision cannot apply (unknown event, empty side...); the message says why."""


@dataclass(slots=True)
class Outcome:
    decision: Decision
    summary: ResolveSummary
    event_ids: list[str]
    """Where the decision's candidates are now, one id per side (merge: one id)."""


def current_event(store: Store, event_id: str) -> str:
    """Follow tombstones of merged events, so a stale id still names the event that absorbed it."""
    seen = set()
    while store.event(event_id) is None:
        rows = [t for t in store.tombstones() if t["event_id"] == event_id]
        if not rows or not rows[-1]["merged_into"] or event_id in seen:
            raise DecisionError(f"no event {event_id}")
        seen.add(event_id)
        event_id = rows[-1]["merged_into"]
    return event_id


def _members(store: Store, event_id: str) -> list[EventCandidate]:
    found = store.candidates("event_id = ?", (event_id,))
    if not found:
        raise DecisionError(f"event {event_id} holds no candidates")
    return found


def _where(store: Store, sides: Sequence[set[str]]) -> list[str]:
    placed = store.candidate_events(sorted(set().union(*sides)))
    return [placed[min(side)] or "" for side in sides]


def merge(store: Store, first: str, second: str, note: str = "", by: str = "") -> Outcome:
    """Two events are one: their candidates stay together from now on."""
    a, b = current_event(store, first), current_event(store, second)
    if a == b:
        raise DecisionError(f"{first} and {second} are already one event ({a})")
    left, right = _members(store, a), _members(store, b)
    with store.transaction():
        decision = record_decision(
            store, "merge", [{c.candidate_id for c in left}, {c.candidate_id for c in right}], [a, b], note, by
        )
        summary = resolve_around(store, left + right)
    return Outcome(decision, summary, _where(store, [set().union(*decision.sides)]))


def split(
    store: Store,
    event_id: str,
    candidate_ids: Sequence[str] = (),
    document_ids: Sequence[str] = (),
    note: str = "",
    by: str = "",
) -> Outcome:
    """Part of an event (chosen candidates, or everything from chosen documents) is another event."""
    target = current_event(store, event_id)
    members = _members(store, target)
    chosen = {
        c.candidate_id for c in members if c.candidate_id in set(candidate_ids) or c.doc_id in set(document_ids)
    }
    unknown = set(candidate_ids) - {c.candidate_id for c in members}
    if unknown:
        raise DecisionError(f"not candidates of {target}: {', '.join(sorted(unknown))}")
    rest = {c.candidate_id for c in members} - chosen
    if not chosen or not rest:
        raise DecisionError("a split needs some of the event's candidates on each side")
    with store.transaction():
        decision = record_decision(store, "split", [chosen, rest], [target], note, by)
        summary = resolve_around(store, members)
    return Outcome(decision, summary, _where(store, decision.sides))


def distinct(store: Store, first: str, second: str, note: str = "", by: str = "") -> Outcome:
    """Two events are not the same event: they never merge, whatever reports arrive."""
    a, b = current_event(store, first), current_event(store, second)
    left, right = _members(store, a), _members(store, b)
    if a == b:
        raise DecisionError(f"{first} and {second} are one event now ({a}); split it instead")
    with store.transaction():
        decision = record_decision(
            store, "distinct", [{c.candidate_id for c in left}, {c.candidate_id for c in right}], [a, b], note, by
        )
        summary = resolve_around(store, left + right)
    return Outcome(decision, summary, _where(store, decision.sides))

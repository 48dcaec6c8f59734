"""The default resolver: new reports join the events they describe, or found new ones.

Each run re-clusters a *neighbourhood*: the pending candidates, every event dated within reach
of them (``REACH`` days, the widest date window twice over), and everything an analyst decision
ties to those. Clustering is order-independent and event ids come from each event's founding
(earliest) report, so ingesting the same reports in any order, in one batch or many, or
re-running from scratch gives the same events. Events whose id disappears (their reports now
belong to an event founded by an earlier report) are deleted with a tombstone pointing to it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from peacewatch.records import Event, EventCandidate
from peacewatch.resolve.base import ResolveSummary, resolvers
from peacewatch.resolve.cluster import cluster
from peacewatch.resolve.consensus import Member, build_event, event_id_for
from peacewatch.resolve.decisions import active_decisions, constraints
from peacewatch.resolve.documents import Context, DocMeta, evidence_context, load_meta
from peacewatch.resolve.features import matching_day, profile
from peacewatch.store.base import Store
from peacewatch.store.batches import in_lists

REACH = 34
"""Days around the new reports within which existing events are re-examined (2 x 16 + 2)."""

_VOLATILE = ("created_at", "updated_at", "review_state")


def _candidates_in(store: Store, column: str, values: Iterable[str]) -> list[EventCandidate]:
    """Candidates whose ``column`` is one of ``values``, queried in chunks."""
    ids = sorted(set(values))
    found: list[EventCandidate] = []
    for chunk, marks in in_lists(ids):
        found.extend(store.candidates(f"{column} IN ({marks})", chunk))
    return found


def _candidates_of_events(store: Store, event_ids: Iterable[str]) -> list[EventCandidate]:
    return _candidates_in(store, "event_id", event_ids)


def _candidates_by_id(store: Store, candidate_ids: Iterable[str]) -> list[EventCandidate]:
    return _candidates_in(store, "candidate_id", candidate_ids)


def date_windows(days: Iterable[date], reach: int = REACH) -> list[tuple[date, date]]:
    """The days within ``reach`` of any of ``days``, as few disjoint [start, end] windows.

    One window per cluster of nearby dates, not one from the earliest to the latest: a batch
    whose reports span years then re-examines the events near its reports, not the whole store
    between them, and its cost stays flat as the store grows.
    """
    windows: list[tuple[date, date]] = []
    step = timedelta(days=reach)
    for day in sorted(set(days)):
        start, end = day - step, day + step
        if windows and start <= windows[-1][1] + timedelta(days=1):
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def neighbourhood(store: Store, seeds: Sequence[EventCandidate]) -> list[EventCandidate]:
    """The seeds plus every candidate whose event the seeds could join or split."""
    meta = load_meta(store, (c.doc_id for c in seeds))
    days = [matching_day(c, meta[c.doc_id].published if c.doc_id in meta else None) for c in seeds]
    known = [d for d in days if d is not None]
    event_ids: set[str] = set()
    for lo, hi in date_windows(known):
        event_ids.update(e.event_id for e in store.events_between(lo, hi))
    # Undated reports meet the events at their place whatever their date; dated reports meet the
    # undated events at theirs, which they may date.
    undated = [(c.country, c.location) for c, d in zip(seeds, days) if d is None]
    dated = [(c.country, c.location) for c, d in zip(seeds, days) if d is not None]
    event_ids.update(e.event_id for e in store.events_at(undated))
    event_ids.update(e.event_id for e in store.events_at(dated, undated_only=True))
    pool = {c.candidate_id: c for c in seeds}
    event_ids.update(e for e in store.candidate_events(sorted(pool)).values() if e)
    seen_events: set[str] = set()
    while event_ids - seen_events:
        fresh = event_ids - seen_events
        seen_events |= fresh
        for c in _candidates_of_events(store, fresh):
            pool.setdefault(c.candidate_id, c)
        tied = {cid for d in active_decisions(store, sorted(pool)) for side in d.sides for cid in side}
        missing = tied - set(pool)
        for c in _candidates_by_id(store, missing):
            pool[c.candidate_id] = c
        event_ids.update(e for e in store.candidate_events(sorted(missing)).values() if e)
    return list(pool.values())


def _machine_events(store: Store, event_ids: Iterable[str]) -> dict[str, Event]:
    """The resolver's last output for these events (before reviews), in a few queries."""
    ids = sorted(set(event_ids))
    found: dict[str, Event] = {}
    for chunk, marks in in_lists(ids):
        rows = store.query(f"SELECT event_id, machine FROM events WHERE event_id IN ({marks})", chunk)
        found.update((r["event_id"], Event.from_dict(json.loads(r["machine"]))) for r in rows)
    return found


def _comparable(event: Event) -> dict[str, Any]:
    data = event.to_dict()
    for name in _VOLATILE:
        data.pop(name, None)
    return data


def recluster(store: Store, pool: Sequence[EventCandidate], retire: Iterable[str] = ()) -> ResolveSummary:
    """Cluster ``pool`` and write the resulting events; ``retire`` names events that may vanish.

    Call inside a transaction. Every candidate of every event touched must be in ``pool``. An
    event that comes out as before is not rewritten; analysts' reviews are re-applied by the
    store on top of the new machine output.
    """
    ids = [c.candidate_id for c in pool]
    previous = {cid: ev for cid, ev in store.candidate_events(ids).items() if ev}
    meta = load_meta(store, (c.doc_id for c in pool))
    context = evidence_context(store, pool)
    profiles = []
    for c in pool:
        m = meta.get(c.doc_id)
        around = context.get(c.candidate_id) or Context()
        profiles.append(
            profile(
                c, m.published if m else None, m.group if m else None, around.text, m.title if m else None, around.venue
            )
        )
    rules = constraints(active_decisions(store, ids), set(ids))
    summary = ResolveSummary(candidates=sum(1 for c in pool if c.candidate_id not in previous))
    produced: dict[str, list[str]] = {}
    old_ids = set(previous.values()) | set(retire)
    machine = _machine_events(store, old_ids)
    changed: list[tuple[Event, list[EventCandidate]]] = []
    for group in cluster(profiles, rules):
        members = [Member(p.candidate, meta.get(p.doc) or DocMeta(id=p.doc, published=p.published)) for p in group]
        event_id = event_id_for(group[0].candidate)
        event = build_event(members, event_id)
        produced[event_id] = [p.candidate.candidate_id for p in group]
        held = machine.get(event_id)
        if held is None:
            summary.new_events += 1
        else:
            event.created_at = held.created_at
            unchanged = _comparable(held) == _comparable(event) and all(
                previous.get(cid) == event_id for cid in produced[event_id]
            )
            if unchanged:
                continue
            summary.updated_events += 1
        changed.append((event, [p.candidate for p in group]))
    store.save_events(changed)
    for old in sorted(old_ids - set(produced)):
        heirs = Counter(
            new for new, members in produced.items() for cid in members if previous.get(cid) == old
        )
        heir = min(heirs, key=lambda e: (-heirs[e], e)) if heirs else None
        store.delete_event(old, "merged into another event by resolution" if heir else "re-resolved", heir)
        summary.removed_events += 1
    return summary


def resolve_from_scratch(store: Store) -> ResolveSummary:
    """Re-cluster every candidate in the store, respecting analyst decisions."""
    with store.transaction():
        pool = store.candidates()
        existing = [r["event_id"] for r in store.query("SELECT event_id FROM events")]
        summary = recluster(store, pool, retire=existing)
        summary.candidates = len(pool)
        return summary


def resolve_around(store: Store, candidates: Sequence[EventCandidate]) -> ResolveSummary:
    """Re-cluster the neighbourhood of these candidates (new reports, or a decision's events)."""
    with store.transaction():
        pool = neighbourhood(store, candidates)
        return recluster(store, pool)


class DefaultResolver:
    name = "default"

    def __call__(self, store: Store, candidates: list[EventCandidate]) -> ResolveSummary:
        return resolve_around(store, candidates)


@resolvers.register("default")
def make_default_resolver() -> DefaultResolver:
    return DefaultResolver()


def event_candidates(store: Store, event_id: str) -> list[EventCandidate]:
    """The candidates an event holds, in candidate id order."""
    return store.candidates("event_id = ?", (event_id,))

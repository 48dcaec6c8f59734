"""The hook the ingest pipeline calls after resolution: links and allegations for changed events.

Idempotent: running it twice over the same events changes nothing. Proposed links that the
rules no longer support are withdrawn; links an analyst confirmed or rejected are never touched
(a rejected link is not proposed again). Allegations read from an event are refreshed, and
dropped when the event stops stating them unless an analyst has already verified them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from peacewatch.accords import repository
from peacewatch.accords.allegations import allegation_id, allegations_from_event, is_allegation
from peacewatch.accords.links import link_id, propose_links
from peacewatch.accords.records import EventProvisionLink, Verification
from peacewatch.records import Event
from peacewatch.store.base import Store

MACHINE = "events"
"""Origin of links' and allegations' machine-read rows."""


@dataclass(slots=True)
class AccordsSummary:
    links_proposed: int = 0
    links_updated: int = 0
    links_withdrawn: int = 0
    allegations_added: int = 0
    allegations_updated: int = 0
    allegations_removed: int = 0
    reviews_carried: int = 0
    """Reviewed links and verified allegations moved from a merged-away event to the one it joined."""

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def after_resolution(store: Store, event_ids: Iterable[str]) -> AccordsSummary:
    """Propose links and record allegations for events that resolution created or changed.

    Pass the ids of events resolution saved. Events it deleted or merged away are found by
    the hook itself: their proposed links and unverified allegations are removed, and reviewed
    links and verified allegations follow the event they were merged into, so no analyst's
    decision is lost. Reads are batched (a few queries per 500 events), so the hook stays cheap
    next to extraction.
    """
    summary = AccordsSummary()
    ids = list(dict.fromkeys(event_ids))
    with store.transaction():
        _settle_orphans(store, summary)
        events: dict[str, Event | None] = dict.fromkeys(ids)
        existing: dict[str, list[EventProvisionLink]] = {}
        alleged: set[str] = set()
        for chunk in _chunks(ids):
            marks = ",".join("?" for _ in chunk)
            for event in store.events(f"event_id IN ({marks})", chunk):
                events[event.event_id] = event
            for link in repository.links(store, f"event_id IN ({marks})", tuple(chunk)):
                existing.setdefault(link.event_id, []).append(link)
            alleged |= repository.events_with_allegations(store, chunk, MACHINE)
        proposals = propose_links(store, [e for e in events.values() if e is not None])
        by_event: dict[str, list[EventProvisionLink]] = {}
        for link in proposals:
            by_event.setdefault(link.event_id, []).append(link)
        for eid, event in events.items():
            current = _sync_links(store, existing.get(eid, []), by_event.get(eid, []), summary)
            if eid in alleged or (event is not None and is_allegation(event)):
                _refresh_allegations(store, eid, event, current, summary)
    return summary


def _merged_into(store: Store, event_id: str) -> str:
    """The live event a deleted one was merged into (following chains of merges), or ""."""
    current = event_id
    for _ in range(20):
        rows = store.query("SELECT merged_into FROM event_tombstones WHERE event_id = ?", (current,))
        if not rows or not rows[0]["merged_into"]:
            return ""
        current = rows[0]["merged_into"]
        if store.scalar("SELECT COUNT(*) FROM events WHERE event_id = ?", (current,)):
            return current
    return ""


def _settle_orphans(store: Store, summary: AccordsSummary) -> None:
    """Links and allegations whose event is gone: drop machine proposals, carry reviews over."""
    gone = "event_id NOT IN (SELECT event_id FROM events)"
    for link in repository.links(store, gone):
        if link.state == "proposed":
            repository.delete_link(store, link.link_id)
            summary.links_withdrawn += 1
            continue
        target = _merged_into(store, link.event_id)
        if not target:
            continue
        moved_id = link_id(target, link.provision_id)
        there = repository.links(store, "link_id = ?", (moved_id,))
        repository.delete_link(store, link.link_id)
        if there and there[0].state != "proposed":
            continue
        if there:
            repository.delete_link(store, moved_id)
        link.link_id, link.event_id = moved_id, target
        repository.insert_link(store, link)
        summary.reviews_carried += 1
    for allegation in repository.allegations(store, gone):
        if len(allegation.verification) <= 1:
            repository.delete_allegation(store, allegation.id)
            summary.allegations_removed += 1
            continue
        target = _merged_into(store, allegation.event_id)
        if not target:
            continue
        moved_id = allegation_id(target, allegation.accuser, allegation.accused)
        there = repository.allegations(store, "allegation_id = ?", (moved_id,))
        if there and len(there[0].verification) > 1:
            continue  # the surviving event's own verified record stands
        if there:
            repository.delete_allegation(store, moved_id)
        repository.move_allegation(store, allegation.id, moved_id, target)
        summary.reviews_carried += 1


def relink_all(store: Store, batch: int = 1000) -> AccordsSummary:
    """Run ``after_resolution`` over every event in the store, a batch at a time (after an
    agreement import, or when rules changed)."""
    total = AccordsSummary()
    ids = [r["event_id"] for r in store.query("SELECT event_id FROM events ORDER BY event_id")]
    for start in range(0, len(ids), batch):
        part = after_resolution(store, ids[start:start + batch]).as_dict()
        for key, value in part.items():
            setattr(total, key, getattr(total, key) + value)
    return total


def _sync_links(
    store: Store, existing: list[EventProvisionLink], proposed: list[EventProvisionLink], summary: AccordsSummary
) -> list[EventProvisionLink]:
    """Bring one event's proposed links in line with the rules; returns its links not rejected."""
    fresh = {lk.link_id: lk for lk in proposed}
    current = []
    for old in existing:
        new = fresh.get(old.link_id)
        if old.state != "proposed":
            if old.state != "rejected":
                current.append(old)
            continue
        if new is None:
            repository.delete_link(store, old.link_id)
            summary.links_withdrawn += 1
            continue
        if (new.relation, new.reason, new.proposed_by) != (old.relation, old.reason, old.proposed_by):
            repository.delete_link(store, old.link_id)
            new.created_at = old.created_at
            repository.insert_link(store, new)
            summary.links_updated += 1
        current.append(new)
    known = {lk.link_id for lk in existing}
    for lid, new in fresh.items():
        if lid not in known:
            repository.insert_link(store, new)
            summary.links_proposed += 1
            current.append(new)
    return current


def _refresh_allegations(
    store: Store, event_id: str, event: Event | None, current: list[EventProvisionLink], summary: AccordsSummary
) -> None:
    found = allegations_from_event(store, event, current) if event is not None else []
    keep = {a.id for a in found}
    for stale in repository.allegation_ids_for_event(store, event_id, MACHINE) - keep:
        steps = repository.allegations(store, "allegation_id = ?", (stale,))
        if steps and len(steps[0].verification) > 1:
            continue
        repository.delete_allegation(store, stale)
        summary.allegations_removed += 1
    for allegation in found:
        change = repository.save_allegation_core(store, allegation, MACHINE)
        for denial in allegation.denials:
            if repository.save_denial(store, allegation.id, denial, MACHINE) and change == "same":
                change = "changed"
        if repository.delete_denials(store, allegation.id, MACHINE, {d.by for d in allegation.denials}):
            change = "changed" if change == "same" else change
        if change == "new":
            repository.add_verification(
                store, allegation.id, Verification(status="reported", by="peacewatch", on=allegation.alleged_on))
            summary.allegations_added += 1
        elif change == "changed":
            summary.allegations_updated += 1

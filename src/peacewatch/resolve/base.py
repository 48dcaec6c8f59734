"""The resolution interface: pending candidates -> events in the store.

A resolver is registered by name in ``resolvers``. It receives the store (for blocking
queries over existing events) and the candidates that no event holds yet, and must attach
every one of them to an event (new or existing) through ``store.save_event``. The caller
wraps the call in one transaction, so an interrupted resolution leaves the candidates
pending and the next run picks them up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from peacewatch.records import EventCandidate
from peacewatch.registry import Registry
from peacewatch.store.base import Store


@dataclass(slots=True)
class ResolveSummary:
    candidates: int = 0
    new_events: int = 0
    updated_events: int = 0
    removed_events: int = 0
    """Events deleted (with a tombstone) because their reports now belong to another event."""
    event_ids: list[str] = field(default_factory=list)
    """Events created or changed, filled in by ``resolve_pending`` whatever the resolver."""


class Resolver(Protocol):
    name: str

    def __call__(self, store: Store, candidates: list[EventCandidate]) -> ResolveSummary: ...


resolvers: Registry[Resolver] = Registry("resolver", package="peacewatch.resolve")

DEFAULT_RESOLVER = "default"


def resolve_pending(store: Store, resolver: Resolver) -> ResolveSummary:
    """Attach every pending candidate to an event, atomically."""
    pending = store.pending_candidates()
    if not pending:
        return ResolveSummary()
    with store.transaction():
        summary = resolver(store, pending)
        touched = store.candidate_events([c.candidate_id for c in pending])
    summary.event_ids = sorted({e for e in touched.values() if e})
    return summary

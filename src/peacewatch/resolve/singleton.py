"""The no-merge baseline: every candidate becomes its own event.

Useful to isolate extraction from resolution (benchmarks, extraction debugging) and as the
baseline against which cross-report resolution is scored.
"""

from __future__ import annotations

import hashlib

from peacewatch.records import Event, EventCandidate, EventFields
from peacewatch.resolve.base import ResolveSummary, resolvers
from peacewatch.store.base import Store


def event_from_candidate(candidate: EventCandidate, event_id: str) -> Event:
    """An event holding exactly one report's view of it."""
    fields = {name: getattr(candidate, name) for name in EventFields.__dataclass_fields__}
    return Event(**fields, event_id=event_id, sources=[candidate.doc_id])


class SingletonResolver:
    name = "singleton"

    def __call__(self, store: Store, candidates: list[EventCandidate]) -> ResolveSummary:
        store.save_events([
            (event_from_candidate(c, "EV" + hashlib.sha256(c.candidate_id.encode()).hexdigest()[:12]), [c])
            for c in candidates
        ])
        return ResolveSummary(candidates=len(candidates), new_events=len(candidates))


@resolvers.register("singleton")
def make_singleton_resolver() -> SingletonResolver:
    return SingletonResolver()

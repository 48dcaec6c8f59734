"""Resolution of a loaded candidate set, partition by partition, with a seam pass.

The default resolver's clustering compares two candidates only when their countries agree (or
one is unplaced) and their days lie within the wider of their date windows (``cluster``'s
blocking). Candidates linked by such pairs, directly or through others, form *components*, and
clustering a set is the same as clustering each of its components alone. So:

1. every pending candidate is filed under its partition, country x month, the month being the
   resolver's own day (the event date, else the publication date; ``undated`` for neither);
2. each partition's components that stay inside it are clustered together, one partition at a
   time and independently of the others (``recluster``, one transaction per partition);
3. the seam pass clusters each component that crosses a partition edge (a month edge within
   the date window, or an unplaced candidate meeting placed ones) as a whole, and hands each
   component that reaches events already in the store to the resolver's incremental path
   (``resolve_around``), which also honours analysts' decisions.

The events are those a plain ``ingest`` of the same documents into the same store produces.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from peacewatch.batch.rows import month_of
from peacewatch.records import EventCandidate
from peacewatch.resolve.base import ResolveSummary
from peacewatch.resolve.documents import load_meta
from peacewatch.resolve.features import Profile, profile
from peacewatch.resolve.matcher import REACH, recluster, resolve_around
from peacewatch.store.base import Store
from peacewatch.store.batches import in_lists


@dataclass(slots=True)
class PartitionSummary:
    partitions: int = 0
    """Country x month partitions holding pending candidates."""
    inside: int = 0
    """Candidates resolved within their partition."""
    seams: int = 0
    """Components resolved by the seam pass (crossing partitions or reaching stored events)."""
    seam_candidates: int = 0
    resolution: ResolveSummary = field(default_factory=ResolveSummary)


def partition_of(candidate: EventCandidate, published: date | None) -> tuple[str, str]:
    """(country, month) under which resolution files a candidate."""
    return candidate.country, month_of(candidate.event_date or published)


class _Components:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def components(profiles: Sequence[Profile]) -> list[list[int]]:
    """Indexes of profiles grouped so that no pair the resolver may compare is split apart.

    Mirrors ``cluster.candidate_pairs``' blocking (same folded country or an unplaced side, days
    within the wider window) and keeps a report's candidates together.
    """
    found = _Components(len(profiles))
    by_day: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    by_doc: dict[str, int] = {}
    for i, p in enumerate(profiles):
        if p.doc in by_doc:
            found.union(by_doc[p.doc], i)
        by_doc.setdefault(p.doc, i)
        if p.day is not None:
            by_day[p.day][p.country].append(i)
    for i, p in enumerate(profiles):
        if p.day is None:
            continue
        for day in range(p.day - p.window, p.day + p.window + 1):
            block = by_day.get(day)
            if not block:
                continue
            countries = block.keys() if not p.country else (p.country, "")
            for country in countries:
                for j in block.get(country, ()):
                    found.union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(profiles)):
        groups[found.find(i)].append(i)
    return sorted(groups.values())


def _stored_neighbours(store: Store, days: list[date]) -> list[EventCandidate]:
    """Candidates of the events already stored within reach of the pending candidates' days."""
    if not days:
        return []
    lo, hi = min(days) - timedelta(days=REACH), max(days) + timedelta(days=REACH)
    event_ids = sorted({e.event_id for e in store.events_between(lo, hi)})
    found: list[EventCandidate] = []
    for chunk, marks in in_lists(event_ids):
        found.extend(store.candidates(f"event_id IN ({marks})", chunk))
    return found


def _add(total: ResolveSummary, part: ResolveSummary) -> None:
    total.candidates += part.candidates
    total.new_events += part.new_events
    total.updated_events += part.updated_events
    total.removed_events += part.removed_events


def resolve_partitions(store: Store) -> PartitionSummary:
    """Attach every pending candidate to an event: partitions first, then the seams."""
    summary = PartitionSummary()
    pending = store.pending_candidates()
    if not pending:
        return summary
    meta = load_meta(store, (c.doc_id for c in pending))
    published = [meta[c.doc_id].published if c.doc_id in meta else None for c in pending]
    days = [d for c, p in zip(pending, published) if (d := c.event_date or p) is not None]
    stored = _stored_neighbours(store, days)
    dates = {doc_id: m.published for doc_id, m in load_meta(store, (c.doc_id for c in stored)).items()}
    dates.update((doc_id, m.published) for doc_id, m in meta.items())
    profiles = [profile(c, dates.get(c.doc_id)) for c in pending + stored]
    keys = [partition_of(c, p) for c, p in zip(pending, published)]
    summary.partitions = len(set(keys))
    inside: dict[tuple[str, str], list[EventCandidate]] = defaultdict(list)
    crossing: list[tuple[list[EventCandidate], bool]] = []
    for group in components(profiles):
        members = [pending[i] for i in group if i < len(pending)]
        reaches_store = len(members) < len(group)
        if not members:
            continue
        if reaches_store or len({keys[i] for i in group}) > 1:
            crossing.append((members, reaches_store))
        else:
            inside[keys[group[0]]].extend(pending[i] for i in group)
    for key in sorted(inside):
        with store.transaction():
            _add(summary.resolution, recluster(store, inside[key]))
        summary.inside += len(inside[key])
    for members, reaches_store in crossing:
        with store.transaction():
            part = resolve_around(store, members) if reaches_store else recluster(store, members)
        _add(summary.resolution, part)
        summary.seams += 1
        summary.seam_candidates += len(members)
    touched: set[str] = set()
    for chunk, _ in in_lists([c.candidate_id for c in pending]):
        touched.update(e for e in store.candidate_events(chunk).values() if e)
    summary.resolution.event_ids = sorted(touched)
    return summary

"""Analyst decisions (merge, split, not the same event) as constraints on candidates.

The resolver never sees events when it applies a decision: it sees *must-link* groups (these
candidates are one event) and *cannot-link* pairs of groups (these never share an event). Both
are keyed by candidate id, which survives re-resolution, so a decision holds for new reports
and for ``resolve --from-scratch`` alike.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from peacewatch.store.base import Store, now
from peacewatch.store.batches import in_lists

Kind = Literal["merge", "split", "distinct"]
KINDS: tuple[str, ...] = ("merge", "split", "distinct")


@dataclass(slots=True)
class Decision:
    decision_id: str
    kind: str
    sides: list[set[str]]
    event_ids: list[str]
    note: str = ""
    decided_by: str = ""
    decided_at: Any = None
    active: bool = True

    def must_sets(self) -> list[set[str]]:
        """Groups that must stay together: the whole merge, or the part split off."""
        if self.kind == "merge":
            return [set().union(*self.sides)]
        if self.kind == "split":
            return [self.sides[0]]
        return []

    def cannot_pairs(self) -> list[tuple[set[str], set[str]]]:
        """Pairs of groups that must stay apart."""
        if self.kind in ("split", "distinct") and len(self.sides) == 2:
            return [(self.sides[0], self.sides[1])]
        return []


@dataclass(slots=True)
class Constraints:
    """What the clustering must respect, restricted to the candidates it is given."""

    must: list[set[str]] = field(default_factory=list)
    cannot: dict[str, set[str]] = field(default_factory=dict)

    def forbids(self, left: Iterable[str], right: set[str]) -> bool:
        """True when some candidate of ``left`` must stay apart from some candidate of ``right``."""
        for candidate in left:
            partners = self.cannot.get(candidate)
            if partners and not partners.isdisjoint(right):
                return True
        return False


def _decisions(store: Store, where: str, params: Sequence[Any]) -> list[Decision]:
    rows = store.query(
        "SELECT d.decision_id, d.kind, d.event_ids, d.note, d.decided_by, d.decided_at, d.active, "
        "c.side, c.candidate_id FROM resolution_decisions d JOIN resolution_decision_candidates c "
        f"ON c.decision_id = d.decision_id WHERE {where} ORDER BY d.decided_at, d.decision_id, c.side, "
        "c.candidate_id",
        params,
    )
    found: dict[str, Decision] = {}
    for row in rows:
        decision = found.get(row["decision_id"])
        if decision is None:
            decision = Decision(
                decision_id=row["decision_id"],
                kind=row["kind"],
                sides=[],
                event_ids=json.loads(row["event_ids"]),
                note=row["note"] or "",
                decided_by=row["decided_by"] or "",
                decided_at=row["decided_at"],
                active=bool(row["active"]),
            )
            found[row["decision_id"]] = decision
        while len(decision.sides) <= row["side"]:
            decision.sides.append(set())
        decision.sides[row["side"]].add(row["candidate_id"])
    return list(found.values())


def active_decisions(store: Store, candidate_ids: Sequence[str] | None = None) -> list[Decision]:
    """Active decisions, all of them or those touching any of ``candidate_ids``."""
    if candidate_ids is None:
        return _decisions(store, "d.active", ())
    ids = sorted(set(candidate_ids))
    touching: set[str] = set()
    for chunk, marks in in_lists(ids):
        rows = store.query(
            f"SELECT DISTINCT decision_id FROM resolution_decision_candidates WHERE candidate_id IN ({marks})", chunk
        )
        touching.update(r["decision_id"] for r in rows)
    if not touching:
        return []
    chosen = sorted(touching)
    return _decisions(
        store, f"d.active AND d.decision_id IN ({','.join('?' for _ in chosen)})", chosen
    )


def decisions_for_events(store: Store, event_ids: Sequence[str]) -> list[Decision]:
    """Every decision (active or not) that named one of these events when it was taken."""
    wanted = set(event_ids)
    return [d for d in _decisions(store, "TRUE", ()) if wanted.intersection(d.event_ids)]


def constraints(decisions: Iterable[Decision], candidate_ids: set[str]) -> Constraints:
    """Turn decisions into must/cannot links among the candidates being clustered."""
    result = Constraints()
    for decision in decisions:
        for group in decision.must_sets():
            inside = group & candidate_ids
            if len(inside) > 1:
                result.must.append(inside)
        for left, right in decision.cannot_pairs():
            left_in, right_in = left & candidate_ids, right & candidate_ids
            for a in left_in:
                result.cannot.setdefault(a, set()).update(right_in)
            for b in right_in:
                result.cannot.setdefault(b, set()).update(left_in)
    return result


def _contradicts(new: Decision, old: Decision) -> bool:
    for group in new.must_sets():
        for left, right in old.cannot_pairs():
            if group & left and group & right:
                return True
    for left, right in new.cannot_pairs():
        for group in old.must_sets():
            if group & left and group & right:
                return True
    return False


def record_decision(
    store: Store,
    kind: Kind,
    sides: Sequence[Iterable[str]],
    event_ids: Sequence[str],
    note: str = "",
    decided_by: str = "",
) -> Decision:
    """Store a decision; older active decisions it contradicts become inactive (the new one wins)."""
    if kind not in KINDS:
        raise ValueError(f"unknown decision kind {kind!r}")
    decision = Decision(
        decision_id=now().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8],
        kind=kind,
        sides=[set(s) for s in sides],
        event_ids=list(event_ids),
        note=note,
        decided_by=decided_by,
        decided_at=now(),
    )
    if not all(decision.sides) or (kind != "merge" and len(decision.sides) != 2):
        raise ValueError(f"a {kind} needs {'two non-empty sides' if kind != 'merge' else 'candidates'}")
    every = set().union(*decision.sides)
    with store.transaction():
        for old in active_decisions(store, sorted(every)):
            if _contradicts(decision, old):
                store.execute(
                    "UPDATE resolution_decisions SET active = FALSE, superseded_by = ? "
                    "WHERE decision_id = ?",
                    (decision.decision_id, old.decision_id),
                )
        store.execute(
            "INSERT INTO resolution_decisions VALUES (?, ?, ?, ?, ?, ?, TRUE, NULL)",
            (
                decision.decision_id, kind, json.dumps(decision.event_ids), note, decided_by,
                decision.decided_at,
            ),
        )
        store.executemany(
            "INSERT INTO resolution_decision_candidates VALUES (?, ?, ?)",
            [
                (decision.decision_id, side, candidate)
                for side, members in enumerate(decision.sides)
                for candidate in sorted(members)
            ],
        )
    return decision

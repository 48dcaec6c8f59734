"""Analyst review of events: verify, edit (any field, with a reason), reject, revert.

The resolver's output for an event is kept untouched (the ``machine`` column); reviews are an
append-only log of overlays on it. The event row that everything reads is the machine output with
the active (not reverted) reviews applied, recomputed whenever either side changes, so a new
report that updates an event never undoes an analyst's edit, and any review can be reverted.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peacewatch.notes import after_edit
from peacewatch.records import Event, Record
from peacewatch.review_validation import InvalidEdit, validate_changes

ACTIONS = ("verify", "edit", "reject", "revert")
STATE_OF_ACTION = {"verify": "verified", "edit": "edited", "reject": "rejected"}


class ReviewError(ValueError):
    """A review that cannot be applied; the message says why and ``field`` names the field at fault."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(slots=True)
class Review(Record):
    review_id: str
    event_id: str
    reviewer: str
    reviewed_at: datetime
    action: str
    field: str | None
    before: Any
    after: Any
    reason: str
    reverted_by: str | None = None


def new_review_id() -> str:
    return "RV" + uuid.uuid4().hex[:16]


def row_to_review(row: Mapping[str, Any]) -> Review:
    return Review(
        review_id=row["review_id"], event_id=row["event_id"], reviewer=row["reviewer"], reviewed_at=row["reviewed_at"],
        action=row["action"], field=row["field"], before=json.loads(row["before"] or "null"),
        after=json.loads(row["after"] or "null"), reason=row["reason"], reverted_by=row["reverted_by"],
    )


def overlay(machine: Event, reviews: Sequence[Review]) -> Event:
    """The event analysts see: machine output with active reviews applied in order, its notes'
    summary rebuilt from the edited fields (unless the analyst edited the notes)."""
    data = machine.to_dict()
    state = "unreviewed"
    edited: set[str] = set()
    for review in sorted(reviews, key=lambda r: (r.reviewed_at, r.review_id)):
        if review.reverted_by or review.action == "revert":
            continue
        if review.action == "edit" and review.field:
            data[review.field] = review.after
            edited.add(review.field)
        state = STATE_OF_ACTION.get(review.action, state)
    data["review_state"] = state
    event = Event.from_dict(data)
    if edited and "notes" not in edited:
        event.notes = after_edit(machine.notes, machine, event)
    return event


def check_changes(changes: Mapping[str, Any], current: Event | None = None) -> dict[str, Any]:
    """The edit in canonical form; refuses unknown fields and values outside the field's type,
    range or codebook terms (see ``review_validation``), naming the field."""
    try:
        return validate_changes(changes, current)
    except InvalidEdit as exc:
        raise ReviewError(str(exc), field=exc.field) from None

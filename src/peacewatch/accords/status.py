"""Computed views of implementation: due dates, delays, current status, agreement score.

Nothing here is stored: the current status of a provision is its latest observation as of a
date, and the agreement score is the Peace Accords Matrix formula over those statuses, so a
new observation or a rescheduled milestone changes every view at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from peacewatch.accords.records import SCORE_LABELS, Agreement, Milestone, StatusObservation


def due_date(milestone: Milestone, agreement: Agreement) -> date | None:
    """A fixed date, or the anchor's date plus the offset; None for an open-ended commitment."""
    if milestone.due is not None:
        return milestone.due
    anchor = agreement.anchor(milestone.anchor) if milestone.anchor else None
    if anchor is None or milestone.offset_days is None:
        return None
    return anchor.date + timedelta(days=milestone.offset_days)


def due_rule(milestone: Milestone) -> str:
    """How the due date is defined, as a reader would say it: "signature + 60 days"."""
    if milestone.due is not None:
        return {3: "by end of month", 2: "by end of week"}.get(milestone.due_precision, "fixed date")
    if milestone.anchor and milestone.offset_days is not None:
        return f"{milestone.anchor} + {milestone.offset_days} days"
    return "no fixed date"


def current_observation(observations: list[StatusObservation], as_of: date) -> StatusObservation | None:
    """Latest observation dated on or before ``as_of`` (ties: the one recorded last)."""
    dated = [o for o in observations if o.observed_on <= as_of]
    return dated[-1] if dated else None


def status_view(observations: list[StatusObservation], as_of: date) -> dict[str, Any]:
    obs = current_observation(observations, as_of)
    if obs is None:
        return {"score": None, "label": "unassessed", "suspended": False, "reversed": False, "since": None}
    previous = [o for o in observations if o.observed_on <= as_of and o is not obs]
    return {
        "score": obs.score,
        "label": SCORE_LABELS[obs.score],
        "suspended": obs.suspended,
        "reversed": obs.reversed,
        "since": obs.observed_on.isoformat(),
        "previous_score": previous[-1].score if previous else None,
        "observation": obs.id,
        "assessor": obs.assessor,
        "note": obs.note,
    }


@dataclass(slots=True)
class MilestoneState:
    milestone: Milestone
    due: date | None
    superseded_by: str
    met_on: date | None
    anchor_date: date | None
    assessed: bool = True
    """False when the provision has no observation at all: a missed date is then unknown, not late."""

    def delay_days(self, as_of: date) -> int | None:
        """Actual (or ``as_of`` while unmet) minus due: positive is late, negative early or ahead."""
        if self.due is None:
            return None
        return ((self.met_on or as_of) - self.due).days

    def state(self, as_of: date) -> str:
        if self.superseded_by:
            return "superseded"
        if self.met_on is not None:
            return "met on time" if self.due is None or self.met_on <= self.due else "met late"
        if self.due is None:
            return "open"
        if as_of <= self.due:
            return "pending"
        return "overdue" if self.assessed else "past due, no observation"

    def view(self, as_of: date) -> dict[str, Any]:
        ms = self.milestone
        out: dict[str, Any] = {
            "id": ms.id,
            "description": ms.description,
            "due": self.due.isoformat() if self.due else None,
            "due_rule": due_rule(ms),
            "due_precision": ms.due_precision,
            "anchor": ms.anchor or None,
            "anchor_date": self.anchor_date.isoformat() if self.anchor_date else None,
            "supersedes": ms.supersedes or None,
            "superseded_by": self.superseded_by or None,
            "set_on": ms.set_on.isoformat() if ms.set_on else None,
            "met_on": self.met_on.isoformat() if self.met_on else None,
            "state": self.state(as_of),
            "delay_days": self.delay_days(as_of),
            "days_from_anchor": ((self.met_on or as_of) - self.anchor_date).days if self.anchor_date else None,
            "note": ms.note,
            "source": ms.source,
            "confidence": ms.confidence,
        }
        return out


def milestone_states(
    milestones: list[Milestone], observations: list[StatusObservation], agreement: Agreement, as_of: date
) -> list[MilestoneState]:
    """Each milestone with its due date, what supersedes it (as of the date) and when it was met."""
    superseded: dict[str, str] = {}
    for ms in milestones:
        if ms.supersedes and (ms.set_on is None or ms.set_on <= as_of):
            superseded[ms.supersedes] = ms.id
    out = []
    for ms in milestones:
        if ms.set_on is not None and ms.set_on > as_of:
            continue
        met = [o.observed_on for o in observations if ms.id in o.meets and o.observed_on <= as_of]
        anchor = agreement.anchor(ms.anchor) if ms.anchor else None
        out.append(MilestoneState(ms, due_date(ms, agreement), superseded.get(ms.id, ""), min(met) if met else None,
                                  anchor.date if anchor else None, assessed=bool(observations)))
    return out


def provision_delay(states: list[MilestoneState], as_of: date) -> int | None:
    """The largest delay among milestones still in force (None when none has a due date)."""
    delays = [d for s in states if not s.superseded_by and (d := s.delay_days(as_of)) is not None]
    return max(delays) if delays else None


def agreement_score(current_scores: list[int | None]) -> dict[str, Any]:
    """Peace Accords Matrix: points / (3 x provisions); unassessed provisions count as 0 points.

    ``assessed_score`` gives the same ratio over assessed provisions only, so a reader can see
    how much of the headline figure is missing data rather than missing implementation.
    """
    provisions = len(current_scores)
    assessed = [s for s in current_scores if s is not None]
    points = sum(assessed)
    return {
        "score": round(points / (3 * provisions), 4) if provisions else None,
        "points": points,
        "max_points": 3 * provisions,
        "provisions": provisions,
        "assessed": len(assessed),
        "assessed_score": round(points / (3 * len(assessed)), 4) if assessed else None,
    }

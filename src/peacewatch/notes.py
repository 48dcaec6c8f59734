"""The notes of an event, in our own words: a summary of its coded fields, then how many reports
back it and where they differ.

Notes are what analysts read first, so they are built from the fields as coded, never copied
from one report: an extracted candidate's summary from its own fields, a resolved event's from
its final fields after every merge or split, and again after an analyst's edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from peacewatch.records import EventFields


def summary(ev: EventFields) -> str:
    """Who did what to whom, where and when, then the toll and a status other than "reported"."""
    what = ev.sub_event_type.lower() if ev.sub_event_type else ev.event_type.lower()
    who = ev.actor1 or "An unidentified actor"
    whom = f" involving {ev.actor2}" if ev.actor2 else ""
    where = f" in {ev.location}" + (f" ({ev.admin1}, {ev.country})" if ev.admin1 else "") if ev.location else ""
    when = f" on {ev.event_date.isoformat()}" if ev.event_date else ""
    parts = [f"{who}: {what}{whom}{where}{when}."]
    if ev.fatalities:
        parts.append(f"Reported fatalities: {ev.fatalities}.")
    if ev.injuries:
        parts.append(f"Reported injuries: {ev.injuries}.")
    if ev.status != "reported":
        by = ev.claimed_by or ev.denied_by
        parts.append(f"Status: {ev.status}" + (f" ({by})." if by else "."))
    return " ".join(parts)


def event_notes(
    ev: EventFields, documents: int, outlets: Sequence[str], disagreements: Sequence[Mapping[str, Any]]
) -> str:
    """A resolved event's notes: its summary, its sources, and what its reports disagree on."""
    parts = [summary(ev)]
    if documents > 1:
        line = f"Reported by {documents} sources"
        parts.append(line + (f" ({', '.join(outlets)})." if outlets else "."))
    if disagreements:
        parts.append("Reports disagree: " + "; ".join(d["text"] for d in disagreements) + ".")
    return " ".join(parts)


def after_edit(notes: str, before: EventFields, after: EventFields) -> str:
    """The notes once an analyst edited the fields: the summary is rebuilt from the edited fields
    and the rest (sources, disagreements) kept. Notes that no longer open with the machine's
    summary were written by hand and are left as they are."""
    old = summary(before)
    if not notes.startswith(old):
        return notes
    return summary(after) + notes[len(old):]

"""The notes of an extracted event: a one-sentence summary in our own words."""

from __future__ import annotations

from peacewatch.records import EventCandidate


def summary(ev: EventCandidate) -> str:
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

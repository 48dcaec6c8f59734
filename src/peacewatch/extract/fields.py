"""An event record's place, casualty and confidence fields, and the evidence of every field."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from peacewatch.geo.gazetteer import country_iso3
from peacewatch.extract.typing import SPECIFIC_CUES
from peacewatch.records import CasualtyReport, EventCandidate, Evidence

if TYPE_CHECKING:
    from peacewatch.extract.build import Toll
    from peacewatch.extract.grouping import Group

_PLACE_FIELDS = ("country", "iso3", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision")


class EvidenceLog:
    """The evidence of one event, in the order its fields are filled."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.items: list[Evidence] = []

    def add(self, field_name: str, start: int, end: int) -> None:
        self.items.append(Evidence(field=field_name, start=start, end=end, text=self.text[start:end]))


def place_fields(candidate: EventCandidate, place_mention: Any | None, country: str, evidence: EvidenceLog) -> None:
    """The gazetteer's place (country, admin units, coordinates) with the mention as evidence of
    each field it fills; an event without a place keeps only its country."""
    place = place_mention.place if place_mention is not None else None
    if place is None:
        if country:
            candidate.country = country
        return
    candidate.country = place.country or country
    candidate.iso3 = place.iso3 or country_iso3(candidate.country) or ""
    candidate.admin1 = place.admin1
    candidate.admin2 = place.admin2
    candidate.admin3 = place.admin3
    candidate.location = place.name
    candidate.latitude = place.latitude
    candidate.longitude = place.longitude
    candidate.geo_precision = place_mention.precision if place.latitude is not None else None
    for name in _PLACE_FIELDS:
        if getattr(candidate, name) not in (None, ""):
            evidence.add(name, place_mention.start, place_mention.end)


def casualty_fields(candidate: EventCandidate, toll: Toll, evidence: EvidenceLog) -> None:
    """Fatalities (with the highest figure stated as the upper bound), injuries when stated, and
    each stated figure as a casualty report; the figures (or the implied killing) are the evidence."""
    candidate.fatalities = toll.killed
    candidate.fatalities_low = toll.killed
    candidate.fatalities_high = max([toll.killed] + [c.value for c in toll.mentions if c.kind == "killed" and not c.breakdown])
    candidate.injuries = toll.injured if toll.injured_qualifier != "unknown" else None
    if toll.implied is not None:
        evidence.add("fatalities", toll.implied.start, toll.implied.end)
    for c in toll.mentions:
        if c.kind == "killed":
            evidence.add("fatalities", c.start, c.end)
        elif c.kind == "injured":
            evidence.add("injuries", c.start, c.end)
        if c.kind in ("killed", "injured") and (c.value > 0 or c.explicit_zero) and not c.breakdown:
            candidate.casualty_reports.append(CasualtyReport(kind=c.kind, value=c.value, qualifier=c.qualifier))


def confidence(dated: bool, placed: bool, has_author: bool, group: Group) -> float:
    """How much of the event the report pins down: a date, a place, an author, a specific kind of
    event, more than one telling."""
    score = 0.35
    score += 0.2 if dated else 0.0
    score += 0.2 if placed else 0.0
    score += 0.1 if has_author else 0.0
    score += 0.1 if group.cues & SPECIFIC_CUES else 0.0
    score += 0.05 if len(group.mentions) > 1 else 0.0
    return round(min(score, 0.95), 2)

"""Which events a rule's area covers: admin units, or a radius around a place or a point."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from unidecode import unidecode

from peacewatch.alerts.repository import EventRow
from peacewatch.alerts.rules import RuleError


def _fold(text: str) -> str:
    return " ".join(unidecode(text or "").casefold().replace("-", " ").split())


@dataclass(frozen=True, slots=True)
class Area:
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    centre: tuple[float, float] | None = None
    radius_km: float | None = None
    label: str = ""

    def contains(self, row: EventRow) -> bool:
        if self.country and _fold(row.country) != self.country:
            return False
        if self.admin1 and _fold(row.admin1) != self.admin1:
            return False
        if self.admin2 and _fold(row.admin2) != self.admin2:
            return False
        if self.centre is not None and self.radius_km is not None:
            if row.latitude is None or row.longitude is None:
                return False
            from peacewatch.geo import distance_km

            return distance_km(self.centre, (row.latitude, row.longitude)) <= self.radius_km
        return True


def area_of(spec: dict[str, Any]) -> Area:
    """The area a rule names; a place is looked up in the gazetteer (the most prominent match)."""
    centre = None
    label_parts = [spec.get(k, "") for k in ("admin2", "admin1", "country") if spec.get(k)]
    if "place" in spec:
        from peacewatch.geo import gazetteer

        found = gazetteer().lookup(spec["place"], spec.get("country"), spec.get("admin1"))
        if not found:
            raise RuleError(f"area: the gazetteer has no place called {spec['place']!r}")
        centre = (found[0].latitude, found[0].longitude)
        label_parts = [f"{spec['radius_km']:g} km around {found[0].name}"]
    elif "latitude" in spec:
        centre = (float(spec["latitude"]), float(spec["longitude"]))
        label_parts = [f"{spec['radius_km']:g} km around {centre[0]:.2f}, {centre[1]:.2f}"]
    return Area(
        country=_fold(spec.get("country", "")) if centre is None or "place" not in spec else "",
        admin1=_fold(spec.get("admin1", "")) if centre is None else "",
        admin2=_fold(spec.get("admin2", "")) if centre is None else "",
        centre=centre,
        radius_km=float(spec["radius_km"]) if centre is not None else None,
        label=", ".join(label_parts),
    )

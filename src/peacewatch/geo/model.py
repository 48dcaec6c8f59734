"""Records of the geo stage: a gazetteer place and a place mention found in a text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from peacewatch.records import Record

Relation = Literal["in", "near", "between", "region", "road"]


@dataclass(frozen=True, slots=True)
class Place(Record):
    """One gazetteer entry; admin names are ASCII as ACLED writes them ("Tombouctou", "Menaka").

    A place the gazetteer lacks ("text", see unlisted.py) has no id, and no position unless the
    text ties it to a known place."""

    geonameid: int | None
    name: str
    country: str
    iso3: str
    admin1: str
    admin2: str
    admin3: str
    latitude: float | None
    longitude: float | None
    feature_class: str
    feature_code: str
    population: int
    source: Literal["geonames", "supplement", "text"] = "geonames"


@dataclass(slots=True)
class PlaceMention(Record):
    """A place named in a text, resolved to a gazetteer entry.

    ``start``/``end`` are character offsets into the text given to ``find_places``; for
    "between X and Y" and "road X–Y" the span runs from X to Y and ``other`` is Y.
    ``precision`` follows ACLED: 1 the town itself, 2 near it or part of a region, 3 a region.
    """

    start: int
    end: int
    text: str
    place: Place
    precision: int = 1
    relation: Relation = "in"
    other: Place | None = None
    distance_km: float | None = None

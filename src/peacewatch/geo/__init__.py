"""Places: the bundled gazetteer, toponym finding and resolution, distance helpers."""

from peacewatch.geo.finder import find_places, primary_mention
from peacewatch.geo.gazetteer import Gazetteer, distance_km, gazetteer
from peacewatch.geo.model import Place, PlaceMention


def nearest(lat: float, lon: float, feature_class: str | None = "P") -> Place | None:
    """Closest gazetteer place of ``feature_class`` to a point (any class if None)."""
    return gazetteer().nearest(lat, lon, feature_class)


__all__ = ["Gazetteer", "Place", "PlaceMention", "distance_km", "find_places", "gazetteer",
           "nearest", "primary_mention"]

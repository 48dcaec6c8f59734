"""Build the dashboard's bundled map layers (run by hand; the outputs are committed).

- ``admin1.json``: Mali's first-level regions from geoBoundaries (Runfola et al. 2020), simplified
  further (Douglas-Peucker) and rounded to 0.01 degree (about 1 km), which is plenty for a
  country-scale map and keeps the file small. Region names are mapped to the spelling GeoNames
  (and therefore the events table) uses, so a click on a region can filter by ``admin1``.
- ``towns.json``: reference towns from the bundled GeoNames gazetteer: capitals of countries and
  first-level regions, and places over 20,000 people, within the map's extent.

Usage: python scripts/build_layers.py [--boundaries FILE] [--tolerance DEG]
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from rapidfuzz import process
from unidecode import unidecode

from peacewatch.geo import gazetteer

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "peacewatch" / "data" / "layers"
DEFAULT_BOUNDARIES = Path("/work/shared/data/boundaries/MLI-ADM1-geoBoundaries-simplified.geojson")
EXTENT = (-13.5, 9.5, 5.5, 25.5)  # west, south, east, north: Mali and its borders
Point = tuple[float, float]


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return math.hypot(x - x1, y - y1)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative (rings can be long enough to hit the recursion limit)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            d = _segment_distance(points[i], points[first], points[last])
            if d > worst:
                worst, index = d, i
        if index >= 0 and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def _ring(ring: list[list[float]], tolerance: float) -> list[list[float]] | None:
    points = simplify([(float(x), float(y)) for x, y in ring], tolerance)
    rounded: list[list[float]] = []
    for x, y in points:
        q = [round(x, 2), round(y, 2)]
        if not rounded or rounded[-1] != q:
            rounded.append(q)
    if len(rounded) < 4:
        return None
    if rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return rounded


def _polygons(geometry: dict) -> list[list[list[list[float]]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def _mali_admin1_names() -> list[str]:
    g = gazetteer()
    names = set()
    for i in range(len(g.main_key)):
        place = g.place(i)
        if place.iso3 == "MLI" and place.feature_code == "ADM1":
            names.add(place.admin1)
    return sorted(names)


def build_admin1(path: Path, tolerance: float) -> dict:
    data = json.loads(path.read_text("utf-8"))
    names = _mali_admin1_names()
    folded = {unidecode(n).lower(): n for n in names}
    features = []
    for feature in data["features"]:
        raw = feature["properties"]["shapeName"]
        match = process.extractOne(unidecode(raw).lower(), list(folded))
        name = folded[match[0]] if match and match[1] >= 80 else raw
        polygons = []
        for polygon in _polygons(feature["geometry"]):
            rings = [r for r in (_ring(ring, tolerance) for ring in polygon) if r]
            if rings:
                polygons.append(rings)
        features.append({
            "type": "Feature",
            "properties": {"name": name, "iso": feature["properties"].get("shapeISO", "")},
            "geometry": {"type": "MultiPolygon", "coordinates": polygons},
        })
    features.sort(key=lambda f: f["properties"]["name"])
    return {
        "type": "FeatureCollection",
        "attribution": "geoBoundaries (Runfola et al. 2020, PLoS ONE 15(4): e0231866), simplified",
        "features": features,
    }


def build_towns() -> dict:
    g = gazetteer()
    west, south, east, north = EXTENT
    towns = []
    for i in range(len(g.main_key)):
        p = g.place(i)
        if p.feature_class != "P" or p.source != "geonames":
            continue
        if not (west <= p.longitude <= east and south <= p.latitude <= north):
            continue
        if p.feature_code in ("PPLC", "PPLA") or p.population > 20000:
            towns.append({
                "name": p.name, "country": p.iso3, "admin1": p.admin1, "lat": round(p.latitude, 3),
                "lon": round(p.longitude, 3), "capital": p.feature_code == "PPLC", "population": p.population,
            })
    towns.sort(key=lambda t: (-t["population"], t["name"]))
    return {"attribution": "GeoNames (CC BY 4.0)", "towns": towns}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boundaries", type=Path, default=DEFAULT_BOUNDARIES)
    parser.add_argument("--tolerance", type=float, default=0.02, help="Simplification tolerance in degrees.")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in (("admin1.json", build_admin1(args.boundaries, args.tolerance)), ("towns.json", build_towns())):
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        (OUT / name).write_text(text + "\n", "utf-8")
        print(f"{name}: {len(text):,} bytes")


if __name__ == "__main__":
    main()

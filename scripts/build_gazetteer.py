"""Build the bundled gazetteer (src/peacewatch/data/geo/gazetteer.tsv.gz) from GeoNames dumps.

Why: the project must work offline from a fresh clone, so a compact derived table ships in the
package. Admin names are resolved here once (GeoNames ADM1/ADM2/ADM3 rows, accent-free as ACLED
writes them); for Mali, points that GeoNames leaves without a cercle are placed with the
geoBoundaries cercle outlines, and the cercle's GeoNames admin codes give the region (which is how
Ménaka-cercle villages get the newer Ménaka region). Name keys are precomputed with
peacewatch.geo.normalize so that loading is fast: rebuild after changing the normalisation.

Usage: python scripts/build_gazetteer.py [--geonames DIR] [--boundaries DIR] [--output FILE]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import unicodedata
from pathlib import Path

import numpy as np
from unidecode import unidecode

from peacewatch.geo.normalize import fold_key, name_key

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"

COUNTRIES: dict[str, tuple[str, str]] = {
    "ML": ("Mali", "MLI"),
    "BF": ("Burkina Faso", "BFA"),
    "NE": ("Niger", "NER"),
    "MR": ("Mauritania", "MRT"),
    "SN": ("Senegal", "SEN"),
    "CI": ("Ivory Coast", "CIV"),
    "GN": ("Guinea", "GIN"),
}

KEEP_CODES = {
    "ADM1", "ADM2", "ADM3", "PCLI",
    # Desert towns, camps and bases that news names as places but GeoNames files otherwise.
    "WLL", "WLLS", "WTRH", "WAD", "CMP", "INSM", "FT", "LCTY", "MN", "MNAU", "OAS",
}
"""Feature codes kept besides every populated place (class P); chosen by measuring which
feature codes the named locations of Malian conflict reports fall in."""

KEEP_CODES_MALI = {"STMI", "DUNE", "HLL", "HLLS", "MRSH", "WTLD", "LK", "PND", "AREA", "RUIN", "DPR"}
"""Further codes kept for Mali only: in the north a camp or hamlet is often on record only as
the wadi, dune, hill or pond it is named after; abroad they would mostly add false matches."""

ADMIN_AFFIXES = re.compile(
    r"^(?:r[ée]gion|cercle|commune|province|d[ée]partement|department|wilaya|district|prefecture|"
    r"pr[ée]fecture|sous-pr[ée]fecture)\s*(?:de la |de l['’]\s*|du |des |de |d['’]\s*|of )?"
    r"|\s+(?:region|r[ée]gion|cercle|province|department|d[ée]partement|prefecture|district)$",
    re.IGNORECASE,
)


def admin_name(name: str) -> str:
    """'Cercle de Ménaka' -> 'Menaka', 'Tombouctou Region' -> 'Tombouctou' (ASCII, as ACLED writes)."""
    previous = None
    while previous != name:
        previous = name
        name = ADMIN_AFFIXES.sub("", name).strip()
    return unidecode(name).replace("’", "'")


def is_latin(name: str) -> bool:
    """True when every letter is Latin script: other scripts never appear in our EN/FR texts."""
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def usable_alternates(row_name: str, alternates: str) -> list[str]:
    """Latin-script alternate names that can appear in prose; codes and numbered labels dropped."""
    seen = {row_name.casefold()}
    out = []
    for alt in alternates.split(","):
        alt = alt.strip()
        if len(alt) < 3 or alt.casefold() in seen or not is_latin(alt):
            continue
        if any(ch.isdigit() for ch in alt) or "(" in alt or "|" in alt or "\t" in alt:
            continue
        if alt.isupper() and len(alt) <= 5:  # IATA/ICAO codes such as "TOM", "GATB"
            continue
        if not any(ch.isupper() for ch in alt):  # romanised labels from other scripts: "tmbktw"
            continue
        seen.add(alt.casefold())
        out.append(alt)
    return out


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if line.strip()]


def point_in_polygons(lats: np.ndarray, lons: np.ndarray, features: list[dict]) -> list[str | None]:
    """Name of the outline containing each point (even-odd rule), None when outside all."""
    result: list[str | None] = [None] * len(lats)
    for feat in features:
        geom = feat["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        inside = np.zeros(len(lats), dtype=bool)
        for poly in polys:
            for ring in poly:
                xs = np.array([p[0] for p in ring])
                ys = np.array([p[1] for p in ring])
                x1, y1, x2, y2 = xs[:-1], ys[:-1], xs[1:], ys[1:]
                for a, b, c, d in zip(x1, y1, x2, y2):
                    if b == d:
                        continue
                    crosses = (b > lats) != (d > lats)
                    x_at = a + (lats - b) * (c - a) / (d - b)
                    inside ^= crosses & (lons < x_at)
        for i in np.nonzero(inside)[0]:
            result[i] = feat["properties"]["shapeName"]
    return result


def nearest_outline(lat: float, lon: float, features: list[dict]) -> str:
    """Outline with the closest vertex: for points just outside simplified borders."""
    best, best_d = "", float("inf")
    for feat in features:
        geom = feat["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        for poly in polys:
            pts = np.array(poly[0])
            d = float(np.min((pts[:, 0] - lon) ** 2 + (pts[:, 1] - lat) ** 2))
            if d < best_d:
                best, best_d = feat["properties"]["shapeName"], d
    return best


_TUAREG_PREFIX = re.compile(r"^(?:i-n|in|ti-n|tin)[- ](?=\w{4})", re.IGNORECASE)
_QUALIFIER = re.compile(
    r"^(?P<base>\w[\w' -]{3,}?)[- ](?:peulh?|foulb[ée]|fulbe|hab[ée]|dogon|bozo|bambara|"
    r"marka|sonrha[iï]|sonra[iï])$", re.IGNORECASE)


def variant_keys(name: str) -> list[str]:
    """Other ways news writes a Malian name, folded in as inexact keys. Tuareg names written with
    a prefix ("I-n-Tillit", "Tin Essako") take either prefix, "in" or "tin"; a village named with
    the people who live there ("Yonga-Foulbé", "Kologon-Habé") is often written without them."""
    out = []
    prefixed = _TUAREG_PREFIX.match(name)
    if prefixed:
        rest = name_key(name[prefixed.end():])
        out += ["in" + rest, "tin" + rest]
    qualified = _QUALIFIER.match(name)
    if qualified:
        out.append(name_key(qualified.group("base")))
    return out


def fold(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", unidecode(name).lower())


def build(geonames: Path, boundaries: Path, output: Path) -> int:
    rows_out: list[list[str]] = []
    for cc, (country, iso3) in COUNTRIES.items():
        rows = read_rows(geonames / f"{cc}.txt")
        adm1 = {r[10]: admin_name(r[1]) for r in rows if r[7] == "ADM1"}
        adm2 = {(r[10], r[11]): admin_name(r[1]) for r in rows if r[7] == "ADM2"}
        adm2_by_code = {r[11]: (r[10], admin_name(r[1])) for r in rows if r[7] == "ADM2"}
        adm3 = {(r[10], r[11], r[12]): admin_name(r[1]) for r in rows if r[7] == "ADM3"}
        keep = KEEP_CODES | KEEP_CODES_MALI if cc == "ML" else KEEP_CODES
        kept = [r for r in rows if r[6] == "P" or r[7] in keep]
        cercle_of: list[str | None] = [None] * len(kept)
        cercles: dict[str, tuple[str, str]] = {}
        if cc == "ML":
            outlines = json.loads((boundaries / "MLI-ADM2-geoBoundaries-simplified.geojson").read_text())
            feats = outlines["features"]
            lats = np.array([float(r[4]) for r in kept])
            lons = np.array([float(r[5]) for r in kept])
            cercle_of = point_in_polygons(lats, lons, feats)
            for i, name in enumerate(cercle_of):
                if name is None:
                    cercle_of[i] = nearest_outline(lats[i], lons[i], feats)
            by_fold = {fold(name): code for code, (_, name) in adm2_by_code.items()}
            for feat in feats:
                shape = feat["properties"]["shapeName"]
                code = by_fold.get(fold(shape))
                if code is not None:
                    cercles[shape] = adm2_by_code[code]
        for i, r in enumerate(kept):
            a1, a2, a3 = r[10], r[11], r[12]
            name1 = adm1.get(a1, "")
            name2 = adm2.get((a1, a2), "") or adm2_by_code.get(a2, ("", ""))[1]
            name3 = adm3.get((a1, a2, a3), "")
            shape = cercle_of[i]
            if shape is not None and a1 not in ("12070577", "12070575"):
                code1, cercle = cercles.get(shape, ("", shape))
                # The region follows the cercle whenever the cercle comes from the outlines,
                # so admin1 and admin2 never disagree; Ménaka cercle gives the Ménaka region.
                if not name2 or a1 in ("", "00") or (a1 == "09" and code1 == "12070577"):
                    name1 = adm1.get(code1, name1)
                name2 = name2 or cercle
            if r[7] == "ADM1":
                name1, name2 = admin_name(r[1]), ""
            elif r[7] == "ADM2":
                name2 = admin_name(r[1])
            elif r[7] == "PCLI":
                name1 = name2 = ""
            name, ascii_name = r[1], r[2]
            alternates = usable_alternates(name, r[3])
            if r[7] == "PCLI":  # "Republic of Mali" -> "Mali", the name ACLED uses
                alternates, name, ascii_name = [name, *alternates], country, country
            keys = list(dict.fromkeys(k for k in map(name_key, [name, ascii_name, *alternates]) if k))
            folds = sorted({fold_key(k) for k in keys}
                           | ({fold_key(v) for n in [name, *alternates] for v in variant_keys(n)}
                              if iso3 == "MLI" else set()))
            rows_out.append([
                r[0], name, ascii_name, "|".join(alternates), r[4], r[5], r[6], r[7], iso3, country,
                name1, name2, name3, r[14] or "0", "|".join(keys), "|".join(folds),
            ])
    output.parent.mkdir(parents=True, exist_ok=True)
    header = ["geonameid", "name", "asciiname", "alternates", "latitude", "longitude",
              "feature_class", "feature_code", "iso3", "country", "admin1", "admin2", "admin3",
              "population", "keys", "folds"]
    lines = ["\t".join(header)] + ["\t".join(row) for row in rows_out]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with output.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as fh:
        fh.write(data)  # mtime=0: the same dumps give the same bytes, so rebuilds diff cleanly
    return len(rows_out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geonames", type=Path, default=SHARED / "geonames")
    parser.add_argument("--boundaries", type=Path, default=SHARED / "boundaries")
    parser.add_argument("--output", type=Path,
                        default=ROOT / "src" / "peacewatch" / "data" / "geo" / "gazetteer.tsv.gz")
    args = parser.parse_args()
    n = build(args.geonames, args.boundaries, args.output)
    print(f"wrote {n} places to {args.output} ({args.output.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()

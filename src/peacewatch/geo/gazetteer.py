"""The bundled gazetteer: GeoNames places of Mali and its neighbours plus our curated supplement.

Why: places must resolve offline, fast, and with admin names as analysts write them. The table
is built by scripts/build_gazetteer.py; this module only loads and indexes it. Which countries it
covers, the home country it is built around and the quirks of their admin units are the region's
(``geography``, read from the region file).
"""

from __future__ import annotations

import gzip
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Iterator

import yaml
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from peacewatch import regions
from peacewatch.geo.model import Place
from peacewatch.geo.normalize import fold_key, name_key


@dataclass(frozen=True, eq=False)
class Geography:
    """What the region file says of the gazetteer's countries: which are covered, the home country
    the gazetteer is built around (a report naming none is about it), and their admin units."""

    countries: dict[str, str]
    """ACLED's English country name -> ISO3, for every covered country."""
    home: str
    alpha2: dict[str, str]
    unit_words: tuple[str, ...]
    """Admin-unit words as written, read in the phrases around names ("région de X", "X cercle")."""
    unit_kinds: dict[str, str]
    """Normalised admin-unit word (also those read only inside gazetteer names) -> admin level."""
    conflict_regions: frozenset[tuple[str, str]]
    """(ISO3, admin1) of the conflict regions: a small tie-break between same-named places."""
    capitals: tuple[tuple[str, str], ...]
    """(country, capital) of the capitals whose quarters are coded at the capital."""
    name_particles: frozenset[str]

    @property
    def home_iso3(self) -> str:
        return self.countries[self.home]

    @property
    def covered(self) -> frozenset[str]:
        return frozenset(self.countries.values())


def geography() -> Geography:
    """The geography of the region in use (``regions.current()``), read once per region."""
    return _geography(regions.current())


_GEOGRAPHIES: dict[str, Geography] = {}


def _geography(region: regions.Region) -> Geography:
    found = _GEOGRAPHIES.get(region.name)
    if found is not None:
        return found
    data = region.data
    units = data.get("admin_units") or {}
    kinds = {name_key(w): level for level, unit in units.items()
             for w in (*unit["words"], *unit.get("name_words", ()))}
    found = _GEOGRAPHIES[region.name] = Geography(
        countries=dict(region.countries),
        home=region.default_country,
        alpha2=dict(data.get("alpha2") or {}),
        unit_words=tuple(w for unit in units.values() for w in unit["words"]),
        unit_kinds=kinds,
        conflict_regions=frozenset((region.countries.get(country, ""), admin1)
                                   for country, names in (data.get("conflict_regions") or {}).items() for admin1 in names),
        capitals=tuple((c["country"], c["capital"]) for c in data.get("capital_quarters") or ()),
        name_particles=frozenset(data.get("name_particles") or ()),
    )
    return found

_FUZZY_CODES = frozenset({"ADM1", "ADM2", "ADM3", "LCTY", "CMP", "WLL", "WLLS"})
"""Besides towns, the Malian rows a misspelt name may reach: admin units, and the localities,
camps and wells of the north that reports name as places of their own."""

_CLASS_WEIGHT = {"P": 2.0, "A": 1.0, "S": 0.8, "H": 0.5, "L": 0.5}
_CODE_BONUS = {"PPLC": 1.0, "PPLA": 0.8, "PPLA2": 0.4, "PPLA3": 0.2, "PPLQ": -1.0, "PPLX": -0.3}


_TWO_SLIPS_FROM = 10
"""Folded length from which a name may be two typing slips away: shorter names get one."""


def distance_km(a: Place | tuple[float, float], b: Place | tuple[float, float]) -> float:
    """Great-circle distance between two places or (lat, lon) pairs, in km."""
    lat1, lon1 = (a.latitude, a.longitude) if isinstance(a, Place) else a
    lat2, lon2 = (b.latitude, b.longitude) if isinstance(b, Place) else b
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _deletions(key: str) -> set[str]:
    return {key[:k] + key[k + 1:] for k in range(len(key))}


def prior(place: Place) -> float:
    """Score of a place before any context: feature class, rank in the admin tree, population."""
    score = _CLASS_WEIGHT.get(place.feature_class, 0.3) + _CODE_BONUS.get(place.feature_code, 0.0)
    if place.feature_code == "PPL" and place.admin2 and name_key(place.name) == name_key(place.admin2):
        score += _CODE_BONUS["PPLA2"]  # a cercle's namesake town is its seat; GeoNames rarely says so
    return score + min(2.0, math.log10(place.population + 1) / 3)


def country_iso3(country: str | None) -> str | None:
    """Accept "Mali", "MLI" or "ml"; None for unknown or None."""
    if not country:
        return None
    geo = geography()
    if country in geo.countries:
        return geo.countries[country]
    up = country.upper()
    if up in geo.covered:
        return up
    return geo.alpha2.get(up)


class Gazetteer:
    """Places with exact-key and folded-key indexes, and a coarse grid for nearest-place search.

    Rows stay as raw columns until a place is asked for: most of the table is never touched by
    one text, and building every record up front would dominate start-up time.
    """

    def __init__(self, rows: list[list[str] | Place], keys: list[list[str]], folds: list[list[str]]) -> None:
        self._rows = rows
        self._cache: dict[int, Place] = {}
        self.by_key: dict[str, list[int]] = defaultdict(list)
        self.by_fold: dict[str, list[int]] = defaultdict(list)
        self.main_key: list[str] = []
        self.country_place: dict[str, Place] = {}
        self._grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, (row_keys, row_folds) in enumerate(zip(keys, folds)):
            self.main_key.append(row_keys[0] if row_keys else "")
            for key in row_keys:
                self.by_key[key].append(i)
            for folded in row_folds:
                self.by_fold[folded].append(i)
            lat, lon, code = self._coords(i)
            self._grid[(math.floor(lat), math.floor(lon))].append(i)
            if code == "PCLI":
                place = self.place(i)
                self.country_place[place.iso3] = place
        self.max_tokens = 6
        self._fuzzy: tuple[dict[str, list[int]], dict[str, list[int]]] | None = None
        self._long: dict[str, list[str]] | None = None
        self._populated: tuple[list[str], list[list[int]]] | None = None
        self._country_grids: dict[str, dict[tuple[int, int], list[int]]] = {}
        self._near_country: dict[tuple[float | None, float | None, str, float], bool] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[Place]:
        """Every place, in gazetteer order (builds all records: for batch jobs, not per text)."""
        return (self.place(i) for i in range(len(self._rows)))

    def _coords(self, i: int) -> tuple[float, float, str]:
        row = self._rows[i]
        if isinstance(row, Place):
            return row.latitude, row.longitude, row.feature_code
        return float(row[4]), float(row[5]), row[7]

    def _feature_class(self, i: int) -> str:
        row = self._rows[i]
        return row.feature_class if isinstance(row, Place) else row[6]

    def place(self, i: int) -> Place:
        """The record of row ``i`` (built on first use)."""
        place = self._cache.get(i)
        if place is not None:
            return place
        row = self._rows[i]
        if isinstance(row, Place):
            place = row
        else:
            place = Place(
                geonameid=int(row[0]), name=row[1], country=row[9], iso3=row[8], admin1=row[10],
                admin2=row[11], admin3=row[12], latitude=float(row[4]), longitude=float(row[5]),
                feature_class=row[6], feature_code=row[7], population=int(row[13] or 0),
            )
        self._cache[i] = place
        return place

    def _iso3(self, i: int) -> str:
        row = self._rows[i]
        return row.iso3 if isinstance(row, Place) else row[8]

    def names(self, i: int) -> list[str]:
        """Name, ASCII name and Latin-script alternate names of row ``i``."""
        row = self._rows[i]
        if isinstance(row, Place):
            return [row.name]
        return [row[1], row[2], *[a for a in row[3].split("|") if a]]

    def candidates(self, key: str) -> tuple[list[int], set[int]]:
        """Indexes of places named ``key``, exact or by folded spelling, and the exact subset."""
        exact = self.by_key.get(key, [])
        folded = self.by_fold.get(fold_key(key), [])
        return list(dict.fromkeys([*exact, *folded])), set(exact)

    @lru_cache(maxsize=4096)
    def fuzzy(self, key: str) -> list[int]:
        """Home-country (Malian) towns and admin units one typing slip away from ``key`` ("Ansogo" for
        "Ansongo", "Bambara Moudé" for "Bambara Maoudé"), two for keys of 10+; only for keys of
        8+ letters."""
        folded = fold_key(key)
        if len(folded) < 8:
            return []
        if self._fuzzy is None:
            self._fuzzy = self._build_fuzzy()
        whole, deleted = self._fuzzy
        found = list(deleted.get(folded, ()))  # a letter missing from the text
        for d in _deletions(folded):
            found.extend(whole.get(d, ()))  # a letter too many in the text
            if len(folded) >= 9:
                found.extend(deleted.get(d, ()))  # one letter replaced
        found = list(dict.fromkeys(found))
        if not found and len(folded) >= _TWO_SLIPS_FROM:
            found = self._two_slips(folded, whole)
        # A slip is only trusted when it points at one name, not at several different ones
        # (a town and the cercle named after it, "X" and "X Cercle", count as one name, and so do
        # spellings that fold alike, "Toguéré-Koumbé" and "Toguéré Coumbé").
        keys = {fold_key(self.main_key[i]) for i in found}
        keys = {k for k in keys if not any(k != other and k.startswith(other) for other in keys)}
        return found if len(keys) == 1 else []

    def _two_slips(self, folded: str, whole: dict[str, list[int]]) -> list[int]:
        """Long names two edits away that start with the same letter ("Bambara Maoudéq" for
        "Bambara Maoundé"); only the closest spellings count, and they must agree."""
        if self._long is None:
            self._long = defaultdict(list)
            for key in whole:
                if len(key) >= _TWO_SLIPS_FROM - 2:
                    self._long[key[0]].append(key)
        hits = process.extract(folded, self._long.get(folded[0], []), scorer=Levenshtein.distance,
                               score_cutoff=2, limit=None)
        if not hits:
            return []
        best = min(score for _, score, _ in hits)
        return [i for key, score, _ in hits if score == best for i in whole[key]]

    def populated_folds(self) -> tuple[list[str], list[list[int]]]:
        """Folded names (any spelling, five letters or more) of populated places, with their rows:
        the choices for a near-spelling search (built on first use)."""
        if self._populated is None:
            keys, rows = [], []
            for folded, idx in self.by_fold.items():
                towns = [i for i in idx if self._feature_class(i) == "P"] if len(folded) >= 5 else []
                if towns:
                    keys.append(folded)
                    rows.append(towns)
            self._populated = keys, rows
        return self._populated

    def _build_fuzzy(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        whole: dict[str, list[int]] = defaultdict(list)
        deleted: dict[str, list[int]] = defaultdict(list)
        home = geography().home_iso3
        for folded, idx in self.by_fold.items():
            if len(folded) < 7:
                continue
            keep = [i for i in idx if self._iso3(i) == home and (
                self._feature_class(i) == "P" or self._coords(i)[2] in _FUZZY_CODES)]
            if not keep:
                continue
            whole[folded].extend(keep)
            for d in _deletions(folded):
                deleted[d].extend(keep)
        return whole, deleted

    def lookup(self, name: str, country: str | None = None, admin1: str | None = None) -> list[Place]:
        """Places called ``name`` (accent/case/spacing-insensitive), best prior first."""
        idx, _ = self.candidates(name_key(name))
        iso3 = country_iso3(country)
        wanted = name_key(admin1) if admin1 else None
        hits = [i for i in idx
                if (iso3 is None or self.place(i).iso3 == iso3)
                and (wanted is None or name_key(self.place(i).admin1) == wanted)]
        hits.sort(key=lambda i: (-prior(self.place(i)), self.place(i).geonameid or 0))
        return [self.place(i) for i in hits]

    def _in_cells(self, lat: float, lon: float, km: float,
                  grid: dict[tuple[int, int], list[int]] | None = None) -> Iterator[int]:
        """Indexes of the places (of ``grid``, by default all) in the one-degree cells that a
        circle of ``km`` may touch."""
        grid = self._grid if grid is None else grid
        reach = math.ceil(km / 100.0) + 1
        cy, cx = math.floor(lat), math.floor(lon)
        for dy in range(-reach, reach + 1):
            for dx in range(-reach, reach + 1):
                yield from grid.get((cy + dy, cx + dx), ())

    def _country_grid(self, iso3: str) -> dict[tuple[int, int], list[int]]:
        """The grid restricted to one country's places (built on first use): border questions
        would otherwise test every place of every nearby cell."""
        grid = self._country_grids.get(iso3)
        if grid is None:
            grid = self._country_grids[iso3] = defaultdict(list)
            for cell, rows in self._grid.items():
                grid[cell].extend(i for i in rows if self._iso3(i) == iso3)
        return grid

    def around(self, lat: float, lon: float, km: float) -> list[int]:
        """Indexes of the places within ``km`` of a point."""
        return [i for i in self._in_cells(lat, lon, km) if distance_km((lat, lon), self._coords(i)[:2]) <= km]

    def near_country(self, place: Place, iso3: str, km: float) -> bool:
        """Is any place of country ``iso3`` within ``km`` of ``place`` (is it near that border)?
        Remembered per point: the same readings come back in text after text."""
        key = (place.latitude, place.longitude, iso3, km)
        near = self._near_country.get(key)
        if near is None:
            lat, lon = place.latitude, place.longitude
            near = self._near_country[key] = any(
                distance_km((lat, lon), self._coords(i)[:2]) <= km
                for i in self._in_cells(lat, lon, km, self._country_grid(iso3)))
        return near

    def nearest(self, lat: float, lon: float, feature_class: str | None = "P") -> Place | None:
        """Closest place of ``feature_class`` (any class if None) within 500 km, else None."""
        best: tuple[float, int] | None = None
        cy, cx = math.floor(lat), math.floor(lon)
        for ring in range(0, 6):
            for dy in range(-ring, ring + 1):
                for dx in range(-ring, ring + 1):
                    if max(abs(dy), abs(dx)) != ring:
                        continue
                    for i in self._grid.get((cy + dy, cx + dx), ()):
                        if feature_class and self._feature_class(i) != feature_class:
                            continue
                        plat, plon, _ = self._coords(i)
                        d = distance_km((lat, lon), (plat, plon))
                        if best is None or d < best[0]:
                            best = (d, i)
            if best is not None and best[0] < ring * 100:
                break
        return self.place(best[1]) if best and best[0] <= 500 else None


def _load_geonames(lines: Iterable[str]) -> tuple[list[list[str] | Place], list[list[str]], list[list[str]]]:
    rows: list[list[str] | Place] = []
    keys, folds = [], []
    it = iter(lines)
    next(it)  # header, column order fixed by scripts/build_gazetteer.py
    for line in it:
        r = line.rstrip("\n").split("\t")
        rows.append(r)
        keys.append(r[14].split("|") if r[14] else [])
        folds.append(r[15].split("|") if r[15] else [])
    return rows, keys, folds


def _apply_supplement(rows: list[list[str] | Place], keys: list[list[str]],
                      folds: list[list[str]], data: dict) -> None:
    """Add curated places, extra spellings, commune seats and position fixes of GeoNames rows
    (see supplement.yaml)."""
    by_id = {int(r[0]): i for i, r in enumerate(rows) if not isinstance(r, Place)}
    geo = geography()

    def row_of(section: str, entry: dict) -> int:
        """The GeoNames row an entry names; a wrong id is an error in the curated file, not a skip."""
        i = by_id.get(entry["geonameid"]) if isinstance(entry["geonameid"], int) else None
        if i is None:
            raise ValueError(f"supplement.yaml {section}: no GeoNames row {entry['geonameid']!r} in the gazetteer")
        return i

    for entry in data.get("spellings", []):
        i = row_of("spellings", entry)
        extra = [name_key(n) for n in entry["names"]]
        keys[i] = keys[i] + [k for k in extra if k not in keys[i]]
        folds[i] = folds[i] + [fold_key(k) for k in extra]
    for entry in data.get("seats", []):
        i = row_of("seats", entry)
        if rows[i][7] not in ("PPL", "PPLA3"):
            raise ValueError(f"supplement.yaml seats: row {entry['geonameid']} is {rows[i][7]}, not a village (PPL)")
        rows[i][7], rows[i][12] = "PPLA3", entry["commune"]
    for entry in data.get("corrections", []):
        row = rows[row_of("corrections", entry)]
        row[4], row[5] = str(entry["latitude"]), str(entry["longitude"])
        row[10], row[11] = entry.get("admin1", row[10]), entry.get("admin2", row[11])
    for entry in data.get("places", []):
        country = entry.get("country", geo.home)
        rows.append(Place(
            geonameid=None, name=entry["name"], country=country, iso3=geo.countries[country],
            admin1=entry.get("admin1", ""), admin2=entry.get("admin2", ""),
            admin3=entry.get("admin3", ""), latitude=float(entry["latitude"]),
            longitude=float(entry["longitude"]), feature_class=entry.get("feature_class", "P"),
            feature_code=entry.get("feature_code", "PPL"), population=int(entry.get("population", 0)),
            source="supplement",
        ))
        names = list(dict.fromkeys(name_key(n) for n in [entry["name"], *entry.get("names", [])]))
        keys.append(names)
        folds.append(sorted({fold_key(k) for k in names}))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The bundled gazetteer, loaded once per process."""
    base = resources.files("peacewatch") / "data" / "geo"
    with gzip.open(base.joinpath("gazetteer.tsv.gz").open("rb"), "rt", encoding="utf-8") as fh:
        rows, keys, folds = _load_geonames(fh)
    supplement = yaml.safe_load(base.joinpath("supplement.yaml").read_text(encoding="utf-8")) or {}
    _apply_supplement(rows, keys, folds, supplement)
    return Gazetteer(rows, keys, folds)

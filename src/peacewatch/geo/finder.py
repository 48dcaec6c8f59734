"""Find and resolve place names in English or French text (``find_places``).

Names come from matching.py and their gazetteer rows from resolve.py; this module reads the
phrase around each name for its relation and ACLED precision ("near X", "30 km north of X",
"between X and Y", "axe X-Y", "région de X") and picks a report's primary place. It also applies
ACLED's coding habits: a village the gazetteer cannot place near the town the text ties it to
keeps its name at that town's position, one it cannot place inside the commune or cercle named
is coded at the seat, and the capital's quarters (Bamako's, says the region file) at the capital.
"""

from __future__ import annotations

import re

from peacewatch.geo.gazetteer import Gazetteer, distance_km, gazetteer, geography
from peacewatch.geo.matching import NameMatch, find_names
from peacewatch.geo.model import Place, PlaceMention
from peacewatch.geo.normalize import name_key
from peacewatch.geo.phrases import NOUN_AFTER, Cues, cues
from peacewatch.geo.resolve import admin_keys, is_seat, resolve
from peacewatch.geo.unlisted import unlisted_place
from peacewatch.lang import Language
from peacewatch.nlp.fold import fold


def _region_capital(place: Place, key: str, gaz: Gazetteer) -> Place:
    """A region or cercle is coded, as ACLED does, at its same-named capital when it has one
    (named as the text writes it, else as the unit is named: the text may misspell it)."""
    unit = place.admin1 if place.feature_code == "ADM1" else place.admin2
    for name in (key, unit):
        towns = [p for p in gaz.lookup(name, country=place.iso3) if p.feature_class == "P"
                 and name_key(p.admin1 if place.feature_code == "ADM1" else p.admin2) == name_key(unit)]
        if towns:
            return towns[0]
    return place


_PROXIED = frozenset({"WLL", "WLLS", "WTRH", "WAD", "WADS", "LCTY", "CMP", "DUNE", "HLL", "VAL", "AREA"})
"""Features reports place by a nearby town: wells, waterholes, wadis, localities, camps, dunes,
hills (a marsh, wetland or lake is usually named after the village on its shore, and stands for
that village)."""

_PROXY_KM = 100.0
"""Farthest a town may be from a well or wadi and still stand in for it ("X, 40 km from Y")."""


def _near_anchor(text: str, m: NameMatch, anchor_match: NameMatch, anchor: Place,
                 gaz: Gazetteer, cue: Cues) -> list[int]:
    """Readings of X that fit "X near Y", "X (Y)", "X, 60 km from Y": no farther from Y than the
    distance stated (with room for road against straight-line distance and coarse positions);
    when none is stated, in Y's cercle or region or within 150 km."""
    stated = cue.distance_in.search(text, m.end, anchor_match.start)
    if stated:
        reach = 1.5 * float(stated.group("km").replace(",", ".")) + 30
        return [j for j, i in enumerate(m.candidates) if distance_km(gaz.place(i), anchor) <= reach]
    return [j for j, i in enumerate(m.candidates) if distance_km(gaz.place(i), anchor) <= 150.0
            or anchor_match.base in admin_keys(gaz.place(i))[:2]]


def _unit_of(text: str, m: NameMatch, unit: NameMatch, gaz: Gazetteer, cue: Cues) -> Place | None:
    """The commune or cercle seat of "X, commune of Y", "X (cercle de Y)", "X in Y Cercle"."""
    if unit.country or unit.kind not in ("admin3", "admin2"):
        return None
    if not cue.context_gap.fullmatch(text[m.end:unit.start]):
        return None
    place = gaz.place(unit.candidates[unit.best])
    if place.feature_class == "A":
        place = _region_capital(place, unit.base, gaz)
    return place if place.feature_class == "P" else None


_COMMA = re.compile(r",[ \t]*")
_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|et\b|&|or\b|ou\b)", re.IGNORECASE)


def _village_of_seat(text: str, m: NameMatch, seat: NameMatch, gaz: Gazetteer) -> bool:
    """"X, Y" with Y a cercle seat (ACLED's "in the area of X, Koro") and no reading of X in Y's
    cercle or within 50 km of Y: X is a village the gazetteer lacks. Not in lists ("in Gao, Kidal
    and Timbuktu"), and not when X is itself a seat."""
    if seat.country or not _COMMA.fullmatch(text, m.end, seat.start) or _LIST_GOES_ON.match(text, seat.end):
        return False
    y = gaz.place(seat.candidates[seat.best])
    if y.feature_class != "P" or not is_seat(y) or is_seat(gaz.place(m.candidates[m.best])):
        return False
    return not any(gaz.place(i).admin2 == y.admin2 or distance_km(gaz.place(i), y) <= 50.0 for i in m.candidates)


def _within_unit(m: NameMatch, unit: NameMatch, seat: Place, gaz: Gazetteer) -> int | None:
    """Best-scored reading of X that lies in the unit named after it: in the cercle or near its
    seat (cercle outlines are coarse), near the commune seat (GeoNames rarely records communes);
    None when there is none."""
    reach = 100 if unit.kind == "admin2" else 30
    inside = [j for j, i in enumerate(m.candidates)
              if (unit.kind == "admin2" and unit.base == name_key(gaz.place(i).admin2))
              or distance_km(gaz.place(i), seat) <= reach]
    return max(inside, key=lambda j: m.scores[j]) if inside else None


def _relation(text: str, m: NameMatch, nxt: NameMatch | None, cue: Cues) -> tuple[str, int, float | None, bool]:
    """(relation, precision, distance_km, pairs_with_next) from the words around a name."""
    head = text[max(0, m.start - 80):m.start]
    filler = cue.filler.search(head)
    core = head[:filler.start()] if filler else head
    if nxt is not None and not nxt.country:
        connector = text[m.end:nxt.start]
        if cue.connector.match(connector):
            if cue.between_before.search(core):
                return "between", 2, None, True
            if (cue.road_before.search(core) or cue.road_after.match(text, nxt.end)
                    or (cue.from_before.search(core) and fold(connector.strip()) in cue.road_to)):
                return "road", 2, None, True
    dist = cue.distance.search(core[-60:])
    if dist and cue.distance_rest.search(dist.group("rest").strip() or "of"):
        return "near", 2, float(dist.group("km").replace(",", ".")), False
    if cue.near_before.search(core) or cue.near_after.match(text, m.end):
        return "near", 2, None, False
    if cue.the_before.search(head) and not NOUN_AFTER.match(text, m.end):
        return "region", 3, None, False  # "clashes in the Macina": a named area, not the town
    return "in", 1, None, False


def find_places(text: str, language: Language | str | None = None,
                country_hint: str | None = None) -> list[PlaceMention]:
    """Place mentions of ``text`` in order, resolved and with relation and ACLED precision.

    The cues are those of ``language`` and of the languages it also reads (English and French
    read each other's: reports quote each other); None reads every language's.
    """
    gaz, cue = gazetteer(), cues(language)
    matches = resolve(text, find_names(text, gaz, language), gaz, country_hint, language)
    countries = gaz.country_place
    out: list[PlaceMention] = []
    live = [m for m in matches if not m.consumed]
    quotes = list(cue.named_quote.finditer(text)) if live else []
    skip_next = False
    for k, m in enumerate(live):
        if skip_next:
            skip_next = False
            continue
        if m.country:
            if m.key in cue.country_nouns and m.country in countries:
                out.append(PlaceMention(m.start, m.end, text[m.start:m.end], countries[m.country],
                                        precision=3, relation="region"))
            continue
        if cue.venue_before.search(text, max(0, m.start - 30), m.start) or cue.venue_after.match(text[m.end:m.end + 20]):
            continue  # "le campement Kangaba": a venue's name, not where it lies
        if any(q.start("inner") <= m.start and m.end <= q.end("inner") for q in quotes):
            continue  # part of a quoted name: la plateforme « An tè A Bana »
        place = gaz.place(m.candidates[m.best])
        nxt = live[k + 1] if k + 1 < len(live) else None
        if m.kind in ("admin1", "admin2") and place.feature_class == "A":
            out.append(PlaceMention(m.start, m.end, text[m.start:m.end],
                                    _region_capital(place, m.base, gaz), precision=3, relation="region"))
            continue
        if nxt is not None and _village_of_seat(text, m, nxt, gaz):  # "in Doma, Koro": no Doma near Koro
            out.append(PlaceMention(m.start, nxt.end, text[m.start:nxt.end],
                                    unlisted_place(text[m.start:m.end], gaz.place(nxt.candidates[nxt.best])), 2, "near"))
            skip_next = True
            continue
        seat = _unit_of(text, m, nxt, gaz, cue) if nxt is not None else None
        if seat is not None and nxt is not None:
            j = _within_unit(m, nxt, seat, gaz)
            if j is None:  # a village the gazetteer cannot place: coded at the seat, as ACLED does
                out.append(PlaceMention(m.start, nxt.end, text[m.start:nxt.end], seat, 2, "near"))
            else:
                relation, precision, dist, _ = _relation(text, m, None, cue)
                out.append(PlaceMention(m.start, nxt.end, text[m.start:nxt.end],
                                        gaz.place(m.candidates[j]), precision, relation, distance_km=dist))
            skip_next = True
            continue
        if nxt is not None and not nxt.country and cue.linked.fullmatch(text, m.end, nxt.start):
            anchor = gaz.place(nxt.candidates[nxt.best])
            if anchor.feature_class == "A":
                anchor = _region_capital(anchor, nxt.base, gaz)
            near = _near_anchor(text, m, nxt, anchor, gaz, cue)
            if near:
                place = gaz.place(m.candidates[max(near, key=lambda j: m.scores[j])])
            # "X near Y" with no X near Y: X is unknown to us, kept by name at Y; a well, wadi or
            # locality "40 km from Y" is coded, as ACLED does, at the town it is measured from
            # when that is close
            stated = cue.distance_in.search(text, m.end, nxt.start)
            if anchor.feature_class == "P" and not near:
                unlisted = unlisted_place(text[m.start:m.end], anchor)
                out.append(PlaceMention(m.start, nxt.end, text[m.start:nxt.end], unlisted, 2, "near"))
                skip_next = True
                continue
            if anchor.feature_class == "P" and place.feature_code in _PROXIED and stated and float(
                    stated.group("km").replace(",", ".")) <= _PROXY_KM:
                out.append(PlaceMention(m.start, nxt.end, text[m.start:nxt.end], anchor, 2, "near"))
                skip_next = True
                continue
        if (nxt is not None and not nxt.country and cue.quarter_before.search(text, max(0, m.start - 30), m.start)
                and cue.quarter_of.fullmatch(text[m.end:nxt.start])):
            town = gaz.place(nxt.candidates[nxt.best])  # "le quartier X à Bamako": the town
            out.append(PlaceMention(m.start, nxt.end, text[m.start:nxt.end], town, 1, "in"))
            skip_next = True
            continue
        if nxt is not None and not nxt.country and cue.area_of.match(text[m.end:nxt.start]):
            town = gaz.place(nxt.candidates[nxt.best])
            if town.feature_class == "P":  # "the Zinda area of Gao": coded at the known town
                out.append(PlaceMention(m.start, nxt.end, text[m.start:nxt.end], town, 2, "near"))
                skip_next = True
                continue
        relation, precision, dist, pair = _relation(text, m, nxt, cue)
        if m.kind == "admin3" and relation == "in":
            relation, precision = "region", 2
        if pair and nxt is not None:
            other = gaz.place(nxt.candidates[nxt.best])
            out.append(PlaceMention(m.start, nxt.end, text[m.start:nxt.end], place, precision,
                                    relation, other=other))
            skip_next = True
            continue
        if place.feature_class == "A" and place.feature_code in ("ADM1", "ADM2"):
            place = _region_capital(place, m.base, gaz)
        out.append(PlaceMention(m.start, m.end, text[m.start:m.end], place, precision, relation,
                                distance_km=dist))
    return _capital_districts(out, gaz)


def _capital_districts(mentions: list[PlaceMention], gaz: Gazetteer) -> list[PlaceMention]:
    """Neighbourhoods, suburbs and communes of a capital's district (the region file names Bamako)
    are coded at the capital, as ACLED codes it ("Kalaban Koura, Bamako", "Commune V"): analysts
    map the city, not its quarters."""
    for country, name in geography().capitals:
        capital = next((p for p in gaz.lookup(name, country=country) if p.feature_code == "PPLC"), None)
        if capital is None:
            continue
        for m in mentions:
            if _in_district(m.place, capital):
                m.place = capital
            if _in_district(m.other, capital):
                m.other = capital
    return mentions


def _in_district(place: Place | None, capital: Place) -> bool:
    """A populated place or commune of the capital's admin1 (its district)."""
    return place is not None and place.iso3 == capital.iso3 and place.admin1 == capital.admin1 and (
        place.feature_class == "P" or place.feature_code == "ADM3")


def primary_mention(mentions: list[PlaceMention], text: str | None = None,
                    language: Language | str | None = None) -> PlaceMention | None:
    """The mention that locates a report's event, as ACLED codes it.

    Preference order, first in the text within each rank: below region level, introduced by a
    preposition of place or a near/between/road phrase ("in X", "à X", "near X") and not an
    origin, destination or title ("mayor of X", "coming from X", "en route to X"); then any
    such mention below region level that is not an origin, destination or title; then any
    below region level; then a region; then the country. Without ``text`` only precision counts.
    Extraction uses this when a report names a single event. The cues are ``language``'s (None:
    every language's).
    """
    cue = cues(language)

    def plain(m: PlaceMention) -> bool:
        return text is None or not (cue.not_event_before.search(text, max(0, m.start - 60), m.start)
                                    or cue.not_event_after.match(text, m.end))

    local = [m for m in mentions if m.precision < 3]
    if local:
        located = [m for m in local if plain(m)]
        placed = [m for m in located if m.relation != "in" or text is None
                  or cue.locative_before.search(text, max(0, m.start - 40), m.start)]
        if placed:
            measured = [m for m in placed[1:] if m.relation == "near" and m.distance_km is not None]
            if placed[0].relation == "road" and measured:
                return measured[0]  # "on the X-Y road, 15 km from Z": the stated distance places it
            return placed[0]
        if located:
            return located[0]
        return local[0]
    for m in mentions:
        if m.place.feature_code != "PCLI":
            return m
    return mentions[0] if mentions else None

"""Place names the gazetteer lacks, kept by name ("the village of Dorodo", "in Pepa, south of Kiri").

GeoNames misses many Sahel villages, and a report about one of them would otherwise lose its
place altogether (or be coded at an unrelated town the text also names). A capitalised name is
taken as a place only on strong evidence: a place noun before it ("village of", "area of",
"localité de"), a "between X and Y" pair, a tie to a known place after it ("X, 20 km east of
Y"), or a preposition of place ("in", "à") that the statistical NER confirms by tagging the name
as a place. The name keeps the text's spelling. When the text ties it to a known place, it is
coded at that place as ACLED codes a village it cannot find (precision 2, the anchor's admin
units and coordinates); otherwise it has a name and no coordinates, for an analyst to place.
Before that, a near spelling of a gazetteer place is tried (near the anchor, or in the text's
countries), and after a place noun a gazetteer name the finder let go as a common word ("the
village Am") is taken as that place. The cues are each language's (``phrases.cues``): place nouns,
prepositions, what ties a name to an anchor, and the words no place name begins with (with the
months and weekdays of ``dates.yaml`` and the region's communities).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from peacewatch.geo.gazetteer import Gazetteer, distance_km, gazetteer, geography, prior
from peacewatch.geo.model import Place, PlaceMention
from peacewatch.geo.normalize import fold_key, name_key
from peacewatch.geo.phrases import Cues, cues
from peacewatch.lang import Language
from peacewatch.nlp.fold import fold

_UPPER_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*")

_SENTENCE_END = re.compile(r"[.;:!?\n]")

def _name_at(text: str, start: int, cue: Cues) -> tuple[int, int] | None:
    """The capitalised name (one to three words) that starts at ``start``, if any."""
    words: list[tuple[int, int]] = []
    pos = start
    while len(words) < 3:
        m = _UPPER_WORD.match(text, pos)
        if m is None or not m.group()[0].isupper():
            break
        word = m.group().lower().strip("'’")
        if word in cue.not_names or fold(word) in cue.date_words:
            break
        words.append((m.start(), m.end()))
        gap = re.match(r"[ \t]+", text[m.end():m.end() + 3])
        if gap is None:
            break
        pos = m.end() + gap.end()
    if not words:
        return None
    return words[0][0], words[-1][1]


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def unlisted_place(name: str, anchor: Place | None, anchor_precision: int = 1) -> Place:
    """A place known only by the text's name, coded at its anchor's town when there is one (the
    country is left to the report's when there is none)."""
    if anchor is None:
        return Place(None, name, "", "", "", "", "", None, None, "P", "", 0, "text")
    if anchor_precision >= 3:  # "X, in the Mopti region": its region, not the capital's position
        return Place(None, name, anchor.country, anchor.iso3, anchor.admin1, "", "", None, None, "P", "", 0, "text")
    return Place(None, name, anchor.country, anchor.iso3, anchor.admin1, anchor.admin2, "",
                 anchor.latitude, anchor.longitude, "P", "", 0, "text")


def find_unlisted(text: str, known: list[PlaceMention], ner_places: list[tuple[int, int]],
                  actors: list[tuple[int, int]], gaz: Gazetteer | None = None,
                  language: Language | str | None = None) -> list[PlaceMention]:
    """``known`` with the unlisted names added (in text order); an anchor folded into its name's
    mention is dropped from the list. The cues are ``language``'s (None: every language's)."""
    gaz = gaz or gazetteer()
    cue = cues(language)
    taken = [(m.start, m.end) for m in known] + actors
    found: dict[int, tuple[int, int, bool, bool, bool]] = {}

    # Near spellings are sought in the text's countries, the home country (Mali) when it names
    # none: like the gazetteer's index of typing slips, the search stays in the country the
    # gazetteer is built around, whose neighbours' villages would otherwise catch every unknown
    # Malian name.
    countries = {m.place.iso3 for m in known if m.place.iso3} or {geography().home_iso3}
    listed: list[PlaceMention] = []

    def consider(start: int, strong: bool, between: bool = False, noun: bool = False) -> None:
        span = _name_at(text, start, cue)
        if span is None or span[0] in found:
            return
        s, e = span
        words = text[s:e].lower().split()
        after = re.match(r"\s+([^\W\d_]+)", text[e:e + 20])
        if cue.venue_words.intersection(words) or (after and after.group(1).lower() in cue.venue_words):
            return
        if _overlaps(s, e, taken):
            return
        readings = gaz.lookup(text[s:e])
        if readings:  # a gazetteer name the finder let go (too common a word: "the village Am")
            home = [p for p in readings if p.feature_class == "P" and p.iso3 in countries]
            if noun and home and not any(_same_sentence(text, s, m.start) for m in known):
                listed.append(PlaceMention(s, e, text[s:e], home[0], precision=1, relation="in"))
            return
        found[s] = (s, e, strong, _overlaps(s, e, ner_places), between)

    for m in cue.cue_word.finditer(text):
        start, last = m.end(), (m.group("cue") or m.group("elided")).lower()
        head_start = max(0, start - 60)
        head = text[head_start:start]
        if cue.place_noun_stems.search(head) and cue.place_noun_before.search(head):
            consider(start, True, noun=True)
        elif cue.is_between(last):
            consider(start, True, between=True)
        elif cue.is_preposition(last) or cue.preposition_de.search(head):
            consider(start, False)
        elif cue.is_and(last):  # the second of "between X and Y", X not known either
            pair = cue.pair.search(head)
            if pair and not _SENTENCE_END.search(pair.group(1)) and not _overlaps(
                    head_start + pair.start(1), head_start + pair.end(1), taken):
                consider(start, True)

    out = known + listed
    dropped: set[int] = set()
    for s, e, strong, tagged, between in sorted(found.values()):
        anchor = _anchor(text, e, known, between, cue)
        sentence = [m for m in known if _same_sentence(text, s, m.start)]
        if anchor is None and not strong and (not tagged or any(m.precision < 3 and m.place.admin1 for m in known)):
            continue  # "robbed near X after leaving Gao", "à New York": a known town is the safer place
        name = text[s:e]
        area = bool(cue.area_before.search(text, max(0, s - 40), s))  # "in the area of X": near X
        if anchor is not None:
            dropped.add(id(anchor))
            relation = "between" if between else "near"
            spelled = _spelled_near(name, anchor, _direction(text[e:anchor.start], cue), gaz)
            if spelled is not None and not between:
                out.append(PlaceMention(s, anchor.end, text[s:anchor.end], spelled, precision=2 if area else 1,
                                        relation="in"))
                continue
            out.append(PlaceMention(s, anchor.end, text[s:anchor.end], unlisted_place(name, anchor.place, anchor.precision),
                                    precision=2, relation=relation, distance_km=anchor.distance_km))
            continue
        region = next((m for m in sentence if m.start > e and m.precision >= 3 and m.place.admin1), None)
        spelled = _spelled_anywhere(name, countries, gaz)
        if spelled is not None and (region is None or spelled.admin1 == region.place.admin1):
            out.append(PlaceMention(s, e, name, spelled, precision=2 if area else 1, relation="in"))
            continue
        place = unlisted_place(name, region.place if region else None, 3)
        out.append(PlaceMention(s, e, name, place, precision=1, relation="near" if area else "in"))
    return sorted((m for m in out if id(m) not in dropped), key=lambda m: m.start)


SPELLING_SIMILARITY = 88.0
"""Least rapidfuzz ratio (0-100, on folded keys) for another spelling of a place near the anchor:
"Tin-Tadayni" for Tin Tadeini, "Aghlal" for Aglal, "Inghalaman" for Ghalaman."""


def _direction(gap: str, cue: Cues) -> float | None:
    """The compass bearing (degrees) a gap states ("20 km north-west of" -> 315), if any."""
    m = cue.direction.search(gap)
    if m is None or not (m.group(1) or m.group(2)):
        return None
    parts = [cue.bearings[w.lower()] for w in (m.group(1), m.group(2)) if w]
    if len(parts) == 2 and parts[0] == 0.0 and parts[1] == 270.0:
        return 315.0
    return sum(parts) / len(parts)


def _bearing(a: Place, b: Place) -> float:
    """Initial compass bearing from ``a`` to ``b`` in degrees."""
    lat1, lat2 = math.radians(a.latitude or 0.0), math.radians(b.latitude or 0.0)
    dlon = math.radians((b.longitude or 0.0) - (a.longitude or 0.0))
    x = math.sin(dlon) * math.cos(lat2)
    y = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(dlon)
    return math.degrees(math.atan2(x, y)) % 360.0


def _spelled_near(name: str, anchor: PlaceMention, bearing: float | None, gaz: Gazetteer) -> Place | None:
    """A place near the anchor whose name is another spelling of ``name`` ("X, 60 km south of Y"
    where the gazetteer writes X differently), within the distance the text states (with room
    for road against straight-line distance) or 60 km, and on the side it states; None when no
    spelling is close enough or two different places are equally close."""
    a = anchor.place
    if a.latitude is None or a.longitude is None or anchor.precision >= 3:
        return None
    reach = 1.5 * anchor.distance_km + 30 if anchor.distance_km else 60.0
    key = fold_key(name_key(name))
    best: dict[int, float] = {}
    for i in gaz.around(a.latitude, a.longitude, reach):
        if bearing is not None and abs((_bearing(a, gaz.place(i)) - bearing + 180.0) % 360.0 - 180.0) > 67.5:
            continue
        score = max(fuzz.ratio(key, fold_key(name_key(n))) for n in gaz.names(i))
        if score >= SPELLING_SIMILARITY:
            best[i] = score
    if not best:
        return None
    top = max(best.values())
    tied = sorted((gaz.place(i) for i, v in best.items() if v == top), key=prior, reverse=True)
    if any(distance_km(p, tied[0]) > 10.0 for p in tied[1:]):
        return None  # two places of that spelling: the text does not say which
    return tied[0]


COUNTRYWIDE_SIMILARITY = 90.0
"""Least ratio for another spelling of a populated place anywhere in the text's countries, when
nothing ties the name to a known place ("Tassigua" for Tassiga): stricter than near an anchor."""


def _spelled_anywhere(name: str, countries: set[str], gaz: Gazetteer) -> Place | None:
    """The one populated place of ``countries`` whose name is another spelling of ``name``; None
    when none is close or several are."""
    keys, rows = gaz.populated_folds()
    found = process.extract(fold_key(name_key(name)), keys, scorer=fuzz.ratio,
                            score_cutoff=COUNTRYWIDE_SIMILARITY, limit=8)
    if not found:
        return None
    top = max(score for _, score, _ in found)
    places = [gaz.place(i) for _, score, k in found if score == top for i in rows[k]
              if gaz.place(i).iso3 in countries]
    if not places or any(distance_km(p, places[0]) > 10.0 for p in places[1:]):
        return None
    return max(places, key=prior)


def _same_sentence(text: str, a: int, b: int) -> bool:
    return not _SENTENCE_END.search(text, min(a, b), max(a, b))


def _anchor(text: str, end: int, known: list[PlaceMention], between: bool, cue: Cues) -> PlaceMention | None:
    """The known place right after a name that locates it ("X, 20 km east of Y"; "between X and
    Y" when X is the unlisted one)."""
    following = [m for m in known if m.start >= end]
    if not following:
        return None
    nxt = min(following, key=lambda m: m.start)
    gap = text[end:nxt.start]
    if between and cue.and_gap.match(gap):
        return nxt
    if not gap.strip() or len(gap) > 60 or _SENTENCE_END.search(gap) or not cue.anchor_gap.match(gap):
        return None
    return nxt

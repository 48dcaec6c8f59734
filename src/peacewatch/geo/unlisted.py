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
village Am") is taken as that place.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from peacewatch.actors.lexicon import ETHNONYMS, NATIONALITIES
from peacewatch.geo.gazetteer import Gazetteer, distance_km, gazetteer, prior
from peacewatch.geo.model import Place, PlaceMention
from peacewatch.geo.normalize import fold_key, name_key
from peacewatch.nlp.dates import month_numbers

_UPPER_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*")

PLACE_NOUN_BEFORE = re.compile(
    r"\b(?:(?:the\s+)?(?:villages?|hamlets?|towns?|localit(?:y|ies)|settlements?|valley|area|zone|outskirts|"
    r"vicinity|surroundings|commune)\s+of|"
    r"(?:villages?|hameaux?|localit[ée]s?|zone|secteur|environs|alentours|p[ée]riph[ée]rie|commune|"
    r"vall[ée]e)\s+(?:de|du|d['’]))\s*(?:the\s+|la\s+|l['’]\s*)?"
    r"(?:(?:village|town|locality|ville|localit[ée])\s+(?:of\s+|de\s+|d['’]\s*)?)?$"
    r"|\b(?:village|hamlet|hameau)\s+$",
    re.IGNORECASE)
"""A noun that says the next name is a place: "the village of X", "the Fulani village X", "la
localité de X", "in the area of X"."""

_PREPOSITIONS = frozenset({"in", "at", "near", "au", "vers", "à"})
"""Prepositions of place (and "près de"): a name after one is a place only if the NER agrees
("killed in Aglal"). French "à" only with its accent: a bare "a" is the English article."""

AND = re.compile(r"^\s*(?:and|et|&)\s+$", re.IGNORECASE)

ANCHOR_GAP = re.compile(
    r"^\s*(?:(?:locality|village|hamlet|camp|area|localit[ée]|hameau|campement)\b)?\s*(?:,|\()?\s*"
    r"(?:(?:which\s+is|located|situated|lying|situ[ée]e?|about|some|around|approximately|"
    r"roughly|nearly|environ|[àa]\s+environ|[àa]|at)\s+)*"
    r"(?:\d+(?:[.,]\d+)?\s*-?\s*(?:km|kms|kilom[eè]tres?|kilometers?)\s+)?"
    r"(?:(?:to\s+the\s+|au\s+|[àa]\s+l['’]\s*)?(?:north|south|east|west|nord|sud|est|ouest)"
    r"(?:-?(?:east|west|est|ouest))?(?:ern)?\s+)?"
    r"(?:of|from|de|du|d['’]|near|close\s+to|not\s+far\s+from|pr[èe]s\s+de|non\s+loin\s+de|in|dans|"
    r"between|entre|on\s+the\s+road\s+to|axis|axe|road|route|(?:in\s+the\s+)?(?:area|zone|sector)\s+of|"
    r"(?:dans\s+la\s+)?(?:zone|secteur)\s+(?:de|d['’])|,|\()?"
    r"\s*(?:the\s+|la\s+|le\s+|l['’]\s*)?"
    r"(?:(?:town|city|village|commune|cercle|circle|region|ville|r[ée]gion|localit[ée])\s+(?:of\s+|de\s+|d['’]\s*)?)?$",
    re.IGNORECASE)
"""What may stand between an unlisted name and the known place that locates it: "X, 20 km east of
Y", "X (Y)", "X near Y", "X locality 100 km east of Y", "X, commune de Y", "X, between Y and Z",
"X, axis Y-Z", "X in the area of Y"."""

_VENUE_WORDS = frozenset({
    "square", "street", "avenue", "boulevard", "bridge", "market", "mosque", "church", "school", "university",
    "hospital", "clinic", "hotel", "stadium", "prison", "airport", "camp", "base", "barracks", "station",
    "checkpoint", "office", "building", "place", "rue", "pont", "marché", "mosquée", "école", "hôpital",
    "stade", "aéroport", "caserne",
})
"""Words that make a capitalised name a venue's ("at Sankore Square", "Gabriel Touré hospital"),
within the name or just after it: a venue is not a place of its own."""

_SENTENCE_END = re.compile(r"[.;:!?\n]")

_NOT_NAMES = frozenset(month_numbers()) | frozenset(NATIONALITIES) | frozenset(ETHNONYMS) | frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "the", "a", "an", "le", "la", "les", "l",
    "un", "une", "des", "this", "that", "these", "those", "ce", "cette", "ces", "his", "her", "their",
    "its", "our", "mr", "mrs", "m", "mme", "dr", "colonel", "general", "captain", "lieutenant", "chief",
    "imam", "islamic", "islam", "operation", "opération", "north", "south", "east", "west", "nord",
    "sud", "est", "ouest", "central", "centre", "center", "northern", "southern", "eastern", "western",
    "upper", "lower", "greater", "ramadan", "tabaski", "christmas", "allah", "god", "dieu", "sharia",
})
"""First words that do not begin a place name (days, months, peoples, titles, articles)."""

NER_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
"""The statistical NER's place labels (English GPE/LOC/FAC, French LOC)."""

_CUE_WORD = re.compile(
    r"(?<![\w'’-])(?P<cue>[Oo]f|[Dd][eu]|[Vv]illage|[Hh]amlet|[Hh]ameau|[Bb]etween|[Ee]ntre|[Ii]n|[Aa]t|[Nn]ear|"
    r"[Aa]u|[Vv]ers|[Aa]nd|[Ee]t|&|[Tt]he|[Ll]a|[Tt]own|[Vv]ille|[Ll]ocality|[Ll]ocalit[ée]|à)[ \t\u00a0]+"
    r"(?=[A-ZÀ-ÖØ-Þ])|(?<![\w'’-])(?P<elided>[DdLl]['’])(?=[A-ZÀ-ÖØ-Þ])")
"""The last word of every cue above, before a capital: where a name we keep may start (one pass
over the text; the slower cue patterns run only there)."""

_NOUN_STEMS = ("villag", "haml", "hamea", "town", "locali", "settlem", "valle", "vallé", "area", "zone", "outskirt",
               "vicinit", "surround", "commune", "secteur", "environ", "alentour", "riph")
"""Stems of PLACE_NOUN_BEFORE's nouns: a cheap test before that pattern's search."""

_PAIR = re.compile(r"\b(?:between|entre)\s+(\S.{0,40}?)\s+(?:and|et)\s+$", re.IGNORECASE)

_AREA_BEFORE = re.compile(
    r"\b(?:area|zone|outskirts|vicinity|surroundings|environs|alentours|p[ée]riph[ée]rie|secteur)\s+"
    r"(?:of|de|du|d['’])\s*(?:the\s+|la\s+|l['’]\s*)?(?:(?:village|town|localit[ée]|locality)\s+(?:of\s+|de\s+)?)?$",
    re.IGNORECASE)


def _name_at(text: str, start: int) -> tuple[int, int] | None:
    """The capitalised name (one to three words) that starts at ``start``, if any."""
    words: list[tuple[int, int]] = []
    pos = start
    while len(words) < 3:
        m = _UPPER_WORD.match(text, pos)
        if m is None or not m.group()[0].isupper():
            break
        if m.group().lower().strip("'’") in _NOT_NAMES:
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
                  actors: list[tuple[int, int]], gaz: Gazetteer | None = None) -> list[PlaceMention]:
    """``known`` with the unlisted names added (in text order); an anchor folded into its name's
    mention is dropped from the list."""
    gaz = gaz or gazetteer()
    taken = [(m.start, m.end) for m in known] + actors
    found: dict[int, tuple[int, int, bool, bool, bool]] = {}

    # Near spellings are sought in the text's countries, Mali when it names none: like the
    # gazetteer's index of typing slips, the search stays in the country the gazetteer is built
    # around, whose neighbours' villages would otherwise catch every unknown Malian name.
    countries = {m.place.iso3 for m in known if m.place.iso3} or {"MLI"}
    listed: list[PlaceMention] = []

    def consider(start: int, strong: bool, between: bool = False, noun: bool = False) -> None:
        span = _name_at(text, start)
        if span is None or span[0] in found:
            return
        s, e = span
        words = text[s:e].lower().split()
        after = re.match(r"\s+([^\W\d_]+)", text[e:e + 20])
        if _VENUE_WORDS.intersection(words) or (after and after.group(1).lower() in _VENUE_WORDS):
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

    for m in _CUE_WORD.finditer(text):
        start, last = m.end(), (m.group("cue") or m.group("elided")).lower()
        head_start = max(0, start - 60)
        head = text[head_start:start]
        lowered = head.lower()
        if any(noun in lowered for noun in _NOUN_STEMS) and PLACE_NOUN_BEFORE.search(head):
            consider(start, True, noun=True)
        elif last in ("between", "entre"):
            consider(start, True, between=True)
        elif last in _PREPOSITIONS or (last == "de" and lowered.rstrip()[:-2].rstrip().endswith(("près", "pres"))):
            consider(start, False)
        elif last in ("and", "et", "&"):  # the second of "between X and Y", X not known either
            pair = _PAIR.search(head)
            if pair and not _SENTENCE_END.search(pair.group(1)) and not _overlaps(
                    head_start + pair.start(1), head_start + pair.end(1), taken):
                consider(start, True)

    out = known + listed
    dropped: set[int] = set()
    for s, e, strong, tagged, between in sorted(found.values()):
        anchor = _anchor(text, e, known, between)
        sentence = [m for m in known if _same_sentence(text, s, m.start)]
        if anchor is None and not strong and (not tagged or any(m.precision < 3 and m.place.admin1 for m in known)):
            continue  # "robbed near X after leaving Gao", "à New York": a known town is the safer place
        name = text[s:e]
        area = bool(_AREA_BEFORE.search(text, max(0, s - 40), s))  # "in the area of X": near X
        if anchor is not None:
            dropped.add(id(anchor))
            relation = "between" if between else "near"
            spelled = _spelled_near(name, anchor, _direction(text[e:anchor.start]), gaz)
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


_BEARINGS = {"north": 0.0, "nord": 0.0, "east": 90.0, "est": 90.0, "south": 180.0, "sud": 180.0,
             "west": 270.0, "ouest": 270.0}
_DIRECTION = re.compile(r"\b(north|south|nord|sud)?-?(east|west|est|ouest)?(?:ern)?\s+(?:of|de|du|d['’])",
                        re.IGNORECASE)


def _direction(gap: str) -> float | None:
    """The compass bearing (degrees) a gap states ("20 km north-west of" -> 315), if any."""
    m = _DIRECTION.search(gap)
    if m is None or not (m.group(1) or m.group(2)):
        return None
    parts = [_BEARINGS[w.lower()] for w in (m.group(1), m.group(2)) if w]
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


def _anchor(text: str, end: int, known: list[PlaceMention], between: bool) -> PlaceMention | None:
    """The known place right after a name that locates it ("X, 20 km east of Y"; "between X and
    Y" when X is the unlisted one)."""
    following = [m for m in known if m.start >= end]
    if not following:
        return None
    nxt = min(following, key=lambda m: m.start)
    gap = text[end:nxt.start]
    if between and AND.match(gap):
        return nxt
    if not gap.strip() or len(gap) > 60 or _SENTENCE_END.search(gap) or not ANCHOR_GAP.match(gap):
        return None
    return nxt

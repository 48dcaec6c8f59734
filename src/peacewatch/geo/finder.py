"""Find and resolve place names in English or French text (``find_places``).

Why this shape: reports are short and names are many, so every capitalised word starts a
dictionary look-up of up to six following tokens (longest name wins) on normalised keys that map
back to offsets of the original text. Each name then gets its gazetteer candidates scored by the
country and admin units the text mentions, feature class and population, and by closeness to the
unambiguous places of the same text; the phrase around it gives relation and precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from peacewatch.geo.gazetteer import Gazetteer, country_iso3, distance_km, gazetteer, prior
from peacewatch.geo.model import Place, PlaceMention
from peacewatch.geo.normalize import Token, name_key, tokenize

COUNTRY_WORDS: dict[str, str] = {
    "mali": "MLI", "malian": "MLI", "malien": "MLI", "malienne": "MLI", "maliens": "MLI",
    "maliennes": "MLI", "burkinafaso": "BFA", "burkina": "BFA", "burkinabe": "BFA",
    "niger": "NER", "nigerien": "NER", "nigerienne": "NER", "mauritania": "MRT",
    "mauritanie": "MRT", "mauritanian": "MRT", "mauritanien": "MRT", "mauritanienne": "MRT",
    "senegal": "SEN", "senegalese": "SEN", "senegalais": "SEN", "cotedivoire": "CIV",
    "ivorycoast": "CIV", "ivorian": "CIV", "ivoirien": "CIV", "guinea": "GIN", "guinee": "GIN",
    "guinean": "GIN", "guineen": "GIN",
    "algeria": "DZA", "algerie": "DZA", "algerian": "DZA", "libya": "LBY", "libye": "LBY",
    "chad": "TCD", "tchad": "TCD", "nigeria": "NGA", "france": "FRA", "french": "FRA",
}
"""Country names and adjectives (keys) that set the country context of a text."""

COVERED = {"MLI", "BFA", "NER", "MRT", "SEN", "CIV", "GIN"}
"""Countries the gazetteer holds."""

CONFLICT_REGIONS = {"Mopti", "Segou", "Tombouctou", "Gao", "Kidal", "Menaka", "Taoudenit"}
"""Malian regions of the post-2012 conflict: a small tie-break between same-named villages."""

COUNTRY_NOUNS = {"mali", "burkinafaso", "niger", "mauritania", "mauritanie", "senegal",
                 "cotedivoire", "ivorycoast", "guinea", "guinee"}
"""Country names that are themselves reported as (country-level) places."""

_SEPARATOR = re.compile(r"[ \t\u00a0]?[-'’‘`]?[ \t\u00a0]?|[ \t\u00a0]")
_REGION_BEFORE = re.compile(
    r"(?:\b(?:the\s+)?(?P<kind>region|r[ée]gion|cercle|commune|district|province|circle)\s+"
    r"(?:of\s+|de\s+la\s+|de\s+|du\s+|des\s+|d['’]\s*))$", re.IGNORECASE)
_REGION_AFTER = re.compile(
    r"\s+(?P<kind>region|r[ée]gion|cercle|commune|district|province|circle)\b", re.IGNORECASE)
_FILLER = re.compile(
    r"(?:\b(?:the\s+|la\s+|le\s+)?(?:town|city|village|locality|ville|localit[ée]|hamlet|"
    r"hameau|site|camp)\s+(?:of\s+|de\s+|d['’]\s*)?)$", re.IGNORECASE)
_NEAR_BEFORE = re.compile(
    r"(?:\b(?:near|nearby|close\s+to|outside(?:\s+of)?|(?:the\s+)?outskirts\s+of|vicinity\s+of|"
    r"(?:the\s+)?areas?\s+(?:of|around)|around|surroundings\s+of|"
    r"(?:aux\s+)?environs\s+(?:de|d['’]|du)|(?:aux\s+)?alentours\s+(?:de|d['’]|du)|"
    r"pr[èe]s\s+(?:de|d['’]|du)|proche\s+(?:de|d['’]|du)|non\s+loin\s+(?:de|d['’]|du)|"
    r"[àa]\s+proximit[ée]\s+(?:de|d['’]|du)|p[ée]riph[ée]rie\s+(?:de|d['’]|du)|"
    r"(?:la\s+)?zone\s+(?:de|d['’]|du)|secteur\s+(?:de|d['’]|du)|vers|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|"
    r"(?:au|[àa]\s+l['’])\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?\s+(?:de|d['’]|du))\s*)$",
    re.IGNORECASE)
_NEAR_AFTER = re.compile(r"\s+(?:area|outskirts|vicinity|surroundings|surrounding\s+areas?)\b",
                         re.IGNORECASE)
_DISTANCE = re.compile(
    r"(?P<km>\d+(?:[.,]\d+)?)\s*-?\s*(?:km|kms|kilom[eè]tres?|kilometers?)\b"
    r"(?P<rest>(?:\s+[\w'’-]+){0,5}?)\s*$", re.IGNORECASE)
_DISTANCE_REST = re.compile(r"(?:of|from|de|d['’]|du|des|away\s+from|outside)$", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|entre)\s+$", re.IGNORECASE)
_ROAD_BEFORE = re.compile(
    r"\b(?:road|route|axis|axe|highway|track|piste|tron[çc]on|stretch|way|itin[ée]raire)\s+"
    r"(?:(?:from|de|du|d['’]|between|entre|reliant|linking|connecting|joining)\s*)?$",
    re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\b(?:from|de|depuis)\s+$", re.IGNORECASE)
_CONNECTOR = re.compile(r"^\s*(?:-|–|—|/|to|[àa]|and|et|&|vers)\s*$", re.IGNORECASE)
_CONTEXT_GAP = re.compile(
    r"\s*(?:[(,;]|-\s|\s(?:in|dans|of|de)\s+(?:the\s+|la\s+|le\s+)?|"
    r"\s(?:area|zone|sector|neighbou?rhood|district|quarter)\s+of\s+)?\s*"
    r"(?:(?:the\s+|la\s+|le\s+)?(?:cercle|circle|region|r[ée]gion|commune|district|province)\s+"
    r"(?:of\s+|de\s+la\s+|de\s+|du\s+|d['’]\s*)?)?", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\b(?:in|across|throughout|of|from)\s+the\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"[\s-]+[a-z]")
_QUARTER_BEFORE = re.compile(r"\b(?:quartiers?|neighbou?rhoods?|secteur)\s+(?:de\s+|d['’]\s*|du\s+|of\s+)?$",
                             re.IGNORECASE)
_QUARTER_OF = re.compile(r"\s+(?:[àa]|de|d['’]|of|in)\s*", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\s+")
_AREA_OF = re.compile(r"^\s+(?:area|zone|sector|neighbou?rhood|district|quarter)\s+of\s+$",
                      re.IGNORECASE)
_ROAD_AFTER = re.compile(r"\s*(?:road|axis|highway|route|axe|stretch)\b", re.IGNORECASE)
_REGION_WORDS = {"region": "region", "cercle": "cercle", "circle": "cercle", "commune": "commune",
                 "district": "region", "province": "region", "wilaya": "region"}
_RUN = re.compile(r"\S*")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_][\w'’]*)")
_ALLOWED_AFTER_NAME = {"region", "cercle", "commune", "district", "province", "circle", "airport",
                       "camp", "road", "axis", "area", "town", "city", "village", "valley", "forest",
                       "market", "prison", "base", "lake", "river", "wadi", "oued", "ville",
                       "department", "prefecture", "and", "et"}
"""Capitalised words that may follow a place name in a title-cased phrase."""
_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_ALLOWED_BEFORE_NAME = {
    "in", "at", "of", "near", "to", "from", "between", "and", "on", "en", "a", "de", "du", "des",
    "la", "le", "les", "au", "aux", "et", "vers", "pres", "entre", "dans", "sur", "par", "the",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "nord", "sud", "ouest", "lake", "lac", "mount", "mont", "camp", "cercle", "commune",
    "region", "village", "town", "city", "ville", "localite", "fort", "outside", "around",
}
"""Capitalised words that may stand just before a place name (otherwise it is likely a person)."""


@lru_cache(maxsize=1)
def _word_list(filename: str) -> frozenset[str]:
    text = (resources.files("peacewatch") / "data" / "geo" / filename).read_text(encoding="utf-8")
    return frozenset(name_key(line) for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


@dataclass
class _Match:
    first: int
    last: int
    start: int
    end: int
    key: str
    candidates: list[int]
    exact: set[int]
    kind: str = ""  # "region", "cercle", "commune" from the phrase around it
    scores: list[float] = field(default_factory=list)
    context_keys: set[str] = field(default_factory=set)
    consumed: bool = False
    country: str | None = None
    base: str = ""  # the name without its "region"/"cercle" word

    def __post_init__(self) -> None:
        self.base = self.base or self.key

    @property
    def best(self) -> int:
        return max(range(len(self.candidates)), key=lambda j: (self.scores[j], -j))


def _gap_ok(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end:b.start]
    if b.norm == "s" and gap in ("'", "’"):  # possessive: "Mali's"
        return False
    return bool(_SEPARATOR.fullmatch(gap))


def _capitalised(text: str, tok: Token, all_caps_text: bool) -> bool:
    word = text[tok.start:tok.end]
    if not word[0].isupper():
        return False
    run = _RUN.match(text, tok.start).group()  # "TIN-ESSAKO," as written
    if word.isupper() and 1 < len(word) < 6 and not all_caps_text and not (
            "-" in run and sum(c.isupper() for c in run) >= 6):
        return False  # acronyms: CMA, GATIA, JNIM (longer capitals are names: "TOMBOUCTOU")
    return True


def _raw_matches(text: str, toks: list[Token], gaz: Gazetteer,
                 sentence_starts: set[int]) -> list[_Match]:
    stop, blocked_names = _word_list("stopwords.txt"), _word_list("not_places.txt")
    letters = [c for c in text if c.isalpha()]
    all_caps_text = bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    out: list[_Match] = []
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        if not _capitalised(text, tok, all_caps_text):
            i += 1
            continue
        found = None
        fuzzy: tuple[list[int], int, str] | None = None
        key = ""
        for length in range(min(gaz.max_tokens, n - i), 0, -1):
            last = i + length - 1
            if any(not _gap_ok(text, toks[k], toks[k + 1]) for k in range(i, last)):
                continue
            key = "".join(t.norm for t in toks[i:last + 1])
            if key in blocked_names:
                found = ("blocked", last)
                break
            if key in COUNTRY_WORDS:
                found = ("country", last)
                break
            if len(key) < 3 or (length == 1 and key in stop):
                continue
            if any(text[toks[k].end:toks[k + 1].start].isspace()
                   and not _capitalised(text, toks[k + 1], True) for k in range(i, last)):
                continue  # "As a", "Kidal and": words after a space are capitalised in names
            cands, exact = gaz.candidates(key)
            if cands:
                found = (cands, exact, last)
                break
            if fuzzy is None and length <= 3 and tok.start not in sentence_starts and all(
                    _capitalised(text, toks[k], all_caps_text) and len(toks[k].norm) >= 3
                    and (length > 1 or toks[k].norm not in stop)
                    and toks[k].norm.rstrip("s") not in COUNTRY_WORDS
                    for k in range(i, last + 1)):
                fuzzy = (gaz.fuzzy(key), last, key)
        if found is None and fuzzy is not None and fuzzy[0]:
            found = (fuzzy[0], set(), fuzzy[1])
            key = fuzzy[2]
        if found is None:
            i += 1
            continue
        if found[0] == "blocked":
            i = found[1] + 1
            continue
        if found[0] == "country":
            last = found[1]
            out.append(_Match(i, last, tok.start, toks[last].end, key, [], set(),
                              country=COUNTRY_WORDS[key]))
            i = last + 1
            continue
        cands, exact, last = found
        if _part_of_compound(text, toks, i, last, stop):
            i = last + 1
            continue
        match = _Match(i, last, tok.start, toks[last].end, key, list(cands), exact)
        if last > i and toks[last].norm in _REGION_WORDS:
            match.kind = _REGION_WORDS[toks[last].norm]
            match.base = "".join(t.norm for t in toks[i:last])
        elif last > i + 1 and toks[i].norm in _REGION_WORDS:
            match.kind = _REGION_WORDS[toks[i].norm]
            match.base = "".join(t.norm for t in toks[i + 1:last + 1]
                                 if t.norm not in ("de", "du", "des", "d", "of", "la", "l"))
        out.append(match)
        i = last + 1
    return out


def _part_of_compound(text: str, toks: list[Token], first: int, last: int,
                      stop: frozenset[str]) -> bool:
    """True for the tail of an unknown name with a particle ("Hama" in "Tin-Hama", "Samba" in
    "Ali-Samba"); names joined by a hyphen ("Gao-Anefis", roads) stay."""
    def joined(a: Token, b: Token) -> bool:
        return text[a.end:b.start] in ("-", "‑")

    neighbours = []
    if first > 0 and joined(toks[first - 1], toks[first]):
        neighbours.append(toks[first - 1])
    if last + 1 < len(toks) and joined(toks[last], toks[last + 1]):
        neighbours.append(toks[last + 1])
    for tok in neighbours:
        if tok.norm in stop or len(tok.norm) < 3:
            return True
    return False


def _minor(m: _Match, gaz: Gazetteer) -> bool:
    return m.first == m.last and not m.country and not any(
        gaz.place(i).feature_code in ("PPLC", "PPLA", "ADM1") for i in m.candidates)


def _adjacent_minor_pairs(text: str, matches: list[_Match], gaz: Gazetteer) -> set[int]:
    """Two minor one-word names side by side ("Madou Kante") make a person's name."""
    out: set[int] = set()
    for a, b in zip(matches, matches[1:]):
        if _minor(a, gaz) and _minor(b, gaz) and text[a.end:b.start] == " ":
            out.update((id(a), id(b)))
    return out


def _looks_like_person(text: str, m: _Match, gaz: Gazetteer, sentence_starts: set[int],
                       matched_starts: set[int], matched_ends: set[int]) -> bool:
    """A single capitalised word next to another capitalised word that is not a place
    ("Amadou Koufa", "Baba Ag Adobent", "Madou Kante") is part of a person's name."""
    if any(gaz.place(i).feature_code in ("PPLC", "PPLA", "ADM1") for i in m.candidates):
        return False
    after = _WORD_AFTER.match(text, m.end)
    if after:
        word = after.group(1)
        if word.lower() in ("ag", "ould", "ben", "ibn"):
            return True
        if (word[0].isupper() and not word.isupper() and after.start(1) not in matched_starts
                and name_key(word) not in _ALLOWED_AFTER_NAME
                and name_key(word) not in _word_list("stopwords.txt")):
            return True
    before = _WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
    if before is None or before.end() != m.start:
        return False
    word = before.group(1)
    if not word[:1].isupper() or not word.isalpha() or word.isupper():
        return False
    if before.start(1) in sentence_starts or before.end(1) in matched_ends:
        return False
    return name_key(word) not in _ALLOWED_BEFORE_NAME


def _admin_keys(place: Place) -> tuple[str, str, str]:
    return (name_key(place.admin1), name_key(place.admin2), name_key(place.admin3))


def _phrase_kinds(text: str, m: _Match) -> None:
    head = text[max(0, m.start - 40):m.start]
    before = _REGION_BEFORE.search(head)
    after = _REGION_AFTER.match(text, m.end)
    hit = before or after
    if hit:
        m.kind = _REGION_WORDS[name_key(hit.group("kind"))]


def _attach_context(text: str, matches: list[_Match], gaz: Gazetteer) -> None:
    """Admin units named right after a place ("Boni (Douentza, Mopti)", "Tene, Segou",
    "Diaka in the cercle of Tenenkou") steer its resolution and are not places of their own."""
    for k, m in enumerate(matches):
        if m.country or m.consumed:
            continue
        prev_end, first = m.end, True
        for f in matches[k + 1:k + 4]:
            gap = text[prev_end:f.start]
            if f.country or not _CONTEXT_GAP.fullmatch(gap):
                break
            if first and gap.strip() == ",":
                top = max(m.candidates, key=lambda i: prior(gaz.place(i)))
                if gaz.place(top).feature_code in ("PPLC", "PPLA", "ADM1", "ADM2"):
                    break  # "Gao, Kidal and Menaka" is a list of towns
            if not any(f.base in _admin_keys(gaz.place(i)) for i in m.candidates):
                break
            m.context_keys.add(f.base)
            f.consumed = True
            first = False
            region = _REGION_AFTER.match(text, f.end)
            prev_end = region.end() if region else f.end


def _possessive_context(text: str, matches: list[_Match], gaz: Gazetteer) -> None:
    """"Kidal's Anefis": a place owning the next one is its admin context, not a place."""
    for m, f in zip(matches, matches[1:]):
        if m.country or f.country or m.consumed or not _POSSESSIVE.fullmatch(text[m.end:f.start]):
            continue
        if any(m.base in _admin_keys(gaz.place(i)) for i in f.candidates):
            f.context_keys.add(m.base)
            m.consumed = True


def _wanted_countries(matches: list[_Match], country_hint: str | None) -> set[str]:
    """The hinted country, else Mali and the covered countries the text names."""
    hint = country_iso3(country_hint)
    if hint:
        return {hint}
    return {"MLI"} | {m.country for m in matches if m.country in COVERED}


def _score(text: str, matches: list[_Match], gaz: Gazetteer, wanted: set[str]) -> None:
    text_admin = {m.base for m in matches if not m.country and any(
        gaz.place(i).feature_class == "A" or gaz.place(i).feature_code in ("PPLA", "PPLC")
        for i in m.candidates)} | {m.base for m in matches if m.kind in ("region", "cercle")}
    for m in matches:
        if m.country:
            continue
        m.scores = []
        for i in m.candidates:
            place = gaz.place(i)
            s = prior(place)
            s += 3.0 if place.iso3 in wanted else 0.0
            admin = _admin_keys(place)
            if m.context_keys & set(admin):
                s += 4.0 * len(m.context_keys & set(admin))
            elif (text_admin - {m.base}) & set(admin[:2]):
                s += 1.5
            if m.kind == "region" and place.feature_code == "ADM1":
                s += 5.0
            elif m.kind == "cercle" and place.feature_code == "ADM2":
                s += 5.0
            elif m.kind == "commune" and place.feature_code in ("ADM3", "PPLA3", "PPLA2"):
                s += 1.0
            s += 1.0 if gaz.main_key[i] == m.key else 0.0
            if place.iso3 == "MLI" and place.admin1 in CONFLICT_REGIONS:
                s += 0.3
            s -= 0.0 if i in m.exact else 0.5
            m.scores.append(s)


def _drop_weak(matches: list[_Match], gaz: Gazetteer, wanted: set[str]) -> list[_Match]:
    """Forget names whose best reading is an obscure place abroad ("Tigre" helicopters)."""
    kept = []
    for m in matches:
        if not m.country:
            place = gaz.place(m.candidates[m.best])
            if place.iso3 not in wanted and place.population == 0 and not (
                    place.feature_code.startswith(("PPLA", "PPLC", "ADM"))):
                continue
        kept.append(m)
    return kept


def _confident(m: _Match) -> bool:
    ordered = sorted(m.scores, reverse=True)
    return len(ordered) == 1 or ordered[0] - ordered[1] >= 1.5


def _proximity(matches: list[_Match], gaz: Gazetteer) -> None:
    """Prefer the candidate that lies near the other, unambiguous places of the text."""
    anchors: dict[int | None, tuple[set[int], Place]] = {}
    for k, m in enumerate(matches):
        if m.country or m.consumed or not m.candidates or not _confident(m):
            continue
        place = gaz.place(m.candidates[m.best])
        if place.feature_class != "A":
            anchors.setdefault(place.geonameid, (set(), place))[0].add(k)
    if not anchors:
        return
    for k, m in enumerate(matches):
        if m.country or len(m.candidates) < 2:
            continue
        others = [a for owners, a in anchors.values() if owners != {k}]
        for j, i in enumerate(m.candidates):
            place = gaz.place(i)
            near = [a for a in others
                    if abs(a.latitude - place.latitude) < 2 and abs(a.longitude - place.longitude) < 2.5]
            d = min((distance_km(place, a) for a in near), default=None)
            if d is not None:
                m.scores[j] += 2.0 if d < 75 else 1.0 if d < 200 else 0.0


def _region_capital(place: Place, key: str, gaz: Gazetteer) -> Place:
    """A region or cercle is coded, as ACLED does, at its same-named capital when it has one."""
    towns = [p for p in gaz.lookup(key, country=place.iso3) if p.feature_class == "P"
             and name_key(p.admin1 if place.feature_code == "ADM1" else p.admin2) == name_key(
                 place.admin1 if place.feature_code == "ADM1" else place.admin2)]
    return towns[0] if towns else place


def _relation(text: str, m: _Match, nxt: _Match | None) -> tuple[str, int, float | None, bool]:
    """(relation, precision, distance_km, pairs_with_next) from the words around a name."""
    head = text[max(0, m.start - 80):m.start]
    filler = _FILLER.search(head)
    core = head[:filler.start()] if filler else head
    if nxt is not None and not nxt.country:
        connector = text[m.end:nxt.start]
        if _CONNECTOR.match(connector):
            if _BETWEEN_BEFORE.search(core):
                return "between", 2, None, True
            if (_ROAD_BEFORE.search(core) or _ROAD_AFTER.match(text, nxt.end)
                    or (_FROM_BEFORE.search(core) and connector.strip().lower() in ("to", "à", "a"))):
                return "road", 2, None, True
    dist = _DISTANCE.search(core[-60:])
    if dist and _DISTANCE_REST.search(dist.group("rest").strip() or "of"):
        return "near", 2, float(dist.group("km").replace(",", ".")), False
    if _NEAR_BEFORE.search(core) or _NEAR_AFTER.match(text, m.end):
        return "near", 2, None, False
    if _THE_BEFORE.search(head) and not _NOUN_AFTER.match(text, m.end):
        return "region", 3, None, False  # "clashes in the Macina": a named area, not the town
    return "in", 1, None, False


def find_places(text: str, language: str | None = None,
                country_hint: str | None = None) -> list[PlaceMention]:
    """Place mentions of ``text`` in order, resolved and with relation and ACLED precision.

    ``language`` is accepted for symmetry with the other finders; names and phrases of both
    English and French are recognised whatever it says.
    """
    gaz = gazetteer()
    toks = tokenize(text)
    sentence_starts = {0} | {t.start for k, t in enumerate(toks)
                             if k and re.search(r"[.!?:;\n\"“«]\s*$", text[toks[k - 1].end:t.start])}
    if toks:
        sentence_starts.add(toks[0].start)
    matches = _raw_matches(text, toks, gaz, sentence_starts)
    matched_ends = {m.end for m in matches}
    matched_starts = {m.start for m in matches}
    people = _adjacent_minor_pairs(text, matches, gaz)
    matches = [m for m in matches if m.country or m.last > m.first or (
        id(m) not in people
        and not _looks_like_person(text, m, gaz, sentence_starts, matched_starts, matched_ends))]
    for m in matches:
        if not m.country:
            _phrase_kinds(text, m)
    _attach_context(text, matches, gaz)
    _possessive_context(text, matches, gaz)
    wanted = _wanted_countries(matches, country_hint)
    _score(text, matches, gaz, wanted)
    _proximity(matches, gaz)
    matches = _drop_weak(matches, gaz, wanted)
    countries = gaz.country_place
    out: list[PlaceMention] = []
    live = [m for m in matches if not m.consumed]
    skip_next = False
    for k, m in enumerate(live):
        if skip_next:
            skip_next = False
            continue
        if m.country:
            if m.key in COUNTRY_NOUNS and m.country in countries:
                out.append(PlaceMention(m.start, m.end, text[m.start:m.end], countries[m.country],
                                        precision=3, relation="region"))
            continue
        place = gaz.place(m.candidates[m.best])
        nxt = live[k + 1] if k + 1 < len(live) else None
        if m.kind in ("region", "cercle") and place.feature_class == "A":
            out.append(PlaceMention(m.start, m.end, text[m.start:m.end],
                                    _region_capital(place, m.base, gaz), precision=3, relation="region"))
            continue
        if (nxt is not None and not nxt.country and _QUARTER_BEFORE.search(text, max(0, m.start - 30), m.start)
                and _QUARTER_OF.fullmatch(text[m.end:nxt.start])):
            town = gaz.place(nxt.candidates[nxt.best])  # "le quartier X à Bamako": the town
            out.append(PlaceMention(m.start, nxt.end, text[m.start:nxt.end], town, 1, "in"))
            skip_next = True
            continue
        if nxt is not None and not nxt.country and _AREA_OF.match(text[m.end:nxt.start]):
            town = gaz.place(nxt.candidates[nxt.best])
            if town.feature_class == "P":  # "the Zinda area of Gao": coded at the known town
                out.append(PlaceMention(m.start, nxt.end, text[m.start:nxt.end], town, 2, "near"))
                skip_next = True
                continue
        relation, precision, dist, pair = _relation(text, m, nxt)
        if m.kind == "commune" and relation == "in":
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
    return out


_NOT_EVENT_BEFORE = re.compile(
    r"\b(?:mayor|maire|chief|chef|prefect|pr[ée]fet|governor|gouverneur|deputy|d[ée]put[ée]|"
    r"native|originaire|sous-pr[ée]fet|sub-prefect|mp|councilman|councillor|conseiller)\s+"
    r"(?:of|de|d['’]|du|for)?\s*(?:the\s+|la\s+|le\s+)?(?:(?:town|village|commune|city|ville)\s+"
    r"(?:of\s+|de\s+|d['’])?)?$"
    r"|\b(?:from|en\s+provenance\s+d[eu']?|venant\s+d[eu']?|coming\s+from|returning\s+from|"
    r"heading\s+(?:to|for)|en\s+route\s+(?:to|for|vers|pour)|bound\s+for|towards|left\s+for|"
    r"transferred\s+to|evacuated\s+to|[ée]vacu[ée]s?\s+(?:vers|sur|[àa]))\s+"
    r"(?:the\s+)?(?:(?:town|village|city|ville)\s+(?:of\s+|de\s+|d['’]))?$",
    re.IGNORECASE)


def primary_mention(mentions: list[PlaceMention], text: str | None = None) -> PlaceMention | None:
    """The mention that locates a report's event, as ACLED codes it.

    Preference order: the first mention below region level, skipping an origin, destination or
    title ("mayor of X", "coming from X", "en route to X"; needs ``text``) when the text also
    names a town plainly; then the first region; then the country.
    Extraction uses this when a report names a single event.
    """
    def plain(m: PlaceMention) -> bool:
        return text is None or not _NOT_EVENT_BEFORE.search(text, max(0, m.start - 60), m.start)

    local = [m for m in mentions if m.precision < 3]
    if local:
        located = [m for m in local if plain(m)]
        if located:
            return located[0]
        return local[0]
    for m in mentions:
        if m.place.feature_code != "PCLI":
            return m
    return mentions[0] if mentions else None

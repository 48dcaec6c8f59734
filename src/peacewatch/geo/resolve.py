"""Choose the gazetteer row each name refers to, from what else the text says.

Why: many village names repeat across the Sahel. Each candidate is scored by the countries and
admin units the text names (strongest right after the name, "Boni (Douentza, Mopti)"), feature
class, rank (cercle and commune seats), population, closeness to the unambiguous places of the
same text, and closeness to the plausible readings of its other ambiguous names. The countries
covered, the home country and the conflict regions are the region's (``gazetteer.geography``).
"""

from __future__ import annotations

from peacewatch.geo.gazetteer import Gazetteer, Geography, country_iso3, distance_km, geography, prior
from peacewatch.geo.matching import NameMatch
from peacewatch.geo.model import Place
from peacewatch.geo.normalize import name_key
from peacewatch.geo.phrases import Cues, cues
from peacewatch.lang import Language

CONFLICT_GAIN = 0.3
"""What a reading in one of the region's conflict regions gains: a tie-break between same-named villages."""


def admin_keys(place: Place) -> tuple[str, str, str]:
    """Normalised admin1, admin2 and admin3 names, to compare with names found in the text."""
    return (name_key(place.admin1), name_key(place.admin2), name_key(place.admin3))


def _phrase_kinds(text: str, m: NameMatch, cue: Cues, geo: Geography) -> None:
    """Mark names written as a region, cercle or commune ("région de Mopti", "Koro cercle")."""
    head = text[max(0, m.start - 40):m.start]
    before = cue.region_before.search(head)
    after = cue.region_after.match(text, m.end)
    hit = before or after
    if hit:
        m.kind = geo.unit_kinds[name_key(hit.group("kind"))]


def _attach_context(text: str, matches: list[NameMatch], gaz: Gazetteer, cue: Cues) -> None:
    """Admin units named right after a place ("Boni (Douentza, Mopti)", "Tene, Segou",
    "Diaka in the cercle of Tenenkou") steer its resolution and are not places of their own."""
    for k, m in enumerate(matches):
        if m.country or m.consumed:
            continue
        prev_end, first = m.end, True
        for f in matches[k + 1:k + 4]:
            gap = text[prev_end:f.start]
            if first and gap in ("-", "‑") and not f.country:
                prev_end = f.end  # "Gouma-Koura, Ségou": the context follows the whole compound
                continue
            if f.country or not cue.context_gap.fullmatch(gap):
                break
            if first and gap.strip() == ",":
                top = max(m.candidates, key=lambda i: prior(gaz.place(i)))
                if gaz.place(top).feature_code in ("PPLC", "PPLA", "ADM1", "ADM2"):
                    break  # "Gao, Kidal and Menaka" is a list of towns
            if not any(f.base in admin_keys(gaz.place(i)) for i in m.candidates):
                break
            m.context_keys.add(f.base)
            f.consumed = True
            first = False
            region = cue.region_after.match(text, f.end)
            prev_end = region.end() if region else f.end


def _possessive_context(text: str, matches: list[NameMatch], gaz: Gazetteer, cue: Cues) -> None:
    """"Kidal's Anefis": a place owning the next one is its admin context, not a place."""
    for m, f in zip(matches, matches[1:]):
        if m.country or f.country or m.consumed or not cue.possessive.fullmatch(text[m.end:f.start]):
            continue
        if any(m.base in admin_keys(gaz.place(i)) for i in f.candidates):
            f.context_keys.add(m.base)
            m.consumed = True


def _wanted_countries(matches: list[NameMatch], country_hint: str | None, geo: Geography) -> set[str]:
    """The hinted country, else the home country (Mali) and the covered countries the text names."""
    hint = country_iso3(country_hint)
    if hint:
        return {hint}
    covered = geo.covered
    return {geo.home_iso3} | {m.country for m in matches if m.country in covered}


def _score(matches: list[NameMatch], gaz: Gazetteer, wanted: set[str], geo: Geography) -> None:
    """Context-aware score of each candidate: prior, country, admin units named, phrase kind."""
    text_admin = {m.base for m in matches if not m.country and any(
        gaz.place(i).feature_class == "A" or gaz.place(i).feature_code in ("PPLA", "PPLC")
        for i in m.candidates)} | {m.base for m in matches if m.kind in ("admin1", "admin2")}
    conflict = geo.conflict_regions
    done: dict[tuple, list[float]] = {}  # a name repeated with the same context scores the same
    for m in matches:
        if m.country:
            continue
        same = (m.key, m.base, m.kind, tuple(m.candidates), frozenset(m.exact), frozenset(m.context_keys))
        if same in done:
            m.scores = list(done[same])
            continue
        m.scores = []
        done[same] = m.scores
        for i in m.candidates:
            place = gaz.place(i)
            s = prior(place)
            s += 3.0 if place.iso3 in wanted else 0.0
            admin = admin_keys(place)
            if m.context_keys & set(admin):
                s += 4.0 * len(m.context_keys & set(admin))
            elif (text_admin - {m.base}) & set(admin[:2]):
                s += 1.5
            if m.kind == "admin1" and place.feature_code == "ADM1":
                s += 5.0
            elif m.kind == "admin2" and place.feature_code == "ADM2":
                s += 5.0
            elif m.kind == "admin3" and place.feature_code in ("ADM3", "PPLA3", "PPLA2"):
                s += 1.0
            s += 1.0 if gaz.main_key[i] == m.key else 0.0
            if (place.iso3, place.admin1) in conflict:
                s += CONFLICT_GAIN
            s -= 0.0 if i in m.exact else 0.5
            m.scores.append(s)


def _drop_weak(matches: list[NameMatch], gaz: Gazetteer, wanted: set[str]) -> list[NameMatch]:
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


_SEATS = frozenset({"PPLC", "PPLA", "PPLA2"})


def _named_seat(place: Place) -> bool:
    """A cercle's namesake town is its seat, though GeoNames often files it as a plain PPL."""
    return place.feature_code == "PPL" and bool(place.admin2) and name_key(place.name) == name_key(place.admin2)


def is_seat(place: Place) -> bool:
    """A capital, region seat or cercle seat (filed as such, or a cercle's namesake town)."""
    return place.feature_code in _SEATS or _named_seat(place)


_SAME_SPOT_KM = 25.0
"""Readings of one name this close are one place filed twice (GeoNames often lists a village
twice, a few km apart): they do not compete with each other."""


def _confident(m: NameMatch, gaz: Gazetteer) -> bool:
    """One reading clearly ahead of the readings that lie elsewhere: safe to use as an anchor
    for its neighbours."""
    best = gaz.place(m.candidates[m.best])
    rivals = [s for j, (i, s) in enumerate(zip(m.candidates, m.scores))
              if j != m.best and distance_km(gaz.place(i), best) > _SAME_SPOT_KM]
    return not rivals or m.scores[m.best] - max(rivals) >= 1.5


def _proximity(matches: list[NameMatch], gaz: Gazetteer) -> None:
    """Prefer the candidate that lies near the other, unambiguous places of the text."""
    anchors: dict[tuple[int | None, str], tuple[set[int], Place]] = {}
    for k, m in enumerate(matches):
        if m.country or m.consumed or not m.candidates or not _confident(m, gaz):
            continue
        place = gaz.place(m.candidates[m.best])
        if place.feature_class != "A":
            anchors.setdefault((place.geonameid, place.name), (set(), place))[0].add(k)
    if not anchors:
        return
    # per candidate row, the anchors within a few degrees of it (owners, km) in anchor order:
    # a name the text repeats has the same rows, so each row is measured once
    near: dict[int, list[tuple[set[int], float]]] = {}
    for k, m in enumerate(matches):
        if m.country or len(m.candidates) < 2:
            continue
        gains = []
        for i in m.candidates:
            if i not in near:
                place = gaz.place(i)
                near[i] = [(owners, distance_km(place, a)) for owners, a in anchors.values()
                           if abs(a.latitude - place.latitude) < 2 and abs(a.longitude - place.longitude) < 2.5]
            d = min((dist for owners, dist in near[i] if owners != {k}), default=None)
            gains.append(0.0 if d is None else 2.0 if d < 75 else 1.0 if d < 200 else 0.0)
        best_gain = max(gains)
        for j, i in enumerate(m.candidates):
            # a capital or cercle seat in the same part of the country is not unseated by a
            # closer village of its name: "Koro, Djenne and Douentza" are three cercle seats
            seat = gaz.place(i).feature_code in _SEATS or _named_seat(gaz.place(i))
            m.scores[j] += best_gain if seat and gains[j] > 0 else gains[j]


_COHERENCE_CAP = 1.0
"""Most a reading gains from its neighbours: a tie-break, never enough to unseat a capital."""


def _coherence(matches: list[NameMatch], gaz: Gazetteer) -> None:
    """Ambiguous village names of one text ("Kolongo ... near Dala") lean towards readings that lie
    close together: a village reading gains a little for every other name with a plausible reading
    near it. Only villages called by that very name compete; capitals and cercle seats stay."""
    named = [m for m in matches if not m.country and not m.consumed and m.candidates]
    if len(named) < 2 or not any(len(m.candidates) > 1 for m in named):
        return
    plausible = {}
    for m in named:
        top = max(m.scores)
        plausible[id(m)] = [gaz.place(i) for i, s in zip(m.candidates, m.scores)
                            if s >= top - 0.5 and gaz.place(i).feature_class != "A"]
    gains: dict[int, list[float]] = {}
    # a name the text repeats gains the same: its neighbours are every other name
    by_name: dict[tuple[str, tuple[int, ...]], list[float]] = {}
    for m in named:
        if len(m.candidates) < 2:
            continue
        same = by_name.get((m.key, tuple(m.candidates)))
        if same is not None:
            gains[id(m)] = same
            continue
        gains[id(m)] = by_name[(m.key, tuple(m.candidates))] = []
        if any(gaz.place(i).feature_code in ("PPLC", "PPLA", "PPLA2") for i in m.candidates):
            continue  # capitals and cercle seats are never swayed by village neighbours
        main = {i for i in m.candidates if gaz.main_key[i] == m.key}
        for i in m.candidates:
            place, gain = gaz.place(i), 0.0
            if place.feature_class != "P" or (main and i not in main):
                gains[id(m)].append(0.0)
                continue
            for other in named:
                if other is m or other.key == m.key:
                    continue
                near = [distance_km(place, p) for p in plausible[id(other)]
                        if abs(p.latitude - place.latitude) < 1.5
                        and abs(p.longitude - place.longitude) < 1.5]
                d = min(near, default=None)
                gain += 0.0 if d is None else 1.0 if d < 50 else 0.5 if d < 150 else 0.0
            gains[id(m)].append(min(gain, _COHERENCE_CAP))
    for m in named:
        for j, gain in enumerate(gains.get(id(m), [])):
            m.scores[j] += gain


_BORDER_KM = 100.0
_BORDER_GAIN = 1.0


def _border(text: str, matches: list[NameMatch], gaz: Gazetteer, cue: Cues, geo: Geography) -> None:
    """"Near the border with Guinea", "à la frontière nigérienne": readings of the text's names
    that lie near the named neighbour country are the likelier ones."""
    if not cue.border.search(text):
        return
    home, covered = geo.home_iso3, geo.covered
    neighbours = {m.country for m in matches if m.country in covered and m.country != home}
    if not neighbours:
        return
    for m in matches:
        if m.country or m.consumed or len(m.candidates) < 2:
            continue
        for j, i in enumerate(m.candidates):
            place = gaz.place(i)
            if place.iso3 == home and any(gaz.near_country(place, c, _BORDER_KM) for c in neighbours):
                m.scores[j] += _BORDER_GAIN


def resolve(text: str, matches: list[NameMatch], gaz: Gazetteer, country_hint: str | None,
            language: Language | str | None = None) -> list[NameMatch]:
    """Score every candidate of every match; drop matches that only name obscure places abroad."""
    cue, geo = cues(language), geography()
    for m in matches:
        if not m.country:
            _phrase_kinds(text, m, cue, geo)
    _attach_context(text, matches, gaz, cue)
    _possessive_context(text, matches, gaz, cue)
    wanted = _wanted_countries(matches, country_hint, geo)
    _score(matches, gaz, wanted, geo)
    _border(text, matches, gaz, cue, geo)
    _proximity(matches, gaz)
    _coherence(matches, gaz)
    return _drop_weak(matches, gaz, wanted)

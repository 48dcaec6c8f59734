"""Pairwise evidence that two candidates report the same real-world event.

Each candidate is reduced once to a ``Profile`` (dates as day numbers, folded place and actor
keys, text anchors); comparing two profiles is then cheap. ``compare`` returns ``None`` when the
pair can never be one event (a veto) and otherwise the per-feature scores; ``score`` weighs them.
Analysts match reports on the same clues, so these are the features: event type compatibility,
date window, distance and admin hierarchy, shared actors, and text similarity (EN/FR anchors).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from peacewatch.codebook import BATTLES, PROTESTS, REMOTE, RIOTS, STRATEGIC, VAC, VIOLENT_TYPES, TimePrecision
from peacewatch.records import EventCandidate
from peacewatch.resolve import text as textsim

WEIGHTS: dict[str, float] = {"type": 0.20, "date": 0.25, "place": 0.25, "actors": 0.10, "text": 0.20}
"""Feature weights (sum 1). Date and place carry most: the same type of event at the same place
on the same day is, in the Sahel's report flow, nearly always the same event."""

DATE_WINDOW = {1: 2, 2: 7, 3: 16}
"""Days two reports' dates may differ, by the looser of their time precisions (day, week, month)."""

STRATEGIC_WINDOW = 1
"""Strategic developments (meetings, installations, agreements) are dated tightly by reports."""

MAX_TITLE_NAMES = 8
MAX_KM_PRECISE = 100.0
MAX_KM_REGION = 300.0

_VIOLENT = VIOLENT_TYPES
# Outlets (and extractors) code one violent event differently: an IED then a firefight is an
# "attack", a "clash" or an "explosion"; a massacre is "violence against civilians" to one outlet
# and "fighting" or a "riot" to another. Among violent types the type is therefore a soft score,
# never a veto; date, place, actors and text decide.
_PAIR_COMPAT = {
    frozenset((BATTLES, REMOTE)): 0.75,
    frozenset((BATTLES, VAC)): 0.7,
    frozenset((REMOTE, VAC)): 0.65,
    frozenset((PROTESTS, RIOTS)): 0.75,
    frozenset((RIOTS, VAC)): 0.55,
    frozenset((RIOTS, BATTLES)): 0.45,
    frozenset((RIOTS, REMOTE)): 0.3,
}
_STRATEGIC_NEAR_VIOLENCE = ("Looting/property destruction", "Non-violent transfer of territory")


def type_compatibility(type_a: str, sub_a: str, type_b: str, sub_b: str) -> float:
    """1 same type and sub-type, 0 never the same event (e.g. a defused IED vs an explosion)."""
    if not type_a or not type_b:
        return 0.6
    if type_a == type_b:
        return 1.0 if (sub_a == sub_b or not sub_a or not sub_b) else 0.85
    pair = frozenset((type_a, type_b))
    if pair in _PAIR_COMPAT:
        return _PAIR_COMPAT[pair]
    if STRATEGIC in pair:
        other = type_b if type_a == STRATEGIC else type_a
        sub = sub_a if type_a == STRATEGIC else sub_b
        if other in _VIOLENT and sub in _STRATEGIC_NEAR_VIOLENCE:
            return 0.3
    return 0.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _is_wildcard(actor: str) -> bool:
    """Unknown perpetrators match anyone: a later claim names who an early report could not."""
    folded = actor.casefold()
    return not folded or folded.startswith(("unidentified", "unknown", "non identifi"))


def _actor_key_function() -> Callable[[str], str]:
    """Canonical actor names from the actor registry when it is installed, folded names otherwise."""
    try:
        import peacewatch.actors as package

        factory = getattr(package, "registry", None)
        actors = factory() if callable(factory) else None
    except (ImportError, FileNotFoundError, OSError, ValueError):
        actors = None
    if actors is None or not hasattr(actors, "canonical"):
        return lambda name: textsim.fold(name).strip()
    cache: dict[str, str] = {}

    def key(name: str) -> str:
        if name not in cache:
            try:
                cache[name] = textsim.fold(actors.canonical(name, None)).strip()
            except (KeyError, ValueError, TypeError):
                cache[name] = textsim.fold(name).strip()
        return cache[name]

    return key


_ACTOR_KEY: Callable[[str], str] | None = None


def actor_key(name: str) -> str:
    global _ACTOR_KEY
    if _ACTOR_KEY is None:
        _ACTOR_KEY = _actor_key_function()
    return _ACTOR_KEY(name)


def side(key: str) -> str:
    """The side an actor key stands for when reports disagree on who was hit: civilians of any
    nationality (a bus from Burkina Faso hit in Mali) and the UN or any of its missions are one
    side each; reports say "UN peacekeepers", "MINUSMA" or "the UN" of the same convoy."""
    if key.startswith("civilians"):
        return "civilians"
    if key.startswith(("un:", "minusma")) or "united nations" in key:
        return "united nations"
    return key


def _split_actors(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


@dataclass(slots=True)
class Profile:
    """What matching needs from one candidate, computed once."""

    candidate: EventCandidate
    order: tuple[str, str, str]
    """(published ISO, document id, candidate id): the canonical processing order."""
    doc: str
    group: str
    """Near-duplicate group of the document: copies of one wire story are one witness."""
    published: date | None
    day: int | None
    precision: int
    dated: bool
    """Whether the date was read from the report, not the publication day it fell back on."""
    window: int
    event_type: str
    sub_event_type: str
    planned: bool
    country: str
    """Folded country name: the blocking key ("" when unknown)."""
    iso3: str
    admin1: str
    admin2: str
    place: str
    lat: float | None
    lon: float | None
    geo_precision: int
    actors: frozenset[str]
    sides: frozenset[str]
    """``side`` of each named actor: what target conflicts compare."""
    target_sides: frozenset[str]
    """``side`` of each named actor 2 (who was hit)."""
    place_key: str
    """The word texts use to name the candidate's place (``text.name_key``)."""
    names: int
    """Bit set of the capitalised words of the title and the evidence: which places the report
    names, whatever place the extractor settled on."""
    title_names: tuple[str, ...]
    """Names in the document's title, the blocking key for reports placed far from what they name."""
    anchors: int
    """Bit set of the text's anchors (numbers, months, names, concepts); see ``text``."""
    grams: int


def profile(
    candidate: EventCandidate,
    published: date | None = None,
    group: str | None = None,
    context: str = "",
    title: str | None = None,
    venue: bool = False,
) -> Profile:
    """Reduce a candidate (plus its document's date, near-duplicate group, the text around its
    evidence, the document's title and whether its place is a venue's name) to a profile."""
    when = matching_day(candidate, published)
    precision = candidate.time_precision or 1
    dated = when is not None and dated_by_text(candidate, published)
    if when is not None and not dated:
        precision = max(precision, 2)
    window = DATE_WINDOW.get(precision, 16)
    if candidate.event_type == STRATEGIC and precision == 1:
        window = STRATEGIC_WINDOW
    named = [
        actor_key(a)
        for field_value in (candidate.actor1, candidate.assoc_actor_1, candidate.actor2, candidate.assoc_actor_2)
        for a in _split_actors(field_value)
        if not _is_wildcard(a)
    ]
    targets = [actor_key(a) for a in _split_actors(candidate.actor2) if not _is_wildcard(a)]
    pieces = [e.text for e in candidate.evidence] + [candidate.location, context, title or ""]
    blob = " ".join(p for p in pieces if p)
    headline = textsim.names(title or "")
    return Profile(
        candidate=candidate,
        order=((published.isoformat() if published else "9999"), candidate.doc_id, candidate.candidate_id),
        doc=candidate.doc_id,
        group=group or candidate.doc_id,
        published=published,
        day=when.toordinal() if when else None,
        precision=precision,
        dated=dated,
        window=window,
        event_type=candidate.event_type,
        sub_event_type=candidate.sub_event_type,
        planned=candidate.status == "planned",
        country=textsim.fold(candidate.country).strip(),
        iso3=candidate.iso3.upper(),
        # A place read from a venue's name keeps its name (reports name the venue alike) but not
        # the town's position or admin units, which may lie anywhere.
        admin1="" if venue else textsim.fold(candidate.admin1),
        admin2="" if venue else textsim.fold(candidate.admin2),
        place=textsim.fold(candidate.location).strip(),
        lat=None if venue else candidate.latitude,
        lon=None if venue else candidate.longitude,
        geo_precision=3 if venue else candidate.geo_precision or 1,
        actors=frozenset(named),
        sides=frozenset(side(k) for k in named),
        target_sides=frozenset(side(k) for k in targets),
        place_key=textsim.name_key(candidate.location),
        names=textsim.bitset(headline + textsim.names(blob), textsim.NAME_BITS),
        title_names=tuple(headline[:MAX_TITLE_NAMES]),
        anchors=textsim.bitset(textsim.anchors(blob)),
        grams=textsim.trigrams(blob),
    )


def matching_day(candidate: EventCandidate, published: date | None) -> date | None:
    """The day a candidate is matched on: its own, else its report's publication day; none for a
    candidate its extractor left undated on purpose (the publication day is unknown or partial)."""
    if candidate.event_date is None and candidate.time_precision == TimePrecision.UNDATED:
        return None
    return candidate.event_date or published


def dated_by_text(candidate: EventCandidate, published: date | None) -> bool:
    """Whether the candidate's date was read from the report rather than defaulted to the day of
    publication: a follow-up published days later (funerals, a new toll) often names no date
    near its evidence, and an extractor then falls back on the publication day."""
    if candidate.event_date is None:
        return False
    if candidate.event_date != published:
        return True
    return any(e.field == "event_date" for e in candidate.evidence) or not candidate.evidence


def _date_score(a: Profile, b: Profile) -> float | None:
    if a.day is None or b.day is None:
        return 0.3
    gap = abs(a.day - b.day)
    window = max(a.window, b.window)
    if gap > window:
        return None
    if a.precision == 1 and b.precision == 1:
        return (1.0, 0.45, 0.2)[gap] if gap < 3 else 0.1
    return 0.75 - 0.5 * gap / (window + 1)


NAMED_PLACE = 0.8
"""Place score when one report names the other's place: extractors settle on the wrong one of a
report's places (a dateline, the capital where a meeting sits, a resort named after a town), but
the name of the real place is still in the title or next to the evidence."""

MISPLACED = 0.5
"""Place score instead of the distance veto when exactly one of two far-apart reports names the
other's place in its title: that report was most likely placed at the wrong one of its places.
Titles, not the body: the body of many reports names the capital or the region's other towns in
passing. When both titles name each other's place, the reports know of two places (a roundup, a
reprisal) and the veto stands."""


def names_other_place(a: Profile, b: Profile) -> bool:
    """Whether ``a``'s title or evidence names ``b``'s place."""
    if not b.place_key:
        return False
    bit = textsim.bitset((b.place_key,), textsim.NAME_BITS)
    return a.names & bit == bit


def _place_score(a: Profile, b: Profile) -> float | None:
    if (a.country and b.country and a.country != b.country) or (a.iso3 and b.iso3 and a.iso3 != b.iso3):
        return None
    score: float | None = None
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)
        precise = a.geo_precision <= 2 and b.geo_precision <= 2
        if km > (MAX_KM_PRECISE if precise else MAX_KM_REGION):
            return MISPLACED if (b.place_key in a.title_names) != (a.place_key in b.title_names) else None
        score = max(0.0, 1.0 - km / 60.0) if precise else 0.5
    if names_other_place(a, b) or names_other_place(b, a):
        score = max(score or 0.0, NAMED_PLACE)
    if a.place and a.place == b.place:
        score = max(score or 0.0, 1.0 if a.geo_precision == b.geo_precision else 0.8)
    if a.admin2 and a.admin2 == b.admin2:
        score = max(score or 0.0, 0.7)
    elif a.admin1 and a.admin1 == b.admin1:
        score = max(score or 0.0, 0.5)
    elif score is None and a.admin1 and b.admin1:
        score = 0.1
    return 0.5 if score is None else score


PLANNED_MISMATCH = 0.1
"""Subtracted when one report tells of a planned event and the other of one that happened (or was
called off): usually the plan and its outcome are one event, but the pair needs more evidence."""


SAME_STORY = 0.15
"""Added when two documents are copies of one wire story (the same near-duplicate group): their
candidates for one event differ only by extraction noise (an outlet's headline or dateline, a
trimmed paragraph), so they need less agreement. The vetoes and the one-event-per-document rule
still keep a copied roundup's events apart."""


def _planned_mismatch(a: Profile, b: Profile) -> bool:
    """A plan and an outcome dated to the same day are the plan carried out (or a report the
    extractor wrongly read as future); only on different days is the pair doubtful (a ceremony
    announced for the 18th, held on the 28th)."""
    return a.planned != b.planned and (a.day is None or a.day != b.day)


TARGET_CONFLICT = 0.15
"""Subtracted when both reports name who was hit and the targets differ (an army convoy one day,
a bus of civilians the next): the strongest sign that look-alike reports are two events."""


def _target_conflict(a: Profile, b: Profile) -> bool:
    return bool(
        a.target_sides and b.target_sides
        and a.target_sides.isdisjoint(b.sides) and b.target_sides.isdisjoint(a.sides)
    )


def _actor_score(a: Profile, b: Profile) -> float:
    if not a.actors or not b.actors or _target_conflict(a, b):
        return 0.5 if not a.actors or not b.actors else 0.0
    shared = len(a.actors & b.actors) / min(len(a.actors), len(b.actors))
    return 0.3 + 0.7 * shared


def _text_score(a: Profile, b: Profile) -> float:
    anchors = textsim.overlap(a.anchors, b.anchors)
    smaller = min(a.anchors.bit_count(), b.anchors.bit_count())
    if smaller < 4:
        anchors *= smaller / 4
    grams = textsim.overlap(a.grams, b.grams)
    return 0.6 * anchors + 0.4 * grams


FRAGMENT_KM = 25.0
"""Two places of one report this close are one scene (a resort and the suburb it lies in)."""


def same_report_fragments(a: Profile, b: Profile) -> bool:
    """Whether two candidates of one report may be pieces of one event: extractors split a report
    sentence by sentence, and a piece may carry another type ("attacked", "clashes", "mob"),
    another place (the capital where a claim was read) or none. Pieces dated to the same day,
    with compatible types and one scene (the same place, places within ``FRAGMENT_KM``, no place
    on one side, or a place the title names against one it does not) qualify; a roundup's
    distinct events differ in day or place."""
    if a.doc != b.doc or a.day is None or a.day != b.day or a.planned != b.planned:
        return False
    if type_compatibility(a.event_type, a.sub_event_type, b.event_type, b.sub_event_type) == 0.0:
        return False
    if not _placed(a) or not _placed(b) or (a.place and a.place == b.place):
        return True
    if (a.place_key in a.title_names) != (b.place_key in b.title_names):
        return True
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= FRAGMENT_KM


def same_scene(a: Profile, b: Profile) -> bool:
    """The strict case of ``same_report_fragments``: pieces of one report dated to the same day,
    of compatible types, at the same named place or within ``FRAGMENT_KM``, and both told as
    done or both as planned. Unlike the looser pieces (a capital named in a claim, a piece with
    no place), these are joined outright; but not an undated piece with a dated one, since a
    report's background sentences ("a similar attack in 2016 was claimed by ...") fall back on
    the publication day."""
    if a.doc != b.doc or a.day is None or a.day != b.day or a.planned != b.planned or a.dated != b.dated:
        return False
    if type_compatibility(a.event_type, a.sub_event_type, b.event_type, b.sub_event_type) == 0.0:
        return False
    if a.place and a.place == b.place:
        return True
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= FRAGMENT_KM


def _placed(p: Profile) -> bool:
    return bool(p.place) or p.lat is not None


def _gate(a: Profile, b: Profile) -> tuple[float, float, float] | None:
    """Type, date and place scores, or None when any of them vetoes the pair."""
    if a.doc == b.doc:
        return None
    kind = type_compatibility(a.event_type, a.sub_event_type, b.event_type, b.sub_event_type)
    if kind == 0.0:
        return None
    when = _date_score(a, b)
    if when is None:
        return None
    where = _place_score(a, b)
    if where is None:
        return None
    return kind, when, where


def compare(a: Profile, b: Profile) -> dict[str, float] | None:
    """Per-feature scores in [0, 1] (and the target-conflict penalty), or None on a veto."""
    gate = _gate(a, b)
    if gate is None:
        return None
    kind, when, where = gate
    return {
        "type": kind,
        "date": when,
        "place": where,
        "actors": _actor_score(a, b),
        "text": _text_score(a, b),
        "target_conflict": -TARGET_CONFLICT if _target_conflict(a, b) else 0.0,
        "planned_mismatch": -PLANNED_MISMATCH if _planned_mismatch(a, b) else 0.0,
        "same_story": SAME_STORY if a.group == b.group else 0.0,
    }


def score(a: Profile, b: Profile) -> float | None:
    """Weighted sum of ``compare``'s features, None on a veto (the hot path: no dict built)."""
    gate = _gate(a, b)
    if gate is None:
        return None
    kind, when, where = gate
    return (
        WEIGHTS["type"] * kind
        + WEIGHTS["date"] * when
        + WEIGHTS["place"] * where
        + WEIGHTS["actors"] * _actor_score(a, b)
        + WEIGHTS["text"] * _text_score(a, b)
        - (TARGET_CONFLICT if _target_conflict(a, b) else 0.0)
        - (PLANNED_MISMATCH if _planned_mismatch(a, b) else 0.0)
        + (SAME_STORY if a.group == b.group else 0.0)
    )

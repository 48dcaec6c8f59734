"""One event from the candidates that report it: fields by evidence weight, disagreements kept.

Every field group (date, place, type, each actor, status) is voted on by the reports. A report's
vote weighs ``independence x confidence x precision``: copies of one wire story (a near-duplicate
group) share one vote, a candidate the extractor is unsure of counts less, and "in January" or
"in the Gao region" counts less than a day or a town. The winning value's best-supported report
supplies the group's fields. Values that contradict the winner (not merely less precise) are kept
in ``Event.disagreements`` and summarised in the notes: "1 of 9 reports says 17 January 2017".
The notes are written from the event's final fields (``peacewatch.notes``), never copied from
one report, so they never contradict what the event says.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from peacewatch.codebook import TimePrecision, interaction
from peacewatch.notes import event_notes
from peacewatch.records import Event, EventCandidate, EventFields, Evidence
from peacewatch.resolve.casualties import document_reports, reconcile
from peacewatch.resolve.documents import DocMeta
from peacewatch.resolve.features import actor_key, dated_by_text, haversine_km
from peacewatch.resolve.text import fold

_TIME_WEIGHT = {1: 1.0, 2: 0.5, 3: 0.25}
_GEO_WEIGHT = {1: 1.0, 2: 0.7, 3: 0.4}
_WILDCARD_WEIGHT = 0.3


@dataclass(slots=True)
class Member:
    """One candidate in an event, with what its document tells about it."""

    candidate: EventCandidate
    meta: DocMeta

    @property
    def published(self) -> date | None:
        return self.meta.published

    def order(self) -> tuple[str, str, str]:
        when = self.published.isoformat() if self.published else "9999"
        return (when, self.candidate.doc_id, self.candidate.candidate_id)


def event_id_for(founder: EventCandidate) -> str:
    """Stable id from the founding candidate (the earliest report), as the no-merge baseline does."""
    return "EV" + hashlib.sha256(founder.candidate_id.encode()).hexdigest()[:12]


def _base_weights(members: Sequence[Member]) -> list[float]:
    groups = Counter(m.meta.group or m.candidate.doc_id for m in members)
    weights = []
    for m in members:
        confidence = m.candidate.confidence if m.candidate.confidence > 0 else 0.5
        weights.append((0.5 + 0.5 * confidence) / groups[m.meta.group or m.candidate.doc_id])
    return weights


def _vote(
    members: Sequence[Member],
    base: Sequence[float],
    key: Callable[[EventCandidate], Hashable | None],
    weight: Callable[[EventCandidate], float],
    tie: Callable[[Hashable], Any],
) -> tuple[Hashable | None, Member | None, dict[Hashable, list[int]]]:
    """Winning value, its best-supported member, and which members gave each value."""
    totals: dict[Hashable, float] = {}
    givers: dict[Hashable, list[int]] = {}
    for i, m in enumerate(members):
        value = key(m.candidate)
        if value is None:
            continue
        totals[value] = totals.get(value, 0.0) + base[i] * weight(m.candidate)
        givers.setdefault(value, []).append(i)
    if not totals:
        return None, None, givers
    winner = max(totals, key=lambda v: (round(totals[v], 9), tie(v)))
    best = max(givers[winner], key=lambda i: (round(base[i] * weight(members[i].candidate), 9), members[i].order()))
    return winner, members[best], givers


def _day(value: date) -> str:
    return f"{value.day} {value.strftime('%B %Y')}"


def _disagreement(
    field: str,
    chosen: str,
    givers: dict[Hashable, list[int]],
    members: Sequence[Member],
    consistent: Callable[[Hashable], bool],
    label: Callable[[Hashable], str],
    verb: str,
) -> dict[str, Any] | None:
    total = len({members[i].candidate.doc_id for idx in givers.values() for i in idx})
    others = []
    for value, idx in sorted(givers.items(), key=lambda kv: (-len(kv[1]), str(kv[0]))):
        if consistent(value):
            continue
        docs = sorted({members[i].candidate.doc_id for i in idx})
        others.append({"value": label(value), "reports": len(docs), "documents": docs})
    if not others:
        return None
    parts = [
        f"{o['reports']} of {total} reports {verb if o['reports'] == 1 else _plural(verb)} {o['value']}"
        for o in others
    ]
    return {"field": field, "chosen": chosen, "reports": total, "values": others, "text": "; ".join(parts)}


def _plural(verb: str) -> str:
    head, _, rest = verb.partition(" ")
    plural = {"says": "say", "places": "place", "codes": "code", "names": "name"}.get(head, head)
    return f"{plural} {rest}".strip()


def build_event(members: Sequence[Member], event_id: str | None = None) -> Event:
    """Combine the members (any order) into one event; the same members always give the same event."""
    members = sorted(members, key=Member.order)
    base = _base_weights(members)
    disagreements: list[dict[str, Any]] = []
    fields: dict[str, Any] = {}

    # Date: a day beats a week beats a month; a week or month containing the winner agrees with it.
    # A date the extractor fell back on (the publication day, no date read) weighs as a week, as
    # in matching: a follow-up names no date, and its publication day is no witness of the day.
    published = {m.candidate.candidate_id: m.published for m in members}

    def time_precision(c: EventCandidate) -> int:
        precision = c.time_precision or 1
        return precision if dated_by_text(c, published.get(c.candidate_id)) else max(precision, 2)

    def date_key(c: EventCandidate) -> Hashable | None:
        return (c.event_date.isoformat(), time_precision(c)) if c.event_date else None

    won, rep, givers = _vote(
        members, base, date_key, lambda c: _TIME_WEIGHT.get(time_precision(c), 0.25),
        lambda v: (-v[1], v[0]),  # type: ignore[index]
    )
    if won is not None and rep is not None:
        fields["event_date"], fields["time_precision"] = rep.candidate.event_date, rep.candidate.time_precision or 1
        chosen_day = rep.candidate.event_date

        def date_agrees(v: Hashable) -> bool:
            day, precision = date.fromisoformat(v[0]), v[1]  # type: ignore[index]
            slack = {1: 0, 2: 3, 3: 15}.get(max(precision, won[1]), 15)  # type: ignore[index]
            return abs((day - chosen_day).days) <= slack  # type: ignore[operator]

        found = _disagreement(
            "event_date", chosen_day.isoformat(), givers, members, date_agrees,  # type: ignore[union-attr]
            lambda v: _day(date.fromisoformat(v[0])), "says",  # type: ignore[index]
        )
        if found:
            disagreements.append(found)
    else:
        fallback = min(
            (m.published for m in members if m.published and m.candidate.time_precision != TimePrecision.UNDATED),
            default=None,
        )
        fields["event_date"], fields["time_precision"] = fallback, TimePrecision.WEEK if fallback else TimePrecision.UNDATED

    # Place: a town beats "near" beats a region; a region containing the winning town agrees.
    def place_key(c: EventCandidate) -> Hashable | None:
        if not (c.location or c.admin1):
            return None
        return (fold(c.location).strip(), fold(c.admin1).strip())

    won, rep, givers = _vote(
        members, base, place_key, lambda c: _GEO_WEIGHT.get(c.geo_precision or 1, 0.4),
        lambda v: v,
    )
    if rep is not None:
        r = rep.candidate
        for name in ("country", "iso3", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision"):
            fields[name] = getattr(r, name)
        spots = {
            place_key(m.candidate): m.candidate for m in members if place_key(m.candidate) is not None
        }

        def place_agrees(v: Hashable) -> bool:
            other = spots[v]
            if v == won or not other.location:
                return True
            if (other.geo_precision or 1) >= 3 and fold(other.admin1) == fold(r.admin1):
                return True
            if None not in (other.latitude, other.longitude, r.latitude, r.longitude):
                return haversine_km(other.latitude, other.longitude, r.latitude, r.longitude) <= 15  # type: ignore[arg-type]
            return False

        found = _disagreement(
            "location", r.location, givers, members, place_agrees,
            lambda v: "it in " + (spots[v].location or spots[v].admin1), "places",
        )
        if found:
            disagreements.append(found)

    # Type, then sub-type among the reports of the winning type.
    won, rep, givers = _vote(members, base, lambda c: c.event_type or None, lambda c: 1.0, lambda v: str(v))
    if won is not None:
        fields["event_type"] = won
        sub, _, _ = _vote(
            members, base, lambda c: (c.sub_event_type or None) if c.event_type == won else None,
            lambda c: 1.0, lambda v: str(v),
        )
        fields["sub_event_type"] = sub or ""
        typed = rep.candidate if rep else None
        fields["civilian_targeting"] = typed.civilian_targeting if typed else ""
        found = _disagreement(
            "event_type", str(won), givers, members, lambda v: v == won, lambda v: f"it as {v}", "codes",
        )
        if found:
            disagreements.append(found)

    # Actors: an unidentified group agrees with anyone and weighs little against a named one.
    for slot, assoc, inter in (("actor1", "assoc_actor_1", "inter1"), ("actor2", "assoc_actor_2", "inter2")):
        def actor_of(c: EventCandidate, slot: str = slot) -> Hashable | None:
            name = getattr(c, slot)
            return actor_key(name) if name else None

        def actor_weight(c: EventCandidate, slot: str = slot) -> float:
            return _WILDCARD_WEIGHT if _wild(getattr(c, slot)) else 1.0

        won, rep, givers = _vote(members, base, actor_of, actor_weight, lambda v: str(v))
        if rep is not None:
            fields[slot] = getattr(rep.candidate, slot)
            fields[assoc] = getattr(rep.candidate, assoc)
            fields[inter] = getattr(rep.candidate, inter)
            names = {actor_of(m.candidate): getattr(m.candidate, slot) for m in members if getattr(m.candidate, slot)}
            found = _disagreement(
                slot, fields[slot], givers, members,
                lambda v, won=won, names=names: v == won or _wild(names[v]),
                lambda v, names=names, slot=slot: f"{names[v]} as {'first' if slot == 'actor1' else 'second'} actor",
                "names",
            )
            if found:
                disagreements.append(found)
    fields["interaction"] = interaction(fields.get("inter1"), fields.get("inter2"))

    # Status and who claims or denies.
    won, _, _ = _vote(members, base, lambda c: c.status or None, lambda c: 1.0, lambda v: str(v))
    fields["status"] = won or "reported"
    for name in ("claimed_by", "denied_by"):
        value, _, _ = _vote(members, base, lambda c, n=name: getattr(c, n) or None, lambda c: 1.0, lambda v: str(v))
        fields[name] = value or ""

    reports = [r for m in members for r in document_reports(m.candidate, m.published)]
    killed, injured = reconcile(reports, "killed"), reconcile(reports, "injured")
    fields["fatalities_low"], fields["fatalities"], fields["fatalities_high"] = killed.low, killed.best, killed.high
    fields["injuries_low"], fields["injuries"], fields["injuries_high"] = injured.low, injured.best, injured.high

    sources: list[str] = []
    for m in members:
        if m.candidate.doc_id not in sources:
            sources.append(m.candidate.doc_id)
    evidence = [
        Evidence(e.field, e.start, e.end, e.text, e.document_id or m.candidate.doc_id)
        for m in members
        for e in m.candidate.evidence
    ]
    fields["confidence"] = _confidence(members)
    defaults = EventFields()
    merged = {name: fields.get(name, getattr(defaults, name)) for name in EventFields.__dataclass_fields__}
    merged["evidence"] = evidence
    merged["casualty_reports"] = reports
    event = Event(
        **merged,
        event_id=event_id or event_id_for(members[0].candidate),
        sources=sources,
        disagreements=disagreements,
    )
    outlets = sorted({m.meta.source for m in members if m.meta.source})
    event.notes = event_notes(event, len(sources), outlets, disagreements)
    return event


def _wild(name: str) -> bool:
    folded = name.casefold()
    return folded.startswith(("unidentified", "unknown"))


def _confidence(members: Sequence[Member]) -> float:
    """Independent reports raise confidence: 1 - prod(1 - c) over near-duplicate groups."""
    per_group: dict[str, float] = {}
    for m in members:
        key = m.meta.group or m.candidate.doc_id
        c = m.candidate.confidence if m.candidate.confidence > 0 else 0.5
        per_group[key] = max(per_group.get(key, 0.0), c)
    doubt = 1.0
    for c in per_group.values():
        doubt *= 1.0 - min(c, 0.99)
    return round(min(0.99, 1.0 - doubt), 3)

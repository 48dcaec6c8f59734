"""One event's fields from its group of mentions, in named steps run in a fixed order.

The order is the coder's: date the event (and drop what has not happened yet), place it, find its
sides across the mentions, read its status and who claims or denies it, let claims and later
sentences name the author, count the toll, type it, let a fighting crowd make it a riot, apply the
codebook's actor order, name the generic actors, then fill the record with its evidence. A later
step reads what an earlier one settled, so the order is part of the rules.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

from peacewatch import codebook
from peacewatch.extract.cues import EventCues
from peacewatch.extract.dating import coded_date, date_value, next_occurrence
from peacewatch.extract.fields import EvidenceLog, casualty_fields, confidence, place_fields
from peacewatch.extract.grouping import EventType, Group
from peacewatch.extract.mentions import Mention, shift, shift_roles
from peacewatch.notes import summary
from peacewatch.extract.reading import Reading
from peacewatch.geo.finder import primary_mention
from peacewatch.extract.sides import (
    Sides,
    Status,
    antecedent,
    associates,
    civilian_victims,
    claimant_acts,
    claimant_is_author,
    communal_militia,
    demonstrators_first,
    denied_accusation,
    find_crowd,
    later_attribution,
    merge_roles,
    no_self_opponent,
    riot_override,
    unidentified_author,
)
from peacewatch.nlp.casualties import total
from peacewatch.nlp.roles import Roles, armed_people, is_community, target_kind
from peacewatch.nlp.status import combine, refers_to_group, speaker
from peacewatch.extract.typing import SPECIFIC_CUES, decide_type, explicit_type
from peacewatch.nlp.triggers import Trigger
from peacewatch.records import EventCandidate


@dataclass(frozen=True, slots=True)
class EventDate:
    """The day an event is coded on, the date expression it comes from, and whether it lies ahead."""

    mention: Any | None
    value: date
    planned: bool

    @property
    def precision(self) -> int:
        return self.mention.precision if self.mention is not None else 1


def event_date(group: Group, published: date) -> EventDate | None:
    """The event's day: its first mention's date, else the day of publication.

    An announced event is planned and may lie ahead (an announced "March" is next March); a period
    still running at publication ("between 7 and 10 July" in a report of the 8th) is dated by its
    start; anything else dated after publication did not happen yet: None.
    """
    mention = group.date
    planned = any(m.planned for m in group.mentions) or (mention is not None and mention.value > published)
    value = date_value(mention) if mention is not None else published
    if planned and mention is not None and value < published:
        value = next_occurrence(mention, value)
    if not planned and mention is not None and mention.value <= published < value:
        value = mention.value
    if value > published and not planned:
        return None
    return EventDate(mention, value, planned)


def nearby_place(reading: Reading, start: int) -> Any | None:
    """For an event told without a place: the place of the closest sentence before it that names a
    town ("... an operation near X, 70 km north-east of Y. One militant was killed": X, not Y),
    else the closest town after it."""
    towns = [
        p for p in reading.places
        if p.precision < 3 and p.place.admin1 and not any(a.start <= p.start and p.end <= a.end for a in reading.actors)
    ]
    before = [p for p in towns if p.end <= start]
    if before:
        a, b = next(((a, b) for a, b in reading.sentences if a <= before[-1].start < b), (before[-1].start, start))
        return primary_mention([p for p in before if a <= p.start < b], reading.text)
    return min(towns, key=lambda p: p.start - start, default=None)


def event_place(reading: Reading, group: Group) -> Any | None:
    """The event's place mention: its mentions' most precise one (first tellings first), else the
    town the report names closest before it (or after it)."""
    return group.place or nearby_place(reading, group.mentions[0].start)


def read_status(reading: Reading, group: Group, spans: list[tuple[int, int]], planned: bool, evidence: EvidenceLog) -> Status:
    """Claims, accusations, denials and announcements in the event's sentences, with who makes them.

    An announcement counts only in a sentence that tells the event (not in an aftermath sentence);
    "this group claimed it" points back to the armed group named in the sentence before.
    """
    text = reading.text
    status = Status(set())
    told = [(m.start, m.end) for m in group.mentions]
    for cue in reading.status_cues:
        if not any(a <= cue.start < b for a, b in spans):
            continue
        if cue.status == "planned" and not any(a <= cue.start < b for a, b in told):
            continue
        status.statuses.add(cue.status)
        evidence.add("status", cue.start, cue.end)
        sentence_start = max(a for a, b in spans if a <= cue.start)
        who = speaker(text, cue, reading.actors, sentence_start, reading.language)
        if who is None and cue.status in ("claimed", "denied") and refers_to_group(
            text, sentence_start, cue.end, reading.language
        ):
            who = antecedent(reading.actors, reading.sentences, sentence_start)
        if who is None:
            continue
        if cue.status in ("claimed", "alleged") and status.claimed_by is None:
            status.claimed_by = who
            evidence.add("claimed_by", who.start, who.end)
        elif cue.status == "denied" and status.denied_by is None:
            status.denied_by = who
            evidence.add("denied_by", who.start, who.end)
    if planned:
        status.statuses.add("planned")
    return status


@dataclass(frozen=True, slots=True)
class Toll:
    """The event's casualty figures and what they add up to."""

    mentions: list[Any]
    killed: int
    killed_qualifier: str
    injured: int
    injured_qualifier: str
    implied: Trigger | None = None
    """The killing that implies one death when no figure is given."""

    @property
    def victims(self) -> list[str]:
        return [c.victims for c in self.mentions if c.kind in ("killed", "injured")]


def title_span(text: str, sentences: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The headline: a first line without final punctuation. It restates the toll told below."""
    if len(sentences) < 2:
        return None
    start, end = sentences[0]
    line_end = text.find("\n", start)
    if line_end == -1 or line_end > end or text[start:end].rstrip()[-1:] in ".!?":
        return None
    return start, end


def implied_death(text: str, mentions: list[Mention], cues: EventCues) -> Trigger | None:
    """A killing told with a single victim and no figure ("assassinated the head of a bus company",
    "the mayor was killed") counts one death; an attempt ("tried to kill") counts none."""
    return next((
        t for m in mentions for t in m.triggers
        if t.cue == "kill" and cues.one_killed.search(text[t.start : min(m.end, t.end + 60)])
        and not cues.attempt.search(text[max(m.start, t.start - 30) : t.start])
    ), None)


def event_toll(reading: Reading, group: Group, spans: list[tuple[int, int]]) -> Toll:
    """The dead and wounded of the event's sentences (a headline's figure only when the body gives
    none), else one death implied by a killing of one person."""
    text = reading.text
    figures = [
        dataclasses.replace(c, sentence=reading.sentence_of(c.start))
        for c in reading.casualties
        if any(a <= c.start < b for a, b in spans)
    ]
    title = title_span(text, reading.sentences)
    if title is not None and any(not title[0] <= c.start < title[1] for c in figures):
        figures = [c for c in figures if not title[0] <= c.start < title[1]]
    killed, killed_q = total(figures, "killed")
    injured, injured_q = total(figures, "injured")
    implied = implied_death(text, group.mentions, reading.cues) if killed_q == "unknown" else None
    if implied is not None:
        killed, killed_q = 1, "vague"
    return Toll(figures, killed, killed_q, injured, injured_q, implied)


def type_event(reading: Reading, group: Group, roles: Roles, toll: Toll) -> EventType | None:
    """ACLED's event type and sub-type over the event's cues, what its author hit, and its toll.

    The mentions that tell the event (not the back-references) type it, unless they say nothing
    specific ("attack", "killed") about a target of unknown kind; a coder's leading label ("Looting:
    ...") outweighs the cues; otherwise all the cues of the group decide.
    """
    text, language = reading.text, reading.language
    first = group.mentions[0]
    main_text = text[first.start : first.end]
    target = target_kind(main_text, shift_roles(roles, -first.start), shift(first.triggers, -first.start), toll.victims, language)
    state = roles.actor1 is not None and roles.actor1.inter in codebook.STATE_INTERS
    telling = [m for m in group.mentions if not m.definite]
    typed = None
    if telling:
        telling_cues = set().union(*(m.cues for m in telling))
        typed = decide_type(telling_cues, target, toll.killed, toll.injured, state)
        if typed is not None and not (telling_cues & SPECIFIC_CUES) and target is None:
            typed = None
    typed = explicit_type(main_text) or typed
    return typed or decide_type(group.cues, target, toll.killed, toll.injured, state)


def build_event(reading: Reading, group: Group) -> EventCandidate | None:
    """The event ``group`` tells, every field with its evidence; None for an event that did not
    happen yet or that no rule can type."""
    text = reading.text
    mentions = group.mentions
    spans = [(m.start, m.end) for m in mentions] + group.extra_spans
    evidence = EvidenceLog(text)

    when = event_date(group, reading.published)
    if when is None:
        return None
    place_mention = event_place(reading, group)
    place = place_mention.place if place_mention is not None else None
    country = place.country if place is not None and place.country else reading.country

    roles = merge_roles(text, mentions, reading.language)
    status = read_status(reading, group, spans, when.planned, evidence)
    denied_accusation(roles, status)
    claimant_is_author(roles, status)
    later_attribution(text, group.extra_spans, reading.actors, roles, reading.cues)

    toll = event_toll(reading, group, spans)
    typed = type_event(reading, group, roles, toll)
    if typed is None:
        return None
    crowd = find_crowd(text, roles, reading.cues, armed_people(reading.language))
    event_type, sub_event_type = riot_override(typed, crowd, roles, group.cues)

    actor1, actor2 = codebook.order_sides(
        event_type, sub_event_type, roles.actor1, roles.actor2, lambda actor: is_community(actor, reading.language)
    )
    actor1 = claimant_acts(actor1, actor2, status)
    sides = Sides.of(actor1, actor2)
    communal_militia(sides, event_type, crowd, actor1, actor2, country, when.value)
    if actor1 is not None:
        evidence.add("actor1", actor1.start, actor1.end)
    if actor2 is not None:
        evidence.add("actor2", actor2.start, actor2.end)
    demonstrators_first(sides, event_type, country, when.value)
    unidentified_author(sides, event_type, sub_event_type, country, when.value)
    civilian_victims(sides, event_type, toll.victims, reading.language, country, when.value)
    no_self_opponent(sides, event_type)

    coded_day, coded_precision = coded_date(
        when.mention, when.value, when.precision, reading.published, reading.published_precision
    )
    candidate = EventCandidate(
        event_date=coded_day,
        time_precision=coded_precision,
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=sides.name1,
        assoc_actor_1=associates(roles.assoc1, sides),
        inter1=sides.inter1,
        actor2=sides.name2,
        assoc_actor_2=associates(roles.assoc2, sides),
        inter2=sides.inter2,
        interaction=codebook.interaction(sides.inter1, sides.inter2),
        civilian_targeting=codebook.civilian_targeting(event_type, sides.inter2),
        status=combine(status.statuses),
        claimed_by=status.claimed_by.name if status.claimed_by else "",
        denied_by=status.denied_by.name if status.denied_by else "",
    )
    for m in mentions:
        for t in m.triggers:
            evidence.add("event_type", t.start, t.end)
            evidence.add("sub_event_type", t.start, t.end)
    if when.mention is not None and coded_day is not None:
        evidence.add("event_date", when.mention.start, when.mention.end)
        evidence.add("time_precision", when.mention.start, when.mention.end)
    place_fields(candidate, place_mention, country, evidence)
    casualty_fields(candidate, toll, evidence)
    candidate.notes = summary(candidate)
    for start, end in spans:
        evidence.add("notes", start, end)
    candidate.confidence = confidence(when.mention is not None, place is not None, actor1 is not None, group)
    candidate.evidence = evidence.items
    return candidate

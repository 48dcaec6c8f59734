"""The two sides of an event, step by step: who acts (actor1), who is hit (actor2), who is with them.

Each function applies one coding rule; ``build.build_event`` runs them in a fixed order, since a
later rule reads what an earlier one settled (a claim names the author before the codebook's
actor order is applied; a riot makes the crowd actor1 before the generic actors are named).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from peacewatch.actors import registry
from peacewatch.codebook import (
    BATTLES,
    CROWD_INTERS,
    DEMONSTRATION_TYPES,
    NON_STATE_ARMED_INTERS,
    PROTESTS,
    REMOTE,
    RIOTS,
    STRATEGIC,
    VAC,
    Inter,
)
from peacewatch.extract.cues import EventCues
from peacewatch.extract.mentions import Mention, sentence_roles, shift_roles
from peacewatch.nlp.roles import ActorSpan, Roles, kind_of_victims

CROWD_OR_CIVILIANS = CROWD_INTERS | {Inter.CIVILIANS}
"""A crowd read as civilians, protesters or rioters: when it fights or burns, the event is a riot."""


@dataclass(slots=True)
class Status:
    """What the report says of the event's truth, and who claims or denies it."""

    statuses: set[str]
    claimed_by: ActorSpan | None = None
    """Who claims it, or who accuses (for "alleged")."""
    denied_by: ActorSpan | None = None


def merge_roles(text: str, mentions: list[Mention], language: str) -> Roles:
    """The event's sides from all its mentions: first tellings before back-references, in order.

    A named actor replaces a generic one ("gunmen" then "JNIM fighters"); civilians first read as
    the acting side move to actor2 when a named author turns up.
    """
    roles = Roles()
    for m in sorted(mentions, key=lambda x: (x.definite, x.start)):
        r = shift_roles(sentence_roles(text, m, language), m.start)
        if roles.actor1 is None or (roles.actor1.generic and r.actor1 is not None and not r.actor1.generic):
            if roles.actor1 is not None and roles.actor1.inter == Inter.CIVILIANS and roles.actor2 is None:
                roles.actor2 = roles.actor1
            roles.actor1 = r.actor1 or roles.actor1
            roles.assoc1 = r.assoc1 or roles.assoc1
        if roles.actor2 is None or (roles.actor2.generic and r.actor2 is not None and not r.actor2.generic):
            roles.actor2 = r.actor2 or roles.actor2
            roles.assoc2 = r.assoc2 or roles.assoc2
    return roles


def denied_accusation(roles: Roles, status: Status) -> None:
    """X accuses Y, Y denies: the accused is the author and the accuser, read as the subject, actor2."""
    accuser, accused = status.claimed_by, status.denied_by
    if "alleged" not in status.statuses or accused is None or accuser is None:
        return
    if roles.actor1 is not None and roles.actor1.name == accuser.name:
        roles.actor1, roles.actor2 = accused, roles.actor1


def claimant_is_author(roles: Roles, status: Status) -> None:
    """A group claiming the event is its author when the report names none ("gunmen ... JNIM claimed it")."""
    if status.claimed_by is not None and "claimed" in status.statuses and (roles.actor1 is None or roles.actor1.generic):
        roles.actor1 = status.claimed_by


def attributed_to(text: str, spans: list[tuple[int, int]], actors: list[ActorSpan], cues: EventCues) -> ActorSpan | None:
    """The named armed group a later sentence of the event holds responsible ("planted by X")."""
    for start, end in spans:
        for actor in actors:
            if start <= actor.start < end and not actor.generic and actor.inter in NON_STATE_ARMED_INTERS:
                if cues.attributed.search(text[max(start, actor.start - 60) : actor.start]):
                    return actor
    return None


def later_attribution(text: str, spans: list[tuple[int, int]], actors: list[ActorSpan], roles: Roles, cues: EventCues) -> None:
    """An event without a named author takes the group a later sentence holds responsible ("The device
    was planted by JNIM"); civilians first read as acting are then the side hit."""
    if roles.actor1 is None or roles.actor1.generic or roles.actor1.inter == Inter.CIVILIANS:
        author = attributed_to(text, spans, actors, cues)
        if author is not None:
            if roles.actor1 is not None and roles.actor2 is None and roles.actor1.name != author.name:
                roles.actor2 = roles.actor1
            roles.actor1 = author


def antecedent(actors: list[ActorSpan], sentences: list[tuple[int, int]], before: int) -> ActorSpan | None:
    """What "this group" points back to: the first armed group named in the closest sentence before."""
    earlier = [a for a in actors if a.end <= before and not a.generic and a.inter in NON_STATE_ARMED_INTERS]
    if not earlier:
        return None
    last = earlier[-1]
    start = max((a for a, b in sentences if a <= last.start), default=0)
    return min((a for a in earlier if a.start >= start), key=lambda a: a.start)


@dataclass(frozen=True, slots=True)
class Crowd:
    """The crowd among the event's sides, and whether it defends its village against an armed group."""

    actor: ActorSpan | None = None
    defends: bool = False


def find_crowd(text: str, roles: Roles, cues: EventCues, armed: re.Pattern[str]) -> Crowd:
    """A side named as a crowd ("youths", "villageois") and not as armed ("armed youths" fight, they do not riot).

    Villagers who fight an armed group defend their village: a battle with the codebook's communal
    militia, not a riot.
    """
    crowd = next(
        (
            a for a in (roles.actor1, roles.actor2)
            if a is not None and a.inter in CROWD_OR_CIVILIANS and cues.crowd.search(a.text)
            and not armed.search(text, max(0, a.start - 10), a.end)
        ),
        None,
    )
    other = roles.actor2 if crowd is roles.actor1 else roles.actor1
    if crowd is None or other is None or other.inter not in NON_STATE_ARMED_INTERS:
        return Crowd(crowd, False)
    return Crowd(crowd, bool(cues.defenders.search(crowd.text)))


def riot_override(typed: tuple[str, str], crowd: Crowd, roles: Roles, cues: set[str]) -> tuple[str, str]:
    """A crowd that fights is mob violence (the crowd acts first), one that burns or loots a violent
    demonstration: ACLED codes crowds as rioters, not as a battle or violence against civilians."""
    if typed[0] in (BATTLES, VAC, STRATEGIC) and crowd.actor is not None and not crowd.defends:
        if "clash" in cues or (crowd.actor is roles.actor1 and cues & {"attack", "arrest", "kill", "harm"}):
            typed = (RIOTS, "Mob violence")
            if crowd.actor is roles.actor2:
                roles.actor1, roles.actor2 = roles.actor2, roles.actor1
        elif crowd.actor is roles.actor1 and cues & {"burn", "loot"}:
            typed = (RIOTS, "Violent demonstration")
    return typed


def claimant_acts(actor1: ActorSpan | None, actor2: ActorSpan | None, status: Status) -> ActorSpan | None:
    """The target was read as the subject ("a MINUSMA vehicle was struck"), leaving no author: the claimant acted."""
    claimant = status.claimed_by
    named_other = actor2 is not None and claimant is not None and claimant.name == actor2.name
    if actor1 is None and claimant is not None and "claimed" in status.statuses and not named_other:
        return claimant
    return actor1


@dataclass(slots=True)
class Sides:
    """The names and actor types the event is coded with (generic actors filled in)."""

    name1: str = ""
    inter1: int | None = None
    name2: str = ""
    inter2: int | None = None

    @classmethod
    def of(cls, actor1: ActorSpan | None, actor2: ActorSpan | None) -> Sides:
        return cls(actor1.name if actor1 else "", actor1.inter if actor1 else None,
                   actor2.name if actor2 else "", actor2.inter if actor2 else None)


def communal_militia(sides: Sides, event_type: str, crowd: Crowd, actor1: ActorSpan | None, actor2: ActorSpan | None,
                     country: str, on: date) -> None:
    """Villagers defending their village in a battle are the codebook's unidentified communal militia."""
    if crowd.defends and event_type == BATTLES:
        militia = registry().generic("unidentified_communal_militia", country, on)
        if actor2 is crowd.actor:
            sides.name2, sides.inter2 = militia.name, militia.inter
        elif actor1 is crowd.actor:
            sides.name1, sides.inter1 = militia.name, militia.inter


def demonstrators_first(sides: Sides, event_type: str, country: str, on: date) -> None:
    """Protests and riots are coded with the protesters or rioters as actor1; a named side other than
    civilians (the police that intervened) moves to actor2."""
    if event_type not in DEMONSTRATION_TYPES:
        return
    people = registry().generic("protesters" if event_type == PROTESTS else "rioters", country, on)
    if sides.inter1 not in CROWD_INTERS:
        if sides.name1 and not sides.name2 and sides.inter1 != Inter.CIVILIANS:
            sides.name2, sides.inter2 = sides.name1, sides.inter1
        sides.name1, sides.inter1 = people.name, people.inter


def unidentified_author(sides: Sides, event_type: str, sub_event_type: str, country: str, on: date) -> None:
    """Violence without a named author is by the codebook's unidentified armed group (so is looting);
    a strategic development without one keeps none."""
    if event_type in DEMONSTRATION_TYPES or sides.name1:
        return
    if event_type != STRATEGIC or sub_event_type == "Looting/property destruction":
        unknown = registry().generic("unidentified_armed_group", country, on)
        sides.name1, sides.inter1 = unknown.name, unknown.inter


def civilian_victims(sides: Sides, event_type: str, victims: list[str], language: str, country: str, on: date) -> None:
    """Violence against civilians, and a battle or explosion whose dead or wounded are civilians,
    has the codebook's civilians as actor2 when no one else is hit."""
    hit_civilians = any(kind_of_victims(v, language) == "civilian" for v in victims if v)
    if not sides.name2 and (event_type == VAC or (event_type in (REMOTE, BATTLES) and hit_civilians)):
        civilians = registry().generic("civilians", country, on)
        sides.name2, sides.inter2 = civilians.name, civilians.inter


def no_self_opponent(sides: Sides, event_type: str) -> None:
    """An actor is not its own opponent, except in riots (rioters against rioters)."""
    if sides.name1 == sides.name2 and event_type != RIOTS:
        sides.name2, sides.inter2 = "", None


def associates(assoc: list[ActorSpan], sides: Sides) -> str:
    """The named actors fighting with a side, once each, leaving out the two main actors."""
    return "; ".join(dict.fromkeys(a.name for a in assoc if a.name not in (sides.name1, sides.name2) and not a.generic))

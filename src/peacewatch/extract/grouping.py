"""Mentions grouped into events: a further telling joins its event, a new date, place or kind starts one.

A definite reference ("the 18 January attack", "the Gao attack") or an undated follow-up adds
evidence to the event it refers to; a mention with a date of its own joins the event of that day
(if place and kind agree) or starts a new one. Background and recalled old events start none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from peacewatch.codebook import DEMONSTRATION_TYPES, STATE_INTERS, VIOLENT_TYPES
from peacewatch.extract.dating import date_value
from peacewatch.extract.mentions import Mention, Orphan, sentence_roles, shift
from peacewatch.nlp.roles import target_kind
from peacewatch.extract.typing import decide_type

EventType = tuple[str, str]
"""An ACLED event type and sub-event type."""


@dataclass(slots=True)
class Group:
    """The mentions of one event, and the sentences around them that still speak of it."""

    mentions: list[Mention] = field(default_factory=list)
    extra_spans: list[tuple[int, int]] = field(default_factory=list)
    """Sentences without a trigger that still speak of the event (a denial, a toll)."""

    @property
    def date(self) -> Any | None:
        dated = [m.date for m in self.mentions if m.date is not None]
        return dated[0] if dated else None

    @property
    def place(self) -> Any | None:
        placed = [m for m in self.mentions if m.place is not None]
        if not placed:
            return None
        return min(placed, key=lambda m: (m.definite, m.place.precision)).place

    @property
    def cues(self) -> set[str]:
        out: set[str] = set()
        for m in self.mentions:
            out |= m.cues
        return out


def family(typed: EventType | None) -> str | None:
    """Kinds of event that one report may describe in different words."""
    if typed is None:
        return None
    if typed[0] in VIOLENT_TYPES:
        return "violence"
    if typed[0] in DEMONSTRATION_TYPES:
        return "crowd"
    return typed[1]


def same_area(a: Any, b: Any) -> bool:
    """Same town, or one place is the country or region the other lies in."""
    pa, pb = a.place, b.place
    if pa.name == pb.name:
        return True
    for wide, narrow in ((pa, pb), (pb, pa)):
        if not wide.admin1 and (wide.country == narrow.country or wide.source == "text"):
            return True
    return max(a.precision, b.precision) >= 3 and pa.admin1 == pb.admin1


def compatible(group: Group, m: Mention, event_type: dict[int, EventType | None], anaphor: bool = False) -> bool:
    """Can mention ``m`` be a further telling of ``group``'s event?

    ``anaphor``: ``m`` is an undated back-reference ("These clashes ... in Gao") right after the group, which
    no group matches by place: the place it names is then a detail of the event, not a new event.
    """
    gdate, mdate = group.date, m.date
    if gdate is not None and mdate is not None and date_value(gdate) != date_value(mdate):
        return False
    gplace, mplace = group.place, m.place
    anaphor = anaphor and m.definite and m.date is None and group.mentions[-1].index >= m.index - 3
    if gplace is not None and mplace is not None and not anaphor:
        if not same_area(gplace, mplace):
            return False
    if m.generic and m.date is None and m.place is None and group.mentions[-1].index == m.index - 1:
        return True
    mine = event_type.get(id(m))
    families = {family(event_type.get(id(x))) for x in group.mentions}
    if mine is not None and family(mine) not in families:
        return False
    if m.definite or m.generic or all(x.generic for x in group.mentions):
        return True
    theirs = [event_type.get(id(x)) for x in group.mentions if not x.generic]
    return mine is None or any(t is None or t[0] == mine[0] for t in theirs)


def mention_type(text: str, m: Mention, language: str) -> EventType | None:
    """The type one mention would have on its own: what grouping compares."""
    roles = sentence_roles(text, m, language)
    victims = [c.victims for c in m.casualties if c.kind in ("killed", "injured")]
    target = target_kind(text[m.start : m.end], roles, shift(m.triggers, -m.start), victims, language)
    state = roles.actor1 is not None and roles.actor1.inter in STATE_INTERS
    killed = sum(c.value for c in m.casualties if c.kind == "killed")
    return decide_type(m.cues, target, killed, 0, state)


def group_mentions(text: str, mentions: list[Mention], language: str) -> list[Group]:
    """The document's events, each with the mentions that tell it, in order of first telling."""
    types = {id(m): mention_type(text, m, language) for m in mentions}
    groups: list[Group] = []
    for m in mentions:
        if types[id(m)] is None and m.cues <= {"intervention"}:
            continue
        target = None
        if m.definite or m.date is None:
            for g in reversed(groups):
                if compatible(g, m, types):
                    target = g
                    break
            if target is None and groups and compatible(groups[-1], m, types, anaphor=True):
                target = groups[-1]
        else:
            for g in groups:
                if g.date is not None and compatible(g, m, types):
                    target = g
                    break
            if target is None and groups and groups[-1].date is None and compatible(groups[-1], m, types):
                target = groups[-1]
        if target is None and m.background:
            continue
        if target is None and m.definite and not (
            (m.date is None or m.date.precision == 1) and (m.place is not None or m.casualties)
        ):
            continue
        if target is None:
            groups.append(Group([m]))
        else:
            target.mentions.append(m)
    if len(groups) > 1:
        groups = [g for g in groups if g.date is not None or g.place is not None or any(m.casualties for m in g.mentions)]
    return groups


def attach_orphans(groups: list[Group], orphans: list[Orphan]) -> None:
    """A sentence without a trigger right after an event's mention speaks of that event (a toll, a denial)."""
    for s_index, s_start, s_end in orphans:
        for g in groups:
            if any(0 < s_index - m.index <= 1 for m in g.mentions):
                g.extra_spans.append((s_start, s_end))

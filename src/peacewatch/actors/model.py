"""Actor records: who fights, who is hit, and how groups belong to one another over time.

ACLED names state forces by government period ("Military Forces of France (2012-2017)" then
"(2017-)"), so an actor carries its dated names; a report's date picks the name. Memberships are
dated too: Al Mourabitoun was allied with AQIM, then merged into JNIM on 2 March 2017.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date

from peacewatch.codebook import Inter


@dataclass(frozen=True, slots=True)
class NamePeriod:
    """The canonical name an actor bears from ``start`` (inclusive) to ``end`` (exclusive)."""

    name: str
    start: date | None = None
    end: date | None = None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Membership:
    """``relation`` ("member of", "allied with", "merged into", ...) to ``parent`` over a period.

    ``parent`` is the parent's canonical name without a period (resolve it with the registry).
    """

    parent: str
    relation: str
    start: date | None = None
    end: date | None = None
    code_as_parent: bool = False
    """While active, ACLED codes the parent as the main actor and this group as associated."""

    def active(self, day: date | None) -> bool:
        """True on ``day``; with no day, True for any membership (the whole history)."""
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor. ``name`` is its canonical (ACLED-style) name for the date it was looked up on.

    ``inter`` is ACLED's inter code in the actor's home country; use ``inter_in`` for an event
    elsewhere (a state's forces abroad are external forces, code 8).
    """

    name: str
    acronym: str | None = None
    inter: int = Inter.POLITICAL_MILITIAS
    kind: str = ""
    country: str = ""
    aliases: dict[str, list[str]] = field(default_factory=dict, hash=False, compare=False)
    memberships: list[Membership] = field(default_factory=list, hash=False, compare=False)
    id: str = ""
    periods: tuple[NamePeriod, ...] = field(default=(), compare=False)
    base_name: str = ""
    """Canonical name without a period ("Military Forces of Mali")."""
    founded: date | None = field(default=None, compare=False)
    ethnic: str | None = field(default=None, compare=False)
    """For ethnic militias and groups: the community's key ("fulani", "dogon")."""

    def name_on(self, day: date | None) -> str:
        """The canonical name in force on ``day`` (today's name when no day is given)."""
        if not self.periods:
            return self.base_name or self.name
        if day is None:
            return self.periods[-1].name
        for period in self.periods:
            if period.covers(day):
                return period.name
        if self.periods[0].start is not None and day < self.periods[0].start:
            return self.periods[0].name
        return self.periods[-1].name

    def on(self, day: date | None) -> Actor:
        """This actor named as on ``day``."""
        name = self.name_on(day)
        return self if name == self.name else dataclasses.replace(self, name=name)

    def inter_in(self, country: str | None) -> int:
        """Inter code for an event in ``country``: state forces abroad count as external forces."""
        if self.inter == Inter.STATE_FORCES and country and self.country and country != self.country:
            return Inter.EXTERNAL_FORCES
        return self.inter

    def all_names(self) -> list[str]:
        """Canonical, period and alias names (for lookups and matching)."""
        names = [self.name, self.base_name, *(p.name for p in self.periods)]
        if self.acronym:
            names.append(self.acronym)
        for values in self.aliases.values():
            names.extend(values)
        return [n for n in dict.fromkeys(names) if n]


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A span of text naming an actor, named ("MINUSMA") or generic ("three soldiers").

    ``actor`` is what ACLED would code as the main actor and ``groups`` the associated actors
    the words also name: "Fulani herders" is Civilians with the Fulani ethnic group and
    pastoralists; "a mayor" is Civilians with the government; "Katiba Macina" in 2018 is JNIM
    with Katiba Macina (see Membership.code_as_parent).
    """

    start: int
    end: int
    text: str
    actor: Actor
    generic: bool = False
    count: int | None = None
    groups: tuple[Actor, ...] = ()
    implied: bool = False
    """The words imply an actor without naming one: "an IED" implies whoever planted it."""

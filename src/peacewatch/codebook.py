"""ACLED's codebook in one place: event types and sub-types, actor types (inter codes), the
interaction code, and the labels coders put before a note.

Why one module: the extractor, resolution, exports, the API and the dashboard all speak ACLED's
terms, and a category spelt or numbered differently in one of them breaks filters and scores
silently. Names follow ACLED's codebook (notes in ``shared/data``); the numbers are ACLED's.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Protocol, TypeVar

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    REMOTE: (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    VAC: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC: (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
"""ACLED's six event types and their sub-event types."""

class TimePrecision(IntEnum):
    """ACLED's time precision (1 day, 2 week, 3 month), plus ours for an event no report dates."""

    DAY = 1
    WEEK = 2
    MONTH = 3
    UNDATED = 0
    """No date: the reports name none with a year, and their publication day is unknown. Such an
    event waits for a dated report of it; ACLED's exports have no such row, ours leave the date empty."""


VIOLENT_TYPES = frozenset({BATTLES, REMOTE, VAC})
"""Political violence that can kill: the types whose victims can be civilians targeted."""
DEMONSTRATION_TYPES = frozenset({PROTESTS, RIOTS})


def event_type_of(sub_event_type: str) -> str | None:
    """The event type a sub-event type belongs to (None for a name ACLED does not use)."""
    for event_type, subs in EVENT_TYPES.items():
        if sub_event_type in subs:
            return event_type
    return None


class Inter(IntEnum):
    """ACLED's actor types ("inter codes")."""

    STATE_FORCES = 1
    REBEL_GROUPS = 2
    POLITICAL_MILITIAS = 3
    IDENTITY_MILITIAS = 4
    RIOTERS = 5
    PROTESTERS = 6
    CIVILIANS = 7
    EXTERNAL_FORCES = 8
    """External or other forces: foreign armies, UN missions, private security."""


ARMED_INTERS = frozenset({Inter.STATE_FORCES, Inter.REBEL_GROUPS, Inter.POLITICAL_MILITIAS,
                          Inter.IDENTITY_MILITIAS, Inter.EXTERNAL_FORCES})
"""Actor types that fight: hitting one of them is a battle, not violence against civilians."""
STATE_INTERS = frozenset({Inter.STATE_FORCES, Inter.EXTERNAL_FORCES})
"""Forces acting for a state (its own, or foreign and UN forces)."""
NON_STATE_ARMED_INTERS = frozenset({Inter.REBEL_GROUPS, Inter.POLITICAL_MILITIAS, Inter.IDENTITY_MILITIAS})
"""Armed groups: the authors ACLED names for attacks, mines and claims."""
CROWD_INTERS = frozenset({Inter.RIOTERS, Inter.PROTESTERS})


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two actor types, lower first, as a two-digit number
    (17: state forces and civilians); one actor alone gives its type times ten (20)."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


SIDE_HIT_SUB_TYPES = ("Remote explosive/landmine/IED", "Suicide bomb")
"""Explosions whose author is not there: a force they hit is the side hit, never the author."""


class Side(Protocol):
    """An actor as the codebook orders it: all it needs is its actor type."""

    @property
    def inter(self) -> int | None: ...


S = TypeVar("S", bound=Side)


def order_sides(
    event_type: str,
    sub_event_type: str,
    actor1: S | None,
    actor2: S | None,
    community_only: Callable[[S], bool] = lambda side: False,
) -> tuple[S | None, S | None]:
    """ACLED's actor order for an event of ``event_type``: actor1 acts, actor2 is acted upon.

    Applied in this order:
    1. Violence against civilians: civilians are actor2, and only civilians are. Civilians read as
       the acting side swap with a non-civilian other side; a non-civilian read as the side hit
       becomes the author when none is named, unless ``community_only`` says it is a community
       named only by its name ("two Fulani"), which stays out.
    2. Battles, explosions, strategic developments: civilians never act; they become actor2 and
       only a non-civilian other side stays as actor1.
    3. A landmine, IED or suicide bomb: a state force (own or foreign) is the side hit; only a
       non-state armed group may then be the author.
    """
    if event_type == VAC:
        if actor1 is not None and actor1.inter == Inter.CIVILIANS and (actor2 is None or actor2.inter != Inter.CIVILIANS):
            actor1, actor2 = actor2, actor1
        if actor2 is not None and actor2.inter != Inter.CIVILIANS:
            if actor1 is None and not community_only(actor2):
                actor1 = actor2
            actor2 = None
    if event_type in (BATTLES, REMOTE, STRATEGIC) and actor1 is not None and actor1.inter == Inter.CIVILIANS:
        actor1, actor2 = (actor2 if actor2 is not None and actor2.inter != Inter.CIVILIANS else None), actor1
    if sub_event_type in SIDE_HIT_SUB_TYPES and actor1 is not None and actor1.inter in STATE_INTERS:
        actor1, actor2 = (actor2 if actor2 is not None and actor2.inter in NON_STATE_ARMED_INTERS else None), actor1
    return actor1, actor2


def civilian_targeting(event_type: str, inter2: int | None) -> str:
    """ACLED's flag for political violence aimed at civilians ("Civilian targeting" or "")."""
    return "Civilian targeting" if inter2 == Inter.CIVILIANS and event_type in VIOLENT_TYPES else ""


LABELS: dict[str, tuple[str, str]] = {
    "agreement": (STRATEGIC, "Agreement"),
    "arrest": (STRATEGIC, "Arrests"),
    "arrests": (STRATEGIC, "Arrests"),
    "looting": (STRATEGIC, "Looting/property destruction"),
    "property destruction": (STRATEGIC, "Looting/property destruction"),
    "looting/property destruction": (STRATEGIC, "Looting/property destruction"),
    "non-violent activity": (STRATEGIC, "Other"),
    "change to group/activity": (STRATEGIC, "Change to group/activity"),
    "disrupted weapons use": (STRATEGIC, "Disrupted weapons use"),
    "headquarters or base established": (STRATEGIC, "Headquarters or base established"),
    "non-violent transfer of territory": (STRATEGIC, "Non-violent transfer of territory"),
    "weapons seizure": (STRATEGIC, "Disrupted weapons use"),
    "change to armed group": (STRATEGIC, "Change to group/activity"),
    "change to group": (STRATEGIC, "Change to group/activity"),
    "other": (STRATEGIC, "Other"),
}
"""Sub-event labels coders open strategic-development notes with ("Looting: On July 29, ...")."""

"""What the casualty reader finds: one stated figure with its kind, qualifier and victims."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("killed", "injured", "abducted", "missing", "arrested")


@dataclass(slots=True)
class CasualtyMention:
    """One stated figure: how many, of what kind, who, and how precise the text is about it."""

    start: int
    end: int
    text: str
    kind: str
    value: int
    qualifier: str = "exact"
    victims: str = ""
    explicit_zero: bool = False
    breakdown: bool = False
    """This figure details a total stated just before ("10 morts (8 soldats, 2 assaillants)")."""
    additional: bool = False
    """The text marks it as adding to earlier figures ("also", "another", "cinq autres")."""
    sentence: int = 0
    """Index of the sentence it is in, so that ``total`` can tell restatements from additions."""
    background: bool = False
    """A cumulative or earlier figure ("since 2012", "last year", "so far"), not this event's toll."""
    revises: bool = False
    """Its sentence gives a new or overall toll ("rose to", "in total", "nouveau bilan")."""
    superseded: bool = False
    """A first or earlier toll ("un premier bilan faisait état de ..."): used only if no other."""

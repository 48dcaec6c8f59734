"""The extractor's own cues, compiled from a language's ``events.yaml``.

The words are data (which words make a date background, which crowd riots, who is named as the
author afterwards); the frames they sit in are how the extractor reads them (a date's left
context ends at the date, a killing verb starts at its trigger) and stay here. Each ``{table}`` of
a frame is that table's alternation, case-insensitive when the table says ``ignore_case``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peacewatch.lang import Language

@dataclass(frozen=True, slots=True)
class EventCues:
    """The compiled cues of one language (with the languages it also reads)."""

    since: re.Pattern[str]
    """Searched in the 50 characters before a date: "since 2013", "jusqu'en mars" (background)."""
    reported_on: re.Pattern[str]
    """Searched before a date: "claimed the attack on 24 September", "by Monday" (not the event's day)."""
    possessive: re.Pattern[str]
    """Matched at a date's end: "Monday's bombing"."""
    date_of: re.Pattern[str]
    """Fully matching the gap from a trigger to the date after it: "the attack of 18 January"."""
    date_before_noun: re.Pattern[str]
    """Fully matching the gap from a date to the trigger after it: "the 18 January attack", "Saturday's ambush"."""
    crowd: re.Pattern[str]
    """Searched in an actor's text: "youths", "habitants"."""
    defenders: re.Pattern[str]
    """Searched in a crowd's text: "villagers" defending their village."""
    one_killed: re.Pattern[str]
    """Searched from a kill trigger on: "assassinated the head of a bus company" (one death)."""
    attempt: re.Pattern[str]
    """Searched in the 30 characters before a kill trigger: "tried to"."""
    attributed: re.Pattern[str]
    """Searched in the 60 characters before an armed group: "The device was most likely planted by"."""
    coded_as: re.Pattern[str]
    """Searched in the 45 characters before a place: "(coded as"."""
    venue: re.Pattern[str]
    """Searched in the 60 characters before a place: "as talks were being held in"."""


def _compile(language: Language) -> EventCues:
    def frame(pattern: str) -> re.Pattern[str]:
        return language.frame("events", pattern)

    return EventCues(
        since=frame(r"\b{background_since}\s+(?:[\w'’-]+\s+){0,4}$"),
        reported_on=frame(r"\b{statement_before_date}\b[^.;:]{0,40}$|\b{count_before_date}\s+$"),
        possessive=frame(r"{possessive}\b"),
        date_of=frame(r"\s+{date_of}\s*"),
        date_before_noun=frame(r"(?:\s|{possessive}\s)"),
        crowd=frame(r"\b{crowd_words}\b"),
        defenders=frame(r"\b{defender_words}\b"),
        one_killed=frame(r"^{killing_verbs}\s+{single_victim_words}\b(?!\s+{several_victim_words})|^{killed_alone}\b"),
        attempt=frame(r"\b{attempt_verbs}\s+{attempt_particles}?$"),
        attributed=frame(r"\b{attribution_verbs}(?:\s+{attribution_agents}\s+(?:[\w'’-]+\s+){0,4}|\s+)$"),
        coded_as=frame(r"\b{coded_as}\b[^)]*$"),
        venue=frame(r"\b{venue_conjunctions}\s*(?:[\w'’-]+\s+){0,3}?{venue_held}\s+{venue_prepositions}?\s*$"),
    )


def event_cues(language: Language) -> EventCues:
    """The cues of ``language``, compiled once."""
    return language.compiled(_compile)

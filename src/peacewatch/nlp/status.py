"""Reporting status of an event: reported, claimed, alleged, denied or planned.

A report says more than "it happened": a group claims responsibility, one side accuses another,
the accused denies, or the event is announced for later. Each cue is a span; the speaker (who
claims, accuses or denies) is the actor mention that is the subject of the cue, or the agent
after "by"/"par" ("claimed by X", "revendiquée par X").

The words are data: ``lang/<code>/status.yaml`` holds each status's cue patterns and the words
around a cue (negations, the agent word, group nouns); this module finds the cues in one scan and
decides what negates them and who speaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peacewatch import lang
from peacewatch.lang import Language, Table
from peacewatch.nlp.roles import ActorSpan
from peacewatch.nlp.scanner import Scanner
from peacewatch.nlp.triggers import word_alternation

STATUSES: tuple[str, ...] = ("claimed", "alleged", "denied", "planned")
"""The statuses a cue can give (a status.yaml table each), in the order their cues are listed."""

FILE = "status"
_WORDS_BEFORE = r"\b{}\b(?:\W+\w+){0,3}\W*$"
"""A negation, then at most three words, then the cue."""


@dataclass(frozen=True, slots=True)
class StatusCue:
    start: int
    end: int
    text: str
    status: str


@dataclass(frozen=True, slots=True)
class _Rules:
    """One language's status tables, compiled."""

    statuses: tuple[str, ...]
    """The statuses this language has cues for, in ``STATUSES`` order."""
    scanner: Scanner
    negated: tuple[re.Pattern[str], ...]
    group: re.Pattern[str]
    by: re.Pattern[str]
    """The agent word and its article right after a cue ("claimed by the ...")."""
    ends_with_by: re.Pattern[str]


def _scoped(table: Table, pattern: str) -> str:
    """``pattern``, built from ``table``, under the table's own flags: tables can then be joined."""
    return f"(?i:{pattern})" if table.ignore_case else pattern


def _status_pattern(language: Language, status: str) -> str:
    """The status's cues as one pattern ("" when it has none); a claim may also be a claim word
    followed by what is claimed (``claimed_of`` then ``claim_objects``)."""
    own = language.table(FILE, status)
    parts = [_scoped(own, own.alternation())] if own.rules else []
    claim_word, claimed = language.table(FILE, "claimed_of"), language.table(FILE, "claim_objects")
    if status == "claimed" and claim_word.rules:
        parts.append(_scoped(claim_word, claim_word.alternation()) + _scoped(claimed, claimed.alternation()))
    return "|".join(parts)


def _words(language: Language, name: str, after: str = "") -> str:
    table = language.table(FILE, name)
    return _scoped(table, word_alternation(table.words, after))


def _build(language: Language) -> _Rules:
    patterns = {status: _status_pattern(language, status) for status in STATUSES}
    statuses = tuple(status for status in STATUSES if patterns[status])
    agent = _words(language, "agent_words")
    return _Rules(
        statuses=statuses,
        scanner=Scanner([re.compile(patterns[status]) for status in statuses]),
        negated=(
            language.table(FILE, "negations").regex(_WORDS_BEFORE),
            language.table(FILE, "negations_just_before").regex("{}$"),
        ),
        group=re.compile(r"\b" + _words(language, "group_determiners") + " " + _words(language, "group_nouns") + r"\b"),
        by=re.compile(r"^\s*" + agent + r"\s+(?:" + _words(language, "agent_articles", " ") + ")?"),
        ends_with_by=re.compile(r"\b" + agent + "$"),
    )


def find_status_cues(text: str, language: Language | str = "en", start: int = 0, end: int | None = None) -> list[StatusCue]:
    """Status cues in ``text[start:end]``, offsets relative to ``text``."""
    rules = lang.resolve(language).compiled(_build)
    stop = len(text) if end is None else end
    cues: list[StatusCue] = []
    for status, matches in zip(rules.statuses, rules.scanner.scan(text, start, stop)):
        for match in matches:
            before = text[max(start, match.start() - 40) : match.start()]
            if any(p.search(before) for p in rules.negated):
                continue
            cues.append(StatusCue(match.start(), match.end(), match.group(0), status))
    cues.sort(key=lambda c: c.start)
    return cues


def speaker(
    text: str, cue: StatusCue, actors: list[ActorSpan], sentence_start: int = 0, language: Language | str = "en"
) -> ActorSpan | None:
    """The actor who claims, accuses or denies: "claimed by X", else the first named actor of the
    sentence before the cue (its subject, even with appositions in between)."""
    rules = lang.resolve(language).compiled(_build)
    after = text[cue.end : cue.end + 80]
    by = rules.by.match(after) or (rules.ends_with_by.search(cue.text) and re.match(r"\s*", after))
    if by:
        following = [a for a in actors if a.start >= cue.end and a.start - (cue.end + by.end()) <= 20]
        if following:
            return min(following, key=lambda a: a.start)
    before = [a for a in actors if sentence_start <= a.start and a.end <= cue.start and not a.generic]
    if before:
        return min(before, key=lambda a: a.start)
    before = [a for a in actors if sentence_start <= a.start and a.end <= cue.start]
    return max(before, key=lambda a: a.end) if before else None


def refers_to_group(text: str, start: int, end: int, language: Language | str = "en") -> bool:
    """True when the span has an anaphoric group subject ("this group", "ce mouvement")."""
    return bool(lang.resolve(language).compiled(_build).group.search(text, start, end))


def combine(statuses: set[str]) -> str:
    """One event's status from all its cues: a denial or an accusation outweighs a claim."""
    for status in ("planned", "denied", "alleged", "claimed"):
        if status in statuses:
            return status
    return "reported"

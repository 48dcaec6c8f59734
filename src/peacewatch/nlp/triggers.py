"""Event triggers: words that say something happened, each with the cue it gives.

A trigger carries a *cue* (attack, ied, abduct, protest...). One event usually has several cues
("an IED attack followed by gunfire"), and ACLED's type depends on their combination and on who
was targeted, so typing is a separate step (``peacewatch.extract.typing``) over an event's cues.

The words are data: ``lang/<code>/triggers.yaml`` holds one pattern table per cue and the words
around a trigger that make it hypothetical ("foiled an attack") or a reference back to an event
told before ("the 18 January attack"). This module holds the mechanism: where a trigger starts,
how far back those words are looked for, and two corrections between cues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peacewatch import lang
from peacewatch.lang import Language
from peacewatch.lang.language import NEVER
from peacewatch.nlp.scanner import Scanner

CUES: tuple[str, ...] = (
    "attack", "ambush", "clash", "assault", "gunfire", "planting", "kill", "harm", "ied", "vbied",
    "suicide", "shelling", "air", "grenade", "abduct", "arrest", "protest", "riot", "mob", "loot",
    "burn", "defuse", "agreement", "change", "withdraw", "retake", "overtake", "base", "sexual",
    "other", "meeting", "peaceful", "intervention",
)
"""Every cue typing knows, in the order their matches are listed (one triggers.yaml table each):
two cues matching the same words keep this order."""

FILE = "triggers"
_AT_WORD = r"(?<!\w){}"
"""Every cue pattern is tried where a word begins."""
_WORDS_BEFORE = r"\b{}\b(?:\W+\w+){0,3}\W*$"
"""A word of the table, then at most three words, then the trigger."""
_RIGHT_BEFORE = r"\b{}\s+(?:\w+\s+)?$"
"""A word of the table, then at most one word, then the trigger."""
_DEFINITE = r"(?:^|[^\w'’]){}\s*((?:[\w'’/-]+,?\s+){0,5})$"
"""A determiner, then at most five words (group 1), then the trigger."""
_CLAUSE_BREAK = re.compile(r"[.!?;\n]")


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word or phrase that reports (or mentions) an event, with its cue."""

    start: int
    end: int
    text: str
    cue: str
    hypothetical: bool = False
    """Planned, threatened, feared or foiled: not an event that happened."""
    definite: bool = False
    """A definite noun phrase ("the 18 January attack"): refers back to an event told before."""


@dataclass(frozen=True, slots=True)
class _Rules:
    """One language's trigger tables, compiled."""

    cues: tuple[str, ...]
    """The cues this language has patterns for, in ``CUES`` order."""
    patterns: tuple[re.Pattern[str], ...]
    scanner: Scanner
    hypothetical: tuple[re.Pattern[str], ...]
    stopped: re.Pattern[str]
    definite: re.Pattern[str]
    subject: re.Pattern[str]
    verb_form: re.Pattern[str]
    breakers: frozenset[str]


def word_alternation(words: tuple[str, ...], after: str = "") -> str:
    """Words of a word table as one alternation, each followed by ``after``; a word ending in an
    apostrophe ("l'") takes either apostrophe and is joined to the next word as written."""
    parts = [re.escape(w[:-1]) + "['’]" if w.endswith("'") else re.escape(w) + after for w in words]
    return "(?:" + "|".join(parts) + ")" if parts else NEVER


def _build(language: Language) -> _Rules:
    tables = {cue: language.table(FILE, cue) for cue in CUES}
    cues = tuple(cue for cue, table in tables.items() if table.rules)
    patterns = tuple(tables[cue].regex(_AT_WORD) for cue in cues)
    determiners = language.table(FILE, "definite_determiners")
    return _Rules(
        cues=cues,
        patterns=patterns,
        scanner=Scanner(patterns),
        hypothetical=(
            language.table(FILE, "hypothetical").regex(_WORDS_BEFORE),
            language.table(FILE, "negations").regex(_RIGHT_BEFORE),
        ),
        stopped=language.table(FILE, "stopped").regex(_WORDS_BEFORE),
        definite=re.compile(_DEFINITE.replace("{}", word_alternation(determiners.words, r"\b")), determiners.flags),
        subject=language.table(FILE, "definite_subject").regex(),
        verb_form=language.table(FILE, "verb_endings").regex("{}$"),
        breakers=language.table(FILE, "np_breakers").word_set(),
    )


def cue_patterns(language: Language | str) -> list[tuple[str, re.Pattern[str]]]:
    """Each cue of the language with its compiled pattern, in ``CUES`` order."""
    rules = lang.resolve(language).compiled(_build)
    return list(zip(rules.cues, rules.patterns))


def cue_matches(text: str, language: Language | str) -> list[tuple[str, re.Match[str]]]:
    """Each cue's matches exactly as its own pattern's ``finditer`` gives them, cue by cue, found
    in one scan of the text."""
    rules = lang.resolve(language).compiled(_build)
    return [(cue, match) for cue, matches in zip(rules.cues, rules.scanner.scan(text)) for match in matches]


def _is_definite(text: str, start: int, end: int, rules: _Rules) -> bool:
    if rules.verb_form.search(text[start:end].split()[0]):
        return False
    match = rules.definite.search(text[max(0, start - 60) : start])
    if not match:
        return False
    between = match.group(1)
    if rules.subject.search(between):
        return False
    return not any(w.lower() in rules.breakers for w in between.split())


def find_triggers(text: str, language: Language | str = "en") -> list[Trigger]:
    """Every trigger in ``text``, in reading order.

    An IED, mortar or grenade named in a seizure ("IEDs and mortars were seized") is no explosion, and "fired"
    right after rockets or mortars is their firing, not small-arms fire.
    """
    language = lang.resolve(language)
    rules = language.compiled(_build)
    found: list[Trigger] = []
    for cue, match in cue_matches(text, language):
        start, end = match.span()
        before = _CLAUSE_BREAK.split(text[max(0, start - 50) : start])[-1]
        hypothetical = any(p.search(before) for p in rules.hypothetical)
        found.append(
            Trigger(
                start=start,
                end=end,
                text=match.group(0),
                cue=cue,
                hypothetical=hypothetical and not (cue == "protest" and rules.stopped.search(before)),
                definite=_is_definite(text, start, end, rules),
            )
        )
    seized = [t for t in found if t.cue == "defuse"]
    found = [
        t for t in found
        if not (t.cue in ("ied", "shelling", "grenade") and any(d.start <= t.start and t.end <= d.end for d in seized))
    ]
    weapons = [t for t in found if t.cue in ("shelling", "air", "grenade")]
    found = [t for t in found if not (t.cue == "gunfire" and any(0 <= t.start - w.end <= 25 for w in weapons))]
    found.sort(key=lambda t: (t.start, -t.end))
    return found

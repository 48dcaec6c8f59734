"""What the date reader returns (``DateMention``) and what its handlers see and give back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peacewatch.nlp.dates.words import DateWords


@dataclass(slots=True)
class DateMention:
    """One date expression: its span, the date it means and how precise that is."""

    start: int
    end: int
    text: str
    value: date
    precision: int
    """1 day, 2 week (or a range of up to 7 days), 3 month or longer."""
    kind: str
    """absolute | relative | weekday | anaphoric | month | range | year"""
    end_value: date | None = None
    """Last day covered, for ranges, weeks, months, years and nights spanning two days."""
    future: bool = False
    """The text presents it as planned or expected (so it may lie after publication)."""
    explicit_year: bool = False
    """The year is written out ("12 March 2018", "2018-03-12"): the date stands without the day of
    publication, so it can date an event of an undated report."""


@dataclass(slots=True)
class Resolved:
    """A handler's reading of one match, before it becomes a mention."""

    value: date
    precision: int
    kind: str
    end_value: date | None = None
    explicit_year: bool = False


@dataclass(slots=True)
class Context:
    """What a handler may look at besides its match."""

    words: DateWords
    published: date
    future: bool
    today_in_text: bool
    previous: list[tuple[DateMention, bool]]
    """Mentions resolved so far, each with whether its year was written out."""
    original: str
    """The original (unfolded) text of the match, for capitalisation checks."""
    before: str
    """A few folded characters before the match, for cues such as "on" or "le"."""
    after: str
    """A few folded characters after the match."""
    opens_sentence: bool
    """Whether the match is the first thing in its sentence."""

    def anchor(self) -> date | None:
        """The latest earlier date whose year the text wrote out (to date "on 5 March" after it)."""
        for mention, explicit in reversed(self.previous):
            if explicit and mention.kind != "year":
                return mention.value
        return None

    def base(self) -> date:
        """What an anaphor ("the next day") counts from: the last dated mention, else publication."""
        for mention, _ in reversed(self.previous):
            if mention.kind != "year":
                return mention.value
        return self.published

"""The date reader's words for one language, compiled from its ``dates.yaml`` (and, the tables being
shared, from those of the languages it also reads).

Words become regular-expression pieces (``month``, ``weekday``, ``day``...) that ``shapes`` places
in the date shapes, look-ups from a matched word to what it means (month and weekday numbers, day
offsets) and the compiled cue patterns read around a date. Phrase lists are tried longest first
("the day before yesterday" before "the day before"); a table a language lacks compiles to a
pattern that matches nothing, so that language simply finds no date of that kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from peacewatch import lang
from peacewatch.lang import Language, Table
from peacewatch.lang.language import NEVER, search_path

FILE = "dates"

SHAPES = ("days_month", "month_days", "across_months")
"""The range shapes an opener may open: "5 to 7 June", "June 5 to 7", "30 June to 2 July"."""


def alternatives(phrases: Iterable[str]) -> str:
    """Folded phrases as one regex group, longest first, a space matching any run of spaces
    (``NEVER`` when there are none)."""
    escaped = sorted((re.escape(p).replace(r"\ ", r"\s+") for p in dict.fromkeys(phrases)), key=len, reverse=True)
    return "(?:" + "|".join(escaped) + ")" if escaped else NEVER


@dataclass(frozen=True, slots=True)
class WhenPatterns:
    """A table of patterns each naming the last, this or the next week (month, year...)."""

    alternation: str
    rules: tuple[tuple[re.Pattern[str], str], ...]

    @classmethod
    def of(cls, table: Table) -> WhenPatterns:
        return cls(table.alternation(), tuple((re.compile(r["pattern"]), r["when"]) for r in table.rules))

    def when(self, match: re.Match[str]) -> str:
        """Which one a matched phrase names ("last week" -> "last"): the rule that matches its span."""
        return next(when for pattern, when in self.rules if pattern.fullmatch(match.string, match.start(), match.end()))


@dataclass(frozen=True, slots=True)
class CountDirection:
    """A word after a count of days from the date before ("later", "avant")."""

    pattern: re.Pattern[str]
    later: bool
    relates: bool


@dataclass(frozen=True, slots=True)
class DateWords:
    """One language's date words, compiled (see the module docstring)."""

    months: Mapping[str, int]
    """Every month name and abbreviation, folded, to its number."""
    capitalised: frozenset[str]
    """Month names that are also common words: months only when capitalised."""
    weekdays: Mapping[str, int]
    month: str
    """Any month name, an abbreviation with an optional dot."""
    full_month: str
    """A month name that is a month even without a day."""
    weekday: str
    day: str
    """A day number with its ordinal ending."""
    day_article: str
    range_article: str
    month_link: str
    range_openers: Mapping[str, str]
    """Shape -> the words that may open a range of that shape."""
    separator: str
    range_month_part: str
    night_of: str
    weekday_nights: tuple[tuple[str, str], ...]
    """(what opens a night named by two weekdays, what joins them)."""
    before_weekday: str
    after_weekday: str
    weekday_when: Mapping[str, str]
    """A word before or after a weekday -> "last" or "next" when it says so."""
    relative_days: Mapping[str, int]
    relative_day: str
    relative_weeks: WhenPatterns
    weekends: WhenPatterns
    relative_months: WhenPatterns
    relative_years: WhenPatterns
    count: str
    """A count of days or weeks: a number word or up to three digits."""
    unit: str
    unit_days: Mapping[str, int]
    ago: tuple[tuple[str, str, str], ...]
    """(order, cue, the units told with it) of each "ago" phrase: "count_first" is "three days ago"."""
    anaphors: Mapping[str, int]
    anaphor: str
    anaphoric_weeks: Mapping[str, int]
    anaphoric_week: str
    direction: str
    directions: tuple[CountDirection, ...]
    numeric_cue: re.Pattern[str]
    month_cue: re.Pattern[str]
    year_cue: re.Pattern[str]
    future_cue: re.Pattern[str]
    planned_cue: re.Pattern[str]
    past_cue: re.Pattern[str]
    future_in_mention: re.Pattern[str]
    today_cue: re.Pattern[str]
    reporting: re.Pattern[str]
    """A claim, statement or release, then the date's link word, just before a date."""
    claim_or_release: re.Pattern[str]
    """Whether a reporting cue is a claim or a release (never the day of the event itself)."""

    def month_number(self, name: str) -> int:
        return self.months[name.rstrip(".")]

    def count_direction(self, match: re.Match[str], group: str) -> CountDirection:
        """The direction rule that matches the span of ``group``."""
        start, end = match.span(group)
        return next(d for d in self.directions if d.pattern.fullmatch(match.string, start, end))


def _offsets(table: Table, key: str) -> dict[str, int]:
    return {phrase: rule[key] for phrase, rule in table.phrases("phrase")}


def date_words(language: Language) -> DateWords:
    """Compile ``language``'s date tables (kept by ``Language.compiled``)."""
    def table(name: str) -> Table:
        return language.table(FILE, name)

    months, full, short, capitalised = _months(table("months"))
    weekdays = {name: rule["weekday"] for name, rule in table("weekdays").phrases("name")}
    weekday = alternatives(weekdays)

    openers = table("range_openers").rules
    weekday_when: dict[str, str] = {}
    before_words: list[str] = []
    after_words: list[str] = []
    for side, words in (("before_weekday", before_words), ("after_weekday", after_words)):
        for word, rule in table(side).phrases("word"):
            words.append(word)
            if "when" in rule:
                weekday_when[word] = rule["when"]
    next_before = alternatives(w for w, r in table("before_weekday").phrases("word") if r.get("when") == "next")
    next_after = alternatives(w for w, r in table("after_weekday").phrases("word") if r.get("when") == "next")

    unit_days = {word: rule["days"] for word, rule in table("time_units").phrases("word")}
    ago = table("ago").rules
    relative_days = _offsets(table("relative_days"), "offset")
    anaphors = _offsets(table("anaphors"), "offset")
    anaphoric_weeks = _offsets(table("anaphoric_weeks"), "weeks")
    directions = table("count_directions")
    reporting = table("reporting_cues")
    claims = [r["pattern"] for r in reporting.rules if r["kind"] in ("claim", "release")]

    return DateWords(
        months=MappingProxyType(months),
        capitalised=capitalised,
        weekdays=MappingProxyType(weekdays),
        month=rf"(?:{alternatives(full)}|{alternatives(short)}\.?)",
        full_month=alternatives(full),
        weekday=weekday,
        day=rf"(?:[12]\d|3[01]|0?[1-9])(?:{table('day_suffixes').alternation()})?",
        day_article=alternatives(w for w, _ in table("day_articles").phrases("word")),
        range_article=alternatives(table("range_articles").words),
        month_link=alternatives(w for w, _ in table("month_links").phrases("word")),
        range_openers=MappingProxyType(
            {shape: _patterns(r["pattern"] for r in openers if shape in r["shapes"]) for shape in SHAPES}
        ),
        separator=table("range_separators").alternation(),
        range_month_part=alternatives(w for w, _ in table("range_month_parts").phrases("word")),
        night_of=table("night_of").alternation(),
        weekday_nights=tuple((r["pattern"], r["joiner"]) for r in table("weekday_nights").rules),
        before_weekday=alternatives(before_words),
        after_weekday=alternatives(after_words),
        weekday_when=MappingProxyType(weekday_when),
        relative_days=MappingProxyType(relative_days),
        relative_day=alternatives(relative_days),
        relative_weeks=WhenPatterns.of(table("relative_weeks")),
        weekends=WhenPatterns.of(table("weekends")),
        relative_months=WhenPatterns.of(table("relative_months")),
        relative_years=WhenPatterns.of(table("relative_years")),
        count=rf"(?:{alternatives(table('count_words').words)}|\d{{1,3}})",
        unit=alternatives(unit_days),
        unit_days=MappingProxyType(unit_days),
        ago=tuple((r["order"], r["pattern"], alternatives(_units(r, unit_days))) for r in ago),
        anaphors=MappingProxyType(anaphors),
        anaphor=alternatives(anaphors),
        anaphoric_weeks=MappingProxyType(anaphoric_weeks),
        anaphoric_week=alternatives(anaphoric_weeks),
        direction=directions.alternation(),
        directions=tuple(
            CountDirection(re.compile(r["pattern"]), r["direction"] == "later", bool(r.get("relates")))
            for r in directions.rules
        ),
        numeric_cue=table("numeric_date_cues").regex(r"\b{}\s*$"),
        month_cue=table("month_cues").regex(r"\b{}$"),
        year_cue=table("year_cues").regex(r"\b{}$"),
        future_cue=table("future_cues").regex(r"\b{}\b"),
        planned_cue=table("planned_cues").regex(r"\b{}\b"),
        past_cue=table("past_cues").regex(r"\b{}\b"),
        future_in_mention=re.compile(
            rf"\b(?:{table('future_in_mention').alternation()}|{next_before}\s+{weekday}|{weekday}\s+{next_after})\b"
        ),
        today_cue=table("today_cues").regex(r"\b{}\b"),
        reporting=re.compile(
            rf"\b{reporting.alternation()}\b[^.;:]{{0,40}}\b{table('reporting_links').alternation()}\s+$"
            rf"|\b{table('reporting_verbs').alternation()}\s+$"
        ),
        claim_or_release=re.compile(_patterns(claims)),
    )


def _months(table: Table) -> tuple[dict[str, int], list[str], list[str], frozenset[str]]:
    """Month numbers by name, the names read alone, those read only with a day or year, and
    those that are months only when capitalised."""
    months: dict[str, int] = {}
    full: list[str] = []
    short: list[str] = []
    capitalised: set[str] = set()
    for rule in table.rules:
        for name in rule.get("names", ()):
            months[name] = rule["month"]
            full.append(name)
        for name in rule.get("short", ()):
            months[name] = rule["month"]
            short.append(name)
        capitalised.update(rule.get("capitalised", ()))
    return months, full, short, frozenset(capitalised)


def _units(rule: dict[str, Any], unit_days: Mapping[str, int]) -> list[str]:
    """The units an "ago" rule is told with; each must be one of the language's time units."""
    units = list(rule["units"])
    unknown = [u for u in units if u not in unit_days]
    if unknown:
        raise lang.LanguageError(f"dates: ago {rule['pattern']!r}: units {unknown} are not in time_units")
    return units


def _patterns(patterns: Iterable[str]) -> str:
    """Patterns as one alternation (``NEVER`` when there are none)."""
    found = list(patterns)
    return "(?:" + "|".join(found) + ")" if found else NEVER


def month_numbers() -> Mapping[str, int]:
    """Every month name and abbreviation of every supported language, folded, to its number: what
    the readers of publication dates and the report fingerprints take as month names."""
    return _month_numbers(tuple(search_path()))


@lru_cache(maxsize=4)
def _month_numbers(path: tuple[object, ...]) -> Mapping[str, int]:
    numbers: dict[str, int] = {}
    for code in lang.supported():
        for rule in lang.load(code).own_table(FILE, "months").rules:
            for name in (*rule.get("names", ()), *rule.get("short", ())):
                numbers.setdefault(name, rule["month"])
    return MappingProxyType(numbers)

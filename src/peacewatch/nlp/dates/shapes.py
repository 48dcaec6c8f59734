"""The date shapes: how the words of a language's ``DateWords`` make up a date expression.

A shape is a mechanism ("a day, an optional ordinal ending, a month, an optional year"; "a count,
a unit, then 'ago'") written here once for every language; the words inside it are the
language's. Each shape is paired with the handler that resolves its matches. Where two shapes
match the same span the earlier one in this list wins, so the order is part of the rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from peacewatch.lang import Language
from peacewatch.nlp.dates import handlers as h
from peacewatch.nlp.dates.model import Context, Resolved
from peacewatch.nlp.dates.words import DateWords, date_words
from peacewatch.nlp.scanner import Scanner

Handler = Callable[[re.Match[str], Context], Resolved | None]

YEAR = r"(?:19|20)\d{2}"


def shapes(w: DateWords) -> list[tuple[str, Handler]]:
    """Every date shape of a language, as a pattern over folded text, with its handler."""
    night = rf"(?P<night>{w.night_of})?"
    sep = rf"\s*{w.separator}\s*(?:{w.range_article}\s+)?"
    year = rf"(?:,?\s+(?P<y>{YEAR}))?"
    weekday_first = rf"(?:{w.weekday},?\s+)?"
    opener = {shape: rf"(?:{words}\s+)?" for shape, words in w.range_openers.items()}
    day, month, full_month = w.day, w.month, w.full_month
    found: list[tuple[str, Handler]] = [
        (rf"\b(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", h.iso),
        (rf"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?:/(?P<y>{YEAR}|\d{{2}}))?(?![\d/])", h.numeric),
        (rf"(?<![\d.])(?P<a>[0-3]?\d)\.(?P<b>[0-3]?\d)\.(?P<y>{YEAR})(?!\d)", h.numeric),
        (rf"\b{night}{opener['days_month']}(?P<d1>{day}){sep}(?P<d2>{day})\s+(?:{w.month_link}\s+)?(?P<m>{month}){year}\b",
         h.day_range),
        (rf"\b{night}{opener['month_days']}(?P<m>{month})\s+(?P<d1>{day}){sep}(?P<d2>{day})(?![\d\w]){year}", h.day_range),
        (rf"\b{night}{opener['across_months']}(?P<d1>{day})\s+(?P<m1>{month}){sep}(?P<d2>{day})\s+(?P<m2>{month}){year}\b",
         h.two_day_range),
        (rf"\b{weekday_first}(?:{w.day_article}\s+)?(?P<d>{day})(?:\s+{w.month_link})?\s+(?P<m>{month}){year}(?![\w])",
         h.absolute),
        (rf"\b{weekday_first}(?P<m>{month}),?\s+(?:{w.day_article}\s+)?(?P<d>{day})(?![\d\w]){year}", h.absolute),
        (rf"\b(?P<m1>{full_month})(?:\s+{w.separator}\s+|\s*[-\u2013]\s*)(?:{w.range_month_part}\s+)?"
         rf"(?P<m2>{full_month})(?:\s+(?P<y>{YEAR}))?\b", h.month_range),
        (rf"\b(?P<m>{full_month})\s+(?:{w.month_link}\s+)?(?P<y>{YEAR})\b", h.month_only),
        (rf"\b(?P<m>{full_month})(?P<y>)\b(?!\s*\d)", h.month_only),
        (rf"\b(?P<y>{YEAR})\b(?![-/]\d)", h.year_only),
        (rf"\b{w.relative_day}\b", h.relative_day),
        (rf"\b{w.relative_weeks.alternation}\b", h.relative_week),
        (rf"\b{w.weekends.alternation}\b", h.weekend),
        (rf"\b{w.relative_months.alternation}\b", h.relative_month),
        (rf"\b{w.relative_years.alternation}\b", h.relative_year),
    ]
    found += [
        (rf"\b(?P<n>{w.count})\s+(?P<u>{units})\s+(?:{cue})\b" if order == "count_first"
         else rf"\b(?:{cue})\s+(?P<n>{w.count})\s+(?P<u>{units})\b", h.days_ago)
        for order, cue, units in w.ago
    ]
    found += [
        (rf"\b(?:{opening})\s+(?P<w1>{w.weekday})\s+(?:{joiner})\s+(?P<w2>{w.weekday})\b", h.night_weekdays)
        for opening, joiner in w.weekday_nights
    ]
    found += [
        (rf"\b(?:(?P<before>{w.before_weekday})\s+)?(?P<w>{w.weekday})(?:\s+(?P<after>{w.after_weekday}))?\b"
         r"(?!\s*,?\s*\d)", h.weekday),
        (rf"\b{w.anaphor}\b", h.anaphor_fixed),
        (rf"\b(?P<n>{w.count})\s+(?P<u>{w.unit})\s+(?P<dir>{w.direction})\b", h.anaphor_count),
        (rf"\b{w.anaphoric_week}\b", h.anaphor_week),
    ]
    return found


@dataclass(frozen=True, slots=True)
class Shapes:
    """A language's compiled shapes: one scanner over all of them, and their handlers in order."""

    words: DateWords
    scanner: Scanner
    handlers: tuple[Handler, ...]


def compiled_shapes(language: Language) -> Shapes:
    """Build a language's shapes (kept by ``Language.compiled``)."""
    words = language.compiled(date_words)
    pairs = shapes(words)
    return Shapes(words, Scanner([re.compile(p) for p, _ in pairs]), tuple(handler for _, handler in pairs))

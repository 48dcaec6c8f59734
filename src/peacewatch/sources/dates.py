"""Publication dates as sources write them: metadata strings and datelines in the text.

A publication date may be a day, a month ("2016-12", "décembre 2016") or a year: it is kept as a
``PartialDate`` with its precision, never widened into a made-up day. Only dates with a year are
read; "yesterday" or "Feb 1" cannot date a document. Written with regular expressions rather
than dateparser because it runs once per document on the ingest path and must be fast and
predictable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Literal

from peacewatch.nlp.dates import month_numbers
from peacewatch.nlp.fold import fold

Precision = Literal["day", "month", "year"]
_RANK = {"day": 0, "month": 1, "year": 2}

FIRST_YEAR = 1990
"""Earliest year read as a publication year; older four-digit numbers are ids or history."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A publication date and how much of it is known; ``value`` is the first day of the period."""

    value: date
    precision: Precision = "day"

    def contains(self, other: PartialDate) -> bool:
        """Whether ``other`` lies inside this period (a day inside this month, a month inside this year)."""
        if self.precision == "year":
            return other.value.year == self.value.year
        if self.precision == "month":
            return (other.value.year, other.value.month) == (self.value.year, self.value.month)
        return other.value == self.value and other.precision == "day"

    def finer_than(self, other: PartialDate) -> bool:
        return _RANK[self.precision] < _RANK[other.precision]


def month_of(year: int, month: int) -> PartialDate | None:
    """The month as a PartialDate, or None when it is no month of a plausible year."""
    if 1 <= month <= 12 and plausible_year(year):
        return PartialDate(date(year, month, 1), "month")
    return None


def year_of(year: int) -> PartialDate | None:
    return PartialDate(date(year, 1, 1), "year") if plausible_year(year) else None


def plausible_year(year: int) -> bool:
    return FIRST_YEAR <= year <= date.today().year + 1


_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b")
_ISO_MONTH = re.compile(r"(?<![\d/.-])(\d{4})[-/](\d{1,2})(?![\d/.-]|-\d)")
_NUMERIC_MONTH = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{4})(?![\d/.-])")
_YEAR = re.compile(r"\s*(\d{4})\s*")
_DAY_BEFORE = re.compile(r"\d(?:er|st|nd|rd|th)?\.?\s+$")

DATELINE_LEAD = 12
"""Characters allowed between a dateline keyword and its date ("Friday, ", "mercredi ")."""

_KEYWORD_LINE = re.compile(
    r"^[ *_#>|-]*(?:published|posted|first published|date of publication|date de publication|publication date|"
    r"date|dated|publié|publiée|publie|mis en ligne|paru)\b(?:[ \t]+(?:on|le))?[ \t]*:?[ \t]*(?P<rest>[^\n]{4,80})",
    re.IGNORECASE | re.MULTILINE,
)
_AGENCY_LINE = re.compile(
    r"^[ \t*_>•-]*(?P<place>[^\W\d_][^\W\d_'’. -]*(?:[ '’.-]{1,2}[^\W\d_]+){0,3})"
    r"(?:[ \t]*\([^()\n]{2,30}\))?[ \t]*,[ \t]*(?:le[ \t]+)?(?P<rest>[^\n]{4,100})",
    re.MULTILINE,
)
"""A wire dateline: "BAMAKO, 12 March 2018 (AFP) -", "Gao (Mali), le 3 mars 2017 -"."""
_AGENCY_END = re.compile(r"[ \t,]*(?:\([^()\n]{2,25}\)[ \t]*)?(?:[-–—:]|$)")
_STAMP_END = re.compile(r"[ \t,.]*(?:$|[|/:–—-]|\d{1,2}[:h]\d{2}|à[ \t]+\d)", re.IGNORECASE)
"""What may follow a date on a date-only line: nothing, a separator or a time."""
STAMP_LINES = 6
"""Non-blank lines at the top of a text where a line holding only a date is its date stamp."""


@lru_cache(maxsize=4)
def _month_shapes(names: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Day-month-year, month-day-year and month-year over folded text, with every supported
    language's month names."""
    month = "|".join(sorted(names, key=len, reverse=True))
    return (
        re.compile(rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?\.?\s+({month})\.?,?\s+(\d{{4}})\b"),
        re.compile(rf"\b({month})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"),
        re.compile(rf"\b({month})\.?,?\s+(\d{{4}})\b"),
    )


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date_string(value: str) -> date | None:
    """The first absolute day in a string: ISO, day/month/year, "1er mars 2017", "February 1, 2017"."""
    found = _first(value, partial=False)
    return found[2].value if found else None


def parse_published(value: object) -> PartialDate | None:
    """A publication date as metadata gives it: a day, a month ("2016-12", "December 2016") or a
    year ("2016", or the number 2016). The first day found in a string wins over a month."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return PartialDate(value) if plausible_year(value.year) else None
    if isinstance(value, int) and not isinstance(value, bool):
        return year_of(value)
    if not isinstance(value, str):
        return None
    found = _first(value, partial=True)
    if found:
        return found[2]
    year = _YEAR.fullmatch(value)
    return year_of(int(year[1])) if year else None


def _first(value: str, partial: bool) -> tuple[int, int, PartialDate] | None:
    """(start, end, date) of the earliest date in a string (the longest when two start together)."""
    found = _dates_in(value, partial)
    return min(found, key=lambda item: (item[0], -item[1])) if found else None


def _dates_in(value: str, partial: bool) -> list[tuple[int, int, PartialDate]]:
    """Every date shape found in a string, each once; months too when ``partial``."""
    if not value.strip():
        return []
    stripped = value.strip()
    try:
        whole = datetime.fromisoformat(stripped.replace("Z", "+00:00")).date()
        if len(stripped) >= 10 and plausible_year(whole.year):  # fromisoformat also reads "20170201"
            start = value.index(stripped[0])
            return [(start, start + len(stripped), PartialDate(whole))]
    except ValueError:
        pass
    found: list[tuple[int, int, PartialDate]] = []

    def add(match: re.Match[str], day: date | None) -> None:
        if day is not None and plausible_year(day.year):
            found.append((match.start(), match.end(), PartialDate(day)))

    if match := _ISO.search(value):
        add(match, _make(int(match[1]), int(match[2]), int(match[3])))
    if match := _NUMERIC.search(value):
        # Day first, as in French and British usage (and in most Sahel outlets).
        add(match, _make(int(match[4]), int(match[3]), int(match[1])))
    months = month_numbers()
    day_month_year, month_day_year, month_year = _month_shapes(tuple(months))
    folded = fold(value)  # month names are folded; offsets stay those of ``value``
    if match := day_month_year.search(folded):
        add(match, _make(int(match[3]), months[match[2]], int(match[1])))
    if match := month_day_year.search(folded):
        add(match, _make(int(match[3]), months[match[1]], int(match[2])))
    if partial:
        for pattern, year_group, month_group in ((_ISO_MONTH, 1, 2), (_NUMERIC_MONTH, 2, 1)):
            if match := pattern.search(value):
                _add_month(found, match, int(match[year_group]), int(match[month_group]))
        for match in month_year.finditer(folded):
            # "31 February 2017" is no date at all, not the month of February.
            after_day = _DAY_BEFORE.search(folded, 0, match.start())
            if not after_day and not any(start <= match.start() < end for start, end, _ in found):
                _add_month(found, match, int(match[2]), months[match[1]])
                break
    return found


def _add_month(found: list[tuple[int, int, PartialDate]], match: re.Match[str], year: int, month: int) -> None:
    if (month_date := month_of(year, month)) is not None:
        found.append((match.start(), match.end(), month_date))


def find_dateline(text: str) -> PartialDate | None:
    """The publication date a text states about itself, if it states one.

    In this order: a publication line ("Published on 1 February 2017", "Publié le 3 mars 2017",
    "Date : mars 2017"), a wire dateline ("BAMAKO, 12 March 2018 (AFP) -", "Bamako, le 12 mars
    2018 -"), or a line near the top holding only a date ("Saturday, 24 November 2018",
    "16 Apr 2018 | 09:35 UTC"). Dates inside sentences are event dates, never datelines.
    """
    for match in _KEYWORD_LINE.finditer(text):
        # The date must open what follows the keyword (a weekday may come first): in
        # "Date of attack: 3 March 2017" it does not, and that is an event date.
        found = _first(match["rest"], partial=True)
        if found and found[0] <= DATELINE_LEAD:
            return found[2]
    for match in _AGENCY_LINE.finditer(text):
        found = _first(match["rest"], partial=False)
        if found and found[0] <= DATELINE_LEAD and _AGENCY_END.match(match["rest"], found[1]):
            return found[2]
    return _date_stamp(text)


def _date_stamp(text: str) -> PartialDate | None:
    """A line among the first ones that is a date and nothing else but a time or a separator."""
    lines = [line for line in text.splitlines() if line.strip()][:STAMP_LINES]
    for line in lines:
        found = _first(line, partial=False)
        if found and found[0] <= DATELINE_LEAD and not _has_words(line[: found[0]]):
            if _STAMP_END.match(line, found[1]):
                return found[2]
    return None


_WEEKDAY_LEAD = re.compile(r"^[\W\d_]*(?:[^\W\d_]{2,9}\.?,?[\W\d_]*)?$")


def _has_words(lead: str) -> bool:
    """Whether what comes before a date on its line is more than a weekday and punctuation."""
    return _WEEKDAY_LEAD.match(lead) is None

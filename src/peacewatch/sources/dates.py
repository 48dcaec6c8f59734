"""Publication dates as sources write them: metadata strings and datelines in the text.

Only absolute dates with a year are read; "yesterday" or "Feb 1" cannot date a document. Written
with regular expressions rather than dateparser because it runs once per document on the ingest
path and must be fast and predictable.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from peacewatch.nlp.dates import month_numbers
from peacewatch.nlp.fold import fold

_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")

DATELINE_LEAD = 12
"""Characters allowed between a dateline keyword and its date ("Friday, ", "mercredi ")."""

_DATELINE = re.compile(
    r"^[ *_#>|-]*(?:published|posted|first published|date of publication|date de publication|publication date|"
    r"date|dated|publié|publiée|publie|mis en ligne|paru)\b(?:[ \t]+(?:on|le))?[ \t]*:?[ \t]*(?P<rest>[^\n]{4,80})$",
    re.IGNORECASE | re.MULTILINE,
)


@lru_cache(maxsize=4)
def _month_shapes(names: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Day-month-year and month-day-year over folded text, with every supported language's month names."""
    month = "|".join(sorted(names, key=len, reverse=True))
    return (
        re.compile(rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?\.?\s+({month})\.?,?\s+(\d{{4}})\b"),
        re.compile(rf"\b({month})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"),
    )


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date_string(value: str) -> date | None:
    """The first absolute date in a string: ISO, day/month/year, "1er mars 2017", "February 1, 2017"."""
    found = _first_date(value)
    return found[1] if found else None


def _first_date(value: str) -> tuple[int, date] | None:
    """(position, date) of the first absolute date in a string."""
    value = value.strip()
    if not value:
        return None
    try:
        return 0, datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    candidates: list[tuple[int, date | None]] = []
    if match := _ISO.search(value):
        candidates.append((match.start(), _make(int(match[1]), int(match[2]), int(match[3]))))
    if match := _NUMERIC.search(value):
        # Day first, as in French and British usage (and in most Sahel outlets).
        candidates.append((match.start(), _make(int(match[3]), int(match[2]), int(match[1]))))
    months = month_numbers()
    day_month_year, month_day_year = _month_shapes(tuple(months))
    folded = fold(value)  # month names are folded; offsets stay those of ``value``
    if match := day_month_year.search(folded):
        candidates.append((match.start(), _make(int(match[3]), months[match[2]], int(match[1]))))
    if match := month_day_year.search(folded):
        candidates.append((match.start(), _make(int(match[3]), months[match[1]], int(match[2]))))
    found = [(start, value) for start, value in candidates if value is not None]
    return min(found, key=lambda pair: pair[0]) if found else None


def find_dateline(text: str) -> date | None:
    """The date of a "Published on 1 February 2017" / "Publié le 3 mars 2017" line, if the text has one."""
    for match in _DATELINE.finditer(text):
        # The date must open what follows the keyword (a weekday may come first): in
        # "Date of attack: 3 March 2017" it does not, and that is an event date.
        found = _first_date(match["rest"])
        if found and found[0] <= DATELINE_LEAD:
            return found[1]
    return None

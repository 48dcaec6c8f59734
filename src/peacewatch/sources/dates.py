"""Publication dates as sources write them: metadata strings and datelines in the text.

Only absolute dates with a year are read; "yesterday" or "Feb 1" cannot date a document. Written
with regular expressions rather than dateparser because it runs once per document on the ingest
path and must be fast and predictable.
"""

from __future__ import annotations

import re
from datetime import date, datetime

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "janvier": 1, "janv": 1,
    "february": 2, "feb": 2, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2, "fev": 2,
    "march": 3, "mar": 3, "mars": 3,
    "april": 4, "apr": 4, "avril": 4, "avr": 4,
    "may": 5, "mai": 5,
    "june": 6, "jun": 6, "juin": 6,
    "july": 7, "jul": 7, "juillet": 7, "juil": 7,
    "august": 8, "aug": 8, "août": 8, "aout": 8,
    "september": 9, "sep": 9, "sept": 9, "septembre": 9,
    "october": 10, "oct": 10, "octobre": 10,
    "november": 11, "nov": 11, "novembre": 11,
    "december": 12, "dec": 12, "décembre": 12, "decembre": 12, "déc": 12,
}  # fmt: skip

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?\.?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)

DATELINE_LEAD = 12
"""Characters allowed between a dateline keyword and its date ("Friday, ", "mercredi ")."""

_DATELINE = re.compile(
    r"^[ *_#>|-]*(?:published|posted|first published|date of publication|date de publication|publication date|"
    r"date|dated|publié|publiée|publie|mis en ligne|paru)\b(?:[ \t]+(?:on|le))?[ \t]*:?[ \t]*(?P<rest>[^\n]{4,80})$",
    re.IGNORECASE | re.MULTILINE,
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
    if match := _DAY_MONTH_YEAR.search(value):
        candidates.append((match.start(), _make(int(match[3]), MONTHS[match[2].lower()], int(match[1]))))
    if match := _MONTH_DAY_YEAR.search(value):
        candidates.append((match.start(), _make(int(match[3]), MONTHS[match[1].lower()], int(match[2]))))
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

"""Publication dates in URLs: "/2018/06/19/", "/2018-06-19-slug", "/20180619-slug", "/2018/06/".

News sites put the publication date in the path far more often than anywhere else a program can
read it. Many paths also hold numbers that only look like dates (article ids, six-digit
"160719" stamps that could be day-first or year-first), so only unambiguous shapes are read:
a year segment then month (then day) segments, a dashed date, or exactly eight digits
(YYYYMMDD, or a timestamp that starts with them). Month names in a slug are not read: a slug
is a headline, and "accord-du-20-juin-2015" names the day of the event, not of the page.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import unquote, urlsplit

from peacewatch.sources.dates import PartialDate, month_of, plausible_year, year_of

_YEAR_SEGMENT = re.compile(r"\d{4}")
_SMALL = re.compile(r"\d{1,2}")
_MONTH_DAY = re.compile(r"(\d{2})(\d{2})")
_DASHED = re.compile(r"(?<!\d)(\d{4})([-_])(\d{1,2})\2(\d{1,2})(?!\d)")
_DIGITS = re.compile(r"(?<![\d])\d{8,14}(?![\d])")


def date_from_url(url: str | None) -> PartialDate | None:
    """The publication date a URL's path (or query) shows, at the finest precision it shows."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    path = unquote(parts.path)
    found = _from_segments([s for s in path.split("/") if s])
    found += _from_text(path, compact=True) + _from_text(unquote(parts.query), compact=False)
    found = [d for d in found if d.value <= date.today()]
    return min(found, key=lambda d: _order(d)) if found else None


def _order(found: PartialDate) -> int:
    return {"day": 0, "month": 1, "year": 2}[found.precision]


def _day(year: int, month: int, day: int) -> PartialDate | None:
    if not plausible_year(year):
        return None
    try:
        return PartialDate(date(year, month, day))
    except ValueError:
        return None


def _from_segments(segments: list[str]) -> list[PartialDate]:
    """Dates spelt as path segments: /YYYY/MM/DD/, /YYYY/M/D/, /YYYY/MMDD/, /YYYY/MM/, /DD/MM/YYYY/
    and, before a further segment, a lone /YYYY/."""
    found: list[PartialDate] = []
    for index, segment in enumerate(segments):
        if not _YEAR_SEGMENT.fullmatch(segment):
            continue
        year = int(segment)
        following = segments[index + 1 : index + 3]
        before = segments[max(0, index - 2) : index]
        if following and _SMALL.fullmatch(following[0]):
            month = month_of(year, int(following[0]))
            if len(following) > 1 and _SMALL.fullmatch(following[1]) and month is not None:
                day = _day(year, int(following[0]), int(following[1]))
                found.extend([day] if day else [])
            elif month is not None:
                found.append(month)
        elif following and (pair := _MONTH_DAY.fullmatch(following[0])):
            found.extend(d for d in [_day(year, int(pair[1]), int(pair[2]))] if d)
        elif len(before) == 2 and all(_SMALL.fullmatch(s) for s in before):
            # Day first, as in the project's other numeric dates (dates.parse_date_string).
            found.extend(d for d in [_day(year, int(before[1]), int(before[0]))] if d)
        elif following and (year_date := year_of(year)) is not None:
            found.append(year_date)
    return found


def _from_text(text: str, compact: bool) -> list[PartialDate]:
    """Dates inside segments: "2018-06-19-slug", "slug_2018_06_19" and, when ``compact``,
    "20180619-slug" or a "201806190930" timestamp."""
    found = [d for m in _DASHED.finditer(text) if (d := _day(int(m[1]), int(m[3]), int(m[4])))]
    if compact:
        for match in _DIGITS.finditer(text):
            digits = match[0]
            if len(digits) in (8, 12, 14) and _is_time(digits[8:]):
                found.extend(d for d in [_day(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))] if d)
    return found


def _is_time(digits: str) -> bool:
    """Whether the digits after a YYYYMMDD are empty or a time of day (HHMM or HHMMSS)."""
    if not digits:
        return True
    hours, minutes, seconds = int(digits[:2]), int(digits[2:4]), int(digits[4:] or 0)
    return hours < 24 and minutes < 60 and seconds < 60

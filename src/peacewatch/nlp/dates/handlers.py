"""From one match of a date shape to a calendar date: the resolution rules of the date reader.

Each handler takes a match and its ``Context`` and returns a ``Resolved`` date, or None to reject
the match (a lower-case "may", a bare "March" with no cue before it, a range that runs backwards).
The package docstring states the rules; the words a handler looks up (month numbers, day
offsets, "last"/"next") come from the language's ``DateWords``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from peacewatch.nlp.dates.model import Context, Resolved
from peacewatch.nlp.dates.words import WhenPatterns
from peacewatch.nlp.numbers import parse_number_words


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, ctx: Context) -> date | None:
    """Year of a day and month written without one (see the package docstring for the rules)."""
    published = ctx.published
    if ctx.future:
        for year in (published.year, published.year + 1):
            candidate = _safe_date(year, month, day)
            if candidate is not None and candidate >= published:
                return candidate
        return None
    anchor = ctx.anchor()
    if anchor is not None:
        options = [
            c for y in (anchor.year - 1, anchor.year, anchor.year + 1)
            if (c := _safe_date(y, month, day)) is not None and c <= published
        ]
        if options:
            return min(options, key=lambda c: (abs((c - anchor).days), c < anchor))
    for year in (published.year, published.year - 1, published.year - 2):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate <= published:
            return candidate
    return None


def _month_year(month: int, ctx: Context) -> int:
    """Year of a month written without one: the latest such month not after publication."""
    published = ctx.published
    if ctx.future:
        return published.year if month >= published.month else published.year + 1
    anchor = ctx.anchor()
    if anchor is not None:
        options = [y for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                   if date(y, month, 1) <= published]
        if options:
            return min(options, key=lambda y: (abs((date(y, month, 15) - anchor).days), y < anchor.year))
    return published.year if month <= published.month else published.year - 1


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _common_word(m: re.Match[str], group: str, ctx: Context) -> bool:
    """Whether a matched month name is one that is also a common word ("may"), in lower case."""
    name = m.group(group)
    return name.rstrip(".") in ctx.words.capitalised and not ctx.original[m.start(group) - m.start()].isupper()


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]


# -- days and months with numbers -----------------------------------------------------------------

def absolute(m: re.Match[str], ctx: Context) -> Resolved | None:
    day, month = _day(m.group("d")), ctx.words.month_number(m.group("m"))
    if _common_word(m, "m", ctx):
        return None
    if m.group("y"):
        value = _safe_date(int(m.group("y")), month, day)
        explicit = True
    else:
        value = _year_for(month, day, ctx)
        explicit = False
    if value is None:
        return None
    return Resolved(value, 1, "absolute", explicit_year=explicit)


def numeric(m: re.Match[str], ctx: Context) -> Resolved | None:
    first, second = int(m.group("a")), int(m.group("b"))
    day, month = (first, second) if second <= 12 else (second, first)
    if month > 12 or day > 31:
        return None
    year_text = m.group("y")
    if not year_text and not ctx.words.numeric_cue.search(ctx.before):
        return None
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        value = _safe_date(year, month, day)
        return Resolved(value, 1, "absolute", explicit_year=True) if value else None
    value = _year_for(month, day, ctx)
    return Resolved(value, 1, "absolute") if value else None


def iso(m: re.Match[str], ctx: Context) -> Resolved | None:
    value = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return Resolved(value, 1, "absolute", explicit_year=True) if value else None


def day_range(m: re.Match[str], ctx: Context) -> Resolved | None:
    if _common_word(m, "m", ctx):
        return None
    month = ctx.words.month_number(m.group("m"))
    first, last = _day(m.group("d1")), _day(m.group("d2"))
    if last <= first:
        return None
    if m.group("y"):
        year, explicit = int(m.group("y")), True
        start = _safe_date(year, month, first)
    else:
        start, explicit = _year_for(month, first, ctx), False
    if start is None:
        return None
    end = _safe_date(start.year, month, last)
    if end is None:
        return None
    return _range(start, end, explicit, night=bool(m.groupdict().get("night")))


def two_day_range(m: re.Match[str], ctx: Context) -> Resolved | None:
    month1, month2 = ctx.words.month_number(m.group("m1")), ctx.words.month_number(m.group("m2"))
    day1, day2 = _day(m.group("d1")), _day(m.group("d2"))
    if m.group("y"):
        end = _safe_date(int(m.group("y")), month2, day2)
        start = _safe_date(int(m.group("y")) - (1 if month1 > month2 else 0), month1, day1)
        explicit = True
    else:
        start, explicit = _year_for(month1, day1, ctx), False
        end = _safe_date(start.year + (1 if month1 > month2 else 0), month2, day2) if start else None
    if start is None or end is None or start >= end:
        return None
    return _range(start, end, explicit, night=bool(m.groupdict().get("night")))


def _range(start: date, end: date, explicit: bool, night: bool = False) -> Resolved:
    if night and (end - start).days == 1:
        return Resolved(start, 1, "absolute", end, explicit)
    precision = 2 if (end - start).days < 7 else 3
    return Resolved(start, precision, "range", end, explicit)


def month_only(m: re.Match[str], ctx: Context) -> Resolved | None:
    name = m.group("m")
    if _common_word(m, "m", ctx):
        return None
    if not m.group("y") and not ctx.words.month_cue.search(ctx.before):
        return None
    month = ctx.words.month_number(name)
    if m.group("y"):
        year, explicit = int(m.group("y")), True
    else:
        year, explicit = _month_year(month, ctx), False
    return Resolved(date(year, month, 1), 3, "month", _month_end(year, month), explicit)


def month_range(m: re.Match[str], ctx: Context) -> Resolved | None:
    month1, month2 = ctx.words.month_number(m.group("m1")), ctx.words.month_number(m.group("m2"))
    if m.group("y"):
        year2, explicit = int(m.group("y")), True
    else:
        year2, explicit = _month_year(month2, ctx), False
    year1 = year2 - (1 if month1 > month2 else 0)
    if (year1, month1) >= (year2, month2):
        return None
    return Resolved(date(year1, month1, 1), 3, "range", _month_end(year2, month2), explicit)


def year_only(m: re.Match[str], ctx: Context) -> Resolved | None:
    if not ctx.words.year_cue.search(ctx.before):
        return None
    year = int(m.group("y"))
    return Resolved(date(year, 1, 1), 3, "year", date(year, 12, 31), True)


# -- named from publication ----------------------------------------------------------------------

def relative_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    offset = ctx.words.relative_days[re.sub(r"\s+", " ", m.group(0))]
    return Resolved(ctx.published + timedelta(days=offset), 1, "relative")


def _week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


_STEP = {"last": -1, "this": 0, "next": 1}


def _when(patterns: WhenPatterns, m: re.Match[str]) -> int:
    return _STEP[patterns.when(m)]


def relative_week(m: re.Match[str], ctx: Context) -> Resolved | None:
    step = _when(ctx.words.relative_weeks, m)
    start, end = _week_of(ctx.published + timedelta(days=7 * step))
    if step == 0:
        end = min(end, ctx.published)
    return Resolved(start, 2, "relative", end)


def weekend(m: re.Match[str], ctx: Context) -> Resolved | None:
    published = ctx.published
    step = _when(ctx.words.weekends, m)
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    if step < 0 and published.weekday() >= 5:
        saturday -= timedelta(days=7)
    if step > 0:
        saturday = published + timedelta(days=(5 - published.weekday()) % 7 or 7)
    return Resolved(saturday, 2, "relative", saturday + timedelta(days=1))


def relative_month(m: re.Match[str], ctx: Context) -> Resolved | None:
    index = ctx.published.year * 12 + ctx.published.month - 1 + _when(ctx.words.relative_months, m)
    year, month = divmod(index, 12)
    return Resolved(date(year, month + 1, 1), 3, "month", _month_end(year, month + 1))


def relative_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    year = ctx.published.year + _when(ctx.words.relative_years, m)
    return Resolved(date(year, 1, 1), 3, "year", date(year, 12, 31))


def _count(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return parse_number_words([text])


def _unit_days(m: re.Match[str], ctx: Context) -> int:
    return ctx.words.unit_days[re.sub(r"\s+", " ", m.group("u"))]


def days_ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    count = _count(m.group("n"))
    if count is None:
        return None
    days = count * _unit_days(m, ctx)
    return Resolved(ctx.published - timedelta(days=days), 2 if days >= 7 else 1, "relative")


# -- weekdays ------------------------------------------------------------------------------------

def _weekday_before(weekday: int, ctx: Context, same_day_counts: bool) -> date:
    published = ctx.published
    back = (published.weekday() - weekday) % 7
    if back == 0 and not same_day_counts:
        back = 7
    return published - timedelta(days=back)


def weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    number = ctx.words.weekdays[m.group("w")]
    said = {ctx.words.weekday_when.get(re.sub(r"\s+", " ", m.group(side) or "")) for side in ("before", "after")}
    published = ctx.published
    if ctx.future or "next" in said:
        ahead = (number - published.weekday()) % 7 or 7
        if "next" not in said and number == published.weekday() and ctx.today_in_text:
            ahead = 0
        return Resolved(published + timedelta(days=ahead), 1, "weekday")
    value = _weekday_before(number, ctx, same_day_counts="last" not in said)
    return Resolved(value, 1, "weekday")


def night_weekdays(m: re.Match[str], ctx: Context) -> Resolved | None:
    first, second = ctx.words.weekdays[m.group("w1")], ctx.words.weekdays[m.group("w2")]
    if (second - first) % 7 != 1:
        return None
    end = _weekday_before(second, ctx, same_day_counts=True)
    return Resolved(end - timedelta(days=1), 1, "weekday", end)


# -- anaphors: counted from the date told before --------------------------------------------------

def anaphor_fixed(m: re.Match[str], ctx: Context) -> Resolved | None:
    offset = ctx.words.anaphors[re.sub(r"\s+", " ", m.group(0))]
    return Resolved(ctx.base() + timedelta(days=offset), 1, "anaphoric")


def anaphor_count(m: re.Match[str], ctx: Context) -> Resolved | None:
    count = _count(m.group("n"))
    if count is None:
        return None
    unit = _unit_days(m, ctx)
    days = count * unit
    direction = ctx.words.count_direction(m, "dir")
    if not direction.later:
        days = -days
    if direction.relates and re.match(r"\s*\w", ctx.after):
        # "came ten days after the first attempt" relates this event to another one; only a
        # sentence that opens with it ("Three days after the attack, ...") dates something new.
        if not ctx.opens_sentence or not ctx.previous:
            return None
    return Resolved(ctx.base() + timedelta(days=days), 2 if unit >= 7 else 1, "anaphoric")


def anaphor_week(m: re.Match[str], ctx: Context) -> Resolved | None:
    weeks = ctx.words.anaphoric_weeks[re.sub(r"\s+", " ", m.group(0))]
    start, end = _week_of(ctx.base() + timedelta(days=7 * weeks))
    return Resolved(start, 2, "anaphoric", end)

"""Date expressions in English and French reports, resolved against the publication date.

Reports date events loosely: "on 26 January", "hier", "on Monday", "two days later", "in
September and October 2016", "dans la nuit de samedi à dimanche". ``find_dates`` finds them with
regular expressions over accent- and case-folded text (fast, offsets kept) and resolves each to a
calendar date with a precision (1 day, 2 week, 3 month), by these rules:

- a day or month written without a year is the latest such date not after publication (a
  report never dates a past event after its own publication), or the next one when the sentence
  presents it as planned ("will", "scheduled", "prévu", "se tiendra": ``future``); after a date
  whose year is written out, the year closest to that date is taken instead;
- a weekday is the latest such day on or before publication (same-day reports say "attacked on
  Wednesday morning"); "last Monday"/"lundi dernier" is strictly before;
- "will", "is due", "se tiendra" make a date future; "planned", "prévu" only in a sentence with
  no past-tense verb ("a planned meeting on 18 February was called off" is past);
- an anaphor ("the next day", "le lendemain", "trois jours plus tard") counts from the date
  mentioned just before it, else from publication;
- weeks and ranges of up to seven days have precision 2, months and longer ranges 3; a bare year
  ("in 2013", "depuis 2012") is kind "year", i.e. background.

``main_date`` picks the one date an event extractor should code.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from peacewatch.nlp.fold import fold
from peacewatch.nlp.numbers import parse_number_words


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


_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan janvier janv",
        "february feb fevrier fevr fev",
        "march mar mars",
        "april apr avril avr",
        "may mai",
        "june jun juin",
        "july jul juillet juil",
        "august aug aout",
        "september sep sept septembre",
        "october oct octobre",
        "november nov novembre",
        "december dec decembre",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    ["monday lundi", "tuesday mardi", "wednesday mercredi", "thursday jeudi", "friday vendredi",
     "saturday samedi", "sunday dimanche"]
):
    for _name in _names.split():
        _WEEKDAYS[_name] = _number

_FULL_MONTHS = sorted((m for m in _MONTHS if len(m) > 4 or m in ("mai", "mars", "june", "july", "juin")),
                      key=len, reverse=True)
_SHORT_MONTHS = sorted((m for m in _MONTHS if m not in _FULL_MONTHS), key=len, reverse=True)
MONTH = r"(?:" + "|".join(_FULL_MONTHS) + "|(?:" + "|".join(_SHORT_MONTHS) + r")\.?)"
FULL_MONTH = r"(?:" + "|".join(_FULL_MONTHS) + r")"
WEEKDAY = r"(?:" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|re|eme)?"
YEAR = r"(?:19|20)\d{2}"
_NUMBER_WORDS = ("a an one two three four five six seven eight nine ten eleven twelve fifteen twenty "
                 "un une deux trois quatre cinq six sept huit neuf dix onze douze quinze vingt")
_NUMBER_WORD = r"(?:" + "|".join(_NUMBER_WORDS.split()) + r"|\d{1,3})"

_FUTURE_CUES = re.compile(
    r"\b(?:will|shall|plans? to|expected to|to be held|(?:is|are) (?:due|scheduled|planned|set|expected)|"
    r"upcoming|set for|slated|tomorrow|(?:est|sont) (?:prevue?s?|programmee?s?)|se tiendr(?:a|ont)|"
    r"aur(?:a|ont) lieu|devr(?:ait|aient)|doi(?:t|vent) (?:se |avoir )|prochaine?s?|a venir|"
    r"ser(?:a|ont)|demain|appell?(?:e|ent) a|calls (?:for|on))\b"
)
"""Cues that put a date in the future whatever else the sentence says ("appelle à une marche
samedi", "calls for a strike on Monday": a call in the present is for a day to come)."""
_PLANNED_CUES = re.compile(r"\b(?:scheduled|planned|due|prevue?s?|programmee?s?)\b")
"""Cues of a plan that may already lie in the past ("a planned meeting on 18 February was
called off"): they make a date future only in a sentence without a past-tense verb."""
_PAST_CUES = re.compile(
    r"\b(?:had|was|were|did|called off|cancelled|canceled|postponed|(?:a|ont|avait|avaient) ete|"
    r"annulee?s?|reportee?s?)\b"
)
_FUTURE_IN_MENTION = re.compile(
    rf"\b(?:next\s+(?:week|month|year|week-?end|{WEEKDAY})|{WEEKDAY}\s+(?:next|prochain)|"
    r"(?:semaine|mois|annee|week-?end)\s+prochaine?|tomorrow|demain|apres-demain)\b"
)
_TODAY_CUES = re.compile(
    r"\b(?:today|this (?:morning|afternoon|evening)|tonight|earlier today|aujourd'hui|ce matin|"
    r"cet apres-midi|ce soir|ce jour|en ce jour)\b"
)


@dataclass(slots=True)
class _Match:
    start: int
    end: int
    handler: Callable[[re.Match[str], "_Context"], "_Resolved | None"]
    match: re.Match[str]


@dataclass(slots=True)
class _Resolved:
    value: date
    precision: int
    kind: str
    end_value: date | None = None
    explicit_year: bool = False


@dataclass(slots=True)
class _Context:
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


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, ctx: _Context) -> date | None:
    """Year of a day and month written without one (see module docstring for the rules)."""
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


def _month_year(month: int, ctx: _Context) -> int:
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


_HOMONYMS = {"may", "march", "august"}
"""English month names that are also common words; as months they are capitalised."""


def _common_word(m: re.Match[str], group: str, ctx: _Context) -> bool:
    """Whether a matched month name is really "may", "march" or "august" in lower case."""
    name = m.group(group)
    return name.rstrip(".") in _HOMONYMS and not ctx.original[m.start(group) - m.start()].isupper()


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]


def _month(text: str) -> int:
    return _MONTHS[text.rstrip(".")]


# -- handlers: each turns one regex match into a resolved date (or None to reject it) -----------

def _absolute(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    day, month = _day(m.group("d")), _month(m.group("m"))
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
    return _Resolved(value, 1, "absolute", explicit_year=explicit)


def _numeric(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    first, second = int(m.group("a")), int(m.group("b"))
    day, month = (first, second) if second <= 12 else (second, first)
    if month > 12 or day > 31:
        return None
    year_text = m.group("y")
    if not year_text and not re.search(r"\b(?:on|le|du|au|since|depuis|last|dated?|the)\s*$", ctx.before):
        return None
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        value = _safe_date(year, month, day)
        return _Resolved(value, 1, "absolute", explicit_year=True) if value else None
    value = _year_for(month, day, ctx)
    return _Resolved(value, 1, "absolute") if value else None


def _iso(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    value = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return _Resolved(value, 1, "absolute", explicit_year=True) if value else None


def _day_range(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    if _common_word(m, "m", ctx):
        return None
    month = _month(m.group("m"))
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


def _two_day_range(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    month1, month2 = _month(m.group("m1")), _month(m.group("m2"))
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


def _range(start: date, end: date, explicit: bool, night: bool = False) -> _Resolved:
    if night and (end - start).days == 1:
        return _Resolved(start, 1, "absolute", end, explicit)
    precision = 2 if (end - start).days < 7 else 3
    return _Resolved(start, precision, "range", end, explicit)


_MONTH_CUE = re.compile(
    r"(?:\b(?:in|since|during|until|early|late|mid|end\s+of|beginning\s+of|last|this|en|depuis|debut|"
    r"fin|courant|mois\s+de|jusqu'en)\s+|\bmid-|\bmi-|\bmois\s+d')$"
)
"""What must come just before a month written alone for it to be a date ("in March")."""
_YEAR_CUE = re.compile(
    r"(?:\b(?:in|since|during|until|early|late|mid|end\s+of|en|depuis|debut|fin|pendant|jusqu'en|des|"
    r"from|by|of|depuis\s+l'an|l'annee|the\s+year|courant)\s+|\bmid-|\bmi-)$"
)
"""What must come just before a bare year for it to be one ("since 2012", not "the 2015 accord")."""


def _month_only(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    name = m.group("m")
    if _common_word(m, "m", ctx):
        return None
    if not m.group("y") and not _MONTH_CUE.search(ctx.before):
        return None
    month = _month(name)
    if m.group("y"):
        year, explicit = int(m.group("y")), True
    else:
        year, explicit = _month_year(month, ctx), False
    return _Resolved(date(year, month, 1), 3, "month", _month_end(year, month), explicit)


def _month_range(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    month1, month2 = _month(m.group("m1")), _month(m.group("m2"))
    if m.group("y"):
        year2, explicit = int(m.group("y")), True
    else:
        year2, explicit = _month_year(month2, ctx), False
    year1 = year2 - (1 if month1 > month2 else 0)
    if (year1, month1) >= (year2, month2):
        return None
    return _Resolved(date(year1, month1, 1), 3, "range", _month_end(year2, month2), explicit)


def _year_only(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    if not _YEAR_CUE.search(ctx.before):
        return None
    year = int(m.group("y"))
    return _Resolved(date(year, 1, 1), 3, "year", date(year, 12, 31), True)


_RELATIVE_DAYS = {
    "the day before yesterday": -2, "avant-hier": -2, "yesterday": -1, "hier": -1,
    "last night": -1, "la nuit derniere": -1, "today": 0, "aujourd'hui": 0, "this morning": 0,
    "this afternoon": 0, "this evening": 0, "tonight": 0, "earlier today": 0, "ce matin": 0,
    "cet apres-midi": 0, "ce soir": 0, "cette nuit": 0, "ce jour": 0, "tomorrow": 1, "demain": 1,
    "apres-demain": 2, "the day after tomorrow": 2,
}


def _relative_day(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    offset = _RELATIVE_DAYS[re.sub(r"\s+", " ", m.group(0))]
    return _Resolved(ctx.published + timedelta(days=offset), 1, "relative")


def _week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _relative_week(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    text = m.group(0)
    published = ctx.published
    if re.search(r"last|derniere|passee|past", text):
        start, end = _week_of(published - timedelta(days=7))
    elif re.search(r"next|prochaine", text):
        start, end = _week_of(published + timedelta(days=7))
    else:
        start, end = _week_of(published)
        end = min(end, published)
    return _Resolved(start, 2, "relative", end)


def _weekend(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    published = ctx.published
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    if re.search(r"last|dernier", m.group(0)) and published.weekday() >= 5:
        saturday -= timedelta(days=7)
    if re.search(r"next|prochain", m.group(0)):
        saturday = published + timedelta(days=(5 - published.weekday()) % 7 or 7)
    return _Resolved(saturday, 2, "relative", saturday + timedelta(days=1))


def _relative_month(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    published = ctx.published
    year, month = published.year, published.month
    if re.search(r"last|dernier|passe", m.group(0)):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return _Resolved(date(year, month, 1), 3, "month", _month_end(year, month))


def _relative_year(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    year = ctx.published.year - 1
    return _Resolved(date(year, 1, 1), 3, "year", date(year, 12, 31))


def _days_ago(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    count = _count(m.group("n"))
    if count is None:
        return None
    unit = m.group("u")
    days = count * (7 if unit.startswith(("week", "semaine")) else 1)
    return _Resolved(ctx.published - timedelta(days=days), 2 if days >= 7 else 1, "relative")


def _count(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return parse_number_words([text])


def _weekday_before(weekday: int, ctx: _Context, same_day_counts: bool) -> date:
    published = ctx.published
    back = (published.weekday() - weekday) % 7
    if back == 0 and not same_day_counts:
        back = 7
    return published - timedelta(days=back)


def _weekday(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    name = m.group("w")
    weekday = _WEEKDAYS[name]
    text = m.group(0)
    published = ctx.published
    if ctx.future or re.search(r"next|prochain", text):
        ahead = (weekday - published.weekday()) % 7 or 7
        if not re.search(r"next|prochain", text) and weekday == published.weekday() and ctx.today_in_text:
            ahead = 0
        return _Resolved(published + timedelta(days=ahead), 1, "weekday")
    last = bool(re.search(r"\blast\b|dernier", text))
    value = _weekday_before(weekday, ctx, same_day_counts=not last)
    return _Resolved(value, 1, "weekday")


def _night_weekdays(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    first, second = _WEEKDAYS[m.group("w1")], _WEEKDAYS[m.group("w2")]
    if (second - first) % 7 != 1:
        return None
    end = _weekday_before(second, ctx, same_day_counts=True)
    return _Resolved(end - timedelta(days=1), 1, "weekday", end)


_ANAPHORS = {
    "the next day": 1, "the following day": 1, "the day after": 1, "the next morning": 1,
    "the following morning": 1, "a day later": 1, "one day later": 1, "the previous day": -1,
    "the day before": -1, "the eve": -1, "the same day": 0, "that same day": 0, "later that day": 0,
    "the same night": 0, "le lendemain": 1, "le surlendemain": 2, "la veille": -1,
    "le meme jour": 0, "le jour meme": 0, "la meme nuit": 0, "un jour plus tard": 1,
    "the following night": 1, "la nuit suivante": 1,
    "hours later": 0, "a few hours later": 0, "some hours later": 0, "minutes later": 0,
    "the same morning": 0, "the same evening": 0, "the same afternoon": 0, "that morning": 0,
    "that evening": 0, "that afternoon": 0, "heures plus tard": 0, "quelques heures plus tard": 0,
    "minutes plus tard": 0, "plus tard dans la journee": 0, "plus tard dans la matinee": 0,
    "plus tard dans la soiree": 0, "le meme matin": 0, "le meme soir": 0, "la meme matinee": 0,
    "dans la meme matinee": 0, "dans la meme journee": 0,
}
"""Days from the date before. Hours and parts of the same day ("a few hours later", "dans la
même matinée") keep its day: a second blast or a reprisal told this way is dated by it."""


def _anaphor_fixed(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    offset = _ANAPHORS[re.sub(r"\s+", " ", m.group(0))]
    return _Resolved(ctx.base() + timedelta(days=offset), 1, "anaphoric")


def _anaphor_count(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    count = _count(m.group("n"))
    if count is None:
        return None
    unit = m.group("u")
    weeks = unit.startswith(("week", "semaine"))
    days = count * (7 if weeks else 1)
    if re.search(r"earlier|before|plus tot|auparavant|avant", m.group("dir")):
        days = -days
    if re.match(r"after|before|apres|avant", m.group("dir")) and re.match(r"\s*\w", ctx.after):
        # "came ten days after the first attempt" relates this event to another one; only a
        # sentence that opens with it ("Three days after the attack, ...") dates something new.
        if not ctx.opens_sentence or not ctx.previous:
            return None
    return _Resolved(ctx.base() + timedelta(days=days), 2 if weeks else 1, "anaphoric")


def _anaphor_week(m: re.Match[str], ctx: _Context) -> _Resolved | None:
    start, end = _week_of(ctx.base() + timedelta(days=7))
    return _Resolved(start, 2, "anaphoric", end)


_REL_DAY_RE = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in _RELATIVE_DAYS), key=len, reverse=True))
_ANAPHOR_RE = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in _ANAPHORS), key=len, reverse=True))
_NIGHT = r"(?P<night>(?:(?:dans\s+)?la\s+nuit\s+du\s+|(?:on\s+|during\s+)?the\s+night\s+of\s+(?:the\s+)?))?"
_SEP = r"\s*(?:-|\u2013|to|and|au|et|a|through|until)\s*(?:the\s+|le\s+)?"

def _first_words(phrases: dict[str, int]) -> str:
    """The words phrases start with, as the scan sees them ("avant" for "avant-hier")."""
    return " ".join(sorted({re.match(r"\w+", phrase).group() for phrase in phrases}))  # type: ignore[union-attr]


_DIGITS = "#"
"""Stands for "a run of digits starts here" among a pattern's first words."""
_NIGHT_FIRST = "dans la on during the "
_MONTH_FIRST = " ".join(_MONTHS)
_FULL_MONTH_FIRST = " ".join(_FULL_MONTHS)
_WEEKDAY_FIRST = " ".join(_WEEKDAYS)
_NUMBER_FIRST = _NUMBER_WORDS + " " + _DIGITS

_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str], _Context], _Resolved | None], str]] = [
    (re.compile(rf"\b(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), _iso, _DIGITS),
    (re.compile(rf"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?:/(?P<y>{YEAR}|\d{{2}}))?(?![\d/])"), _numeric, _DIGITS),
    (re.compile(rf"(?<![\d.])(?P<a>[0-3]?\d)\.(?P<b>[0-3]?\d)\.(?P<y>{YEAR})(?!\d)"), _numeric, _DIGITS),
    (re.compile(rf"\b{_NIGHT}(?:between\s+|from\s+|entre\s+le\s+|entre\s+|du\s+|les\s+|on\s+)?"
                rf"(?P<d1>{DAY}){_SEP}(?P<d2>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?\b"), _day_range, _NIGHT_FIRST + "between from entre du les on " + _DIGITS),
    (re.compile(rf"\b{_NIGHT}(?:between\s+|from\s+|on\s+)?(?P<m>{MONTH})\s+(?P<d1>{DAY}){_SEP}(?P<d2>{DAY})(?![\d\w])"
                rf"(?:,?\s+(?P<y>{YEAR}))?"), _day_range, _NIGHT_FIRST + "between from on " + _MONTH_FIRST),
    (re.compile(rf"\b{_NIGHT}(?:between\s+|from\s+|entre\s+le\s+|du\s+)?(?P<d1>{DAY})\s+(?P<m1>{MONTH}){_SEP}"
                rf"(?P<d2>{DAY})\s+(?P<m2>{MONTH})(?:,?\s+(?P<y>{YEAR}))?\b"), _two_day_range, _NIGHT_FIRST + "between from entre du " + _DIGITS),
    (re.compile(rf"\b(?:(?:{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?(?![\w])"), _absolute, _WEEKDAY_FIRST + " the " + _DIGITS),
    (re.compile(rf"\b(?:(?:{WEEKDAY}),?\s+)?(?P<m>{MONTH}),?\s+(?:the\s+)?(?P<d>{DAY})(?![\d\w])(?:,?\s+(?P<y>{YEAR}))?"), _absolute, _WEEKDAY_FIRST + " " + _MONTH_FIRST),
    (re.compile(rf"\b(?P<m1>{FULL_MONTH})(?:\s+(?:and|to|-|et|a|au|through|until)\s+|\s*[-\u2013]\s*)(?:early\s+|late\s+)?"
                rf"(?P<m2>{FULL_MONTH})(?:\s+(?P<y>{YEAR}))?\b"), _month_range, _FULL_MONTH_FIRST),
    (re.compile(rf"\b(?P<m>{FULL_MONTH})\s+(?:of\s+)?(?P<y>{YEAR})\b"), _month_only, _FULL_MONTH_FIRST),
    (re.compile(rf"\b(?P<m>{FULL_MONTH})(?P<y>)\b(?!\s*\d)"), _month_only, _FULL_MONTH_FIRST),
    (re.compile(rf"\b(?P<y>{YEAR})\b(?![-/]\d)"), _year_only, _DIGITS),
    (re.compile(rf"\b(?:{_REL_DAY_RE})\b"), _relative_day, _first_words(_RELATIVE_DAYS)),
    (re.compile(r"\b(?:(?:last|this|next|past|earlier\s+this|later\s+this)\s+week|la\s+semaine\s+(?:derniere|passee|prochaine)|"
                r"cette\s+semaine|en\s+debut\s+de\s+semaine)\b"), _relative_week, "last this next past earlier later la cette en"),
    (re.compile(r"\b(?:(?:last|this|next|over\s+the|during\s+the|at\s+the)\s+week-?end|ce\s+week-?end|"
                r"le\s+week-?end\s+(?:dernier|prochain)|(?:durant|pendant)\s+le\s+week-?end|"
                r"au\s+cours\s+du\s+week-?end|en\s+fin\s+de\s+semaine)\b"), _weekend, "last this next over during at ce le durant pendant au en"),
    (re.compile(r"\b(?:(?:last|this|earlier\s+this)\s+month|le\s+mois\s+(?:dernier|passe)|ce\s+mois(?:-ci)?)\b"), _relative_month, "last this earlier le ce"),
    (re.compile(r"\b(?:last\s+year|l'an\s+(?:dernier|passe)|l'annee\s+(?:derniere|passee))\b"), _relative_year, "last l"),
    (re.compile(rf"\b(?P<n>{_NUMBER_WORD})\s+(?P<u>days?|weeks?)\s+ago\b"), _days_ago, _NUMBER_FIRST),
    (re.compile(rf"\bil\s+y\s+a\s+(?P<n>{_NUMBER_WORD})\s+(?P<u>jours?|semaines?)\b"), _days_ago, "il"),
    (re.compile(rf"\b(?:dans\s+)?la\s+nuit\s+(?:de|du)\s+(?P<w1>{WEEKDAY})\s+(?:a|au)\s+(?P<w2>{WEEKDAY})\b"), _night_weekdays, "dans la"),
    (re.compile(rf"\b(?:on\s+|during\s+)?the\s+night\s+(?:of|from)\s+(?P<w1>{WEEKDAY})\s+(?:to|into)\s+(?P<w2>{WEEKDAY})\b"), _night_weekdays, "on during the"),
    (re.compile(rf"\b(?:(?:last|this|next|on|ce|cette|early|late)\s+)?(?P<w>{WEEKDAY})(?:\s+(?:dernier|prochain|last|next))?\b(?!\s*,?\s*\d)"), _weekday, "last this next on ce cette early late " + _WEEKDAY_FIRST),
    (re.compile(rf"\b(?:{_ANAPHOR_RE})\b"), _anaphor_fixed, _first_words(_ANAPHORS)),
    (re.compile(rf"\b(?P<n>{_NUMBER_WORD})\s+(?P<u>days?|weeks?|jours?|semaines?)\s+(?P<dir>later|after|earlier|before|plus\s+tard|apres|plus\s+tot|auparavant|avant)\b"), _anaphor_count, _NUMBER_FIRST),
    (re.compile(r"\b(?:the\s+following\s+week|the\s+next\s+week|la\s+semaine\s+suivante)\b"), _anaphor_week, "the la"),
]
"""Each pattern, its handler and the words a match of it can start with (``_DIGITS``: a run of
digits): a pattern is tried only where one of them starts. Keep these lists in step with the
patterns (a test checks them over the sample reports)."""


_BY_FIRST_WORD: dict[str, list[int]] = {}
for _k, (_, _, _firsts) in enumerate(_PATTERNS):
    for _word in _firsts.split():
        _BY_FIRST_WORD.setdefault(_word, []).append(_k)


def _start_pattern(words: list[str]) -> re.Pattern[str]:
    """A whole word that is one of ``words`` (alternatives grouped by first letter, longest
    first, so the scan tries a handful at each word instead of all) or a digit starting a run."""
    rests: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    branches = [re.escape(first) + "(?:" + "|".join(rest) + ")" for first, rest in sorted(rests.items())]
    return re.compile(r"\b(?:" + "|".join(branches) + r")(?![^\W\d_])|(?<!\d)\d")


_START = _start_pattern([word for word in _BY_FIRST_WORD if word != _DIGITS])
"""Where a date expression can start: one of the patterns' first words or a run of digits (a day,
a year, "12/05", "12.05.2016" may follow a letter: those patterns need no \\b). Other words are
skipped by the scan itself."""


def _pattern_matches(folded: str) -> list[list[re.Match[str]]]:
    """Each pattern's matches exactly as its own ``finditer`` gives them (non-overlapping, in
    order), found by trying it only where one of its first words or a digit run starts: one scan
    of the text instead of one per pattern."""
    found: list[list[re.Match[str]]] = [[] for _ in _PATTERNS]
    resume = [0] * len(_PATTERNS)
    digits = _BY_FIRST_WORD[_DIGITS]
    for spot in _START.finditer(folded):
        word = spot.group()
        for k in digits if word.isdigit() else _BY_FIRST_WORD.get(word, ()):
            at = spot.start()
            if at >= resume[k]:
                match = _PATTERNS[k][0].match(folded, at)
                if match:
                    found[k].append(match)
                    resume[k] = match.end()
    return found


def _sentence_bounds(folded: str, start: int, end: int) -> tuple[int, int]:
    left = max(folded.rfind(". ", 0, start), folded.rfind("\n", 0, start), folded.rfind("; ", 0, start))
    right_candidates = [i for i in (folded.find(". ", end), folded.find("\n", end), folded.find("; ", end)) if i != -1]
    right = min(right_candidates) if right_candidates else len(folded)
    return left + 1, right


def _is_future(folded: str, start: int, end: int) -> bool:
    left, right = _sentence_bounds(folded, start, end)
    window = folded[max(left, start - 80):start] + " " + folded[end:min(right, end + 60)]
    if _FUTURE_CUES.search(window) or _FUTURE_IN_MENTION.search(folded[start:end]):
        return True
    return bool(_PLANNED_CUES.search(window)) and not _PAST_CUES.search(folded[left:right])


def find_dates(text: str, language: str | None, published: date) -> list[DateMention]:
    """Every date expression in ``text``, in order, resolved against ``published``.

    ``language`` is accepted for symmetry with the other readers; English and French tables are
    both always on, since reports quote each other across languages.
    """
    if isinstance(published, datetime):
        published = published.date()
    folded = fold(text)
    found: list[_Match] = []
    for (_, handler, _), matches in zip(_PATTERNS, _pattern_matches(folded)):
        for match in matches:
            if match.end() > match.start():
                found.append(_Match(match.start(), match.end(), handler, match))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    chosen: list[_Match] = []
    for candidate in found:
        if chosen and candidate.start < chosen[-1].end:
            continue
        chosen.append(candidate)
    today_in_text = bool(_TODAY_CUES.search(folded))
    previous: list[tuple[DateMention, bool]] = []
    for item in chosen:
        future = _is_future(folded, item.start, item.end)
        ctx = _Context(published, future, today_in_text, previous, text[item.start:item.end],
                       folded[max(0, item.start - 20):item.start], folded[item.end:item.end + 20],
                       not folded[_sentence_bounds(folded, item.start, item.end)[0]:item.start].strip())
        resolved = item.handler(item.match, ctx)
        if resolved is None:
            continue
        mention = DateMention(
            start=item.start, end=item.end, text=text[item.start:item.end], value=resolved.value,
            precision=resolved.precision, kind=resolved.kind, end_value=resolved.end_value,
            future=future or resolved.value > published,
        )
        previous.append((mention, resolved.explicit_year))
    return [m for m, _ in previous]


_REPORTING = re.compile(
    r"\b(?:claim(?:ed|s)?|revendique(?:e|es|s)?|said|says|announced|annonce|reported|released|"
    r"freed|liberee?s?|recovered|confirmed|confirme|statement|communique|denied|dementi)\b"
    r"[^.;:]{0,40}\b(?:on|le|du|dated|date du)\s+$|\b(?:said|says|announced|reported|confirmed|denied)\s+$"
)
"""A date that is the day of a claim, statement or release, not of the event itself."""


def main_date(
    mentions: list[DateMention], published: date, text: str | None = None
) -> tuple[date, int, DateMention | None]:
    """The date an event extractor should code for a report: (date, time precision, mention).

    Background (bare years), planned dates, anaphors with no date before them ("after a trader
    was killed the day before" relates another event to this one) and, when ``text`` is given,
    dates of a claim, statement or release ("JNIM claimed the attack on 17 October") are
    passed over. Of the
    rest the most precise wins, the first in the text among equals; week- and month-precise
    dates are coded at their middle as ACLED does. Without any, the publication date is coded.
    """
    folded = fold(text) if text is not None else None
    usable, reporting = [], []
    dated_before = False
    for mention in mentions:
        if mention.kind == "anaphoric" and not dated_before:
            continue
        dated_before = dated_before or mention.kind != "anaphoric"
        if mention.kind == "year" or mention.future or mention.value > published:
            continue
        if folded is not None:
            sentence_start = max(folded.rfind(". ", 0, mention.start), folded.rfind("\n", 0, mention.start)) + 1
            cue = _REPORTING.search(folded[sentence_start:mention.start])
            if cue:
                if not cue.group(0).startswith(("claim", "revendique", "released", "freed", "libere", "recovered")):
                    reporting.append(mention)
                continue
        usable.append(mention)
    if not any(m.precision == 1 for m in usable) and any(m.precision == 1 for m in reporting):
        # Nothing but the day something was announced: the announcement is the story. (A claim or
        # a release is never the day of the attack or abduction it is about.)
        usable = [m for m in reporting if m.precision == 1]
    if not usable:
        return published, 1, None
    mention = min(usable, key=lambda m: m.precision)
    if mention.precision == 1:
        return mention.value, 1, mention
    end = mention.end_value or mention.value
    middle = mention.value + timedelta(days=(min(end, published) - mention.value).days // 2)
    return middle, mention.precision, mention

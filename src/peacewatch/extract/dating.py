"""Which date of a sentence is its event's, and what day an event is dated by.

A sentence holds many dates: of the event, of the statement that reports it ("said on Tuesday"),
of a background period ("since 2013"), of an announced event ahead. A coder dates the event by the
first; these functions tell them apart with the cues of the document's language.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

from peacewatch.codebook import TimePrecision
from peacewatch.extract.cues import EventCues
from peacewatch.lang import Language
from peacewatch.nlp.dates import find_dates
from peacewatch.nlp.triggers import Trigger

_YEAR = re.compile(r"\b\d{4}\b")
_SENSE = ("anaphoric", "relative")
"""Kinds of date that point back or count from publication: never attached to an event noun."""


def possessive(text: str, d: Any, cues: EventCues) -> bool:
    """A date owning the event noun ("Monday's bombing")."""
    return bool(cues.possessive.match(text, d.end))


def date_value(mention: Any) -> date:
    """The day a date stands for: a range, week or month of known end is dated by its middle."""
    end_value = getattr(mention, "end_value", None)
    if end_value and end_value != mention.value and mention.precision >= 2:
        return mention.value + timedelta(days=(end_value - mention.value).days // 2)
    return mention.value


def is_past_year_only(mention: Any, published: date) -> bool:
    """A bare past year, or a month long gone ("in March 2016" in a 2017 report): context, not news."""
    if mention.kind == "year":
        return mention.value.year < published.year
    return mention.precision >= 3 and (published - mention.value).days > 180


def before_month(value: date, published: date) -> bool:
    """A month before the report's own ("the bombing in January" in a March report): an old event recalled."""
    return (value.year, value.month) < (published.year, published.month)


def pick_date(
    text: str,
    dates: list[Any],
    triggers: list[Trigger],
    published: date,
    sentence_start: int,
    cues: EventCues,
    announced: bool = False,
) -> tuple[Any | None, bool, bool]:
    """The sentence's event date, whether the sentence is only background, whether it is planned.

    Passed over: "since 2013"-style anchors and bare past years (background), dates of a claim or
    statement ("claimed the attack on 24 September"), and anaphors resolved after publication.
    A date joined to an event noun ("the ambush of Saturday 14 October") wins; else the most
    precise remaining date, the closest one before the trigger among equals.
    """
    usable, future = [], []
    background = False
    for d in dates:
        before = text[max(sentence_start, d.start - 50) : d.start]
        undated_year = not _YEAR.search(d.text)
        if cues.since.search(before) or (is_past_year_only(d, published) and not (announced and undated_year)):
            background = True
            continue
        if d.kind == "year" or (cues.reported_on.search(before) and not possessive(text, d, cues)):
            continue
        if d.future or d.value > published:
            if d.kind not in _SENSE:
                future.append(d)
            continue
        usable.append(d)
    if not usable:
        if future:
            return future[0], False, True
        return None, background, False
    attached = [
        d for d in usable for t in triggers
        if d.kind not in _SENSE
        and (cues.date_of.fullmatch(text, t.end, d.start) or cues.date_before_noun.fullmatch(text, d.end, t.start))
    ]
    if attached:  # "honours were paid on Wednesday to those killed in the ambush of Saturday 14 October"
        return attached[0], False, False
    best = min(d.precision for d in usable)
    usable = [d for d in usable if d.precision == best]
    first = triggers[0].start if triggers else sentence_start
    before = [d for d in usable if d.start <= first]
    return (before[-1] if before else usable[0]), False, False


def lead_date(text: str, dates: list[Any], sentence: tuple[int, int, int], published: date, cues: EventCues) -> Any | None:
    """The day a paragraph's opening sentence without an event gives to the event told right after it
    ("Bamako saw yesterday one of its largest rallies. Tens of thousands marched ..."): a past day only."""
    _, start, end = sentence
    k = start
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k > 0 and text[k - 1] != "\n":
        return None  # only a paragraph's opening sentence sets the scene; a later one may date a statement
    in_sentence = [d for d in dates if start <= d.start < end]
    chosen, background, planned = pick_date(text, in_sentence, [], published, start, cues)
    return chosen if chosen is not None and not background and not planned and chosen.precision == 1 else None


def next_occurrence(mention: Any, value: date) -> date:
    """An announced event dated without a year ("in March") lies ahead, not in the past."""
    if _YEAR.search(mention.text):
        return value
    if mention.kind == "weekday":
        return value + timedelta(days=7)
    try:
        return value.replace(year=value.year + 1)
    except ValueError:
        return value + timedelta(days=365)


_STANDALONE = ("absolute", "range", "month")
"""Kinds of date that name their day or month outright: only their year may come from elsewhere."""


def publication_anchor(
    text: str, language: Language | str, published: date | None, precision: str | None, today: date
) -> tuple[date, str | None]:
    """The day relative dates are counted from, and how much of it is known.

    A partial publication date ("2016-12") is read as its last day, so that every day of that month
    written in the text lies before it; an unknown one as the latest day the text writes out with
    its year ("inferred": the end of that year, so a day of it written without the year falls in
it), else today (None: nothing is known). The precision then decides which
    event dates stand (``coded_date``)."""
    precision = precision or ("day" if published is not None else None)
    if published is not None and precision == "month":
        return min(date(published.year, published.month, calendar.monthrange(published.year, published.month)[1]), today), "month"
    if published is not None and precision == "year":
        return min(date(published.year, 12, 31), today), "year"
    if published is not None:
        return published, "day"
    written = [d.value for d in find_dates(text, language, today) if d.explicit_year and d.kind == "absolute" and d.value <= today]
    return (min(date(max(written).year, 12, 31), today), "inferred") if written else (today, None)


def coded_date(mention: Any | None, value: date, precision: int, anchor: date, known: str | None) -> tuple[date | None, int]:
    """The date an event is coded with when its report's publication day is only partly known.

    A date with its year written out stands; a day or month without one stands when the report's
    year is known (from a partial date, or read off the text's own full dates). A date counted
    from publication ("yesterday", "on Thursday", no date at all) stands only with the day of
    publication: with its month it is coded to that month, else the event is left undated for the
    reports it is merged with to date."""
    if known == "day":
        return value, precision
    if mention is not None and (mention.explicit_year or (mention.kind in _STANDALONE and known is not None)):
        return value, precision
    if known == "month":
        return date(anchor.year, anchor.month, 15), TimePrecision.MONTH
    return None, TimePrecision.UNDATED

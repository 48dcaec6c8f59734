"""Which publication date a document gets, and where it came from.

Trust, highest first: the input's own metadata for that document (a JSONL ``published``, front
matter), a date in its URL, a dateline in its text, the page's or feed's metadata (HTML meta
tags, a feed item's date). The most trusted source that gives a date wins; a less trusted one
may only make it more precise inside the same period (a URL's month, "2018/06", made a day by a
dateline of 19 June 2018), never move it. Only when none gives a date does the ``--published``
option apply, then, for a whole file and only when the user asks for it, the file's
modification time. Otherwise the document is undated: a date made up from the day it was read
would put its events years late.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from peacewatch.sources.base import Item
from peacewatch.sources.dates import PartialDate, find_dateline, plausible_year
from peacewatch.sources.urldates import date_from_url

UNKNOWN = "unknown"


def choose(candidates: Iterable[tuple[str, Callable[[], PartialDate | None]]]) -> tuple[PartialDate | None, str]:
    """The date of the first source that gives one, refined by later ones inside its period.

    Sources are read lazily and no further once a day is known. A date no report can have (a
    feed's or a page's year 9999) is passed over: downstream date arithmetic would overflow.
    """
    chosen: PartialDate | None = None
    source = UNKNOWN
    for name, read in candidates:
        found = read()
        if found is None or not plausible_year(found.value.year):
            continue
        if chosen is None or (found.finer_than(chosen) and chosen.contains(found)):
            chosen, source = found, name
        if chosen.precision == "day":
            break
    return chosen, source


def publication_date(
    item: Item, text: str, option: PartialDate | None, mtime_of: Path | None
) -> tuple[PartialDate | None, str]:
    """(date, where it came from) for one item; ``mtime_of`` is the file whose modification
    time may date it, None when that is not allowed."""
    given = item.published

    def given_as(kind: str) -> Callable[[], PartialDate | None]:
        return lambda: given if item.published_from == kind else None

    chosen, source = choose(
        [
            ("input", given_as("input")),
            ("url", lambda: date_from_url(item.url)),
            ("dateline", lambda: find_dateline(text)),
            ("metadata", given_as("metadata")),
        ]
    )
    if chosen is None and option is not None:
        return option, "option"
    if chosen is None and mtime_of is not None and item.whole_file:
        return PartialDate(datetime.fromtimestamp(mtime_of.stat().st_mtime, tz=UTC).date()), "mtime"
    return chosen, source

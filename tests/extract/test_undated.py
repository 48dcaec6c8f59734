"""Reports whose publication day is unknown or partial: dates stand only where the text gives them."""

from __future__ import annotations

from datetime import date

from peacewatch.codebook import TimePrecision
from peacewatch.extract.rules import RulesExtractor
from peacewatch.records import Document

WEEKDAY = "Gunmen killed five villagers on Thursday in Boni, in the Mopti region, local officials said."
FULL = "Gunmen killed five villagers on 25 January 2018 in Boni, in the Mopti region, local officials said."
NO_YEAR = (
    "On 3 January 2018 the army reinforced its posts in the area. "
    "Gunmen killed five villagers on 25 January in Boni, in the Mopti region, local officials said."
)


def _events(text: str, published: date | None, precision: str | None) -> list:
    return RulesExtractor()(Document(id="t", text=text, published=published, published_precision=precision, language="en"))


def test_a_weekday_is_dated_only_when_the_day_of_publication_is_known() -> None:
    [known] = _events(WEEKDAY, date(2018, 1, 27), "day")
    assert (known.event_date, known.time_precision) == (date(2018, 1, 25), TimePrecision.DAY)
    [undated] = _events(WEEKDAY, None, None)
    assert undated.event_date is None and undated.time_precision == TimePrecision.UNDATED
    assert undated.fatalities == 5 and undated.location == "Boni"
    assert not any(e.field == "event_date" for e in undated.evidence)


def test_a_month_of_publication_codes_a_relative_date_to_that_month() -> None:
    [event] = _events(WEEKDAY, date(2018, 1, 1), "month")
    assert event.event_date.strftime("%Y-%m") == "2018-01" and event.time_precision == TimePrecision.MONTH


def test_a_date_with_its_year_stands_without_a_publication_date() -> None:
    [event] = _events(FULL, None, None)
    assert (event.event_date, event.time_precision) == (date(2018, 1, 25), TimePrecision.DAY)


def test_a_day_without_year_takes_the_year_the_text_writes_out() -> None:
    events = _events(NO_YEAR, None, None)
    assert date(2018, 1, 25) in {e.event_date for e in events}

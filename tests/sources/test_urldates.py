"""Publication dates read from URLs, and the numbers in URLs that only look like dates."""

from __future__ import annotations

from datetime import date

import pytest

from peacewatch.sources.dates import PartialDate
from peacewatch.sources.urldates import date_from_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/2018/06/19/gunmen-attack-checkpoint/", date(2018, 6, 19)),
        ("https://news.example/world/2018/6/9/gunmen-attack-checkpoint", date(2018, 6, 9)),
        ("https://news.example/2018-06-19-gunmen-attack-checkpoint", date(2018, 6, 19)),
        ("https://news.example/afrique/gunmen-attack-checkpoint-2018-06-19", date(2018, 6, 19)),
        ("https://news.example/fr/20180619-attaque-poste-gao", date(2018, 6, 19)),
        ("https://news.example/stories/201806190215.html", date(2018, 6, 19)),
        ("https://news.example/afrique/n/2018/0619/c1234-5678.html", date(2018, 6, 19)),
        ("https://news.example/19/06/2018/attaque-poste-gao/", date(2018, 6, 19)),
        ("https://news.example/index.php?view=article&id=77:2018-06-19-10-30-00", date(2018, 6, 19)),
        ("https://news.example/2018/06/attaque%20poste/2018-06-19-suite", date(2018, 6, 19)),
    ],
)
def test_days_in_urls(url: str, expected: date) -> None:
    assert date_from_url(url) == PartialDate(expected, "day")


def test_a_year_and_month_path_gives_a_month_and_a_year_path_a_year() -> None:
    assert date_from_url("https://news.example/2018/06/attaque-poste-gao/") == PartialDate(date(2018, 6, 1), "month")
    assert date_from_url("https://news.example/2018/06/mil-180619-brief.htm") == PartialDate(date(2018, 6, 1), "month")
    assert date_from_url("https://news.example/2018/attaque-poste-gao") == PartialDate(date(2018, 1, 1), "year")


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example/h/92733.html",  # article ids
        "https://news.example/article/34658699",  # eight digits that are no date
        "https://news.example/a/mali-18968455",  # eight digits before any plausible year
        "https://news.example/mil-180619-brief.htm",  # six digits: 18 June 2019 or 19 June 2018?
        "https://news.example/news/2593-3-killed-in-attack",  # a number then a slug
        "https://news.example/accord-de-paix-du-20-juin-2018-au-mali",  # a headline names the event's day
        "https://news.example/story/2018061912345678",  # too many digits for a timestamp
        "https://news.example/item/20181399-attack",  # month 13
        "https://news.example/report/1ae2b9a5-de64-464e-8b42-ae86fa6636e9",  # a UUID
        "https://news.example/2018",  # a year with nothing after it: an archive page
        "https://news.example/?p=20180619",  # a query id
        "https://20180619.news.example/attack",  # the host
        "https://news.example/2999/01/02/attack",  # in the future
        "",
        None,
    ],
)
def test_numbers_that_only_look_like_dates(url: str | None) -> None:
    assert date_from_url(url) is None

"""Publication dates from metadata strings and datelines, English and French, with their precision."""

from __future__ import annotations

from datetime import date

import pytest

from peacewatch.sources.dates import PartialDate, find_dateline, parse_date_string, parse_published


def day(year: int, month: int, day_: int) -> PartialDate:
    return PartialDate(date(year, month, day_), "day")


def month(year: int, month_: int) -> PartialDate:
    return PartialDate(date(year, month_, 1), "month")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-02-01", date(2017, 2, 1)),
        ("2017-02-01T09:30:00Z", date(2017, 2, 1)),
        ("Wed, 01 Feb 2017 10:00:00 +0000", date(2017, 2, 1)),
        ("1 February 2017", date(2017, 2, 1)),
        ("February 1, 2017", date(2017, 2, 1)),
        ("Feb. 1st, 2017", date(2017, 2, 1)),
        ("1er mars 2017", date(2017, 3, 1)),
        ("mercredi 3 mars 2017 à 10h", date(2017, 3, 3)),
        ("3 août 2017", date(2017, 8, 3)),
        ("1 DÉC. 2017", date(2017, 12, 1)),
        ("Févr. 20, 2017", date(2017, 2, 20)),
        ("03/04/2017", date(2017, 4, 3)),
        ("03-04-2017", date(2017, 4, 3)),
    ],
)
def test_absolute_dates_are_read(value: str, expected: date) -> None:
    assert parse_date_string(value) == expected
    assert parse_published(value) == PartialDate(expected, "day")


@pytest.mark.parametrize("value", ["", "yesterday", "Feb 1", "31 February 2017", "lundi dernier", "1 March 1890"])
def test_incomplete_or_impossible_dates_are_not_guessed(value: str) -> None:
    assert parse_date_string(value) is None
    assert parse_published(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-12", month(2016, 12)),
        ("2016/3", month(2016, 3)),
        ("12/2016", month(2016, 12)),
        ("December 2016", month(2016, 12)),
        ("Dec. 2016", month(2016, 12)),
        ("décembre 2016", month(2016, 12)),
        ("FÉVRIER 2017", month(2017, 2)),
        ("2016", PartialDate(date(2016, 1, 1), "year")),
        (2016, PartialDate(date(2016, 1, 1), "year")),
        (date(2016, 12, 5), day(2016, 12, 5)),
    ],
)
def test_months_and_years_are_kept_with_their_precision(value: object, expected: PartialDate) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["2016-13", "13/2016", "1066", "12016", "in 2016 or so", True, 3.5])
def test_what_is_no_month_or_year_is_not_read_as_one(value: object) -> None:
    assert parse_published(value) is None


def test_a_day_in_the_string_wins_over_a_month() -> None:
    assert parse_published("5 December 2016, updated December 2016") == day(2016, 12, 5)
    assert parse_published("2016-12-05") == day(2016, 12, 5)


def test_periods_contain_their_days() -> None:
    assert month(2016, 12).contains(day(2016, 12, 31))
    assert not month(2016, 12).contains(day(2017, 1, 1))
    assert PartialDate(date(2016, 1, 1), "year").contains(month(2016, 7))
    assert day(2016, 12, 5).finer_than(month(2016, 12)) and not month(2016, 12).finer_than(day(2016, 12, 5))


def test_publication_lines_in_english_and_french() -> None:
    assert find_dateline("Text of the report.\n\nPublished on 01 February 2017\n") == day(2017, 2, 1)
    assert find_dateline("Publié le 3 mars 2017\n\nTexte du rapport.") == day(2017, 3, 3)
    assert find_dateline("*Posted: March 5, 2017*\nBody.") == day(2017, 3, 5)
    assert find_dateline("Mis en ligne le 1er avril 2017 à 08h00\nCorps.") == day(2017, 4, 1)
    assert find_dateline("Date de publication : 02/05/2017\nCorps.") == day(2017, 5, 2)
    assert find_dateline("Date: Friday, 7 April 2017\nBody.") == day(2017, 4, 7)


def test_a_publication_line_may_give_only_a_month() -> None:
    assert find_dateline("Date : mars 2017\n\nLe texte.") == month(2017, 3)
    assert find_dateline(" date 2018-04 Des hommes armés ont attaqué un poste de contrôle près de Léré, dans la région.") == month(2018, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GAO, 12 March 2018 (AFP) - Gunmen attacked a checkpoint overnight.", day(2018, 3, 12)),
        ("Menaka, March 12, 2018 (Reuters) — Two soldiers were wounded.", day(2018, 3, 12)),
        ("TIMBUKTU (Mali), 4 May 2018 - A rocket hit the airport.", day(2018, 5, 4)),
        ("Gao, le 12 mars 2018 - Des hommes armés ont attaqué un poste.", day(2018, 3, 12)),
        ("MOPTI, mardi 13 mars 2018 (AFP) – Un bus a sauté sur une mine.", day(2018, 3, 13)),
        ("Headline of the day\n\nSEGOU, 2 June 2018: Farmers and herders clashed.", day(2018, 6, 2)),
        ("Ansongo, le 1er juin 2018 –\nDes civils ont été enlevés.", day(2018, 6, 1)),
    ],
)
def test_wire_datelines_in_english_and_french(text: str, expected: PartialDate) -> None:
    assert find_dateline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Le 12 mars 2018, des hommes armés ont attaqué un poste à Gao.",
        "Lundi, 12 mars 2018, des hommes armés ont attaqué un poste à Gao.",
        "Gao, a town on the Niger, was attacked on 12 March 2018 (AFP) - officials said.",
        "Kidal, Gao and Menaka were quiet.\nThe attack of 3 March 2018 was recalled.",
        "BAMAKO - Fighting erupted near the border, officials said.",
        "Bamako, March 12 (Reuters) - Two soldiers were wounded.",
    ],
)
def test_sentences_with_dates_are_not_wire_datelines(text: str) -> None:
    assert find_dateline(text) is None


def test_a_date_alone_on_a_top_line_is_the_date_stamp() -> None:
    assert find_dateline("Clashes near Léré\n\nSaturday, 24 March 2018\n\nFighting broke out.") == day(2018, 3, 24)
    assert find_dateline("16 Apr 2018 | 09:35 AM UTC\nSoldiers were killed.") == day(2018, 4, 16)
    assert find_dateline("Attack in Gao\n\n20 Jun, 2018 10:53 / Updated\nGunmen...") == day(2018, 6, 20)
    assert find_dateline("Nov 20, 2018: Dozens of hostages were taken.") == day(2018, 11, 20)
    assert find_dateline("Une attaque à Gao\nle 12 mars 2018\nDes hommes armés...") == day(2018, 3, 12)


def test_dates_inside_sentences_are_not_datelines() -> None:
    text = "The attack happened on 1 February 2017, officials said.\nThe report was published on Friday."
    assert find_dateline(text) is None
    assert find_dateline("Date of the attack: 3 March 2017\nBody.") is None
    assert find_dateline("December 21, 2018 Download the report\nBody.") is None
    assert find_dateline("— Army spokesman (@army) 14 avril 2018\nBody.") is None


def test_a_date_line_far_down_the_page_is_not_the_stamp() -> None:
    top = "\n".join(f"Menu item {n}" for n in range(10))
    assert find_dateline(top + "\n24 March 2018\nBody.") is None

"""Publication dates from metadata strings and datelines, English and French."""

from __future__ import annotations

from datetime import date

import pytest

from peacewatch.sources.dates import find_dateline, parse_date_string


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
    ],
)
def test_absolute_dates_are_read(value: str, expected: date) -> None:
    assert parse_date_string(value) == expected


@pytest.mark.parametrize("value", ["", "yesterday", "Feb 1", "31 February 2017", "lundi dernier"])
def test_incomplete_or_impossible_dates_are_not_guessed(value: str) -> None:
    assert parse_date_string(value) is None


def test_datelines_in_english_and_french() -> None:
    assert find_dateline("Text of the report.\n\nPublished on 01 February 2017\n") == date(2017, 2, 1)
    assert find_dateline("Publié le 3 mars 2017\n\nTexte du rapport.") == date(2017, 3, 3)
    assert find_dateline("*Posted: March 5, 2017*\nBody.") == date(2017, 3, 5)
    assert find_dateline("Mis en ligne le 1er avril 2017 à 08h00\nCorps.") == date(2017, 4, 1)
    assert find_dateline("Date de publication : 02/05/2017\nCorps.") == date(2017, 5, 2)
    assert find_dateline("Date: Friday, 7 April 2017\nBody.") == date(2017, 4, 7)


def test_dates_inside_sentences_are_not_datelines() -> None:
    text = "The attack happened on 1 February 2017, officials said.\nThe report was published on Friday."
    assert find_dateline(text) is None
    assert find_dateline("Date of the attack: 3 March 2017\nBody.") is None

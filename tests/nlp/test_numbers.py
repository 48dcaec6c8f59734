"""Numbers in words and digits, as reports write casualty figures."""

import pytest

from peacewatch.nlp.fold import fold
from peacewatch.nlp.numbers import approximate_words, parse_digits, parse_number


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("twenty-five", "en", 25),
        ("twenty five", "en", 25),
        ("a hundred", "en", 100),
        ("one hundred and twenty", "en", 120),
        ("two thousand three hundred", "en", 2300),
        ("eleven", "en", 11),
        ("vingt-cinq", "fr", 25),
        ("vingt et un", "fr", 21),
        ("soixante-dix-sept", "fr", 77),
        ("soixante et onze", "fr", 71),
        ("quatre-vingts", "fr", 80),
        ("quatre-vingt-dix-neuf", "fr", 99),
        ("deux cents", "fr", 200),
        ("mille deux cents", "fr", 1200),
        ("Dix-Sept", "fr", 17),
    ],
)
def test_number_words(text: str, language: str, expected: int) -> None:
    assert parse_number(text, language) == expected


@pytest.mark.parametrize(("text", "expected"), [("12", 12), ("1,200", 1200), ("1 200", 1200), ("1.200", 1200)])
def test_digits_with_thousand_separators(text: str, expected: int) -> None:
    assert parse_digits(text) == expected


def test_not_a_number() -> None:
    assert parse_number("soldiers", "en") is None
    assert parse_number("and", "en") is None


def test_approximate_quantities_follow_the_codebook() -> None:
    en, fr = approximate_words("en"), approximate_words("fr")
    assert (en["dozens"].value, en["dozens"].qualifier) == (12, "vague")
    assert (en["several"].value, en["a few"].value) == (3, 3)
    assert (fr["une dizaine"].value, fr["une dizaine"].qualifier) == (10, "about")
    assert fr["une centaine"].value == 100


def test_fold_keeps_offsets() -> None:
    text = "Près de 80 blessés à Ségou"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "pres de 80 blesses a segou"


def test_each_language_reads_its_own_number_words() -> None:
    assert parse_number("vingt", "en") is None
    assert parse_number("twenty", "fr") is None
    assert parse_number("a hundred", "fr") is None


def test_unknown_language_reads_every_language() -> None:
    assert parse_number("twenty-five", None) == 25
    assert parse_number("quatre-vingt-dix", None) == 90
    assert approximate_words(None)["une dizaine"].value == 10
    assert approximate_words(None)["dozens"].value == 12

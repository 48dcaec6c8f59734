"""Language detection must be right on short English and French reports."""

from __future__ import annotations

import pytest

from peacewatch.documents import detect_language

ENGLISH = [
    "Gunmen killed three soldiers.",
    "Market attacked",
    "Attack in Menaka",
    "Explosion in Timbuktu",
    "UN peacekeeper killed",
    "Two civilians were abducted near Douentza on Monday.",
    "Troops retake Boni",
]
FRENCH = [
    "Une embuscade",
    "Explosion à Bamako",
    "Deux morts à Gao",
    "Bandits armés",
    "Un engin explosif improvisé",
    "Le convoi a été attaqué.",
    "Deux civils ont été enlevés lundi près de Douentza.",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_short_english(text: str) -> None:
    assert detect_language(text)[0] == "en"


@pytest.mark.parametrize("text", FRENCH)
def test_short_french(text: str) -> None:
    assert detect_language(text)[0] == "fr"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Los soldados atacaron el pueblo ayer por la mañana.", "es"),
        ("Die Soldaten griffen gestern Morgen das Dorf an.", "de"),
        ("هاجم مسلحون قرية في شمال مالي", "ar"),
    ],
)
def test_other_languages_keep_their_code(text: str, code: str) -> None:
    assert detect_language(text)[0] == code


def test_nothing_to_read_is_undetermined() -> None:
    assert detect_language("") == ("und", 0.0)
    assert detect_language("  12 345 \n") == ("und", 0.0)


def test_confidence_is_a_probability() -> None:
    language, confidence = detect_language("Des hommes armés ont attaqué un poste de l'armée près de Ménaka jeudi matin.")
    assert language == "fr" and 0.9 < confidence <= 1.0

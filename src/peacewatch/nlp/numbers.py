"""Numbers written in words or digits, in English and French.

Conflict reports give tolls as "twenty-five", "vingt-cinq", "quatre-vingts", "1,200" or
"une centaine"; the date and casualty readers need one integer (and, for the approximate forms,
how approximate it is). Everything here works on *folded* text (see ``fold``) so that accents
and case never change what matches, while character offsets stay those of the original text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from peacewatch.nlp.fold import fold


_UNITS_EN = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_UNITS_FR = {
    "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70, "huitante": 80,
    "octante": 80, "nonante": 90,
}
_SCALES_EN = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_SCALES_FR = {"cent": 100, "cents": 100, "mille": 1000, "million": 1_000_000, "millions": 1_000_000}
_JOINERS = {"and", "et"}

UNITS = {"en": _UNITS_EN, "fr": _UNITS_FR}
SCALES = {"en": _SCALES_EN, "fr": _SCALES_FR}


def _tables(language: str | None) -> tuple[dict[str, int], dict[str, int]]:
    if language in UNITS:
        return UNITS[language], SCALES[language]
    return {**_UNITS_FR, **_UNITS_EN}, {**_SCALES_FR, **_SCALES_EN}


def number_words(language: str | None) -> frozenset[str]:
    """Every folded word that can be part of a number written in words."""
    units, scales = _tables(language)
    return frozenset(units) | frozenset(scales)


def parse_number_words(words: Sequence[str], language: str | None = None) -> int | None:
    """Value of a run of folded number words ("twenty", "five") or hyphenated ones.

    Returns None when a word is not a number word. "quatre-vingt(s)" multiplies, as French does.
    """
    units, scales = _tables(language)
    parts = [p for w in words for p in w.split("-") if p]
    if not parts or parts[0] in _JOINERS or parts[-1] in _JOINERS:
        return None
    total = current = 0
    previous: int | None = None
    seen = False
    for part in parts:
        if part in _JOINERS:
            continue
        if part in ("a", "an") and language != "fr":
            value: int | None = 1
        else:
            value = units.get(part)
        if value is not None:
            if part in ("vingt", "vingts") and previous == 4:
                current += 80 - 4
            else:
                current += value
            previous = value
            seen = True
            continue
        scale = scales.get(part)
        if scale is None:
            return None
        seen = True
        if scale == 100:
            current = max(current, 1) * 100
        else:
            total += max(current, 1) * scale
            current = 0
        previous = scale
    return total + current if seen else None


_DIGITS = re.compile(r"\d{1,3}(?:([,.\u00a0\u202f ])\d{3})+(?!\d)|\d+")


def parse_digits(text: str) -> int | None:
    """Value of "12", "1,200", "1 200", "1.200" (thousand separators); None otherwise."""
    match = _DIGITS.fullmatch(text.strip())
    if not match:
        return None
    return int(re.sub(r"\D", "", match.group(0)))


def parse_number(text: str, language: str | None = None) -> int | None:
    """Digits with separators or number words ("vingt-cinq", "one hundred and two")."""
    value = parse_digits(text)
    if value is not None:
        return value
    return parse_number_words(fold(text).split(), language)


@dataclass(frozen=True, slots=True)
class Approximate:
    """A figure given as a word of quantity: its conventional value and how vague it is."""

    value: int
    qualifier: str


APPROXIMATE_EN: dict[str, Approximate] = {
    "dozens": Approximate(12, "vague"),
    "a dozen": Approximate(12, "about"),
    "about a dozen": Approximate(12, "about"),
    "several": Approximate(3, "vague"),
    "a few": Approximate(3, "vague"),
    "few": Approximate(3, "vague"),
    "a couple": Approximate(2, "about"),
    "scores": Approximate(20, "vague"),
    "a score": Approximate(20, "about"),
    "tens": Approximate(12, "vague"),
    "hundreds": Approximate(100, "vague"),
    "thousands": Approximate(1000, "vague"),
    "a number": Approximate(3, "vague"),
    "numerous": Approximate(3, "vague"),
    "many": Approximate(3, "vague"),
}
"""ACLED's conventions where it has one: "dozens" 12, "several" and "a few" 3."""

_FR_ROUND = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
}
APPROXIMATE_FR: dict[str, Approximate] = {
    **{f"une {w}": Approximate(v, "about") for w, v in _FR_ROUND.items()},
    **{f"{w}s": Approximate(v if v != 10 else 12, "vague") for w, v in _FR_ROUND.items()},
    "des dizaines": Approximate(12, "vague"),
    "des centaines": Approximate(100, "vague"),
    "des milliers": Approximate(1000, "vague"),
    "plusieurs": Approximate(3, "vague"),
    "quelques": Approximate(3, "vague"),
    "nombreux": Approximate(3, "vague"),
    "de nombreux": Approximate(3, "vague"),
    "de nombreuses": Approximate(3, "vague"),
    "une douzaine": Approximate(12, "about"),
}
"""French round figures: "une dizaine" is about 10, "des dizaines" counts like "dozens"."""

APPROXIMATE = {"en": APPROXIMATE_EN, "fr": APPROXIMATE_FR}


def approximate_words(language: str | None) -> dict[str, Approximate]:
    """Folded approximate quantity phrases for a language (both when unknown)."""
    if language in APPROXIMATE:
        return APPROXIMATE[language]
    return {**APPROXIMATE_FR, **APPROXIMATE_EN}

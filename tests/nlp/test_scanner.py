"""The one-pass scanner finds exactly what each pattern's own finditer finds, only faster."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from peacewatch.nlp.scanner import PhraseIndex, Scanner, prefixes, starts_at_word

PATTERNS = [
    re.compile(r"(?<!\w)(?:attack(?:s|ed|ing)?\b|(?-i:hit)\b|raids?\b)", re.I),
    re.compile(r"\b(?:no (?:reported )?casualt(?:y|ies)|without (?:any )?victims?)\b"),
    re.compile(r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?![\d/])"),
    re.compile(r"\b(?:(?:last|this|on)\s+)?(?:monday|lundi)\b"),
    re.compile(r"[àa]u moins \d+"),
    re.compile(r"\w+ly\b"),
]
SAMPLES = [
    "Gunmen attacked a post on Monday; no reported casualties. HIT or hit? 12/05 and 3/4/2017.",
    "Au moins 12 tués à Gao lundi. Raids, raided, attacking; à au moins 3 km. quickly, Lundi",
    "",
    "ATTACKS on 31/12 without any victims, this monday",
]


def _spans(found: list[list[re.Match[str]]]) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in matches] for matches in found]


def test_same_matches_as_finditer_on_samples() -> None:
    scanner = Scanner(PATTERNS)
    for text in SAMPLES:
        assert _spans(scanner.scan(text)) == [[m.span() for m in p.finditer(text)] for p in PATTERNS]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="atckhirsedno mylaéàu1230/ ,.ATK", max_size=80), st.integers(0, 10), st.integers(0, 90))
def test_same_matches_as_finditer_on_any_text(text: str, start: int, stop: int) -> None:
    scanner = Scanner(PATTERNS)
    assert _spans(scanner.scan(text, start, stop)) == [[m.span() for m in p.finditer(text, start, stop)] for p in PATTERNS]


def test_beginnings_are_read_from_the_pattern() -> None:
    assert prefixes(re.compile(r"(?:mortars?|obus)\b", re.I)) == {"mortar", "mortars", "obus"}
    assert prefixes(re.compile(r"\bno (?:reported )?dead")) == {"no repor", "no dead"}  # at most 8 characters
    assert prefixes(re.compile(r"\w+ly")) is None
    assert prefixes(re.compile(r"x?")) is None
    assert starts_at_word(re.compile(r"(?<!\w)(?:raid|ambush)", re.I))
    assert not starts_at_word(re.compile(r"[àa]u moins"))


def test_phrases_by_first_word_longest_first() -> None:
    index = PhraseIndex.build([(("au", "moins"), "at_least"), (("au",), "to"), (("plus", "de"), "more_than")])
    words = "tues au moins douze".split()
    assert index.longest_at(words, 1) == (("au", "moins"), "at_least")
    assert index.longest_at(words, 1, accept=lambda phrase: len(phrase) == 1) == (("au",), "to")
    assert index.longest_at(words, 0) is None
    assert "plus" in index and "moins" not in index

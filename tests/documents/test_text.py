"""Normalised text is what evidence offsets point into: it must be stable."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from peacewatch.documents import document_id, normalise_text


def test_line_endings_spaces_and_paragraphs() -> None:
    raw = "\ufeff  Title line \r\n\r\n\r\n\r\nFirst\tparagraph\u00a0here.   \rsame paragraph\n\n\n\nSecond.\x07\n\n"
    assert normalise_text(raw) == "Title line\n\nFirst paragraph here.\nsame paragraph\n\nSecond."


def test_unicode_is_composed_and_invisible_characters_removed() -> None:
    decomposed = "Me\u0301naka, bless\u00e9s, 1\u202f200 d\u00e9plac\u00e9s, soft\u00adhyphen, zero\u200bwidth"
    assert normalise_text(decomposed) == "Ménaka, blessés, 1 200 déplacés, softhyphen, zerowidth"


def test_same_text_same_id_whatever_the_line_endings() -> None:
    assert document_id("A\r\nB  \r\n") == document_id("A\nB") == document_id("A\nB\n\n")
    assert document_id("A\nB") != document_id("A\nC")
    assert len(document_id("x")) == 64


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert "\r" not in once and "\n\n\n" not in once and not once.endswith((" ", "\n"))

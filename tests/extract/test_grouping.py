"""Mentions into events: what joins an event and what starts a new one."""

from __future__ import annotations

from datetime import date

from peacewatch.extract.grouping import family


def test_a_back_reference_joins_the_event_it_recalls(reading_of) -> None:
    text = ("On Thursday, gunmen attacked the market in Boni, killing three civilians. "
            "Two days later, soldiers clashed with militants near Douentza. "
            "The Boni attack was the third on a market this year.")
    _, groups = reading_of(text, date(2018, 3, 10))
    assert len(groups) == 2
    assert [m.index for m in groups[0].mentions] == [0, 2]


def test_an_aftermath_sentence_without_a_trigger_speaks_of_the_event_before(reading_of) -> None:
    text = "On Monday, gunmen attacked a post in Boni. The army denied any losses."
    _, (group,) = reading_of(text, date(2018, 3, 10))
    assert group.extra_spans == [(text.index("The army"), len(text))]


def test_a_new_date_starts_a_new_event(reading_of) -> None:
    text = "On Monday, gunmen attacked a post in Boni. On Wednesday, gunmen attacked a post in Boni."
    _, groups = reading_of(text, date(2018, 3, 10))
    assert len(groups) == 2


def test_fights_and_bombings_are_one_family_protests_and_riots_another() -> None:
    assert family(("Battles", "Armed clash")) == family(("Explosions/Remote violence", "Grenade")) == "violence"
    assert family(("Protests", "Peaceful protest")) == family(("Riots", "Mob violence")) == "crowd"
    assert family(("Strategic developments", "Agreement")) == "Agreement"

"""A report's unconfirmed pieces join the event its other pieces joined; an article's second
event that other reports confirm, or a recalled event of another day, stays apart."""

from __future__ import annotations

import dataclasses
from datetime import date

from tests.resolve.builders import Report, gao_reports, ingest

from peacewatch.store.base import Store

DAY = date(2017, 1, 18)


def _piece(place: str, text: str, event_type: str, sub_event_type: str, on: date = DAY, killed: int | None = None):
    """A candidate an extractor would read from one later sentence of an article."""
    return Report("piece", DAY, text, event_date=on, place=place, event_type=event_type,
                  sub_event_type=sub_event_type, killed=killed).candidate()


def _with_pieces(report: Report, *pieces) -> Report:
    return dataclasses.replace(report, extra=list(pieces))


def _sources_of(store: Store) -> list[int]:
    return sorted(len(e.sources) for e in store.events())


def test_a_reaction_in_the_capital_is_part_of_the_article_event(store: Store) -> None:
    first, second = gao_reports()[:2]
    reaction = _piece("Bamako", "In Bamako the minister said the attackers killed 25 people.",
                      "Violence against civilians", "Attack", killed=25)
    ingest(store, [_with_pieces(first, reaction), second])
    [event] = list(store.events())
    assert len(event.sources) == 2 and event.location == "Gao"


def test_an_undated_recap_of_the_same_report_is_not_a_new_event(store: Store) -> None:
    first, second = gao_reports()[:2]
    recap = dataclasses.replace(
        _piece("Gao", "The camp had been attacked by fighters before.", "Battles", "Armed clash"),
        event_date=None, time_precision=0,
    )
    ingest(store, [_with_pieces(first, recap), second])
    assert _sources_of(store) == [2]


def test_an_older_event_recalled_in_the_article_stays_apart(store: Store) -> None:
    first, second = gao_reports()[:2]
    recalled = _piece("Kidal", "In November an ambush near Kidal killed 4 soldiers.", "Battles", "Armed clash",
                      on=date(2016, 11, 20), killed=4)
    ingest(store, [_with_pieces(first, recalled), second])
    assert _sources_of(store) == [1, 2]


def test_a_second_event_other_reports_confirm_stays_a_second_event(store: Store) -> None:
    first, second = gao_reports()[:2]
    clash = "The same day, gunmen attacked a checkpoint in Timbuktu."
    in_first = _piece("Timbuktu", clash, "Battles", "Armed clash")
    in_second = _piece("Timbuktu", clash, "Battles", "Armed clash")
    ingest(store, [_with_pieces(first, in_first), _with_pieces(second, in_second)])
    events = sorted(store.events(), key=lambda e: e.location)
    assert [(e.location, len(e.sources)) for e in events] == [("Gao", 2), ("Timbuktu", 2)]


def test_two_unconfirmed_pieces_of_one_report_are_one_event(store: Store) -> None:
    [alone] = gao_reports()[:1]
    toll = _piece("Gao", "Hospital staff counted 30 dead.", "Violence against civilians", "Attack", killed=30)
    ingest(store, [_with_pieces(alone, toll)])
    assert _sources_of(store) == [1] and len(list(store.events())) == 1

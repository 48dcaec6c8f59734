"""Resolution under extraction noise: outlets (and extractors) code, date and place one event
differently; the reports must still make one event, and look-alike events must stay apart."""

from __future__ import annotations

from datetime import date

from tests.resolve.builders import Report, gao_reports, ied_reports, ingest
from tests.resolve.test_resolution import grouping

from peacewatch.resolve.features import profile, score, type_compatibility
from peacewatch.store.base import Store

MONDAY = date(2017, 5, 8)


def market_reports() -> list[Report]:
    """One attack on a market, coded three ways by three outlets."""
    common = dict(place="Timbuktu", killed=4)
    return [
        Report("market-vac", MONDAY, "Gunmen opened fire on the cattle market of Timbuktu on Monday, killing 4 civilians.", "en", "Wire B", event_type="Violence against civilians", sub_event_type="Attack", actor2="Civilians (Mali)", **common),
        Report("market-battle", MONDAY, "Des affrontements ont éclaté lundi au marché à bétail de Tombouctou entre des hommes armés et l'armée, faisant 4 morts.", "fr", "Journal A", event_type="Battles", sub_event_type="Armed clash", actor2="Military Forces of Mali (2013-2021)", **common),
        Report("market-riot", date(2017, 5, 9), "Four people died on Monday when a brawl at the Timbuktu cattle market turned into a shooting.", "en", "Daily C", event_date=MONDAY, event_type="Riots", sub_event_type="Mob violence", actor1="Rioters (Mali)", **common),
    ]


def test_one_attack_coded_as_clash_attack_and_riot_is_one_event(store: Store) -> None:
    ingest(store, market_reports())
    assert grouping(store) == {frozenset({"market-vac", "market-battle", "market-riot"})}


def test_violent_types_never_veto_each_other_but_a_defused_bomb_still_does() -> None:
    violent = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")
    assert all(type_compatibility(a, "", b, "") > 0 for a in violent for b in violent)
    assert type_compatibility("Strategic developments", "Disrupted weapons use", "Explosions/Remote violence", "") == 0


def test_recoded_attacks_on_consecutive_days_still_stay_apart(store: Store) -> None:
    """Soft types must not fuse the two roadside bombs when one report of each is coded as a clash."""
    reports = ied_reports()
    reports[1].event_type, reports[1].sub_event_type = "Battles", "Armed clash"
    reports[3].event_type, reports[3].sub_event_type = "Violence against civilians", "Attack"
    ingest(store, reports)
    assert grouping(store) == {frozenset({"ied1-en", "ied1-fr"}), frozenset({"ied2-en", "ied2-fr"})}


def test_a_follow_up_without_a_date_of_its_own_joins_the_event(store: Store) -> None:
    """An extractor that finds no date falls back on the day of publication, here three days late."""
    late = Report("gao-funerals", date(2017, 1, 21), "Des milliers de personnes ont assisté aux obsèques des victimes de l'attentat kamikaze contre le camp du MOC à Gao. Le bilan officiel est de 77 morts.", "fr", "Journal G", killed=77)
    ingest(store, gao_reports()[:3] + [late])
    assert len(list(store.events())) == 1


def test_a_date_read_from_the_report_keeps_its_tight_window() -> None:
    first = gao_reports()[1]
    other = Report("gao-later", date(2017, 1, 22), "A suicide car bomb exploded at the MOC camp in Gao on Sunday. Hospital staff counted 37 dead.", "en", "Wire H", killed=37)
    assert score(profile(first.candidate(), first.published), profile(other.candidate(), other.published)) is None

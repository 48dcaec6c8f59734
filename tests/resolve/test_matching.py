"""Pairwise features: what makes two reports one event, across languages."""

from __future__ import annotations

from datetime import date

from tests.resolve.builders import Report, gao_reports

from peacewatch.resolve.cluster import THRESHOLD
from peacewatch.resolve.features import compare, profile, score, type_compatibility
from peacewatch.resolve.text import anchors


def test_french_and_english_reports_of_one_bombing_match() -> None:
    fr, en = gao_reports()[0], gao_reports()[1]
    assert score(profile(fr.candidate(), fr.published), profile(en.candidate(), en.published)) >= THRESHOLD


def test_anchors_are_shared_across_languages() -> None:
    fr = anchors("Un kamikaze a tué 25 soldats le 18 janvier à Gao")
    en = anchors("A suicide bomber killed 25 soldiers on 18 January in Gao")
    assert {"~suicide", "~kill", "~soldier", "#25", "#18", "month:1", "gao"} <= fr & en


def test_dates_too_far_apart_never_match() -> None:
    a = gao_reports()[1]
    b = Report("later", date(2017, 1, 25), a.text, killed=3)
    assert compare(profile(a.candidate(), a.published), profile(b.candidate(), b.published)) is None


def test_month_precision_widens_the_window() -> None:
    a = gao_reports()[1]
    b = Report("recap", date(2017, 2, 20), "In January a suicide car bomb hit the MOC camp in Gao.", event_date=date(2017, 1, 16), time_precision=3)
    assert compare(profile(a.candidate(), a.published), profile(b.candidate(), b.published)) is not None


def test_places_far_apart_never_match() -> None:
    a = gao_reports()[1]
    b = Report("elsewhere", a.published, a.text.replace("Gao", "Timbuktu"), place="Timbuktu")
    assert compare(profile(a.candidate(), a.published), profile(b.candidate(), b.published)) is None


def test_type_compatibility() -> None:
    assert type_compatibility("Battles", "Armed clash", "Explosions/Remote violence", "Remote explosive/landmine/IED") > 0
    assert type_compatibility("Strategic developments", "Disrupted weapons use", "Explosions/Remote violence", "Remote explosive/landmine/IED") == 0
    assert type_compatibility("Protests", "", "Riots", "") > type_compatibility("Battles", "", "Violence against civilians", "")

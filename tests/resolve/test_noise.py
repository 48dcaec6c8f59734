"""Resolution under extraction noise: outlets (and extractors) code, date and place one event
differently; the reports must still make one event, and look-alike events must stay apart."""

from __future__ import annotations

from datetime import date

from tests.resolve.builders import Report, gao_reports, ied_reports, ingest
from tests.resolve.test_resolution import grouping

from peacewatch.records import EventCandidate
from peacewatch.resolve.features import compare, profile, score, type_compatibility
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


def events_by_key(store: Store, reports: list[Report]) -> set[frozenset[str]]:
    keys = {r.doc_id: r.key for r in reports}
    return {frozenset(keys[s] for s in e.sources) for e in store.events()}


def kidal_clash_reports() -> list[Report]:
    """Clashes near Kidal; the third report is placed in Bamako, where a meeting it mentions sits."""
    day = date(2017, 7, 11)
    common = dict(event_type="Battles", sub_event_type="Armed clash", actor1="CMA: Coordination of Azawad Movements", actor2="GATIA: Imghad Tuareg and Allies Self-Defense Group")
    return [
        Report("clash-en", date(2017, 7, 12), "Fighters of the CMA and GATIA clashed on Tuesday near Kidal, both sides said.", "en", "Wire B", event_date=day, place="Kidal", title="Rival armed groups clash near Kidal", **common),
        Report("clash-fr", date(2017, 7, 12), "De violents combats ont opposé mardi la CMA et le GATIA près de Kidal.", "fr", "Journal A", event_date=day, place="Kidal", title="Kidal : combats entre la CMA et le GATIA", **common),
        Report("clash-dateline", date(2017, 7, 12), "Ces affrontements de mardi entre la CMA et le GATIA surviennent alors que se tient à Bamako le comité de suivi de l'accord.", "fr", "Hebdo D", event_date=day, place="Bamako", title="Région de Kidal : la CMA et le GATIA s'affrontent", **common),
    ]


def test_a_report_placed_at_the_wrong_town_joins_the_event_its_title_names(store: Store) -> None:
    reports = kidal_clash_reports()
    ingest(store, reports)
    assert events_by_key(store, reports) == {frozenset({"clash-en", "clash-fr", "clash-dateline"})}


def test_far_apart_reports_whose_titles_name_both_towns_stay_apart(store: Store) -> None:
    """Two attacks on one day: each outlet's headline names both towns, so neither is misplaced."""
    day = date(2017, 5, 8)
    reports = [
        Report("gao-attack", day, "Gunmen attacked a checkpoint in Gao on Monday, killing 2 soldiers.", "en", "Wire B", place="Gao", killed=2, title="Checkpoint attacked in Gao, hours after Timbuktu raid"),
        Report("timbuktu-raid", day, "Des hommes armés ont attaqué lundi un poste à Tombouctou (Timbuktu), tuant 2 soldats.", "fr", "Journal A", place="Timbuktu", killed=2, title="Timbuktu : un poste attaqué, Gao aussi visé"),
    ]
    ingest(store, reports)
    assert len(list(store.events())) == 2


def test_a_plan_and_an_outcome_differ_only_when_their_days_differ() -> None:
    """Extractors read 'planned' into reports of things done; on the same day that costs nothing."""
    done = kidal_reports_held()[0]
    misread = Report("held-misread", done.published, done.text, event_date=done.event_date, status="planned", **KIDAL)
    announced = Report("announced", date(2017, 2, 20), "The ceremony is scheduled for Saturday 25 February.", event_date=date(2017, 2, 25), status="planned", **KIDAL)
    same_day = compare(profile(done.candidate(), done.published), profile(misread.candidate(), misread.published))
    assert same_day is not None and same_day["planned_mismatch"] == 0
    other_day = compare(profile(done.candidate(), done.published), profile(announced.candidate(), announced.published))
    assert other_day is None or other_day["planned_mismatch"] < 0


KIDAL = dict(event_type="Strategic developments", sub_event_type="Other", place="Kidal")


def kidal_reports_held() -> list[Report]:
    return [Report("held", date(2017, 2, 26), "The interim authorities of Kidal were installed on Sunday 26 February.", event_date=date(2017, 2, 26), **KIDAL)]


def test_two_copies_of_one_wire_story_extracted_differently_are_one_event(store: Store) -> None:
    """The second outlet's copy lost the place name from its first paragraph and reads as a clash."""
    text = "Gunmen attacked a checkpoint in Mopti on Monday, killing 2 soldiers, the army said."
    original = Report("wire", MONDAY, text, "en", "Wire B", place="Mopti", killed=2, event_type="Violence against civilians", sub_event_type="Attack", actor2="Military Forces of Mali (2013-2021)")
    copy = Report("wire-copy", date(2017, 5, 10), "Gunmen attacked a checkpoint on Monday, killing 2 soldiers, the army said.", "en", "Daily C", event_date=MONDAY, place="Mopti", geo_precision=3, killed=2, event_type="Battles", sub_event_type="Armed clash", actor1="Military Forces of Mali (2013-2021)", actor2="Unidentified Armed Group (Mali)", copy_of="wire")
    first = profile(original.candidate(), original.published, original.doc_id)
    second = profile(copy.candidate(), copy.published, original.doc_id)
    alone = profile(copy.candidate(), copy.published)
    assert score(first, second) > score(first, alone)
    ingest(store, [original, copy])
    assert len(list(store.events())) == 1


def test_pieces_of_one_report_read_as_two_events_stay_in_one(store: Store) -> None:
    """The extractor reads one report as an explosion in Gao and, from the sentence quoting the
    claim, an attack in Bamako; every other report of the bombing must still make one event."""
    reports = gao_reports()[:4]
    split = reports[3]
    split.title = "Attentat de Gao : 60 morts"
    piece = Report("piece", split.published, split.text, "fr", event_date=split.event_date, place="Bamako", event_type="Violence against civilians", sub_event_type="Attack", actor2="Civilians (Mali)").candidate()
    piece.event_date = split.event_date or split.published
    split.extra = [piece]
    claim = Report("claim", split.published, "Al Mourabitoun a revendiqué dans un message lu à Bamako l'attentat-suicide contre le camp du MOC à Gao qui a tué des civils.", "fr", "Journal E", event_date=split.event_date, place="Bamako", event_type="Violence against civilians", sub_event_type="Attack", actor2="Civilians (Mali)", claimed_by="Al Mourabitoun", title="Gao : Al Mourabitoun revendique")
    reports.append(claim)
    ingest(store, reports)
    assert frozenset(r.key for r in reports) in events_by_key(store, reports)


def test_a_venue_named_after_a_far_town_does_not_place_the_event_there(store: Store) -> None:
    """An extractor reads "the Timbuktu Hotel" in Bamako as the town of Timbuktu, 700 km away."""
    common = dict(event_type="Violence against civilians", sub_event_type="Attack", actor2="Civilians (Mali)")
    reports = [
        Report("hotel-en", MONDAY, "Gunmen stormed the Timbuktu Hotel on Monday, killing 3 guests before troops ended the siege.", "en", "Wire B", place="Timbuktu", killed=3, **common),
        Report("hotel-fr", MONDAY, "Des hommes armés ont attaqué lundi un hôtel de Bamako, tuant 3 clients avant l'assaut des forces spéciales.", "fr", "Journal A", place="Bamako", killed=3, **common),
    ]
    ingest(store, reports)
    assert grouping(store) == {frozenset({"hotel-en", "hotel-fr"})}


def test_venue_names_are_told_from_camps_at_a_place() -> None:
    from peacewatch.records import EventCandidate, Evidence
    from peacewatch.resolve.documents import venue_named

    def placed(text: str, name: str) -> bool:
        start = text.index(name)
        return venue_named(text, EventCandidate(evidence=[Evidence("location", start, start + len(name), name)]))

    assert placed("Des hommes armés ont attaqué le campement Kangaba.", "Kangaba")
    assert placed("An attack on the Kangaba resort near the capital.", "Kangaba")
    assert placed("La foule s'est rassemblée sur la place de la Liberté.", "Liberté")
    assert not placed("Des hommes armés ont attaqué un campement de Kangaba.", "Kangaba")
    assert not placed("A mine hit the army camp at Kidal.", "Kidal")


def test_the_un_and_its_mission_or_civilians_of_two_countries_are_one_side_hit() -> None:
    """Reports name the same victims differently: no look-alike penalty for that."""
    common = dict(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED", place="Kidal")
    un = Report("un", MONDAY, "A UN convoy hit a mine near Kidal on Monday.", actor2="UN: United Nations", **common)
    mission = Report("mission", MONDAY, "Des casques bleus ont sauté sur une mine lundi près de Kidal.", "fr", actor2="MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-2020)", **common)
    army = Report("army", MONDAY, "An army truck hit a mine near Kidal on Monday.", actor2="Military Forces of Mali (2013-2021)", **common)
    bus = Report("bus", MONDAY, "A bus from Burkina Faso hit a mine near Kidal on Monday.", actor2="Civilians (Burkina Faso)", **common)
    villagers = Report("villagers", MONDAY, "Villagers were killed by a mine near Kidal on Monday.", actor2="Civilians (Mali)", **common)

    def conflict(a: Report, b: Report) -> float:
        return compare(profile(a.candidate(), a.published), profile(b.candidate(), b.published))["target_conflict"]

    assert conflict(un, mission) == 0.0
    assert conflict(bus, villagers) == 0.0
    assert conflict(army, bus) < 0.0


def test_a_stray_piece_of_an_attack_report_stays_with_its_attack_not_with_a_march(store: Store) -> None:
    """The extractor reads a 'mob' from an attack report's aftermath sentence; a march through the
    same town that day must not take it (nor be retyped a riot by it)."""
    common = dict(event_type="Violence against civilians", sub_event_type="Attack", place="Bamako", actor2="Civilians (Mali)", killed=3)
    crowd = Report("crowd", MONDAY, "A crowd in Bamako chased one of the attackers on Monday.", event_type="Riots", sub_event_type="Mob violence", place="Bamako", actor1="Rioters (Mali)").candidate()
    attack = Report("attack", MONDAY, "Gunmen attacked a hotel in Bamako on Monday, killing 3 guests. A crowd in Bamako chased one of the attackers on Monday.", extra=[crowd], **common)
    attack_fr = Report("attack-fr", MONDAY, "Des hommes armés ont attaqué lundi un hôtel de Bamako : 3 clients tués.", "fr", **common)
    march = Report("march", MONDAY, "A crowd marched through Bamako on Monday against the new constitution.", event_type="Protests", sub_event_type="Peaceful protest", place="Bamako", actor1="Protesters (Mali)")
    ingest(store, [attack, attack_fr, march])
    assert grouping(store) == {frozenset({"attack", "attack-fr"}), frozenset({"march"})}
    (held,) = [e for e in store.events() if e.sources == [march.doc_id]]
    assert held.event_type == "Protests"

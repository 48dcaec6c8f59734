"""End to end: reports we wrote, with several events, background and a planned event."""

from __future__ import annotations

from datetime import date

import pytest

from peacewatch.extract.base import extractors
from peacewatch.records import Document, EventCandidate

EN_REPORT = """Gunmen kill three at market in central Mali
On Thursday, unidentified gunmen attacked the weekly market in Boni, killing three civilians and wounding five others, local officials said.
Two days later, JNIM fighters fired mortar rounds at an army post in Douentza. No casualties were reported. JNIM claimed responsibility for the shelling.
The Boni attack was the third on a market in the region this year.
Since the 2012 rebellion, the centre of the country has seen repeated violence.
A protest against insecurity will be held in Mopti on 20 March.
"""

FR_REPORT = """Le 5 juin, des hommes armés ont attaqué un poste de la gendarmerie à Diafarabé. Deux gendarmes ont été tués.
Le lendemain, un véhicule de l'armée a sauté sur une mine près de Ténenkou, faisant trois blessés.
L'attaque de Diafarabé a été revendiquée par la Katiba Macina.
"""


@pytest.fixture(scope="module")
def extract():
    engine = extractors.get("rules")()

    def run(text: str, published: date, language: str) -> list[EventCandidate]:
        return engine(Document(id="doc", text=text, published=published, language=language))

    return run


def by_type(events: list[EventCandidate], sub_event_type: str) -> EventCandidate:
    found = [e for e in events if e.sub_event_type == sub_event_type]
    assert len(found) == 1, [(e.event_type, e.sub_event_type) for e in events]
    return found[0]


def test_english_report_gives_one_event_per_real_event(extract) -> None:
    events = extract(EN_REPORT, date(2018, 3, 10), "en")
    assert sorted(e.sub_event_type for e in events) == ["Attack", "Peaceful protest", "Shelling/artillery/missile attack"]
    assert all(e.event_date.year == 2018 for e in events), "the 2012 rebellion is background, not an event"


def test_market_attack_fields(extract) -> None:
    attack = by_type(extract(EN_REPORT, date(2018, 3, 10), "en"), "Attack")
    assert attack.event_type == "Violence against civilians"
    assert attack.event_date == date(2018, 3, 8)
    assert (attack.location, attack.admin1, attack.country, attack.iso3) == ("Boni", "Mopti", "Mali", "MLI")
    assert attack.fatalities == 3 and attack.injuries == 5
    assert attack.actor1 == "Unidentified Armed Group (Mali)"
    assert attack.actor2 == "Civilians (Mali)"
    assert attack.interaction == 37
    evidence_fields = {e.field for e in attack.evidence}
    assert {"event_type", "event_date", "location", "fatalities", "injuries"} <= evidence_fields
    later = EN_REPORT.index("The Boni attack")
    assert any(e.start >= later for e in attack.evidence), "the later reference adds evidence to the same event"


def test_shelling_is_claimed_and_dated_from_the_anaphor(extract) -> None:
    shelling = by_type(extract(EN_REPORT, date(2018, 3, 10), "en"), "Shelling/artillery/missile attack")
    assert shelling.event_date == date(2018, 3, 10)
    assert shelling.location == "Douentza"
    assert shelling.status == "claimed"
    assert shelling.actor1.startswith("JNIM")
    assert shelling.actor2.startswith("Military Forces of Mali")
    assert shelling.fatalities == 0


def test_announced_protest_is_planned_and_may_lie_after_publication(extract) -> None:
    protest = by_type(extract(EN_REPORT, date(2018, 3, 10), "en"), "Peaceful protest")
    assert protest.status == "planned"
    assert protest.event_date == date(2018, 3, 20)
    assert protest.actor1 == "Protesters (Mali)"


def test_every_evidence_span_is_the_text_it_claims(extract) -> None:
    for event in extract(EN_REPORT, date(2018, 3, 10), "en") + extract(FR_REPORT, date(2017, 6, 8), "fr"):
        assert event.evidence
        text = EN_REPORT if event.event_date.year == 2018 else FR_REPORT
        for ev in event.evidence:
            assert text[ev.start : ev.end] == ev.text


def test_french_report(extract) -> None:
    events = extract(FR_REPORT, date(2017, 6, 8), "fr")
    clash = by_type(events, "Armed clash")
    assert clash.event_date == date(2017, 6, 5)
    assert clash.location == "Diafarabé"
    assert clash.fatalities == 2
    assert "Gendarmerie" in clash.actor2
    assert clash.status == "claimed"
    mine = by_type(events, "Remote explosive/landmine/IED")
    assert mine.event_date == date(2017, 6, 6)
    assert mine.injuries == 3
    assert mine.geo_precision == 2


def test_nothing_past_is_dated_after_publication(extract) -> None:
    text = "Unidentified gunmen attacked a bus near Gao on 28 December, killing two passengers."
    events = extract(text, date(2018, 1, 2), "en")
    assert [e.event_date for e in events] == [date(2017, 12, 28)]


def test_unsupported_language_gives_no_events() -> None:
    engine = extractors.get("rules")()
    doc = Document(id="de", text="Bewaffnete griffen gestern ein Dorf bei Gao an.", published=date(2018, 1, 2), language="de")
    assert engine(doc) == []


def test_announced_conference_is_planned_in_the_coming_month(extract) -> None:
    text = "The president said on Friday that a national reconciliation conference would take place in March."
    events = extract(text, date(2018, 2, 10), "en")
    assert len(events) == 1
    assert events[0].status == "planned"
    assert (events[0].event_date.year, events[0].event_date.month) == (2018, 3)


def test_a_meeting_that_is_only_mentioned_is_not_an_event(extract) -> None:
    assert extract("Delegates discussed the talks held in Algiers years ago.", date(2018, 2, 10), "en") == []


def test_an_event_told_without_a_place_takes_the_town_named_before(extract) -> None:
    text = "Protesters marched in Gao on Monday. On Tuesday, unknown gunmen abducted two traders."
    abduction = by_type(extract(text, date(2018, 2, 14), "en"), "Abduction/forced disappearance")
    assert abduction.location == "Gao"
    assert abduction.event_date == date(2018, 2, 13)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Gunmen shot dead an off-duty gendarme in Gao on Monday.", "en"),
        ("On Monday, unknown men killed a retired soldier at the market in Niono.", "en"),
        ("Lundi, des hommes armés ont tué un policier à son domicile à Gao.", "fr"),
    ],
)
def test_members_of_forces_hit_while_unarmed_are_civilian_victims(extract, text: str, language: str) -> None:
    event = extract(text, date(2018, 2, 14), language)[0]
    assert (event.event_type, event.actor2) == ("Violence against civilians", "Civilians (Mali)")


def test_a_soldier_killed_on_duty_is_a_fight_with_the_army(extract) -> None:
    event = extract("Gunmen shot dead a soldier at a checkpoint in Gao on Monday.", date(2018, 2, 14), "en")[0]
    assert event.event_type == "Battles"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, militants attacked Dawsahak camps near Menaka, killing nine people.", "en"),
        ("Lundi, des hommes armés ont attaqué des campements peuls près de Ménaka, tuant neuf personnes.", "fr"),
    ],
)
def test_a_community_camp_is_where_civilians_live(extract, text: str, language: str) -> None:
    event = extract(text, date(2018, 2, 14), language)[0]
    assert (event.event_type, event.actor2) == ("Violence against civilians", "Civilians (Mali)")


def test_shooters_named_after_when_are_the_attackers(extract) -> None:
    text = "Several traders were wounded in Gao on Monday when unknown gunmen fired into the market."
    event = extract(text, date(2018, 2, 14), "en")[0]
    assert (event.event_type, event.actor1) == ("Violence against civilians", "Unidentified Armed Group (Mali)")


def test_an_armed_group_member_taken_by_another_group_is_a_fight(extract) -> None:
    event = extract("On Monday, gunmen abducted a GATIA commander near Menaka.", date(2018, 2, 14), "en")[0]
    assert (event.event_type, event.actor2) == ("Battles", "GATIA: Imghad Tuareg and Allies Self-Defense Group")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, gunmen abducted the CMA spokesman in Kidal.", "en"),
        ("Lundi, des hommes armés ont enlevé le porte-parole de la CMA à Kidal.", "fr"),
    ],
)
def test_a_movement_s_political_figure_is_a_civilian(extract, text: str, language: str) -> None:
    event = extract(text, date(2018, 2, 14), language)[0]
    assert (event.event_type, event.actor1, event.actor2) == (
        "Violence against civilians", "Unidentified Armed Group (Mali)", "Civilians (Mali)"
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, a bus hit an IED near Boni, killing two passengers. The device was probably planted by JNIM.", "en"),
        ("Lundi, un car a sauté sur une mine près de Boni, tuant deux passagers. L'engin aurait été posé par le JNIM.", "fr"),
    ],
)
def test_a_later_sentence_naming_who_planted_the_device_gives_the_attacker(extract, text: str, language: str) -> None:
    event = extract(text, date(2018, 2, 14), language)[0]
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Remote explosive/landmine/IED", "JNIM: Group for Support of Islam and Muslims", "Civilians (Mali)"
    )


def test_youths_fighting_the_police_are_rioters(extract) -> None:
    event = extract("On Monday, clashes between police and youths in Gao left two wounded.", date(2018, 2, 14), "en")[0]
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")


def test_youths_burning_a_post_riot(extract) -> None:
    event = extract("Lundi, des jeunes en colère ont incendié le poste de gendarmerie de Niono.", date(2018, 2, 14), "fr")[0]
    assert event.event_type == "Riots"


def test_armed_students_clashing_fight(extract) -> None:
    text = "On Monday, armed students at the law faculty in Bamako clashed over the post of general secretary."
    assert extract(text, date(2018, 2, 14), "en")[0].event_type == "Battles"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, presumed militants clashed with local residents in the village of Kona.", "en"),
        ("Lundi, des jihadistes ont affronté les villageois de Kona.", "fr"),
    ],
)
def test_villagers_fighting_an_armed_group_are_a_communal_militia(extract, text: str, language: str) -> None:
    event = extract(text, date(2018, 2, 14), language)[0]
    assert (event.event_type, event.actor2) == ("Battles", "Unidentified Communal Militia (Mali)")


def test_self_defence_retaliating_makes_the_attack_a_fight(extract) -> None:
    text = "On Monday, militants attacked a camp near Kona, killing one person; local self-defence retaliated."
    assert extract(text, date(2018, 2, 14), "en")[0].event_type == "Battles"


def test_those_who_only_report_the_fighting_are_no_side(extract) -> None:
    event = extract("An exchange of fire was reported by Gao inhabitants on Monday.", date(2018, 2, 14), "en")[0]
    assert (event.event_type, event.actor2) == ("Battles", "")


@pytest.mark.parametrize(
    ("text", "language", "escort"),
    [
        ("On Monday, militants attacked traders escorted by Dogon militiamen near Mondoro.", "en", "Dogon Ethnic Militia (Mali)"),
        ("Lundi, des jihadistes ont attaqué un convoi de commerçants escorté par des soldats près de Boni.", "fr",
         "Military Forces of Mali (2013-2020)"),
    ],
)
def test_an_escorted_convoy_attacked_is_a_fight_with_its_escort(extract, text: str, language: str, escort: str) -> None:
    event = extract(text, date(2018, 2, 14), language)[0]
    assert (event.event_type, event.actor2) == ("Battles", escort)


def test_armed_youths_shot_by_soldiers_are_no_civilian_targets(extract) -> None:
    event = extract("On Monday, soldiers shot dead two armed youths near Dioungani.", date(2018, 2, 14), "en")[0]
    assert event.event_type == "Battles"


def test_the_civilians_hit_stay_when_a_later_sentence_names_the_bombers(extract) -> None:
    text = "On Monday, a civilian truck was struck by an IED near Kidal, three passengers were wounded. The IED was planted by Ansar Dine militants."
    event = extract(text, date(2018, 2, 14), "en")[0]
    assert (event.actor1, event.actor2) == ("Ansar Dine", "Civilians (Mali)")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, two herders were mistaken for militants and shot dead by soldiers near Konna.", "en"),
        ("Lundi, deux bergers pris pour des jihadistes ont été abattus par des soldats près de Konna.", "fr"),
    ],
)
def test_what_victims_were_taken_for_is_no_side(extract, text: str, language: str) -> None:
    event = extract(text, date(2018, 2, 14), language)[0]
    assert (event.event_type, event.actor1, event.actor2) == (
        "Violence against civilians", "Military Forces of Mali (2013-2020)", "Civilians (Mali)"
    )


def test_attackers_suspected_of_being_a_group_are_that_group(extract) -> None:
    text = "On Monday, gunmen suspected of being JNIM militants killed two traders near Boni."
    event = extract(text, date(2018, 2, 14), "en")[0]
    assert event.actor1 == "JNIM: Group for Support of Islam and Muslims"


def test_last_weeks_attack_recalled_in_an_arrest_report_is_no_new_event(extract) -> None:
    text = (
        "Police arrested three men in Sévaré on Friday, officials said.\n\n"
        "The suspects are thought to belong to the group that claimed last week's car bombing of the army camp "
        "in Mopti, in which 12 soldiers died."
    )
    events = extract(text, date(2018, 3, 10), "en")
    assert [e.sub_event_type for e in events] == ["Arrests"]
    assert events[0].event_date == date(2018, 3, 9)


def test_a_weekday_owning_the_attack_dates_it_even_in_a_claim(extract) -> None:
    text = "A jihadist group on Wednesday claimed Sunday's suicide bombing of the army camp in Tessit, in which nine soldiers died."
    events = extract(text, date(2019, 5, 15), "en")
    bombing = by_type(events, "Suicide bomb")
    assert bombing.event_date == date(2019, 5, 12)


def test_an_old_attack_recalled_by_its_month_is_no_new_event(extract) -> None:
    text = (
        "Two armed groups of the north signed a ceasefire in Kidal on Tuesday, their spokesmen said.\n\n"
        "Observers recalled that one of them had claimed the ambush that killed 14 soldiers near Tessalit in February."
    )
    events = extract(text, date(2018, 4, 12), "en")
    assert all(e.fatalities != 14 for e in events), [(e.sub_event_type, e.fatalities) for e in events]


def test_a_french_attentat_is_an_event_dated_by_its_own_date(extract) -> None:
    text = (
        "Deux jours après l'attentat du lundi 2 avril contre le poste militaire de Tessit, l'armée a rendu hommage "
        "jeudi aux soldats tombés. Le bilan officiel est de 9 morts."
    )
    events = extract(text, date(2018, 4, 5), "fr")
    assert [e.event_date for e in events] == [date(2018, 4, 2)]
    assert events[0].location == "Tessit"


def test_french_reflexive_clash_is_a_battle(extract) -> None:
    text = "Jeudi, des combattants de la CMA et du GATIA se sont affrontés près de Ménaka, selon des sources locales."
    events = extract(text, date(2018, 3, 3), "fr")
    clash = by_type(events, "Armed clash")
    assert clash.event_date == date(2018, 3, 1)


def test_a_venue_clause_is_not_the_event_place_and_these_clashes_are_the_same_event(extract) -> None:
    text = (
        "Mercredi, des combattants de deux groupes armés se sont affrontés près de Tessit.\n\n"
        "Ces affrontements éclatent alors que se tient à Bamako une réunion des signataires de l'accord."
    )
    events = extract(text, date(2018, 3, 9), "fr")
    assert [(e.location, e.event_date) for e in events] == [("Tessit", date(2018, 3, 7))]


def test_these_clashes_named_with_another_town_stay_one_event(extract) -> None:
    text = (
        "Fighters of two armed groups clashed near Tessit on Wednesday, local sources said.\n\n"
        "The clashes, which lasted two hours, also reached the outskirts of Gao."
    )
    events = extract(text, date(2018, 3, 9), "en")
    assert len(events) == 1
    assert events[0].location == "Tessit"


def test_a_back_reference_after_two_sentences_of_aftermath_is_the_same_event(extract) -> None:
    text = (
        "On Monday, fighters of two armed groups clashed near Tessit, local sources said.\n\n"
        "Each side claims to hold the village. Neither gave a toll.\n\n"
        "The clashes also spread to the outskirts of Gao."
    )
    events = extract(text, date(2018, 3, 7), "en")
    assert [(e.location, e.event_date) for e in events] == [("Tessit", date(2018, 3, 5))]


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        ("On Monday, a convoy was ambushed by Macina militants in the Dioura forest.", "en", "Dioura"),
        ("Lundi, des combattants venus de Léré ont attaqué un poste de douane à Niono.", "fr", "Niono"),
    ],
)
def test_the_event_place_is_the_one_after_a_preposition_of_place(extract, text: str, language: str, place: str) -> None:
    (event,) = extract(text, date(2018, 3, 7), language)
    assert event.location == place


def test_a_period_still_running_at_publication_is_dated_by_its_start(extract) -> None:
    text = "Between March 2 and 6, militiamen killed five herders near Tenenkou."
    (event,) = extract(text, date(2018, 3, 3), "en")
    assert event.event_date == date(2018, 3, 2)
    (ended,) = extract(text, date(2018, 3, 20), "en")
    assert ended.event_date == date(2018, 3, 4)


def test_a_claimed_blast_on_a_peacekeeping_vehicle_has_the_claimant_as_actor1(extract) -> None:
    text = ("An armoured vehicle of the Togolese MINUSMA contingent was struck by a mine near Douentza, "
            "nobody was hurt but the vehicle was wrecked. JNIM claimed responsibility.")
    (event,) = extract(text, date(2018, 5, 2), "en")
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor1.startswith("JNIM") and event.actor2.startswith("MINUSMA")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Wednesday the army paid tribute in Sévaré to the soldiers killed in the ambush of Saturday 14 October near Boni.", "en"),
        ("Mercredi, l'armée a rendu hommage à Sévaré aux soldats tués dans l'embuscade du samedi 14 octobre près de Boni.", "fr"),
    ],
)
def test_a_date_joined_to_the_event_noun_dates_the_event_not_the_main_clause(extract, text: str, language: str) -> None:
    events = extract(text, date(2017, 10, 19), language)
    assert [e.event_date for e in events] == [date(2017, 10, 14)]


def test_a_paragraph_lead_without_an_event_dates_the_event_told_next(extract) -> None:
    text = ("Ségou a connu hier une journée de forte mobilisation. Des milliers de personnes ont marché "
            "jusqu'au gouvernorat pour réclamer la libération d'un imam.")
    assert [e.event_date for e in extract(text, date(2017, 5, 10), "fr")] == [date(2017, 5, 9)]


def test_a_statement_dated_mid_paragraph_does_not_date_the_next_event(extract) -> None:
    text = ("Gunmen attacked a checkpoint in Niono on Sunday, killing two soldiers. "
            "A spokesman gave the figure on Tuesday. More than ten people were wounded.")
    assert {e.event_date for e in extract(text, date(2017, 5, 11), "en")} == {date(2017, 5, 7)}


def test_a_date_introduced_by_by_is_the_count_s_not_the_event_s(extract) -> None:
    text = ("On Sunday afternoon, gunmen attacked a hotel in Sévaré. By Tuesday the authorities said "
            "six people had been killed.")
    events = extract(text, date(2017, 6, 21), "en")
    assert [(e.event_date, e.fatalities) for e in events] == [(date(2017, 6, 18), 6)]


def test_an_event_told_after_its_place_takes_that_sentence_s_main_place_not_its_last(extract) -> None:
    text = ("On 2 May, French forces carried out an air-landed operation near Anefis, about 90 km south of Kidal. "
            "Two militants were killed and a pick-up was destroyed.")
    [event] = extract(text, date(2018, 5, 4), "en")
    assert event.location.startswith("Anefis")


def test_a_place_not_far_from_which_the_event_happened_is_not_an_origin(extract) -> None:
    text = "On 3 May, an IED struck a truck not far from Anefis, 90 km south of Kidal, wounding two."
    [event] = extract(text, date(2018, 5, 4), "en")
    assert event.location.startswith("Anefis") and event.geo_precision == 2

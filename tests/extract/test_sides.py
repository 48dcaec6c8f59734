"""The sides of an event, one coding rule at a time: small actor fixtures, what a coder would see."""

from __future__ import annotations

from datetime import date

import pytest

from peacewatch import codebook, lang
from peacewatch.codebook import BATTLES, PROTESTS, REMOTE, RIOTS, STRATEGIC, VAC, Inter
from peacewatch.extract.cues import event_cues
from peacewatch.extract.mentions import Mention
from peacewatch.extract.sides import (
    Crowd,
    Sides,
    Status,
    antecedent,
    associates,
    civilian_victims,
    claimant_acts,
    claimant_is_author,
    communal_militia,
    demonstrators_first,
    denied_accusation,
    find_crowd,
    later_attribution,
    merge_roles,
    no_self_opponent,
    riot_override,
    unidentified_author,
)
from peacewatch.nlp.roles import ActorSpan, Roles, armed_people, is_community

ON = date(2018, 2, 14)
FAMA = ActorSpan(0, 4, "FAMa", "Military Forces of Mali (2013-2020)", Inter.STATE_FORCES)
MINUSMA = ActorSpan(0, 7, "MINUSMA", "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali", Inter.EXTERNAL_FORCES)
JNIM = ActorSpan(0, 4, "JNIM", "JNIM: Group for Support of Islam and Muslims", Inter.REBEL_GROUPS)
GUNMEN = ActorSpan(0, 6, "gunmen", "Unidentified Armed Group (Mali)", Inter.POLITICAL_MILITIAS, generic=True)
VILLAGERS = ActorSpan(0, 9, "villagers", "Civilians (Mali)", Inter.CIVILIANS, generic=True)
FULANI = ActorSpan(0, 10, "two Fulani", "Fulani Ethnic Militia (Mali)", Inter.IDENTITY_MILITIAS, generic=True)


@pytest.fixture(scope="module")
def cues():
    return event_cues(lang.load("en"))


# -- the codebook's actor order ------------------------------------------------------------------

@pytest.mark.parametrize("sub_event_type", ["Remote explosive/landmine/IED", "Suicide bomb"])
def test_a_fama_post_hit_by_a_mine_has_fama_as_actor2(sub_event_type: str) -> None:
    assert codebook.order_sides(REMOTE, sub_event_type, FAMA, None) == (None, FAMA)
    assert codebook.order_sides(REMOTE, sub_event_type, FAMA, JNIM) == (JNIM, FAMA)


def test_peacekeepers_hit_by_a_mine_are_the_side_hit_and_another_force_is_no_author() -> None:
    assert codebook.order_sides(REMOTE, "Remote explosive/landmine/IED", MINUSMA, FAMA) == (None, MINUSMA)


def test_shelling_by_the_army_keeps_the_army_as_actor1() -> None:
    assert codebook.order_sides(REMOTE, "Shelling/artillery/missile attack", FAMA, JNIM) == (FAMA, JNIM)


def test_civilians_read_as_acting_in_violence_against_civilians_are_actor2() -> None:
    assert codebook.order_sides(VAC, "Attack", VILLAGERS, GUNMEN) == (GUNMEN, VILLAGERS)


def test_only_civilians_are_actor2_in_violence_against_civilians() -> None:
    assert codebook.order_sides(VAC, "Attack", GUNMEN, JNIM) == (GUNMEN, None)
    assert codebook.order_sides(VAC, "Attack", None, JNIM) == (JNIM, None), "the only named side is the author"


def test_a_community_named_as_victims_is_not_made_the_author() -> None:
    assert codebook.order_sides(VAC, "Attack", None, FULANI, lambda a: is_community(a, "en")) == (None, None)


@pytest.mark.parametrize("event_type", [BATTLES, REMOTE, STRATEGIC])
def test_civilians_never_act_in_battles_explosions_or_strategic_developments(event_type: str) -> None:
    assert codebook.order_sides(event_type, "", VILLAGERS, JNIM) == (JNIM, VILLAGERS)
    assert codebook.order_sides(event_type, "", VILLAGERS, None) == (None, VILLAGERS)


def test_interaction_code_puts_the_lower_actor_type_first() -> None:
    assert codebook.interaction(Inter.CIVILIANS, Inter.STATE_FORCES) == 17
    assert codebook.interaction(Inter.REBEL_GROUPS, None) == 20


# -- the sides across mentions, claims and attributions ------------------------------------------

def _mention(start: int, roles: Roles, definite: bool = False) -> Mention:
    return Mention(start=start, end=start + 40, index=start // 40, triggers=[], cues={"attack"}, definite=definite, roles=roles)


def test_a_named_author_in_a_later_mention_replaces_generic_gunmen() -> None:
    first = _mention(0, Roles(actor1=GUNMEN))
    second = _mention(40, Roles(actor1=JNIM))
    roles = merge_roles("", [first, second], "en")
    assert roles.actor1 is not None and roles.actor1.name == JNIM.name
    assert roles.actor1.start == 40, "offsets are the document's"


def test_civilians_first_read_as_acting_become_the_side_hit_when_an_author_is_named() -> None:
    roles = merge_roles("", [_mention(0, Roles(actor1=VILLAGERS)), _mention(40, Roles(actor1=JNIM))], "en")
    assert (roles.actor1.name, roles.actor2.name) == (JNIM.name, VILLAGERS.name)


def test_a_first_telling_outweighs_a_back_reference() -> None:
    recalled = _mention(0, Roles(actor1=FAMA), definite=True)
    told = _mention(40, Roles(actor1=JNIM))
    assert merge_roles("", [recalled, told], "en").actor1.name == JNIM.name


def test_a_denied_accusation_makes_the_accused_the_author() -> None:
    cma = ActorSpan(0, 3, "CMA", "CMA: Coordination of Azawad Movements", Inter.REBEL_GROUPS)
    gatia = ActorSpan(30, 35, "GATIA", "GATIA: Imghad Tuareg and Allies Self-Defense Group", Inter.POLITICAL_MILITIAS)
    roles = Roles(actor1=cma)
    denied_accusation(roles, Status({"alleged", "denied"}, claimed_by=cma, denied_by=gatia))
    assert (roles.actor1, roles.actor2) == (gatia, cma)


def test_the_claimant_is_the_author_of_an_attack_by_gunmen() -> None:
    roles = Roles(actor1=GUNMEN, actor2=FAMA)
    claimant_is_author(roles, Status({"claimed"}, claimed_by=JNIM))
    assert roles.actor1 is JNIM
    named = Roles(actor1=FAMA)
    claimant_is_author(named, Status({"claimed"}, claimed_by=JNIM))
    assert named.actor1 is FAMA, "a named author stays"


def test_a_later_sentence_naming_who_planted_the_mine_gives_the_author(cues) -> None:
    text = "A bus hit a mine near Boni on Monday. The device was planted by JNIM fighters."
    jnim = ActorSpan(text.index("JNIM"), text.index("JNIM") + 4, "JNIM", JNIM.name, Inter.REBEL_GROUPS)
    later = (text.index("The device"), len(text))
    roles = Roles(actor1=VILLAGERS)
    later_attribution(text, [later], [jnim], roles, cues)
    assert (roles.actor1, roles.actor2) == (jnim, VILLAGERS)


def test_an_armed_group_only_named_later_is_no_author_without_an_attribution_verb(cues) -> None:
    text = "A bus hit a mine near Boni on Monday. JNIM fighters are active in the area."
    jnim = ActorSpan(text.index("JNIM"), text.index("JNIM") + 4, "JNIM", JNIM.name, Inter.REBEL_GROUPS)
    roles = Roles()
    later_attribution(text, [(text.index("JNIM"), len(text))], [jnim], roles, cues)
    assert roles.actor1 is None


def test_this_group_points_back_to_the_first_armed_group_of_the_sentence_before() -> None:
    text = "JNIM and Ansar Dine fighters attacked Boni. This group claimed it."
    jnim = ActorSpan(0, 4, "JNIM", JNIM.name, Inter.REBEL_GROUPS)
    ansar = ActorSpan(9, 19, "Ansar Dine", "Ansar Dine", Inter.REBEL_GROUPS)
    second = text.index("This")
    assert antecedent([jnim, ansar], [(0, second - 1), (second, len(text))], second) is jnim


# -- crowds and riots ----------------------------------------------------------------------------

def _at(text: str, words: str, name: str, inter: int) -> ActorSpan:
    start = text.index(words)
    return ActorSpan(start, start + len(words), words, name, inter, generic=True)


def test_youths_fighting_the_police_are_a_crowd_that_riots(cues) -> None:
    text = "Youths clashed with the police in Gao."
    youths = _at(text, "Youths", "Rioters (Mali)", Inter.RIOTERS)
    police = _at(text, "the police", "Police Forces of Mali (2013-2020)", Inter.STATE_FORCES)
    roles = Roles(actor1=police, actor2=youths)
    crowd = find_crowd(text, roles, cues, armed_people("en"))
    assert crowd == Crowd(youths, False)
    assert riot_override((BATTLES, "Armed clash"), crowd, roles, {"clash"}) == (RIOTS, "Mob violence")
    assert roles.actor1 is youths, "the crowd acts first"


def test_armed_youths_are_no_crowd(cues) -> None:
    text = "Armed youths clashed with soldiers."
    youths = _at(text, "youths", "Civilians (Mali)", Inter.CIVILIANS)
    assert find_crowd(text, Roles(actor1=youths), cues, armed_people("en")).actor is None


def test_villagers_fighting_an_armed_group_defend_their_village_and_do_not_riot(cues) -> None:
    text = "Villagers fought militants who raided the market."
    villagers = _at(text, "Villagers", "Civilians (Mali)", Inter.CIVILIANS)
    militants = _at(text, "militants", "Unidentified Armed Group (Mali)", Inter.POLITICAL_MILITIAS)
    roles = Roles(actor1=militants, actor2=villagers)
    crowd = find_crowd(text, roles, cues, armed_people("en"))
    assert crowd.defends
    assert riot_override((BATTLES, "Armed clash"), crowd, roles, {"clash"}) == (BATTLES, "Armed clash")


def test_a_crowd_that_burns_a_post_makes_a_violent_demonstration(cues) -> None:
    text = "Angry youths burnt the gendarmerie post."
    youths = _at(text, "youths", "Rioters (Mali)", Inter.RIOTERS)
    roles = Roles(actor1=youths)
    typed = riot_override((STRATEGIC, "Looting/property destruction"), find_crowd(text, roles, cues, armed_people("en")), roles, {"burn"})
    assert typed == (RIOTS, "Violent demonstration")


# -- generic actors ------------------------------------------------------------------------------

def test_the_claimant_of_a_blast_on_a_vehicle_read_as_subject_is_its_author() -> None:
    assert claimant_acts(None, MINUSMA, Status({"claimed"}, claimed_by=JNIM)) is JNIM
    assert claimant_acts(None, MINUSMA, Status({"alleged"}, claimed_by=JNIM)) is None, "an accusation is no claim"


def test_villagers_defending_their_village_in_a_battle_are_a_communal_militia() -> None:
    sides = Sides.of(GUNMEN, VILLAGERS)
    communal_militia(sides, BATTLES, Crowd(VILLAGERS, True), GUNMEN, VILLAGERS, "Mali", ON)
    assert (sides.name2, sides.inter2) == ("Unidentified Communal Militia (Mali)", Inter.IDENTITY_MILITIAS)


def test_protesters_are_actor1_and_the_police_that_intervened_actor2() -> None:
    police = ActorSpan(0, 6, "police", "Police Forces of Mali (2013-2020)", Inter.STATE_FORCES)
    sides = Sides.of(police, None)
    demonstrators_first(sides, PROTESTS, "Mali", ON)
    assert (sides.name1, sides.inter1, sides.name2) == ("Protesters (Mali)", Inter.PROTESTERS, police.name)


def test_rioters_of_a_riot_without_named_crowd() -> None:
    sides = Sides()
    demonstrators_first(sides, RIOTS, "Niger", ON)
    assert sides.name1 == "Rioters (Niger)"


def test_an_attack_without_a_named_author_is_by_an_unidentified_armed_group() -> None:
    sides = Sides.of(None, VILLAGERS)
    unidentified_author(sides, VAC, "Attack", "Mali", ON)
    assert (sides.name1, sides.inter1) == ("Unidentified Armed Group (Mali)", Inter.POLITICAL_MILITIAS)


def test_a_strategic_development_keeps_no_author_unless_it_is_looting() -> None:
    sides = Sides()
    unidentified_author(sides, STRATEGIC, "Agreement", "Mali", ON)
    assert sides.name1 == ""
    unidentified_author(sides, STRATEGIC, "Looting/property destruction", "Mali", ON)
    assert sides.name1 == "Unidentified Armed Group (Mali)"


def test_civilians_killed_in_a_blast_are_its_actor2() -> None:
    sides = Sides.of(JNIM, None)
    civilian_victims(sides, REMOTE, ["passengers"], "en", "Mali", ON)
    assert (sides.name2, sides.inter2) == ("Civilians (Mali)", Inter.CIVILIANS)
    soldiers = Sides.of(JNIM, None)
    civilian_victims(soldiers, REMOTE, ["soldiers"], "en", "Mali", ON)
    assert soldiers.name2 == ""


def test_an_actor_is_not_its_own_opponent_except_rioters() -> None:
    sides = Sides(GUNMEN.name, 3, GUNMEN.name, 3)
    no_self_opponent(sides, BATTLES)
    assert (sides.name2, sides.inter2) == ("", None)
    rioters = Sides("Rioters (Mali)", 5, "Rioters (Mali)", 5)
    no_self_opponent(rioters, RIOTS)
    assert rioters.name2 == "Rioters (Mali)"


def test_associates_leave_out_the_main_actors_and_generic_mentions() -> None:
    ansar = ActorSpan(0, 10, "Ansar Dine", "Ansar Dine", Inter.REBEL_GROUPS)
    sides = Sides(JNIM.name, 2, FAMA.name, 1)
    assert associates([JNIM, ansar, ansar, GUNMEN], sides) == "Ansar Dine"

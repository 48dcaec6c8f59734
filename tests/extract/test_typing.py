"""ACLED typing of an event from its cues, on sentences we wrote: the decisions a coder would make."""

from __future__ import annotations

import pytest

from peacewatch import codebook
from peacewatch.codebook import BATTLES, PROTESTS, REMOTE, RIOTS, STRATEGIC, VAC
from peacewatch.extract.typing import SPECIFIC_CUES, decide_type, explicit_type
from peacewatch.nlp.triggers import CUES, find_triggers


def cues(text: str, language: str = "en") -> set[str]:
    return {t.cue for t in find_triggers(text, language) if not t.hypothetical}


def test_an_ied_that_killed_soldiers_is_remote_violence_not_a_battle() -> None:
    found = cues("An IED killed three soldiers on the road to Gao.")
    assert decide_type(found, "armed", killed=3) == (REMOTE, "Remote explosive/landmine/IED")


def test_an_ied_followed_by_a_firefight_with_the_convoy_is_a_battle() -> None:
    found = cues("A mine struck the convoy and a firefight followed.")
    assert decide_type(found, "armed") == (BATTLES, "Armed clash")


def test_an_ied_then_shooting_at_villagers_is_an_attack_on_civilians() -> None:
    found = cues("A bomb went off at the market and gunmen opened fire on the villagers.")
    assert decide_type(found, "civilian", killed=4) == (VAC, "Attack")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Police fired tear gas at the protesters in the capital.", "en", (PROTESTS, "Protest with intervention")),
        ("La police a dispersé les manifestants devant la mairie.", "fr", (PROTESTS, "Protest with intervention")),
        ("Protesters burned tyres in front of the town hall.", "en", (RIOTS, "Violent demonstration")),
        ("Hundreds of traders demonstrated against the new tax.", "en", (PROTESTS, "Peaceful protest")),
    ],
)
def test_what_happened_to_a_protest_decides_its_sub_type(text: str, language: str, expected: tuple[str, str]) -> None:
    assert decide_type(cues(text, language)) == expected


def test_protesters_shot_dead_by_the_police_is_excessive_force() -> None:
    found = cues("Police shot dead two protesters during the demonstration.")
    assert decide_type(found, "civilian", killed=2, state_actor=True) == (PROTESTS, "Excessive force against protesters")


def test_looting_alone_is_a_strategic_development_and_with_killings_an_attack() -> None:
    assert decide_type(cues("Bandits looted the shops of the weekly market.")) == (STRATEGIC, "Looting/property destruction")
    assert decide_type(cues("Des bandits ont pillé les boutiques du marché.", "fr")) == (STRATEGIC, "Looting/property destruction")
    found = cues("Gunmen looted the shops and killed two traders.")
    assert decide_type(found, "civilian", killed=2) == (VAC, "Attack")


def test_who_is_abducted_decides_between_abduction_and_battle() -> None:
    found = cues("Gunmen kidnapped a teacher near Ansongo.")
    assert decide_type(found, "civilian") == (VAC, "Abduction/forced disappearance")
    assert decide_type(found, "armed") == (BATTLES, "Armed clash")
    assert decide_type(found, "armed", state_actor=True) == (VAC, "Abduction/forced disappearance")


def test_an_agreement_is_typed_as_one_unless_a_bomb_killed_people() -> None:
    assert decide_type(cues("The two militias signed a peace agreement in Mopti.")) == (STRATEGIC, "Agreement")
    assert decide_type({"agreement", "ied"}, None, killed=3) == (REMOTE, "Remote explosive/landmine/IED")


@pytest.mark.parametrize(
    ("text", "language", "target", "expected"),
    [
        ("A suicide bomber blew himself up at the gate of the camp.", "en", "armed", (REMOTE, "Suicide bomb")),
        ("A drone strike hit a militant hideout overnight.", "en", "armed", (REMOTE, "Air/drone strike")),
        ("Des obus sont tombés sur le camp militaire.", "fr", "armed", (REMOTE, "Shelling/artillery/missile attack")),
        ("A grenade was thrown into a bar in the town centre.", "en", "civilian", (REMOTE, "Grenade")),
        ("Women were raped by armed men near the wells.", "en", "civilian", (VAC, "Sexual violence")),
        ("Soldiers defused an IED on the main road.", "en", None, (STRATEGIC, "Disrupted weapons use")),
        ("The army retook the town from the militants.", "en", None, (BATTLES, "Government regains territory")),
        ("The town came under the control of the group without any fighting.", "en", None,
         (STRATEGIC, "Non-violent transfer of territory")),
        ("Authorities imposed a curfew on the town.", "en", None, (STRATEGIC, "Other")),
    ],
)
def test_the_weapon_or_the_act_pins_the_sub_type(
    text: str, language: str, target: str | None, expected: tuple[str, str]
) -> None:
    assert decide_type(cues(text, language), target) == expected


def test_arrests_by_the_state_are_arrests_and_a_raid_on_soldiers_a_battle() -> None:
    assert decide_type(cues("Gendarmes arrested four suspects at the bus station."), None, state_actor=True) == (
        STRATEGIC, "Arrests"
    )
    assert decide_type(cues("Militants raided an army post at dawn."), "armed") == (BATTLES, "Armed clash")


def test_nothing_that_is_an_event_gives_no_type() -> None:
    assert decide_type(set()) is None
    assert decide_type({"peaceful", "intervention"}) is None


def test_every_type_decided_is_one_of_the_codebook() -> None:
    for cue in CUES:
        for target in ("armed", "civilian", None):
            typed = decide_type({cue}, target, killed=1)
            if typed is not None:
                assert codebook.event_type_of(typed[1]) == typed[0], (cue, target, typed)


def test_a_cue_alone_names_a_sub_type_only_when_specific() -> None:
    assert "ied" in SPECIFIC_CUES and "protest" in SPECIFIC_CUES
    assert not {"attack", "kill", "harm"} & SPECIFIC_CUES
    assert SPECIFIC_CUES <= set(CUES)


def test_a_note_that_opens_with_a_sub_event_label_states_its_type() -> None:
    assert explicit_type("Looting: On 3 May, armed men emptied the shops.") == (STRATEGIC, "Looting/property destruction")
    assert explicit_type("Weapons seizure: soldiers found rifles.") == (STRATEGIC, "Disrupted weapons use")
    assert explicit_type("Gunmen attacked the post: two died.") is None

"""Actor roles from sentence structure, on sentences we wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from peacewatch.lang import LanguageError
from peacewatch.nlp.roles import (
    ActorSpan,
    armed_people,
    assign_roles,
    is_community,
    is_source,
    kind_of_victims,
    target_kind,
)
from peacewatch.nlp.triggers import Trigger, find_triggers


def span(text: str, phrase: str, name: str, inter: int, generic: bool = False) -> ActorSpan:
    start = text.index(phrase)
    return ActorSpan(start, start + len(phrase), phrase, name, inter, generic)


def roles_for(text: str, actors: list[ActorSpan], language: str = "en"):
    return assign_roles(text, actors, find_triggers(text, language), language)


def test_active_voice_subject_acts_on_object() -> None:
    text = "JNIM militants attacked a FAMa post in Boni."
    r = roles_for(text, [span(text, "JNIM", "JNIM", 2), span(text, "FAMa", "Military Forces of Mali", 1)])
    assert (r.actor1.name, r.actor2.name) == ("JNIM", "Military Forces of Mali")


def test_passive_voice_with_by_agent() -> None:
    text = "A MINUSMA convoy was attacked by Ansar Dine fighters near Aguelhok."
    r = roles_for(text, [span(text, "MINUSMA", "MINUSMA", 8), span(text, "Ansar Dine", "Ansar Dine", 2)])
    assert (r.actor1.name, r.actor2.name) == ("Ansar Dine", "MINUSMA")


def test_french_attack_of_x_against_y() -> None:
    text = "Une attaque du GATIA contre des positions du MSA a eu lieu près de Ménaka."
    r = roles_for(text, [span(text, "GATIA", "GATIA", 3), span(text, "MSA", "MSA", 3)], "fr")
    assert (r.actor1.name, r.actor2.name) == ("GATIA", "MSA")


def test_clashes_between_two_groups() -> None:
    text = "Clashes between the CMA and the Platform broke out in Anefis."
    r = roles_for(text, [span(text, "CMA", "CMA", 2), span(text, "Platform", "Platform", 3)])
    assert {r.actor1.name, r.actor2.name} == {"CMA", "Platform"}


def test_accuser_is_not_the_attacker() -> None:
    text = "The GATIA accused the CMA of attacking its positions near Tin-Essako."
    r = roles_for(text, [span(text, "GATIA", "GATIA", 3), span(text, "CMA", "CMA", 2)])
    assert (r.actor1.name, r.actor2.name) == ("CMA", "GATIA")


def test_civilians_are_never_the_acting_side_against_armed_actors() -> None:
    text = "Villagers were killed by Dozo hunters in the Bankass area."
    r = roles_for(text, [span(text, "Villagers", "Civilians (Mali)", 7, True), span(text, "Dozo hunters", "Dozo", 4, True)])
    assert r.actor1.name == "Dozo"
    assert r.actor2.name == "Civilians (Mali)"


def test_target_kind_from_words_after_the_trigger() -> None:
    text = "Unknown gunmen attacked a gendarmerie post overnight."
    assert target_kind(text, assign_roles(text, [], find_triggers(text), "en"), find_triggers(text), [], "en") == "armed"
    text = "Unknown gunmen attacked the village of Ogossagou."
    assert target_kind(text, assign_roles(text, [], find_triggers(text), "en"), find_triggers(text), [], "en") == "civilian"


def test_victims_words_in_both_languages() -> None:
    assert kind_of_victims("two soldiers and a civilian", "en") == "armed"
    assert kind_of_victims("trois civils", "fr") == "civilian"
    assert kind_of_victims("cinq casques bleus", "fr") == "armed"


def test_sources_of_the_report_are_not_sides() -> None:
    text = "Two soldiers were killed near Tessit by unknown gunmen, according to MINUSMA."
    r = roles_for(text, [span(text, "Two soldiers", "Military Forces of Mali", 1, True),
                         span(text, "unknown gunmen", "Unidentified Armed Group (Mali)", 3, True),
                         span(text, "MINUSMA", "MINUSMA", 8)])
    assert {r.actor1.name, r.actor2.name} == {"Military Forces of Mali", "Unidentified Armed Group (Mali)"}
    assert all(a.name != "MINUSMA" for a in r.assoc1 + r.assoc2)


def test_an_escort_is_on_the_side_that_was_hit() -> None:
    text = "A truck convoy escorted by FAMa soldiers was ambushed by JNIM fighters."
    r = roles_for(text, [span(text, "FAMa", "Military Forces of Mali", 1), span(text, "JNIM", "JNIM", 2)])
    assert (r.actor1.name, r.actor2.name) == ("JNIM", "Military Forces of Mali")


def test_what_victims_were_taken_for_is_no_side() -> None:
    text = "Soldiers killed three herders mistaken for JNIM fighters."
    r = roles_for(text, [span(text, "Soldiers", "Military Forces of Mali", 1, True),
                         span(text, "three herders", "Civilians (Mali)", 7, True), span(text, "JNIM", "JNIM", 2)])
    assert (r.actor1.name, r.actor2.name) == ("Military Forces of Mali", "Civilians (Mali)")
    assert not any(a.name == "JNIM" for a in r.assoc1 + r.assoc2)


def test_a_speaker_is_a_source_in_either_language() -> None:
    mayor = ActorSpan(4, 9, "mayor", "Civilians (Mali)", 7, True)
    assert is_source("The mayor said gunmen burned the market.", mayor, "en")
    maire = ActorSpan(3, 8, "maire", "Civilians (Mali)", 7, True)
    assert is_source("Le maire a déclaré que des hommes armés ont incendié le marché.", maire, "fr")
    assert not is_source("The mayor was shot by gunmen.", mayor, "en")


def test_forces_hit_off_duty_are_civilian_targets() -> None:
    text = "Gunmen shot dead a soldier at his home in Mopti."
    soldier = span(text, "a soldier", "Military Forces of Mali", 1, True)
    gunmen = span(text, "Gunmen", "Unidentified Armed Group (Mali)", 3, True)
    triggers = find_triggers(text, "en")
    roles = assign_roles(text, [gunmen, soldier], triggers, "en")
    assert roles.actor2 == soldier
    assert target_kind(text, roles, triggers, [], "en") == "civilian"
    on_duty = "Gunmen shot dead a soldier at a checkpoint in Mopti."
    soldier = span(on_duty, "a soldier", "Military Forces of Mali", 1, True)
    gunmen = span(on_duty, "Gunmen", "Unidentified Armed Group (Mali)", 3, True)
    triggers = find_triggers(on_duty, "en")
    assert target_kind(on_duty, assign_roles(on_duty, [gunmen, soldier], triggers, "en"), triggers, [], "en") == "armed"


def test_a_community_named_alone_is_civilians_unless_named_with_a_fighting_word() -> None:
    assert is_community(ActorSpan(0, 9, "two Fulani", "Fulani Ethnic Militia (Mali)", 4, True), "en")
    assert not is_community(ActorSpan(0, 12, "Dogon hunters", "Dogon Ethnic Militia (Mali)", 4, True), "en")
    assert not is_community(ActorSpan(0, 15, "chasseurs dogon", "Dogon Ethnic Militia (Mali)", 4, True), "fr")


def test_shared_cues_are_read_across_languages_and_victim_words_are_not() -> None:
    # 'armés' is a shared cue: an English report quoting French still reads it.
    assert armed_people("en").search("des bergers armés")
    # Victims words are each language's own.
    assert kind_of_victims("cinq soldats", "fr") == "armed"
    assert kind_of_victims("cinq soldats", "en") is None


def test_a_language_without_role_cues_still_splits_sides_by_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "xx"
    folder.mkdir()
    (folder / "meta.yaml").write_text("code: xx\nname: Test\nspacy: {package: null}\n", encoding="utf-8")
    monkeypatch.setenv("PEACEWATCH_LANG_PATH", str(tmp_path))
    text = "JNIM attacked FAMa."
    trigger = Trigger(5, 13, "attacked", "attack")
    r = assign_roles(text, [span(text, "JNIM", "JNIM", 2), span(text, "FAMa", "Military Forces of Mali", 1)], [trigger], "xx")
    assert (r.actor1.name, r.actor2.name) == ("JNIM", "Military Forces of Mali")
    assert kind_of_victims("two soldiers", "xx") is None


def test_an_unknown_language_is_an_error() -> None:
    with pytest.raises(LanguageError):
        kind_of_victims("two soldiers", "zz")

"""Actor roles from sentence structure, on sentences we wrote."""

from __future__ import annotations

from peacewatch.nlp.roles import ActorSpan, assign_roles, kind_of_victims, target_kind
from peacewatch.nlp.triggers import find_triggers


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
    assert target_kind(text, assign_roles(text, [], find_triggers(text)), find_triggers(text), []) == "armed"
    text = "Unknown gunmen attacked the village of Ogossagou."
    assert target_kind(text, assign_roles(text, [], find_triggers(text)), find_triggers(text), []) == "civilian"


def test_victims_words_in_both_languages() -> None:
    assert kind_of_victims("two soldiers and a civilian") == "armed"
    assert kind_of_victims("trois civils", "fr") == "civilian"
    assert kind_of_victims("cinq casques bleus", "fr") == "armed"


def test_sources_of_the_report_are_not_sides() -> None:
    text = "Two soldiers were killed near Tessit by unknown gunmen, according to MINUSMA."
    r = roles_for(text, [span(text, "Two soldiers", "Military Forces of Mali", 1, True),
                         span(text, "unknown gunmen", "Unidentified Armed Group (Mali)", 3, True),
                         span(text, "MINUSMA", "MINUSMA", 8)])
    assert {r.actor1.name, r.actor2.name} == {"Military Forces of Mali", "Unidentified Armed Group (Mali)"}
    assert all(a.name != "MINUSMA" for a in r.assoc1 + r.assoc2)

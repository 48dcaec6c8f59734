"""Reporting status cues and their speakers, on sentences we wrote."""

from __future__ import annotations

import pytest

from peacewatch import lang
from peacewatch.nlp.roles import ActorSpan
from peacewatch.nlp.status import combine, find_status_cues, refers_to_group, speaker


def span(text: str, phrase: str, name: str, inter: int = 2) -> ActorSpan:
    start = text.index(phrase)
    return ActorSpan(start, start + len(phrase), phrase, name, inter)


def statuses(text: str, language: str = "en") -> set[str]:
    return {c.status for c in find_status_cues(text, language)}


def test_claimed_with_subject_speaker() -> None:
    text = "JNIM claimed responsibility for the ambush near Boni."
    cue = find_status_cues(text)[0]
    assert cue.status == "claimed"
    assert speaker(text, cue, [span(text, "JNIM", "JNIM")]).name == "JNIM"


def test_claimed_by_agent_after_the_cue() -> None:
    text = "The attack was claimed by ISGS two days later, not by JNIM."
    cue = find_status_cues(text)[0]
    actors = [span(text, "ISGS", "ISGS"), span(text, "JNIM", "JNIM")]
    assert speaker(text, cue, actors).name == "ISGS"


def test_french_claim() -> None:
    text = "L'attaque a été revendiquée par l'EIGS."
    cue = find_status_cues(text, "fr")[0]
    assert cue.status == "claimed"
    assert speaker(text, cue, [span(text, "EIGS", "ISGS")]).name == "ISGS"


def test_accusation_and_denial() -> None:
    assert statuses("The Platform accused the CMA of shelling its camp.") == {"alleged"}
    assert statuses("The CMA denied any involvement.") == {"denied"}
    assert statuses("La CMA a démenti ces accusations.", "fr") == {"denied", "alleged"}
    assert combine({"alleged", "denied"}) == "denied"


def test_planned_events() -> None:
    assert "planned" in statuses("A national conference will be held in Bamako next month.")
    assert "planned" in statuses("Une marche aura lieu samedi à Gao.", "fr")
    assert statuses("Gunmen attacked a bus near Gao.") == set()
    assert combine(set()) == "reported"


def test_group_anaphora() -> None:
    text = "This group had claimed the attack."
    assert refers_to_group(text, 0, len(text))
    assert not refers_to_group("Gunmen claimed the attack.", 0, 26)


def test_a_denied_or_missing_claim_is_not_a_claim() -> None:
    assert statuses("No group has claimed the attack so far.") == set()
    assert "claimed" not in statuses("L'attaque n'a pas été revendiquée.", "fr")


def test_french_ne_alone_negates_a_claim() -> None:
    assert "claimed" not in statuses("Aucune des deux explosions n'a été revendiquée.", "fr")
    assert "claimed" not in statuses("Aucun groupe n'a revendiqué l'embuscade.", "fr")
    assert "claimed" in statuses("L'embuscade a été revendiquée par le JNIM.", "fr")


def test_french_claim_needs_an_attack_or_responsibility() -> None:
    assert "claimed" in statuses("Le groupe a revendiqué lundi l'attaque du poste.", "fr")
    assert "claimed" in statuses("L'EIGS revendique la responsabilité de l'attentat.", "fr")
    assert "claimed" not in statuses("Les organisateurs revendiquent 5 000 marcheurs.", "fr")
    assert "claimed" not in statuses("Les enseignants revendiquent une hausse des salaires.", "fr")


def test_a_background_future_is_no_plan() -> None:
    assert "planned" not in statuses("Le nouveau président aura pour mission de rouvrir les écoles.", "fr")
    assert "planned" not in statuses("Elle devrait permettre le retour des réfugiés.", "fr")
    assert "planned" in statuses("La passation doit avoir lieu jeudi à Tombouctou.", "fr")


def test_a_call_to_march_is_a_plan() -> None:
    assert "planned" in statuses("Les syndicats appellent à une marche vendredi à Kayes.", "fr")
    assert "planned" in statuses("The youth council calls on residents to join a protest on Friday.")
    assert "planned" not in statuses("The youth council called for calm after the protest.")


def test_a_french_agent_after_an_article_is_the_speaker_in_either_language() -> None:
    text = "L'embuscade a été revendiquée par l'EIGS lundi."
    cue = find_status_cues(text, "fr")[0]
    assert speaker(text, cue, [span(text, "EIGS", "ISGS")], 0, "fr").name == "ISGS"
    english = "The ambush, revendiquée par l'EIGS, killed five."
    assert speaker(english, find_status_cues(english, "fr")[0], [span(english, "EIGS", "ISGS")], 0, "en").name == "ISGS"


def test_a_code_that_is_no_language_is_refused() -> None:
    with pytest.raises(lang.LanguageError):
        find_status_cues("The attack was claimed by JNIM.", "xx")

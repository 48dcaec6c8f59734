"""find_actors on sentences written for these tests, in English and French."""

from datetime import date

import pytest

from peacewatch.actors import find_actors

JUNE_2017 = date(2017, 6, 15)


def found(text, **kwargs):
    """(mention text, actor name, count) for every mention that names its actor."""
    kwargs.setdefault("on", JUNE_2017)
    return [(m.text, m.actor.name, m.count) for m in find_actors(text, **kwargs) if not m.implied]


def names(text, **kwargs):
    return [name for _, name, _ in found(text, **kwargs)]


def test_named_groups_by_alias_in_english():
    text = "Fighters of Ansar Eddine and the Mourabitoun were seen near Gao; GSIM later claimed the raid."
    result = names(text, language="en", on=date(2017, 1, 10))
    assert result == ["Ansar Dine", "Al Mourabitoune Battalion", "JNIM: Group for Support of Islam and Muslims"]


def test_named_groups_in_french_with_accents_and_hyphens():
    text = "Le Front de libération du Macina et l'État islamique au Grand Sahara ont attaqué l'armée malienne."
    result = names(text, language="fr", on=date(2016, 5, 1))
    assert result == ["Katiba Macina", "Islamic State (Greater Sahara)", "Military Forces of Mali (2013-2020)"]


def test_period_names_follow_the_report_date():
    text = "French troops killed two militants."
    assert names(text, on=date(2017, 5, 1))[0] == "Military Forces of France (2012-2017)"
    assert names(text, on=date(2017, 6, 1))[0] == "Military Forces of France (2017-)"


def test_longest_alias_wins():
    mentions = find_actors("The Front de libération du Macina claimed it.", on=JUNE_2017)
    assert [m.text for m in mentions] == ["Front de libération du Macina"]


def test_aliases_sharing_their_first_word_are_told_apart_in_any_spelling():
    text = "Ansar-Eddine and Ansar  ul Islam sent men; the Mourabitouns stayed behind."
    result = [(m.text, m.actor.name) for m in find_actors(text, on=date(2016, 5, 1)) if not m.generic]
    assert result == [
        ("Ansar-Eddine", "Ansar Dine"),
        ("Ansar  ul Islam", "Ansaroul Islam"),
        ("Mourabitouns", "Al Mourabitoune Battalion"),
    ]


def test_group_coded_under_its_parent_after_the_merger():
    before = find_actors("Katiba Macina fighters attacked a post.", on=date(2016, 11, 1))
    after = find_actors("Katiba Macina fighters attacked a post.", on=date(2018, 2, 1))
    assert before[0].actor.name == "Katiba Macina"
    assert after[0].actor.name == "JNIM: Group for Support of Islam and Muslims"
    assert [g.name for g in after[0].groups] == ["Katiba Macina"]


def test_acronyms_are_case_sensitive_where_words_collide():
    assert names("The MSA and the CMA signed.") == [
        "MSA: Movement for Azawad Salvation",
        "CMA: Coordination of Movements of the Azawad",
    ]
    assert names("Her msa degree and the cma exam.") == []
    assert names("He stood on the platform at the station.") == []
    assert names("Platform fighters entered the town.") == ["Platform of June 14th 2014 movements"]


def test_generic_state_forces_with_counts_and_nationality():
    result = found("Three soldiers and two Nigerien soldiers were wounded, and 12 gendarmes were missing.")
    assert result == [
        ("Three soldiers", "Military Forces of Mali (2013-2020)", 3),
        ("two Nigerien soldiers", "Military Forces of Niger (2011-2021)", 2),
        ("12 gendarmes", "Police Forces of Mali (2013-2020) Gendarmerie", 12),
    ]


def test_french_generic_forces_take_postposed_nationality():
    result = found("Deux casques bleus et cinq soldats burkinabè ont été tués.", language="fr")
    assert result[0][1].startswith("MINUSMA") and result[0][2] == 2
    assert result[1] == ("cinq soldats burkinabè", "Military Forces of Burkina Faso (2015-2022)", 5)


def test_country_argument_names_unqualified_generic_actors():
    assert names("Gunmen attacked soldiers.", country="Niger") == [
        "Unidentified Armed Group (Niger)",
        "Military Forces of Niger (2011-2021)",
    ]


def test_foreign_forces_are_external_in_mali():
    mention = find_actors("French troops arrived.", country="Mali", on=JUNE_2017)[0]
    assert mention.actor.inter == 8
    mention = find_actors("Nigerien soldiers arrived.", country="Niger", on=JUNE_2017)[0]
    assert mention.actor.inter == 1


def test_unidentified_attackers_in_english_and_french():
    for text in (
        "Unidentified gunmen opened fire.",
        "Unknown assailants burned a truck.",
        "Armed men stole cattle.",
        "Des hommes armés non identifiés ont tiré.",
        "Des individus armés ont enlevé le maire.",
    ):
        assert "Unidentified Armed Group (Mali)" in names(text), text


def test_suspected_jihadists_are_the_generic_islamist_militia():
    for text in ("Suspected jihadists killed a herder.", "De présumés jihadistes ont attaqué le camp.", "Islamist militants fired rockets."):
        assert names(text)[0] == "Islamist Militia (Mali)", text
    assert names("Unidentified militants looted the shop.")[0] == "Unidentified Armed Group (Mali)"


def test_civilians_with_groups_and_counts():
    mentions = find_actors("Gunmen killed four Fulani herders and a teacher.", on=JUNE_2017)
    herders, teacher = mentions[1], mentions[2]
    assert herders.actor.name == "Civilians (Mali)" and herders.count == 4 and herders.generic
    assert {g.name for g in herders.groups} == {"Fulani Ethnic Group (Mali)", "Pastoralists (Mali)"}
    assert teacher.text == "teacher" and teacher.count == 1
    assert [g.name for g in teacher.groups] == ["Teachers (Mali)"]


def test_french_civilians():
    result = found("Trois villageois et un enseignant ont été tués; des commerçants ont fui.", language="fr")
    assert [(t, c) for t, _, c in result] == [("Trois villageois", 3), ("enseignant", 1), ("commerçants", None)]
    assert {n for _, n, _ in result} == {"Civilians (Mali)"}


def test_ethnic_militias_and_communal_hunters():
    assert names("Dogon militiamen and Dozo hunters attacked the village.") == [
        "Dogon Ethnic Militia (Mali)",
        "Dozo Communal Militia (Mali)",
    ]
    assert names("Une milice peule a attaqué des chasseurs traditionnels.") == [
        "Fulani Ethnic Militia (Mali)",
        "Dozo Communal Militia (Mali)",
    ]


def test_protesters_and_rioters():
    assert names("Demonstrators marched in Bamako.") == ["Protesters (Mali)"]
    assert names("An angry mob burned the police station.")[0] == "Rioters (Mali)"
    assert names("Des manifestants ont bloqué la route.", language="fr") == ["Protesters (Mali)"]


def test_generic_noun_next_to_a_name_joins_it():
    result = found("Two JNIM militants and combattants du GSIM were arrested.")
    assert [n for _, n, _ in result] == ["JNIM: Group for Support of Islam and Muslims"] * 2
    assert result[0] == ("Two JNIM militants", "JNIM: Group for Support of Islam and Muslims", 2)


def test_a_date_number_is_not_a_count():
    result = found("On June 9, presumed militants attacked the post.")
    assert result == [("presumed militants", "Islamist Militia (Mali)", None)]


def test_weapon_or_agentless_attack_implies_an_unidentified_attacker_on_request():
    text = "A MINUSMA convoy hit an IED near Aguelhok."
    assert not any(m.implied for m in find_actors(text, on=JUNE_2017))
    mentions = find_actors(text, on=JUNE_2017, implied_attackers=True)
    implied = [m for m in mentions if m.implied]
    assert [(m.text, m.actor.name) for m in implied] == [("IED", "Unidentified Armed Group (Mali)")]
    mentions = find_actors(
        "Un camion a été attaqué; le chauffeur a été enlevé.", language="fr", on=JUNE_2017, implied_attackers=True
    )
    assert [(m.text, m.actor.name, m.implied) for m in mentions] == [
        ("camion", "Civilians (Mali)", True),
        ("chauffeur", "Civilians (Mali)", False),
        ("enlevé", "Unidentified Armed Group (Mali)", True),
    ]


def test_targets_imply_their_actor():
    mentions = find_actors("JNIM attacked a checkpoint and burned a school.", on=JUNE_2017)
    assert [(m.text, m.actor.name, m.implied) for m in mentions] == [
        ("JNIM", "JNIM: Group for Support of Islam and Muslims", False),
        ("checkpoint", "Military Forces of Mali (2013-2020)", True),
        ("school", "Civilians (Mali)", True),
    ]


def test_unregistered_groups_are_kept():
    mentions = find_actors("A new group called the Sahel Defence Front announced its creation.", on=JUNE_2017)
    assert [(m.text, m.actor.kind) for m in mentions] == [("Sahel Defence Front", "unregistered")]
    mentions = find_actors("Le Mouvement pour la défense du Gourma a revendiqué l'attaque.", on=JUNE_2017)
    assert mentions[0].text == "Mouvement pour la défense du Gourma"
    assert mentions[0].actor.kind == "unregistered"
    katiba = find_actors("The Katiba Hanifa claimed the ambush.", on=JUNE_2017)
    assert katiba[0].text == "Katiba Hanifa" and katiba[0].actor.inter == 2


def test_person_names_are_not_groups():
    assert names("A councillor named Amadou Diallo was killed.") == ["Civilians (Mali)"]


def test_same_actor_reads_generic_descriptions():
    from peacewatch.actors import registry

    reg = registry()
    assert reg.same_actor("Présumés djihadistes", "Islamist Militia (Mali)")
    assert reg.same_actor("Bandits armés", "Unidentified Armed Group (Mali)")
    assert not reg.same_actor("Bandits armés", "Islamist Militia (Mali)")


def test_offsets_point_into_the_original_text():
    text = "À Ménaka, des soldats nigériens et l'armée malienne ont patrouillé."
    for mention in find_actors(text, language="fr", on=JUNE_2017):
        assert text[mention.start : mention.end] == mention.text


def test_counted_community_members_are_civilians_and_bare_communities_militias():
    victims = find_actors("Gunmen killed two young Dogons.", on=JUNE_2017)[1]
    assert victims.actor.name == "Civilians (Mali)" and victims.count == 2
    assert [g.name for g in victims.groups] == ["Dogon Ethnic Group (Mali)"]
    assert names("Fighting broke out between Fulani and Bambara.") == [
        "Fulani Ethnic Militia (Mali)",
        "Bambara Ethnic Militia (Mali)",
    ]


def test_crowd_of_a_protest_sentence_protests_or_riots():
    assert names("Residents marched to the town hall in protest.")[0] == "Protesters (Mali)"
    assert names("In protest, residents ransacked the town hall.")[0] == "Rioters (Mali)"
    assert names("Residents fled the fighting.") == ["Civilians (Mali)"]
    assert names("Security forces dispersed the protesters with tear gas.") == [
        "Police Forces of Mali (2013-2020)",
        "Protesters (Mali)",
    ]


def test_national_guard_is_coded_as_the_military_and_customs_as_police():
    assert names("Two national guards and a customs officer were wounded.") == [
        "Military Forces of Mali (2013-2020)",
        "Police Forces of Mali (2013-2020)",
    ]
    assert names("La garde nationale nigérienne a riposté.", language="fr") == ["Military Forces of Niger (2011-2021)"]


def test_youths_who_clash_are_rioters():
    assert names("Youths clashed with the police.")[0] == "Rioters (Mali)"
    assert names("Two youths were wounded by gunmen.")[0] == "Civilians (Mali)"


def test_adjectives_and_punctuation_do_not_make_mentions():
    assert names("Two men suspected of planning a terrorist attack were arrested.") == ["Civilians (Mali)"]
    assert names("Une attaque terroriste a visé le camp; un terroriste a été tué.", language="fr") == [
        "Islamist Militia (Mali)"
    ]
    assert [m.text for m in find_actors("The mechanism (MOC) camp was hit.", on=JUNE_2017)] == ["MOC"]


def test_french_preposition_a_is_not_an_article_and_un_is_not_the_un():
    result = found("Des soldats ont attaqué à Dogon; un camp militaire a été visé.", language="fr")
    assert ("Dogon", "Dogon Ethnic Militia (Mali)", None) in result
    assert not any(name.startswith("MINUSMA") for _, name, _ in result)


def test_a_named_actors_own_post_implies_nobody_else():
    result = [(m.text, m.implied) for m in find_actors("Gunmen attacked an MSA checkpoint.", on=JUNE_2017)]
    assert result == [("Gunmen", False), ("MSA", False)]


def test_associated_actors_follow_acled_practice():
    ansar = find_actors("Ansar Dine fighters attacked a post.", on=date(2018, 1, 10))[0]
    assert ansar.actor.name == "Ansar Dine"
    assert [g.name for g in ansar.groups] == ["JNIM: Group for Support of Islam and Muslims"]
    assert find_actors("Ansar Dine fighters attacked a post.", on=date(2016, 1, 10))[0].groups == ()
    icrc = find_actors("An ICRC vehicle was stopped.", on=JUNE_2017)[0]
    assert icrc.actor.name == "Civilians (Mali)"
    assert [g.name for g in icrc.groups] == [
        "ICRC: International Committee of the Red Cross and Red Crescent",
        "Aid Workers (Mali)",
    ]
    villagers = find_actors("Three Dogon villagers were killed.", on=JUNE_2017)[0]
    assert [g.name for g in villagers.groups] == ["Dogon Ethnic Group (Mali)"]


@pytest.mark.parametrize(
    "text",
    ["A convoy hit a mine close to Bambara-Maoudé.", "Un convoi a sauté sur une mine près de Bambara-Maoudé."],
)
def test_a_community_name_inside_a_hyphenated_place_is_no_actor(text: str) -> None:
    assert [m.text for m in find_actors(text)] == []


def test_a_community_named_on_its_own_is_still_found() -> None:
    names = [m.actor.name for m in find_actors("Fighting broke out between Fulani and Bambara near Macina.")]
    assert names == ["Fulani Ethnic Militia (Mali)", "Bambara Ethnic Militia (Mali)"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Dogon militiamen (Dan Na Ambassagou) attacked a hamlet near Bankass.", "en"),
        ("Des chasseurs dozos (Dan Na Ambassagou) ont attaqué un hameau près de Bankass.", "fr"),
    ],
)
def test_a_group_named_in_brackets_is_the_one_meant(text: str, language: str) -> None:
    mentions = find_actors(text, language, on=date(2018, 6, 1))
    assert mentions[0].actor.name == "Dan Na Ambassagou"
    assert mentions[0].text.endswith("(Dan Na Ambassagou)")


def test_a_named_group_keeps_its_name_before_its_bracketed_parent() -> None:
    names = [m.actor.name for m in find_actors("MNLA (CMA) fighters manned the checkpoint.", "en", on=date(2018, 6, 1))]
    assert names[0] == "MNLA: National Movement for the Liberation of Azawad"


def test_the_french_possessive_son_is_not_a_child() -> None:
    text = "Un véhicule de la MINUSMA a sauté sur une mine près de son camp de Kidal."
    assert not any(m.actor.name.startswith("Civilians") for m in find_actors(text, "fr"))
    assert any(m.actor.name.startswith("Civilians") for m in find_actors("Gunmen killed a farmer and his son.", "en"))


def test_actor_words_are_read_whatever_the_report_language() -> None:
    # A French description in an English report (or in a text of unknown language) names the same actors;
    # its number words are counted by the languages that read French numbers.
    text = "trois soldats maliens et deux hommes armés"
    for language in ("en", "fr", None):
        assert names(text, language=language) == ["Military Forces of Mali (2013-2020)", "Unidentified Armed Group (Mali)"]
    assert [count for _, _, count in found(text, language="fr")] == [3, 2]


def test_a_language_without_actor_words_still_finds_named_actors(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "xx"
    folder.mkdir()
    (folder / "meta.yaml").write_text("code: xx\nname: Test\nspacy: {package: null}\n", encoding="utf-8")
    monkeypatch.setenv("PEACEWATCH_LANG_PATH", str(tmp_path))
    text = "JNIM gunmen attacked soldiers."
    assert [m.text for m in find_actors(text, "xx", on=JUNE_2017)] == ["JNIM"]
    assert [m.text for m in find_actors(text, "en", on=JUNE_2017)] == ["JNIM gunmen", "soldiers"]


def test_an_unknown_language_is_an_error() -> None:
    from peacewatch.lang import LanguageError

    with pytest.raises(LanguageError):
        find_actors("Gunmen attacked.", "zz")


def test_community_names_come_from_the_region() -> None:
    from peacewatch import regions

    mention = find_actors("Des hommes armés ont tué deux Sonraï.", "fr", on=JUNE_2017)[1]
    songhai = regions.current().communities["songhai"]
    assert "sonrai" in songhai.names["fr"]
    assert mention.actor.name == "Civilians (Mali)" and mention.count == 2
    assert [g.name for g in mention.groups] == ["Songhai Ethnic Group (Mali)"]


def test_the_default_country_is_the_regions() -> None:
    from peacewatch import regions

    country = regions.current().default_country
    assert found("Gunmen attacked.") == [("Gunmen", f"Unidentified Armed Group ({country})", None)]
    assert found("Gunmen attacked.", country="Niger") == [("Gunmen", "Unidentified Armed Group (Niger)", None)]


def test_nationality_and_community_words_are_given_to_the_place_finder() -> None:
    from peacewatch.actors.lexicon import community_words, nationality_words

    assert {"malian", "maliens", "nigerien", "etrangers"} <= nationality_words()
    assert {"peuls", "fulani", "dogon", "bella"} <= community_words()
    assert "gao" not in nationality_words() | community_words()

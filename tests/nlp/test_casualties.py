"""Casualty figures read from our own example sentences, English and French."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacewatch.nlp.casualties import KINDS, CasualtyMention, find_casualties, total


def figures(text: str, language: str, kind: str | None = None) -> list[tuple[int, str, str]]:
    return [
        (m.value, m.qualifier, m.victims)
        for m in find_casualties(text, language)
        if (kind is None or m.kind == kind) and not m.explicit_zero
    ]


def killed(text: str, language: str) -> tuple[int, str]:
    return total(find_casualties(text, language), "killed")


def injured(text: str, language: str) -> tuple[int, str]:
    return total(find_casualties(text, language), "injured")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen stormed the market and killed 12.", (12, "exact")),
        ("Overnight, 7 people were killed near the well.", (7, "exact")),
        ("At least 9 dead after the convoy hit a mine.", (9, "at_least")),
        ("Nearly 40 people were killed in the raids.", (40, "nearly")),
        ("More than 30 villagers died.", (30, "more_than")),
        ("Over 25 fighters were killed.", (25, "more_than")),
        ("Dozens were killed when the village was burned.", (12, "vague")),
        ("Several herders were killed on the road.", (3, "vague")),
        ("A few civilians were killed in crossfire.", (3, "vague")),
        ("Scores of people were killed.", (20, "vague")),
        ("A dozen soldiers were killed at the post.", (12, "about")),
        ("Twenty-five people lost their lives.", (25, "exact")),
        ("Some 1,200 people were displaced and 4 were killed.", (4, "exact")),
        ("A wounded gendarme later died of his injuries.", (1, "exact")),
    ],
)
def test_english_killed(text: str, expected: tuple[int, str]) -> None:
    assert killed(text, "en") == expected


def test_coordinated_victims_add_up() -> None:
    text = "Two soldiers and a civilian were killed when the patrol was ambushed."
    assert figures(text, "en", "killed") == [(2, "exact", "soldiers"), (1, "exact", "civilians")]
    assert killed(text, "en") == (3, "exact")


def test_active_verbs_killing_and_wounding() -> None:
    text = "The blast hit the convoy, killing three soldiers and wounding five."
    assert figures(text, "en", "killed") == [(3, "exact", "soldiers")]
    assert figures(text, "en", "injured") == [(5, "exact", "")]


def test_attackers_count_as_killed() -> None:
    text = "Two gendarmes were wounded and 3 assailants were killed in the exchange of fire."
    assert figures(text, "en", "killed") == [(3, "exact", "attackers")]
    assert killed(text, "en") == (3, "exact")
    assert injured(text, "en") == (2, "exact")


def test_figures_in_two_clauses_of_one_sentence_add_up() -> None:
    text = "Militants raided the camp, killing 5 soldiers; 3 attackers were also killed."
    assert killed(text, "en") == (8, "exact")


def test_breakdown_after_including_is_not_added() -> None:
    text = "The attack killed 11 people, including 4 soldiers."
    mentions = find_casualties(text, "en")
    assert [m.breakdown for m in mentions if m.kind == "killed"] == [False, True]
    assert killed(text, "en") == (11, "exact")


def test_later_sentence_restating_the_toll_is_not_added() -> None:
    text = "Four soldiers were killed in the ambush. The army said four soldiers were killed."
    assert killed(text, "en") == (4, "exact")


def test_later_sentence_about_other_victims_is_added() -> None:
    text = "An IED killed two peacekeepers near the camp. Another peacekeeper died of his wounds later."
    assert killed(text, "en") == (3, "exact")


def test_implied_single_victims() -> None:
    assert killed("The mayor of the commune was shot dead by gunmen.", "en") == (1, "exact")
    assert killed("Gunmen killed a trader and his two sons.", "en") == (3, "exact")
    assert killed("Le maire de la commune a été tué par des hommes armés.", "fr") == (1, "exact")


@pytest.mark.parametrize(
    "text",
    [
        "No casualties were reported after the rocket fire.",
        "The mine exploded but no one was hurt.",
        "The camp was shelled without causing casualties.",
    ],
)
def test_english_explicit_zero(text: str) -> None:
    mentions = find_casualties(text, "en")
    assert any(m.explicit_zero for m in mentions)
    assert killed(text, "en") == (0, "exact")


@pytest.mark.parametrize(
    "text",
    [
        "Le camp a été visé par des tirs d'obus sans faire de victimes.",
        "Un véhicule a sauté sur une mine. Aucune victime.",
        "L'attaque n'a fait aucun mort.",
    ],
)
def test_french_explicit_zero(text: str) -> None:
    assert killed(text, "fr") == (0, "exact")


def test_nothing_stated_is_unknown() -> None:
    assert killed("Gunmen burned the town hall in the night.", "en") == (0, "unknown")


@pytest.mark.parametrize(
    "text",
    [
        "The 2015 agreement set out a 60 days timetable for cantonment.",
        "Resolution 2100 was renewed for 18 months.",
        "600 soldiers were gathered in the camp before the operation.",
        "The convoy of 40 vehicles left 3 days ago.",
        "On 12 March the patrol returned to base.",
        "The attackers stole 30 head of cattle and killed 12 goats.",
    ],
)
def test_numbers_that_are_not_casualties(text: str) -> None:
    assert figures(text, "en") == []


def test_total_and_breakdown_in_french() -> None:
    text = "Bilan : 12 morts (9 soldats, 3 assaillants)."
    found = figures(text, "fr", "killed")
    assert found == [(12, "exact", ""), (9, "exact", "soldiers"), (3, "exact", "attackers")]
    assert killed(text, "fr") == (12, "exact")


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Plus d'une centaine de blessés ont été évacués.", "injured", (100, "more_than")),
        ("Une dizaine de morts selon des sources locales.", "killed", (10, "about")),
        ("Une vingtaine de civils ont été tués.", "killed", (20, "about")),
        ("Deux casques bleus tués près de la base.", "killed", (2, "exact")),
        ("Au moins quatre civils ont perdu la vie.", "killed", (4, "at_least")),
        ("Près de soixante-dix-sept personnes sont décédées.", "killed", (77, "nearly")),
        ("Un soldat a succombé à ses blessures.", "killed", (1, "exact")),
        ("Des dizaines de villageois ont été tués.", "killed", (12, "vague")),
        ("Plusieurs blessés ont été évacués vers Gao.", "injured", (3, "vague")),
        ("Quatre-vingts personnes ont été blessées.", "injured", (80, "exact")),
    ],
)
def test_french_figures(text: str, kind: str, expected: tuple[int, str]) -> None:
    assert total(find_casualties(text, "fr"), kind) == expected


def test_french_killed_then_others_wounded() -> None:
    text = "Trois militaires ont été tués et cinq autres blessés dans l'embuscade."
    assert figures(text, "fr", "killed") == [(3, "exact", "soldiers")]
    assert figures(text, "fr", "injured") == [(5, "exact", "")]


def test_french_active_verb() -> None:
    text = "Les assaillants ont tué deux casques bleus et blessé un civil."
    assert figures(text, "fr", "killed") == [(2, "exact", "peacekeepers")]


def test_parenthesis_names_victims_of_both_figures() -> None:
    mentions = find_casualties("4 morts et 6 blessés (gendarmes)", "fr")
    assert [(m.kind, m.value, m.victims) for m in mentions] == [
        ("killed", 4, "police"),
        ("injured", 6, "police"),
    ]


@pytest.mark.parametrize(
    ("text", "language", "kind", "value"),
    [
        ("Three aid workers were kidnapped on the road.", "en", "abducted", 3),
        ("Gunmen abducted two teachers.", "en", "abducted", 2),
        ("Five soldiers are still missing.", "en", "missing", 5),
        ("Security forces arrested 14 suspects.", "en", "arrested", 14),
        ("Deux élus ont été enlevés par des hommes armés.", "fr", "abducted", 2),
        ("Quatre soldats sont portés disparus.", "fr", "missing", 4),
        ("Six suspects ont été interpellés.", "fr", "arrested", 6),
    ],
)
def test_other_kinds(text: str, language: str, kind: str, value: int) -> None:
    assert [m.value for m in find_casualties(text, language) if m.kind == kind] == [value]


def test_spans_point_at_the_figure() -> None:
    text = "Clashes broke out; at least 9 dead according to residents."
    (mention,) = find_casualties(text, "en")
    assert text[mention.start:mention.end] == mention.text == "at least 9 dead"
    assert isinstance(mention, CasualtyMention)


def test_range_takes_the_lower_figure() -> None:
    assert killed("Between 5 and 7 people were killed.", "en")[0] == 5
    assert killed("Entre 4 et 6 morts selon les sources.", "fr")[0] == 4


def test_coordinated_objects_of_an_active_verb() -> None:
    assert killed("Gunmen killed a village chief and his three sons.", "en") == (4, "exact")
    assert killed("The blast killed the driver and the deputy mayor.", "en") == (2, "exact")
    assert total(find_casualties("Les ravisseurs ont enlevé le maire et son adjoint.", "fr"), "abducted") == (1 + 1, "exact")


def test_person_noun_followed_by_a_name() -> None:
    assert killed("Gunmen shot dead commander Ahmed Ag Example in the market.", "en") == (1, "exact")


def test_killing_named_as_background_is_not_a_toll() -> None:
    text = "Youths burned the town hall in protest against the killing of two traders."
    assert killed(text, "en") == (0, "unknown")


def test_breakdown_in_parenthesis_after_an_active_verb() -> None:
    text = "The attackers fled after killing 9 people (6 soldiers and 3 civilians)."
    assert [m.breakdown for m in find_casualties(text, "en")] == [False, True, True]
    assert killed(text, "en") == (9, "exact")


def test_appositive_breakdown_before_the_verb() -> None:
    assert killed("Seven people, including three children, were killed.", "en") == (7, "exact")


def test_death_toll_phrase() -> None:
    assert killed("The death toll rose to 64 on Sunday.", "en") == (64, "exact")


def test_french_elided_auxiliary() -> None:
    text = "L'explosion a tué deux soldats et blessé quatre autres."
    assert killed(text, "fr") == (2, "exact")
    assert injured(text, "fr") == (4, "exact")


def test_objects_are_not_victims() -> None:
    text = "Les casques bleus ont neutralisé un engin explosif sur la route. Aucune victime."
    assert killed(text, "fr") == (0, "exact")


def test_deaths_among_the_wounded_add_to_the_toll() -> None:
    text = "Two soldiers were killed and three wounded. One of the wounded later died of his injuries."
    assert killed(text, "en") == (3, "exact")


def test_livestock_is_not_a_casualty() -> None:
    assert killed("The raiders killed 40 goats and stole 12 camels.", "en") == (0, "unknown")


@pytest.mark.parametrize(
    "text",
    [
        "L'accord de 2015 prévoyait le cantonnement sous 60 jours.",
        "La résolution 2100 a été prolongée de 18 mois.",
        "600 soldats ont été rassemblés à Gao avant l'opération.",
        "Le 12 mars, la patrouille est rentrée à la base.",
    ],
)
def test_french_numbers_that_are_not_casualties(text: str) -> None:
    assert figures(text, "fr") == []


_WORDS = (
    "killed wounded dead morts blessés tués a un the le of de and et , . ( ) : ; 12 1,200 3 "
    "twenty-five vingt-cinq dozens plusieurs at least au moins soldiers soldats civilians including "
    "dont January 5 his son mayor killing tuant ont été were no aucune victime casualties him or ou"
).split()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=25), st.sampled_from(["en", "fr"]))
def test_any_text_gives_consistent_spans(words: list[str], language: str) -> None:
    text = " ".join(words)
    mentions = find_casualties(text, language)
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text
        assert mention.value >= 0 and mention.kind in KINDS
    for kind in KINDS:
        value, qualifier = total(mentions, kind)
        assert value >= 0 and qualifier


def test_cumulative_figures_are_background() -> None:
    text = ("Gunmen killed 4 soldiers near the border on Monday. "
            "More than 4,000 people have been killed in the region since 2012.")
    mentions = find_casualties(text, "en")
    assert [m.background for m in mentions] == [False, True]
    assert killed(text, "en") == (4, "exact")
    assert killed("Des milliers de civils ont été tués depuis 2012.", "fr") == (0, "unknown")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Les assaillants ont tué vingt et un soldats.", "fr", 21),
        ("On dénombre soixante et onze morts.", "fr", 71),
        ("Cent un morts ont été recensés.", "fr", 101),
        ("Gunmen killed two hundred and five people.", "en", 205),
    ],
)
def test_numbers_joined_by_a_conjunction(text: str, language: str, expected: int) -> None:
    assert killed(text, language)[0] == expected


def test_a_conjunction_between_two_figures_does_not_join_them() -> None:
    mentions = find_casualties("They killed two and one was wounded.", "en")
    assert [(m.kind, m.value) for m in mentions] == [("killed", 2), ("injured", 1)]


def test_figure_before_an_aside() -> None:
    assert killed("Four herders, accused of theft by the militia, were killed near the well.", "en") == (4, "exact")
    assert killed("Gunmen attacked Gao, killing nobody.", "en") == (0, "unknown")


def test_explicit_zero_for_one_group() -> None:
    text = "Three attackers were killed while no soldiers were injured."
    assert (killed(text, "en"), injured(text, "en")) == ((3, "exact"), (0, "exact"))
    text = "Aucun soldat n'a été blessé."
    assert (killed(text, "fr"), injured(text, "fr")) == ((0, "unknown"), (0, "exact"))


def test_a_superseded_first_toll_is_not_added() -> None:
    text = "Le nouveau bilan fait état de 17 soldats tués. Un premier décompte faisait état de 12 morts."
    mentions = find_casualties(text, "fr")
    assert [m.superseded for m in mentions] == [False, True]
    assert killed(text, "fr") == (17, "exact")
    assert killed("Un premier bilan fait état d'au moins 25 morts.", "fr") == (25, "at_least")


def test_a_later_figure_for_the_other_side_adds() -> None:
    text = "At least four soldiers were killed. The group acknowledged two dead in its own ranks."
    assert killed(text, "en") == (6, "at_least")


def test_a_later_generic_figure_restates_the_toll() -> None:
    text = "Five soldiers were killed in the ambush. Officials later confirmed 5 dead."
    assert killed(text, "en") == (5, "exact")


def test_disagreeing_restatement_keeps_the_lower_figure() -> None:
    text = "At least 32 civilians were killed, the association said. The government reported 16 dead."
    assert killed(text, "en") == (16, "exact")


def test_an_updated_toll_replaces_the_earlier_one() -> None:
    text = "Thirteen people were killed when the bus hit a mine. The toll later rose to 26 dead."
    assert killed(text, "en") == (26, "exact")


def test_part_of_a_figure_already_given_is_a_breakdown() -> None:
    text = "Gunmen killed two guests. One of the two people killed was a nurse."
    mentions = [m for m in find_casualties(text, "en") if m.kind == "killed"]
    assert [m.breakdown for m in mentions] == [False, True]
    assert killed(text, "en") == (2, "exact")


def test_attackers_add_to_a_toll_of_people() -> None:
    text = "The raid killed at least two people. Troops said four attackers had been killed."
    assert killed(text, "en") == (6, "at_least")


def test_put_the_dead_at() -> None:
    assert killed("Officials put the dead at 12 soldiers.", "en") == (12, "exact")


def test_toll_verbs() -> None:
    assert killed("The death toll from the bombing at the camp in the north climbed to at least 47.", "en") == (47, "at_least")
    assert killed("Le bilan de l'attaque s'élève à 12 morts.", "fr") == (12, "exact")
    assert killed("Prices rose to 300 francs.", "en") == (0, "unknown")


def test_a_superlative_comparison_is_not_background() -> None:
    text = "Seventy people died in the bombing, the deadliest attack since the conflict began in 2012."
    assert killed(text, "en") == (70, "exact")


@pytest.mark.parametrize(
    "text",
    ["Un gendarme a été tué et un autre blessé à Boni.", "Un gendarme a été tué et un autre a été blessé à Boni."],
)
def test_french_one_more_wounded_is_counted(text: str) -> None:
    assert (killed(text, "fr")[0], injured(text, "fr")[0]) == (1, 1)


def test_a_language_without_a_folder_is_an_error() -> None:
    from peacewatch.lang import LanguageError

    with pytest.raises(LanguageError):
        find_casualties("Two soldiers were killed.", "xx")


def test_community_names_of_the_region_count_as_people() -> None:
    # "Fulbe" is one of the region file's names for the Fulani: "a Fulbe" is one person.
    assert killed("A Fulbe was killed near the well.", "en") == (1, "exact")
    assert killed("Un Peul a été tué près du puits.", "fr") == (1, "exact")


def test_french_up_to() -> None:
    assert killed("Jusqu'à 30 personnes auraient été tuées.", "fr") == (30, "up_to")

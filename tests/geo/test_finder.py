"""find_places on sentences of our own, in English and French."""

import pytest

from peacewatch.geo import distance_km, find_places, primary_mention


def names(text: str) -> list[str]:
    return [m.place.name for m in find_places(text)]


def only(text: str):
    mentions = find_places(text)
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


@pytest.mark.parametrize("spelling", ["Tin-Essako", "Ti-n-Essako", "Tin Essako", "TIN-ESSAKO"])
def test_tin_essako_spellings_resolve_to_the_commune_seat(spelling: str) -> None:
    text = f"Gunmen attacked a checkpoint in {spelling} on Monday."
    m = only(text)
    assert m.place.feature_class == "P" and m.place.admin1 == "Kidal"
    assert text[m.start:m.end] == spelling == m.text


@pytest.mark.parametrize("a, b", [
    ("Aguelhok", "Aguel'hoc"),
    ("Tombouctou", "Timbuktu"),
    ("Ménaka", "Menaka"),
    ("Ségou", "Segou"),
])
def test_spelling_variants_give_the_same_place(a: str, b: str) -> None:
    first = only(f"Les militaires sont arrivés à {a} hier.").place
    second = only(f"The soldiers reached {b} yesterday.").place
    assert first.geonameid == second.geonameid


def test_offsets_point_into_the_original_text_after_accents_and_apostrophes() -> None:
    text = "Après l’attaque d’Anéfis, les forces ont rejoint Aguel’hoc puis Kidal."
    found = find_places(text)
    assert [text[m.start:m.end] for m in found] == ["Anéfis", "Aguel’hoc", "Kidal"]


def test_region_phrase_english_is_region_level_at_the_capital() -> None:
    m = only("Clashes were reported in the Kidal region last week.")
    assert (m.relation, m.precision) == ("region", 3)
    assert m.place.name == "Kidal" and m.place.feature_class == "P"


def test_region_phrase_french() -> None:
    m = only("Des affrontements ont eu lieu dans la région de Mopti.")
    assert (m.relation, m.precision, m.place.admin1) == ("region", 3, "Mopti")


def test_near_with_distance_and_direction() -> None:
    m = only("A convoy hit a mine 30 km north of Gao.")
    assert (m.relation, m.precision, m.distance_km, m.place.name) == ("near", 2, 30.0, "Gao")


def test_french_distance_phrase() -> None:
    m = only("Une patrouille est tombée dans une embuscade à 25 km au sud de Kidal.")
    assert (m.relation, m.precision, m.distance_km) == ("near", 2, 25.0)


@pytest.mark.parametrize("text", [
    "Shots were fired near Boni overnight.",
    "Fighting was reported in the Boni area.",
    "Des tirs ont été entendus aux environs de Boni.",
    "Des tirs ont été entendus près de Boni.",
])
def test_near_phrases_are_precision_two(text: str) -> None:
    m = only(text)
    assert (m.relation, m.precision, m.place.name) == ("near", 2, "Boni")


def test_between_two_towns() -> None:
    m = only("An ambush took place between Douentza and Boni.")
    assert (m.relation, m.precision) == ("between", 2)
    assert (m.place.name, m.other.name) == ("Douentza", "Boni")
    assert m.text == "Douentza and Boni"


@pytest.mark.parametrize("text", [
    "Un engin explosif a visé un convoi sur la route Gao-Ansongo.",
    "Un camion a sauté sur une mine sur l'axe Gao–Ansongo.",
    "A truck hit an IED on the Gao-Ansongo road.",
    "A truck hit an IED on the road from Gao to Ansongo.",
])
def test_road_between_two_towns(text: str) -> None:
    m = only(text)
    assert (m.relation, m.precision, m.place.name, m.other.name) == ("road", 2, "Gao", "Ansongo")


def test_cercle_in_parentheses_picks_the_right_homonym() -> None:
    douentza = only("Des hommes armés ont attaqué Douna (Douentza, Mopti) mardi.").place
    segou = only("Gunmen attacked Douna, cercle de Ségou, on Tuesday.").place
    assert (douentza.admin1, douentza.admin2) == ("Mopti", "Douentza")
    assert (segou.admin1, segou.admin2) == ("Segou", "Segou")
    assert distance_km(douentza, segou) > 100


def test_cercle_phrase_after_the_name() -> None:
    place = only("Three herders were killed in Douna in the cercle of Koro.").place
    assert place.admin2 == "Koro"


def test_nearby_places_in_the_same_text_disambiguate() -> None:
    found = find_places("Soldiers left Boni for Douna, then returned to Hombori.")
    douna = next(m.place for m in found if m.text == "Douna")
    assert douna.admin2 == "Douentza"


def test_sentence_without_places() -> None:
    assert find_places("The minister said talks with the armed groups would resume next week.") == []
    assert find_places("Le ministre a annoncé la reprise du dialogue la semaine prochaine.") == []


@pytest.mark.parametrize("text", [
    "Selon le Centre, la situation reste calme au Nord et à l'Est.",
    "Est-ce que la Mine a fermé ? Des sources le confirment.",
    "Amadou Koufa and Katiba Macina fighters were seen.",
    "Bambara hunters and Fulani herders clashed, Dozo sources said.",
    "As a result, the Sahel remains tense.",
])
def test_common_words_and_group_names_are_not_places(text: str) -> None:
    assert names(text) == []


def test_country_mention_is_country_level() -> None:
    found = find_places("Violence spread across Mali and into Burkina Faso.")
    assert [(m.place.name, m.place.iso3, m.precision) for m in found] == [
        ("Mali", "MLI", 3), ("Burkina Faso", "BFA", 3)]


def test_country_hint_prefers_that_country() -> None:
    assert only("Gunmen attacked Koro on Friday.").place.iso3 == "MLI"


def test_primary_mention_skips_titles_and_regions() -> None:
    text = "In the Mopti region, the mayor of Mondoro was shot in Douentza."
    assert primary_mention(find_places(text), text).place.name == "Douentza"


def test_primary_mention_of_nothing_is_none() -> None:
    assert primary_mention([], "") is None


def test_quarter_of_a_town_is_coded_at_the_town() -> None:
    m = only("Une explosion a touché une maison du quartier Sirakoro Méguétana à Bamako.")
    assert (m.place.name, m.precision, m.relation) == ("Bamako", 1, "in")
    assert m.text == "Sirakoro Méguétana à Bamako"


def test_possessive_town_is_context_for_the_next_name() -> None:
    m = only("Graves were found in Kidal's Anefis area.")
    assert m.place.admin1 == "Kidal" and m.relation == "near"


def test_one_letter_slip_in_a_long_name_is_forgiven() -> None:
    m = only("Les soldats ont été attaqués près de Bambara Moudé hier.")
    assert m.place.name.startswith("Bambara")


def test_surname_that_is_also_a_village_is_not_a_place() -> None:
    assert names("The blogger Madou Kante was shot while driving in Bamako.") == ["Bamako"]


def test_named_area_after_the_is_region_level() -> None:
    text = "Tension rose in the Macina: clashes pitted militants against villagers in Kouakourou."
    found = find_places(text)
    assert found[0].precision == 3
    assert primary_mention(found, text).text == "Kouakourou"


def test_primary_mention_skips_origin_when_another_place_is_named() -> None:
    text = "Un convoi en route vers Gao a heurté une mine près de Doro."
    assert primary_mention(find_places(text), text).text == "Doro"


def test_primary_mention_prefers_a_place_introduced_by_a_preposition() -> None:
    text = "Kidal residents said that gunmen attacked a convoy in Anefis."
    assert primary_mention(find_places(text), text).text == "Anefis"


def test_long_name_two_slips_away_is_still_found() -> None:
    m = only("Gunmen attacked the market of Anderamboukhana on Friday.")
    assert (m.place.admin1, m.place.feature_class) == ("Menaka", "P")


def test_long_capitalised_words_are_not_forced_onto_places() -> None:
    assert find_places("The Parliamentarians met the Representatives of the Coordination.") == []


def test_misspelt_hyphenated_town_beats_an_exact_foreign_first_half() -> None:
    m = only("Des hommes armés ont attaqué le camp de Gourma-Rharos hier.")
    assert (m.place.admin1, m.place.admin2, m.place.feature_class) == ("Tombouctou", "Gourma-Rharous", "P")


def test_a_town_named_as_a_title_is_not_the_event_place() -> None:
    text = "A Douentza MP was ambushed between Boni and Hombori on Sunday."
    assert primary_mention(find_places(text), text).place.name == "Boni"


def test_places_listed_without_commas_are_not_read_as_a_person() -> None:
    text = "Les forces ont patrouillé dans les cercles de Bankass Koro Douentza et Bandiagara."
    assert [m.text for m in find_places(text)] == ["Bankass", "Koro", "Douentza", "Bandiagara"]
    assert [m.text for m in find_places("President Ibrahim Boubacar Keita visited Gao.")] == ["Gao"]


def test_a_slip_pointing_at_two_spellings_of_one_place_is_kept() -> None:
    m = only("Boatmen were robbed on the river at Toguere-Kombe on Friday.")
    assert (m.place.admin1, m.place.admin2, m.place.feature_class) == ("Mopti", "Tenenkou", "P")


def test_a_misspelt_northern_camp_is_still_found() -> None:
    m = only("Soldiers clashed with militants in the Tin Tehegrin area on Monday.")
    assert (m.place.admin1, m.place.feature_code) == ("Gao", "CMP")


def test_a_locality_measured_from_a_town_in_brackets_is_coded_at_the_town() -> None:
    found = find_places("Des affrontements ont eu lieu à Takalout (40 km au nord de Kidal) hier.")
    assert [(m.place.name, m.precision) for m in found] == [("Kidal", 2)]

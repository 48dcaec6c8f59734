"""Document context and admin rank steer same-name places (sentences of our own)."""

from peacewatch.geo import distance_km, find_places, gazetteer, primary_mention


def test_a_cercle_namesake_town_is_preferred_to_homonym_villages() -> None:
    m = primary_mention(find_places("Riots broke out in Kenieba on Monday."))
    assert (m.place.admin1, m.place.admin2) == ("Kayes", "Kenieba")


def test_village_unknown_in_the_named_cercle_is_coded_at_the_cercle_seat() -> None:
    text = "Attaque du marché de Diaka (cercle de Ténenkou) par des hommes armés."
    m = primary_mention(find_places(text), text)
    assert (m.place.name, m.precision, m.relation) == ("Ténenkou", 2, "near")


def test_village_known_in_the_named_cercle_keeps_its_own_place() -> None:
    text = "Gunmen stole cattle in Boni, cercle of Douentza, on Friday."
    m = primary_mention(find_places(text), text)
    assert (m.place.name, m.place.admin2, m.precision) == ("Boni", "Douentza", 1)


def test_village_named_near_a_town_takes_the_reading_close_to_that_town() -> None:
    alone = primary_mention(find_places("Gunmen looted shops in Kera on Monday."))
    text = "Gunmen looted shops in Kera, near Tenenkou, on Monday."
    m = primary_mention(find_places(text), text)
    town = gazetteer().lookup("Tenenkou", country="Mali")[0]
    assert m.text == "Kera" and distance_km(m.place, town) < 100 < distance_km(alone.place, town)


def test_unknown_reading_far_from_the_town_it_is_near_is_kept_by_name_at_the_town() -> None:
    text = "Gunmen ransacked a school in Mariko, near Niono."
    m = primary_mention(find_places(text), text)
    niono = primary_mention(find_places("Gunmen ransacked a school in Niono."))
    assert (m.place.name, m.place.source, m.precision, m.relation) == ("Mariko", "text", 2, "near")
    assert (m.place.admin1, m.place.latitude, m.place.longitude) == (
        niono.place.admin1, niono.place.latitude, niono.place.longitude)


def test_bamako_neighbourhoods_are_coded_at_bamako() -> None:
    for text in ("Protesters blocked the main road in Kalaban Koura on Tuesday.",
                 "Des jeunes ont manifesté en Commune 5 du district de Bamako."):
        m = primary_mention(find_places(text), text)
        assert (m.place.name, m.place.feature_code) == ("Bamako", "PPLC"), text


def test_a_wadi_measured_from_a_town_is_coded_at_the_town() -> None:
    text = "Fighters clashed at Ibdekkene, 40 km north of Kidal, on Sunday."
    m = primary_mention(find_places(text), text)
    assert (m.place.name, m.precision, m.relation) == ("Kidal", 2, "near")


def test_two_ambiguous_villages_are_read_close_together() -> None:
    alone = find_places("Gunmen stole cattle in Kolongo on Monday.")[0].place
    found = find_places("Gunmen stole cattle in Kolongo on Monday and later in Dala.")
    kolongo, dala = found[0].place, found[1].place
    assert distance_km(kolongo, dala) < 50 < distance_km(alone, dala)


def test_neighbours_pull_neither_the_capital_nor_a_village_called_otherwise() -> None:
    text = ("Armed men attacked the army base at Nampala on Tuesday, military sources in Bamako "
            "said. Nampala lies in the Ségou region near Macina, Niono and Mopti.")
    found = {m.text: m.place for m in find_places(text)}
    assert (found["Bamako"].feature_code, found["Nampala"].name) == ("PPLC", "Nampala")


def test_a_cercle_seat_is_not_pulled_to_a_namesake_village_by_its_neighbours() -> None:
    found = {m.text: m.place for m in find_places("Soldiers killed two gunmen near Doma, Koro, on Monday.")}
    assert (found["Koro"].admin2, found["Koro"].feature_code) == ("Koro", "PPLA2")


def test_cercle_seats_listed_together_are_not_unseated_by_a_nearer_namesake_village() -> None:
    text = "A new militia said it would defend herders in the areas of Koro, Djenne and Douentza."
    koro = next(m for m in find_places(text) if m.text == "Koro")
    assert (koro.place.admin1, koro.place.admin2) == ("Mopti", "Koro")


def test_names_used_for_groups_titles_or_operations_do_not_locate_the_event() -> None:
    for text, where in (
        ("A patrol was ambushed by Macina fighters near Dioura.", "Dioura"),
        ("A Kidal council member was shot dead in Gao.", "Gao"),
        ("After operation 'Koufra', troops searched houses in Boni.", "Boni"),
    ):
        assert primary_mention(find_places(text), text).place.name == where, text


def test_a_stated_distance_rules_out_namesakes_farther_away_even_in_the_same_region() -> None:
    text = "Gunmen attacked Bara, 5 km from Gao, on Monday."
    m = primary_mention(find_places(text), text)
    gao = primary_mention(find_places("Gunmen attacked Gao on Monday."))
    assert (m.place.name, m.place.source, m.precision, m.relation) == ("Bara", "text", 2, "near")
    assert (m.place.latitude, m.place.longitude) == (gao.place.latitude, gao.place.longitude)


def test_a_venue_named_after_a_town_does_not_locate_the_event() -> None:
    for text, where in (
        ("Gunmen stormed the campement Kangaba in Yirimandio on Sunday.", "Yirimandio"),
        ("Gunmen stormed the Kangaba resort near Bamako on Sunday.", "Bamako"),
        ("Des jeunes se sont rassemblés place de la Liberté à Ségou.", "Ségou"),
    ):
        names = [m.place.name for m in find_places(text)]
        assert "Kangaba" not in names and "Liberté" not in names, text
        assert primary_mention(find_places(text), text).place.name == where, text


def test_a_place_name_inside_a_quoted_platform_or_operation_name_is_no_place() -> None:
    text = "À l'appel de la plateforme « Touche pas à Kidal », des milliers de personnes ont marché à Ségou."
    assert [m.place.name for m in find_places(text)] == ["Ségou"]


def test_a_place_in_a_name_quoted_with_plain_apostrophes_is_no_place() -> None:
    text = "After operation 'Ansongo' ended, French jets struck a camp near Hombori."
    assert "Ansongo" not in [m.place.name for m in find_places(text)]
    assert primary_mention(find_places(text), text).place.name == "Hombori"


def test_a_religious_title_or_an_organisation_name_does_not_locate_the_event() -> None:
    for text, where in (
        ("The convoy of the Chérif of Nioro was attacked by gunmen near Diéma.", "Diéma"),
        ("A car of the Regional Health Directorate of Mopti (DRSM) was stolen in Sévaré.", "Sévaré"),
    ):
        assert primary_mention(find_places(text), text).place.name == where, text


def test_a_town_the_gazetteer_lists_twice_still_anchors_its_neighbours() -> None:
    text = "Gunmen burned the customs post of Kouala on Monday, and the army later reinforced Didieni."
    found = {m.text: m.place for m in find_places(text)}
    assert distance_km(found["Kouala"], found["Didieni"]) < 50


def test_a_village_said_to_be_on_a_border_takes_the_reading_near_that_country() -> None:
    alone = find_places("Gunmen attacked Kourouma on Monday.")[0].place
    text = "Gunmen attacked Kourouma, close to the border with Burkina Faso, on Monday."
    near = find_places(text)[0].place
    assert alone.admin1 != "Sikasso" and (near.country, near.admin1) == ("Mali", "Sikasso")


def test_a_distance_from_a_town_is_no_origin() -> None:
    text = "Gunmen coming from Gao ambushed a convoy 12 km from Bourem on Sunday."
    m = primary_mention(find_places(text), text)
    assert (m.place.name, m.relation, m.distance_km) == ("Bourem", "near", 12.0)


def test_the_region_after_a_hyphenated_compound_steers_its_first_name() -> None:
    text = "Militants raided army posts in Doma-Koura, Mopti and in Markala, Ségou, on Friday."
    found = find_places(text)
    assert (found[0].text, found[0].place.admin1) == ("Doma", "Mopti")
    assert "Mopti" not in [m.text for m in found]


def test_a_stated_distance_places_an_event_on_a_road_better_than_the_road_s_first_town() -> None:
    text = "A convoy was ambushed on the Bourem-Gao road, 20 km from Tacharane, on Friday."
    m = primary_mention(find_places(text), text)
    assert (m.place.name, m.relation, m.distance_km) == ("Tacharane", "near", 20.0)

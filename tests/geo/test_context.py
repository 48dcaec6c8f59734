"""Document context and admin rank steer same-name places (sentences of our own)."""

from peacewatch.geo import find_places, primary_mention


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

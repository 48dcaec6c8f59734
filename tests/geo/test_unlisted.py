"""Places the gazetteer lacks, kept by name: sentences of our own (the village names are invented)."""

from datetime import date

import pytest

from peacewatch.extract.base import extractors
from peacewatch.geo import find_places, primary_mention
from peacewatch.geo.gazetteer import gazetteer
from peacewatch.geo.unlisted import find_unlisted
from peacewatch.nlp.pipeline import get_pipeline
from peacewatch.records import Document


def places(text: str, language: str = "en") -> list:
    return list(get_pipeline(language)(text)._.places)


def town(name: str):
    return next(p for p in gazetteer().lookup(name) if p.feature_class == "P")


@pytest.mark.parametrize("name", ["Tinzarak", "Kobaladji", "Sirafoulé"])
def test_invented_names_are_not_in_the_gazetteer(name: str) -> None:
    assert gazetteer().lookup(name) == []


@pytest.mark.parametrize("text, language", [
    ("Gunmen burned the Dogon village of Tinzarak on Friday.", "en"),
    ("Militiamen raided the hamlet of Kobaladji and stole cattle.", "en"),
    ("Des hommes armés ont incendié le village de Sirafoulé dimanche.", "fr"),
    ("Gunmen killed two herders in the area of Tinzarak.", "en"),
    ("Soldiers were deployed to the town of Kobaladji.", "en"),
])
def test_a_place_noun_makes_an_unknown_name_a_place_without_position(text: str, language: str) -> None:
    [m] = places(text, language)
    assert m.place.source == "text" and m.place.name in text[m.start:m.end]
    assert m.place.latitude is None and m.place.admin1 == ""


def test_an_unknown_name_tied_to_a_known_town_is_coded_at_that_town() -> None:
    text = "Gunmen killed a trader in Tinzarak, about 30 km east of Douentza, on Sunday."
    m = primary_mention(places(text), text)
    douentza = town("Douentza")
    assert (m.place.name, m.place.source, m.precision) == ("Tinzarak", "text", 2)
    assert (m.place.admin1, m.place.latitude, m.place.longitude) == ("Mopti", douentza.latitude, douentza.longitude)
    assert text[m.start:m.end] == "Tinzarak, about 30 km east of Douentza"


@pytest.mark.parametrize("text, anchor", [
    ("Des hommes armés ont tué deux bergers près de Tinzarak, à 20 km de Douentza.", "Douentza"),
    ("Une attaque a eu lieu à Kobaladji, près de Bourem, dimanche.", "Bourem"),
    ("Deux civils ont été tués dans la localité d’Inkorafane, à 30 km de Ménaka.", "Ménaka"),
])
def test_french_ties_to_a_known_town(text: str, anchor: str) -> None:
    m = primary_mention(places(text, "fr"), text)
    assert m.place.source == "text" and m.place.latitude == town(anchor).latitude
    assert text[m.start:m.end].endswith(anchor)


def test_the_unknown_first_town_of_a_between_pair_is_coded_at_the_second() -> None:
    text = "An IED struck a cart between Kobaladji and Ansongo."
    m = primary_mention(places(text), text)
    assert (m.place.name, m.place.admin1, m.relation) == ("Kobaladji", "Gao", "between")


def test_a_region_named_later_in_the_sentence_gives_the_region_only() -> None:
    text = "Unknown gunmen killed an imam in the village of Tinzarak, Mopti region."
    m = primary_mention(places(text), text)
    assert (m.place.name, m.place.admin1, m.place.latitude) == ("Tinzarak", "Mopti", None)


def test_another_spelling_of_a_place_near_the_anchor_is_that_place() -> None:
    """An "In-" prefix is too far for spelling slips in general, not next to the town the text names."""
    real = town("Aljanagounga")
    assert gazetteer().lookup("In-Aljanagounga") == []
    text = "Gunmen attacked herders in the area of In-Aljanagounga, 35 km south-east of Bourem."
    m = primary_mention(places(text), text)
    assert (m.place.name, m.place.geonameid, m.precision) == ("Aljanagounga", real.geonameid, 2)


def test_a_similar_name_on_the_wrong_side_of_the_anchor_is_not_taken() -> None:
    text = "Gunmen attacked herders in the area of In-Aljanagounga, 35 km north of Bourem."
    m = primary_mention(places(text), text)
    assert (m.place.name, m.place.source) == ("In-Aljanagounga", "text")


@pytest.mark.parametrize("text", [
    "A policeman was wounded at Tinzarak Square in Gao.",
    "Talks were held in Geneva; later, gunmen attacked a checkpoint in Gao.",
    "On Monday, soldiers patrolled the road from Gao to Ansongo.",
])
def test_venues_foreign_cities_beside_known_towns_and_plain_words_are_not_unlisted(text: str) -> None:
    assert [m.place.name for m in places(text) if m.place.source == "text"] == []


def test_a_bare_preposition_needs_the_ner_or_an_anchor() -> None:
    text = "Gunmen killed six herders in Tinzarak."
    name = (text.index("Tinzarak"), text.index("Tinzarak") + len("Tinzarak"))
    assert find_unlisted(text, find_places(text), ner_places=[], actors=[]) == []
    [m] = find_unlisted(text, find_places(text), ner_places=[name], actors=[])
    assert (m.place.name, m.place.source) == ("Tinzarak", "text")
    beside_gao = "Gunmen killed six herders in Tinzarak and two traders in Gao."
    spans = [(beside_gao.index("Tinzarak"), beside_gao.index("Tinzarak") + 8)]
    assert [p.place.name for p in find_unlisted(beside_gao, find_places(beside_gao), spans, [])] == ["Gao"]


def test_extracted_event_keeps_the_name_with_its_evidence_and_no_coordinates() -> None:
    text = "On 3 March, gunmen burned the Fulani village of Kobaladji, killing four civilians."
    [event] = extractors.get("rules")()(Document(id="d", text=text, language="en", published=date(2018, 3, 5)))
    assert (event.location, event.latitude, event.geo_precision, event.country) == ("Kobaladji", None, None, "Mali")
    assert any(e.field == "location" and e.text.startswith("Kobaladji") for e in event.evidence)
    assert not any(e.field == "latitude" for e in event.evidence)


def test_a_village_named_with_a_cercle_seat_it_is_not_near_is_kept_at_the_seat() -> None:
    """Kani has readings in the Bankass cercle; Doma has none near Koro (only far namesakes)."""
    text = "Soldiers clashed with militants in the area of Doma, Koro."
    [m] = find_places(text)
    assert (m.place.name, m.place.source, m.place.admin2, m.place.latitude) == ("Doma", "text", "Koro", town("Koro").latitude)
    [kani] = find_places("Militants attacked Kani, Bankass.")
    assert kani.place.source == "geonames" and kani.place.admin2 == "Bankass"
    assert [p.place.name for p in find_places("Attacks hit Douentza, Koro and Bankass.")] == ["Douentza", "Koro", "Bankass"]


def test_an_unplaced_name_one_letter_off_a_single_malian_village_is_that_village() -> None:
    """Names too short for the finder's slip index: "Zinzina" is the Malian village Zinzin."""
    [m] = places("Gunmen burned the village of Zinzina on Sunday.")
    assert (m.place.name, m.place.admin1, m.place.source) == ("Zinzin", "Sikasso", "geonames")


def test_with_no_known_place_in_the_text_a_foreign_village_is_not_sought() -> None:
    """Yendam lies in Senegal: a report naming no known place is not placed abroad by a near spelling."""
    [m] = places("Gunmen burned the village of Yendama on Sunday.")
    assert (m.place.name, m.place.source) == ("Yendama", "text")


def test_a_village_named_like_a_common_word_is_found_after_a_place_noun() -> None:
    """The finder lets "Be" go (an English word); "the village Be" names the Ségou village."""
    [m] = places("Gunmen opened fire near the village Be on Sunday.")
    assert (m.place.name, m.place.admin1, m.place.source) == ("Bé", "Segou", "geonames")
    assert all(p.place.name != "Be" for p in places("Gunmen opened fire near the village Be, close to Gao."))

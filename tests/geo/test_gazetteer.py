"""The bundled gazetteer: coverage, admin names as ACLED writes them, lookup and distances."""

from importlib import resources

import pytest
import yaml

from peacewatch.geo import Place, distance_km, find_places, gazetteer, nearest

# Town centres (approximate, from general reference maps) for the 10 km checks.
TOWNS = {
    "Bamako": (12.65, -8.00, "Bamako"),
    "Gao": (16.27, -0.04, "Gao"),
    "Kidal": (18.44, 1.41, "Kidal"),
    "Tombouctou": (16.77, -3.01, "Tombouctou"),
    "Ménaka": (15.92, 2.40, "Menaka"),
    "Mopti": (14.49, -4.19, "Mopti"),
}


@pytest.mark.parametrize("name", sorted(TOWNS))
def test_main_towns_resolve_within_10_km_with_acled_admin1(name: str) -> None:
    lat, lon, admin1 = TOWNS[name]
    best = gazetteer().lookup(name, country="Mali")[0]
    assert best.feature_class == "P"
    assert distance_km(best, (lat, lon)) < 10
    assert best.admin1 == admin1


def test_lookup_is_accent_case_and_spacing_insensitive() -> None:
    gaz = gazetteer()
    spellings = ("Tin-Essako", "ti-n-essako", "TIN ESSAKO")
    ids = {gaz.lookup(n, country="MLI")[0].geonameid for n in spellings}
    assert len(ids) == 1
    assert gaz.lookup("Ségou", country="Mali")[0].geonameid == gaz.lookup("segou", country="Mali")[0].geonameid


def test_alternate_names_link_english_and_french_names() -> None:
    gaz = gazetteer()
    assert gaz.lookup("Timbuktu")[0].geonameid == gaz.lookup("Tombouctou", country="Mali")[0].geonameid


def test_lookup_filters_by_admin1() -> None:
    places = gazetteer().lookup("Douna", country="Mali", admin1="Sikasso")
    assert places and all(p.admin1 == "Sikasso" for p in places)


def test_menaka_region_villages_carry_the_new_region() -> None:
    inekar = gazetteer().lookup("Inékar", country="Mali")[0]
    assert (inekar.admin1, inekar.admin2) == ("Menaka", "Menaka")


def test_commune_seat_of_tin_essako_is_a_town_in_kidal() -> None:
    place = gazetteer().lookup("Tin-Essako", country="Mali")[0]
    assert place.feature_class == "P"
    assert place.admin1 == "Kidal"


def test_countries_are_covered_with_acled_names() -> None:
    countries = {p.iso3: p.country for p in gazetteer().country_place.values()}
    assert countries["MLI"] == "Mali"
    assert countries["CIV"] == "Ivory Coast"
    assert set(countries) == {"MLI", "BFA", "NER", "MRT", "SEN", "CIV", "GIN"}


def test_nearest_town_to_a_point() -> None:
    place = nearest(16.28, -0.03)
    assert place is not None and place.name == "Gao"


def test_distance_between_gao_and_kidal() -> None:
    gao = gazetteer().lookup("Gao", country="Mali")[0]
    kidal = gazetteer().lookup("Kidal", country="Mali")[0]
    assert distance_km(gao, gao) == 0
    assert 250 < distance_km(gao, kidal) < 310
    assert distance_km(gao, kidal) == pytest.approx(distance_km(kidal, gao))


def test_supplement_places_name_the_source_of_their_coordinates() -> None:
    text = (resources.files("peacewatch") / "data" / "geo" / "supplement.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    for entry in data["places"]:
        assert entry["coordinate_source"].strip()
        assert -90 <= entry["latitude"] <= 90 and -180 <= entry["longitude"] <= 180
    for section in ("spellings", "seats", "corrections"):
        for entry in data[section]:
            assert entry["source"].strip()


def test_supplement_places_are_found_by_name() -> None:
    place = gazetteer().lookup("Gossi", country="Mali")[0]
    assert place.source == "supplement"
    assert place.admin1 == "Tombouctou"


def test_nearest_gives_up_far_from_the_covered_countries() -> None:
    assert nearest(0.0, 0.0) is None


def test_iterating_gives_every_place_once() -> None:
    gaz = gazetteer()
    places = list(gaz)
    assert len(places) == len(gaz)
    assert sum(p.feature_code == "PCLI" for p in places) == 7


def test_tessit_lies_in_ansongo_cercle_east_of_the_meridian() -> None:
    town = [p for p in gazetteer().lookup("Tessit", country="Mali") if p.feature_class == "P"][0]
    assert (town.admin1, town.admin2) == ("Gao", "Ansongo") and town.longitude > 0


def test_a_commune_seat_outranks_its_namesake_villages() -> None:
    assert gazetteer().lookup("Dialloubé", country="Mali")[0].admin2 == "Mopti"
    assert gazetteer().lookup("Tene", country="Mali")[0].admin2 == "San"


def test_tidermene_is_a_commune_seat_of_menaka() -> None:
    town = gazetteer().lookup("Tidermene", country="Mali")[0]
    assert (town.admin1, town.feature_code) == ("Menaka", "PPLA3")


@pytest.mark.parametrize("written", ["In Tillit", "Tin-Tillit", "I-n-Tillit"])
def test_tuareg_prefixed_names_take_either_prefix(written: str) -> None:
    assert any(p.admin1 == "Gao" and p.feature_class == "P" for p in gazetteer().lookup(written, country="Mali"))


def test_a_village_named_with_its_people_is_found_without_them() -> None:
    assert any(p.name == "Yonga-Foulbé" and p.admin1 == "Mopti" for p in gazetteer().lookup("Yonga"))


def test_names_without_a_tuareg_prefix_are_not_given_one() -> None:
    assert not any(p.name.startswith(("Ti-n", "I-n")) for p in gazetteer().lookup("Tillit", country="Mali"))


ACLED_MALI_REGIONS = {"Mopti", "Gao", "Tombouctou", "Kidal", "Menaka", "Segou", "Koulikoro",
                      "Kayes", "Sikasso", "Bamako", "Taoudenit"}
MALI_BOX = ((10.1, 25.1), (-12.3, 4.3))  # south-north, west-east, with a little slack


class _UniqueKeyLoader(yaml.SafeLoader):
    """A loader that refuses a mapping key given twice: plain YAML keeps the last one silently."""


def _no_duplicate_keys(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
    repeated = {k for k in keys if keys.count(k) > 1}
    if repeated:
        raise yaml.constructor.ConstructorError(None, None, f"keys given twice: {sorted(repeated)}",
                                                node.start_mark)
    return loader.construct_mapping(node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicate_keys)


def _supplement() -> dict:
    text = (resources.files("peacewatch") / "data" / "geo" / "supplement.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=_UniqueKeyLoader)


def test_supplement_names_each_section_and_key_once() -> None:
    assert set(_supplement()) == {"spellings", "seats", "corrections", "places"}


def _geonames_rows() -> dict[int, Place]:
    return {p.geonameid: p for p in gazetteer() if p.geonameid is not None}


def test_supplement_entries_name_geonames_rows_the_gazetteer_has() -> None:
    known = _geonames_rows()
    data = _supplement()
    for section in ("spellings", "seats", "corrections"):
        for entry in data[section]:
            gid = entry["geonameid"]
            assert isinstance(gid, int) and gid in known, (section, gid)


def test_supplement_seats_are_villages_the_loader_can_mark() -> None:
    rows = _geonames_rows()
    for entry in _supplement()["seats"]:
        place = rows[entry["geonameid"]]
        assert place.feature_code == "PPLA3" and place.admin3 == entry["commune"], entry


def test_supplement_places_carry_source_region_and_a_position_in_mali() -> None:
    (south, north), (west, east) = MALI_BOX
    for entry in _supplement()["places"]:
        assert entry.get("coordinate_source", "").strip(), entry["name"]
        assert entry["admin1"] in ACLED_MALI_REGIONS, entry["name"]
        assert south < entry["latitude"] < north and west < entry["longitude"] < east, entry["name"]
        assert entry.get("feature_code", "PPL") in {"PPL", "PPLA3", "ADM3"}, entry["name"]


@pytest.mark.parametrize("written, name, admin1", [
    ("Boulikessi", "Boulkessi", "Mopti"),
    ("Agoufou", "Agoufou", "Tombouctou"),
    ("Acharane", "Acharane", "Tombouctou"),
    ("Inghounane", "Inghonane", "Tombouctou"),
    ("Talahandak", "Talhandak", "Kidal"),
    ("Gathi-Loumo", "Gatié Loumo", "Mopti"),
])
def test_villages_of_the_supplement_are_found_in_a_report(written: str, name: str, admin1: str) -> None:
    mentions = find_places(f"Armed men raided the weekly market in the village of {written} on Friday.")
    assert [(m.text, m.place.name, m.place.admin1) for m in mentions] == [(written, name, admin1)]


def test_boulkessi_is_the_malian_village_not_its_burkinabe_namesake() -> None:
    place = find_places("Le camp militaire de Boulkessi a été attaqué à l'aube.")[0].place
    assert place.country == "Mali" and place.admin1 == "Mopti"


def test_gathi_loumo_is_the_seat_of_farimake() -> None:
    place = gazetteer().lookup("Gathy-Loumo", country="Mali")[0]
    assert (place.feature_code, place.admin3, place.admin2) == ("PPLA3", "Farimake", "Youwarou")


@pytest.mark.parametrize("section", ["spellings", "seats", "corrections"])
def test_a_supplement_entry_naming_no_geonames_row_is_an_error_not_a_skip(section: str) -> None:
    from peacewatch.geo.gazetteer import _apply_supplement

    row = ["2449088", "Toguéré-Koumbé", "", "", "14.9", "-4.6", "P", "PPL", "MLI", "Mali", "Mopti", "Tenenkou", "", "0", "", ""]
    entry = {"geonameid": "TOGUERE_ID", "names": ["x"], "commune": "x", "latitude": 1.0, "longitude": 1.0}
    with pytest.raises(ValueError, match="TOGUERE_ID"):
        _apply_supplement([row], [[]], [[]], {section: [entry]})


def test_a_town_is_near_the_country_across_its_border_only() -> None:
    gaz = gazetteer()
    kadiolo = gaz.lookup("Kadiolo", country="Mali")[0]
    assert gaz.near_country(kadiolo, "CIV", 100) and not gaz.near_country(kadiolo, "MRT", 100)

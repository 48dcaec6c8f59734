"""The actor registry: aliases, dated canonical names and memberships over time."""

from datetime import date

import pytest

from peacewatch.actors import registry


@pytest.fixture(scope="module")
def reg():
    return registry()


@pytest.mark.parametrize(
    "alias",
    [
        "JNIM",
        "GSIM",
        "Jama'at Nusrat al-Islam wal-Muslimin",
        "Groupe de soutien à l'islam et aux musulmans",
        "JNIM: Group for Support of Islam and Muslims",
    ],
)
def test_jnim_aliases_resolve_to_one_canonical_name(reg, alias):
    assert reg.canonical(alias) == "JNIM: Group for Support of Islam and Muslims"


@pytest.mark.parametrize(
    "alias",
    ["Mourabitoun", "al-Mourabitoun", "Al Mourabitoune Battalion", "AL-MOURABITOUNE", "Al Mourabitoun"],
)
def test_mourabitoun_spellings(reg, alias):
    assert reg.canonical(alias) == "Al Mourabitoune Battalion"


def test_isgs_english_and_french_names(reg):
    assert reg.same_actor("EIGS", "Islamic State in the Greater Sahara")
    assert reg.same_actor("État islamique au Grand Sahara", "ISGS")
    assert reg.canonical("EIGS") == "Islamic State (Greater Sahara)"


def test_same_actor_is_alias_and_period_aware(reg):
    assert reg.same_actor("JNIM", "JNIM: Group for Support of Islam and Muslims")
    assert reg.same_actor("Military Forces of Mali", "Military Forces of Mali (2013-2020)")
    assert reg.same_actor("FAMa", "armée malienne")
    assert reg.same_actor("CMA: Coordination of Azawad Movements", "CMA: Coordination of Movements of the Azawad")
    assert not reg.same_actor("JNIM", "Islamic State (Greater Sahara)")
    assert not reg.same_actor("MAA: Arab Movement of the Azawad (CMA)", "MAA: Arab Movement of the Azawad (Platform)")


def test_same_actor_for_unknown_names_compares_normalised_text(reg):
    assert reg.same_actor("Some New Front", "some new front")
    assert not reg.same_actor("Some New Front", "Another Front")


def test_france_name_changes_on_2017_05_14(reg):
    assert reg.canonical("Barkhane", on=date(2017, 5, 13)) == "Military Forces of France (2012-2017)"
    assert reg.canonical("forces françaises", on=date(2017, 5, 14)) == "Military Forces of France (2017-)"


def test_mali_forces_named_by_government_period(reg):
    assert reg.canonical("FAMa", on=date(2018, 6, 1)) == "Military Forces of Mali (2013-2020)"
    assert reg.canonical("FAMa", on=date(2022, 1, 1)) == "Military Forces of Mali (2021-)"
    assert reg.canonical("Malian gendarmerie", on=date(2017, 1, 1)) == "Police Forces of Mali (2013-2020) Gendarmerie"
    assert reg.canonical("casques bleus", on=date(2016, 3, 1)).startswith("MINUSMA: United Nations")


def test_generic_country_actors_exist_for_the_three_countries(reg):
    for country in ("Mali", "Burkina Faso", "Niger"):
        for template in ("Unidentified Armed Group", "Civilians", "Protesters", "Rioters"):
            name = f"{template} ({country})"
            assert reg.canonical(name) == name
    assert reg.get("Rioters (Niger)").inter == 5
    assert reg.get("Protesters (Burkina Faso)").inter == 6
    assert reg.get("Civilians (Mali)").inter == 7


def test_inter_codes_follow_acled_types(reg):
    assert reg.get("FAMa").inter == 1
    assert reg.get("JNIM").inter == 2
    assert reg.get("GATIA").inter == 3
    assert reg.get("Dan Na Ambassagou").inter == 4
    assert reg.get("MINUSMA").inter == 8
    assert reg.get("Barkhane").inter_in("Mali") == 8
    assert reg.get("Nigerien army").inter_in("Niger") == 1


def test_mourabitoun_joins_jnim_on_2017_03_02_not_before(reg):
    before = [a.base_name for a in reg.parents("Al Mourabitoun", on=date(2017, 3, 1))]
    after = [a.base_name for a in reg.parents("Al Mourabitoun", on=date(2017, 3, 2))]
    assert "JNIM: Group for Support of Islam and Muslims" not in before
    assert "AQIM: Al Qaeda in the Islamic Maghreb" in before
    assert "JNIM: Group for Support of Islam and Muslims" in after
    members = [a.base_name for a in reg.members("JNIM", on=date(2017, 6, 1))]
    assert {"Al Mourabitoune Battalion", "Ansar Dine", "Katiba Macina"} <= set(members)
    assert reg.members("JNIM", on=date(2016, 12, 31)) == []


def test_coalitions_and_the_moc(reg):
    assert [a.base_name for a in reg.parents("GATIA", on=date(2016, 1, 1))] == ["Platform of June 14th 2014 movements"]
    cma_members = {a.acronym for a in reg.members("CMA", on=date(2016, 1, 1))}
    assert {"MNLA", "HCUA"} <= cma_members
    assert "MOC: Operational Coordination Mechanism" in [a.name for a in reg.parents("CMA", on=date(2017, 2, 1))]
    moc = {a.base_name for a in reg.members("MOC", on=date(2017, 2, 1))}
    assert moc == {"Military Forces of Mali", "CMA: Coordination of Movements of the Azawad", "Platform of June 14th 2014 movements"}


def test_groups_formed_in_2016_carry_their_founding_dates(reg):
    assert reg.get("MSA").founded == date(2016, 9, 2)
    assert reg.get("Congress for Justice in Azawad").founded.year == 2016


def test_unknown_name_is_returned_unchanged(reg):
    assert reg.get("Front for Something Unheard Of") is None
    assert reg.canonical("  Front for Something Unheard Of ") == "Front for Something Unheard Of"


def test_iterating_while_comparing_new_descriptions_is_safe(reg):
    for actor in reg:
        reg.same_actor("Colombian civilians", actor.name)
    assert reg.get("Civilians (Colombia)").inter == 7

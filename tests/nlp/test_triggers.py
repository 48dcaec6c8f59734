"""Trigger lexicons and ACLED typing, on sentences we wrote (English and French)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peacewatch import lang
from peacewatch.extract.typing import decide_type
from peacewatch.lang.language import schema_folder
from peacewatch.nlp.status import find_status_cues
from peacewatch.nlp.triggers import CUES, cue_matches, cue_patterns, find_triggers


def cues(text: str, language: str = "en") -> set[str]:
    return {t.cue for t in find_triggers(text, language) if not t.hypothetical}


@pytest.mark.parametrize(
    ("text", "language", "target", "expected"),
    [
        ("Gunmen attacked an army checkpoint near Douentza.", "en", "armed", ("Battles", "Armed clash")),
        ("Gunmen attacked the village and killed four herders.", "en", "civilian", ("Violence against civilians", "Attack")),
        ("A truck hit a landmine on the road to Gossi.", "en", None, ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        ("A suicide bomber drove a car bomb into the camp.", "en", "armed", ("Explosions/Remote violence", "Suicide bomb")),
        ("Rockets were fired at the peacekeepers' base overnight.", "en", "armed", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("A drone strike hit a militant hideout.", "en", "armed", ("Explosions/Remote violence", "Air/drone strike")),
        ("Two traders were kidnapped by unknown men.", "en", "civilian", ("Violence against civilians", "Abduction/forced disappearance")),
        ("Hundreds of people marched peacefully in the capital.", "en", None, ("Protests", "Peaceful protest")),
        ("Police fired tear gas to disperse the demonstration.", "en", None, ("Protests", "Protest with intervention")),
        ("Angry youths set up barricades and burned tyres.", "en", None, ("Riots", "Violent demonstration")),
        ("A thief was lynched by a mob at the market.", "en", None, ("Riots", "Mob violence")),
        ("Soldiers defused an IED found on the main road.", "en", None, ("Strategic developments", "Disrupted weapons use")),
        ("Armed men looted shops and stole livestock.", "en", "civilian", ("Strategic developments", "Looting/property destruction")),
        ("Gunmen seized the voting material of two polling stations.", "en", None, ("Strategic developments", "Looting/property destruction")),
        ("Bandits fired warning shots at a bus full of traders.", "en", "civilian", ("Violence against civilians", "Attack")),
        ("The two movements signed a ceasefire agreement.", "en", None, ("Strategic developments", "Agreement")),
        ("A new armed group was formed by dissident commanders.", "en", None, ("Strategic developments", "Change to group/activity")),
        ("Des hommes armés ont attaqué un poste de la gendarmerie.", "fr", "armed", ("Battles", "Armed clash")),
        ("Un véhicule de l'armée a sauté sur une mine.", "fr", None, ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        ("Trois bergers ont été enlevés par des individus armés.", "fr", "civilian", ("Violence against civilians", "Abduction/forced disappearance")),
        ("Des manifestants ont marché jusqu'au gouvernorat.", "fr", None, ("Protests", "Peaceful protest")),
        ("Des obus sont tombés sur le camp de la MINUSMA.", "fr", "armed", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("Des affrontements ont opposé deux groupes armés.", "fr", None, ("Battles", "Armed clash")),
    ],
)
def test_typing_follows_the_codebook(text: str, language: str, target: str | None, expected: tuple[str, str]) -> None:
    assert decide_type(cues(text, language), target) == expected


def test_killing_of_civilians_is_violence_against_civilians_and_of_soldiers_a_battle() -> None:
    assert decide_type({"attack", "kill"}, "civilian", killed=3) == ("Violence against civilians", "Attack")
    assert decide_type({"attack", "kill"}, "armed", killed=3) == ("Battles", "Armed clash")


def test_ied_followed_by_gunfire_on_a_convoy_is_a_battle() -> None:
    found = cues("An IED exploded under the convoy, followed by an exchange of fire.")
    assert {"ied", "clash"} <= found
    assert decide_type(found, "armed") == ("Battles", "Armed clash")


@pytest.mark.parametrize("text", [
    "Les gendarmes ont arrêté trois hommes armés près du marché.",
    "Les gendarmes arrêtent trois hommes armés près du marché.",
    "Les militaires arrêtaient tous les passants.",
])
def test_french_arrests_in_any_tense_are_arrests_by_the_state(text: str) -> None:
    assert decide_type(cues(text, "fr"), None, state_actor=True) == ("Strategic developments", "Arrests")


def test_planned_or_foiled_attacks_are_not_events() -> None:
    triggers = find_triggers("Two men suspected of planning an attack in the capital were arrested.")
    attack = next(t for t in triggers if t.cue == "attack")
    assert attack.hypothetical
    assert decide_type(cues("Two men suspected of planning an attack in the capital were arrested."), None, state_actor=True) == (
        "Strategic developments",
        "Arrests",
    )


def test_definite_references_are_marked() -> None:
    text = "The 18 March attack was claimed by the group. Gunmen attacked a bus."
    attacks = [t for t in find_triggers(text) if t.cue == "attack"]
    assert [t.definite for t in attacks] == [True, False]


def test_month_name_march_is_not_a_protest() -> None:
    assert "protest" not in cues("On 3 March, gunmen ambushed a patrol.")
    assert "protest" in cues("Students marched to the ministry.")


def test_gold_mine_is_not_an_explosive() -> None:
    assert "ied" not in cues("Bandits raided a gold mine site near Kéniéba.")


def test_seized_explosives_and_fired_rockets_keep_their_meaning() -> None:
    found = cues("Soldiers raided the camp; two IEDs and ammunition were seized.")
    assert "ied" not in found and "defuse" in found
    assert "gunfire" not in cues("Rockets were fired at the base overnight.")
    assert decide_type(cues("The army killed ten militants in an air-supported operation."), "armed") == ("Battles", "Armed clash")


def test_peaceful_takeover_is_a_transfer_of_territory() -> None:
    found = cues("The town came under the control of the armed group without any fighting.")
    assert decide_type(found, None) == ("Strategic developments", "Non-violent transfer of territory")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("French forces opened the operation with an airstrike followed by a ground assault near Menaka.", "en"),
        ("Militants attacked the army post; Barkhane intervened with airstrikes.", "en"),
        ("Des frappes aériennes ont précédé une opération terrestre de Barkhane près de Ménaka.", "fr"),
    ],
)
def test_air_strikes_joined_by_ground_fighting_are_a_battle(text: str, language: str) -> None:
    assert decide_type(cues(text, language), "armed") == ("Battles", "Armed clash")


def test_seized_mortars_are_no_shelling() -> None:
    text = "After the ambush, soldiers said arms, mortars and two motorbikes were seized."
    assert "shelling" not in cues(text)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Gunmen opened fire on the driver and stole his truck.", "en"),
        ("Des hommes armés ont ouvert le feu et ont emporté le camion.", "fr"),
    ],
)
def test_robbery_with_gunfire_on_people_is_an_attack(text: str, language: str) -> None:
    assert decide_type(cues(text, language), "civilian") == ("Violence against civilians", "Attack")


def test_robbery_without_violence_is_looting() -> None:
    assert decide_type(cues("Gunmen stole two trucks near Gao."), "civilian") == (
        "Strategic developments", "Looting/property destruction"
    )


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Militants launched a complex attack on the camp, then attacked again.",
            "en",
            [("complex attack", "assault"), ("attack", "attack"), ("attacked", "attack")],
        ),
        (
            "Des hommes armés ont attaqué le camp ; une attaque complexe a suivi.",
            "fr",
            [("attaqué", "attack"), ("attaque complexe", "assault"), ("attaque", "attack")],
        ),
    ],
)
def test_one_phrase_can_carry_two_cues_and_every_later_one_is_found(
    text: str, language: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t.text, t.cue) for t in find_triggers(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Gao and Ménaka saw the installation of their interim authorities on Thursday.", "en"),
        ("The transitional council of Taoudénit was sworn in on Monday.", "en"),
        ("A former colonel was installed on Friday as president of the interim authority of Ménaka.", "en"),
        ("Les autorités intérimaires de Tombouctou ont été installées jeudi.", "fr"),
        ("La cérémonie d'investiture du collège transitoire s'est tenue lundi à Ménaka.", "fr"),
    ],
)
def test_installing_interim_authorities_is_a_strategic_development(text: str, language: str) -> None:
    cues = {t.cue for t in find_triggers(text, language)}
    assert decide_type(cues) == ("Strategic developments", "Other")


def test_the_one_pass_scan_misses_no_match_of_any_cue_in_the_sample_reports() -> None:
    """find_triggers scans a text once for where triggers may start; each cue's own pattern must find nothing more."""
    reports = sorted((Path(__file__).resolve().parents[2] / "samples" / "reports").glob("*.md"))
    assert reports
    for path in reports:
        text = path.read_text(encoding="utf-8")
        for language in ("en", "fr"):
            expected = [(cue, m.span()) for cue, pattern in cue_patterns(language) for m in pattern.finditer(text)]
            assert [(cue, m.span()) for cue, m in cue_matches(text, language)] == expected, path.name


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Three armed groups announced on Monday that they were joining forces under one leader.", "en"),
        ("Trois groupes armés ont annoncé lundi qu'ils unissent leurs forces sous un seul chef.", "fr"),
    ],
)
def test_groups_joining_forces_is_a_change_to_a_group(text: str, language: str) -> None:
    assert "change" in {t.cue for t in find_triggers(text, language)}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Saturday, thousands of people filled the avenues of Kayes to reject the reform.", "en"),
        ("Samedi, des milliers de personnes ont envahi les rues de Kayes pour rejeter la réforme.", "fr"),
    ],
)
def test_crowds_filling_the_streets_are_a_protest(text: str, language: str) -> None:
    assert decide_type({t.cue for t in find_triggers(text, language)}) == ("Protests", "Peaceful protest")


def test_the_french_market_is_not_a_march() -> None:
    assert "protest" not in cues("Des hommes armés ont attaqué le marché de la ville.", "fr")
    assert "protest" in cues("Des centaines de femmes ont marché jusqu'à la mairie.", "fr")


def test_a_language_that_is_no_folder_is_refused() -> None:
    with pytest.raises(lang.LanguageError, match="no language 'xx'"):
        find_triggers("Gunmen attacked a bus.", "xx")


def test_a_new_language_needs_only_the_cue_tables_it_has(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "es"
    folder.mkdir()
    (folder / "meta.yaml").write_text("code: es\nname: Español\nspacy: {package: null}\n", encoding="utf-8")
    (folder / "triggers.yaml").write_text(
        "attack:\n  ignore_case: true\n  rules:\n"
        "    - pattern: 'atac(?:ó|aron|ado)\\b'\n"
        "      examples: {match: ['Hombres armados atacaron el puesto.']}\n"
        "hypothetical:\n  ignore_case: true\n  rules:\n"
        "    - pattern: 'evitaron'\n"
        "      examples: {match: ['Los soldados evitaron un ataque.']}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PEACEWATCH_LANG_PATH", str(tmp_path))
    found = find_triggers("Hombres armados atacaron el puesto. Los soldados evitaron que atacaron otra vez.", "es")
    assert [(t.text, t.cue, t.hypothetical, t.definite) for t in found] == [
        ("atacaron", "attack", False, False), ("atacaron", "attack", True, False)
    ]
    assert find_status_cues("El ataque fue reivindicado por el grupo.", "es") == []


def test_the_schema_knows_every_cue_and_the_tables_around_them() -> None:
    schema = json.loads((schema_folder() / "triggers.schema.json").read_text("utf-8"))
    assert set(CUES) <= set(schema["properties"])
    assert set(schema["properties"]) - set(CUES) == {
        "hypothetical", "negations", "stopped", "definite_determiners", "np_breakers", "verb_endings", "definite_subject"
    }

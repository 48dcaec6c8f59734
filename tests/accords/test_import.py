"""Agreement files: bundled loading, import validation with clear errors, export round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peacewatch.accords import repository
from peacewatch.accords.loader import AgreementFileError, ensure_bundled, export_agreement, import_agreement
from peacewatch.accords.view import agreement_view
from peacewatch.cli import build_app
from peacewatch.store import open_store

from .conftest import TESTLAND

runner = CliRunner()


def test_bundled_agreement_is_in_every_new_store_once(db_path: Path) -> None:
    open_store(db_path).close()  # read commands need an existing store (issue 13, item 9)
    first = runner.invoke(build_app(), ["accords", "list", "--db", str(db_path), "--format", "json"])
    assert first.exit_code == 0, first.output
    assert [row["id"] for row in json.loads(first.output)] == ["mali-2015"]
    again = runner.invoke(build_app(), ["accords", "list", "--db", str(db_path), "--format", "json"])
    assert json.loads(again.output) == json.loads(first.output)
    with open_store(db_path) as store:
        ensure_bundled(store)
        moc = repository.observations(store, "mali-2015/moc")
    assert len(moc) == 4


def test_bundled_mali_agreement_facts(store) -> None:  # type: ignore[no-untyped-def]
    view = agreement_view(store, "mali-2015")
    assert view["identifiers"] == {"pax": "1365", "ucdp": "30"}
    signed = {d["date"]: d["parties"] for d in view["dates"] if d["kind"] == "signed"}
    assert signed == {"2015-05-15": ["government", "platform"], "2015-06-20": ["cma"]}
    dues = {m["id"].split("/")[-1]: m["due"] for p in view["provisions"] for m in p["milestones"]}
    assert dues["lists-30d"] == "2015-07-20"
    assert dues["moc-setup-60d"] == "2015-08-19"
    assert dues["integration-commission-60d"] == "2015-08-19"
    assert dues["cantonment-120d"] == "2015-10-18"
    for prov in view["provisions"]:
        assert prov["source"] and prov["confidence"] in ("high", "medium", "low", "check")


def test_import_reports_every_problem_with_its_place(tmp_path: Path, db_path: Path) -> None:
    bad = TESTLAND.replace("offset_days: 30", "offset_days: thirty").replace("responsible: [gov, nrf]\n    part", "responsible: [gov, rebels]\n    part")
    path = tmp_path / "bad.yaml"
    path.write_text(bad, "utf-8")
    result = runner.invoke(build_app(), ["accords", "import", str(path), "--db", str(db_path)])
    assert result.exit_code == 2
    assert "provisions[1].milestones[0].offset_days: 'thirty' is not of type 'integer'" in result.output


def test_import_checks_references_after_the_schema(store) -> None:  # type: ignore[no-untyped-def]
    bad = TESTLAND.replace("responsible: [gov, nrf]\n    part", "responsible: [gov, rebels]\n    part")
    bad = bad.replace("meets: [jsc-june]", "meets: [jsc-july]")
    with pytest.raises(AgreementFileError) as caught:
        import_agreement(store, bad, origin="bad.yaml")
    problems = caught.value.problems
    assert any(p.startswith("provisions[0].responsible: unknown party 'rebels'") for p in problems)
    assert any(p.startswith("provisions[1].observations[1].meets: unknown milestone of this provision 'jsc-july'") for p in problems)
    assert repository.agreement(store, "testland-2020") is None


def test_import_rejects_a_milestone_with_both_a_date_and_an_anchor(store) -> None:  # type: ignore[no-untyped-def]
    bad = TESTLAND.replace("due: 2020-06-30", "due: 2020-06-30\n        anchor: signature\n        offset_days: 5")
    with pytest.raises(AgreementFileError) as caught:
        import_agreement(store, bad)
    assert any("provisions[1].milestones[1]" in p for p in caught.value.problems)


def test_not_yaml_is_a_clear_error(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AgreementFileError, match="one mapping"):
        import_agreement(store, "- just\n- a list\n")


def test_export_reimports_to_the_same_view(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_agreement(store, TESTLAND)
    exported = export_agreement(store, "testland-2020")
    with open_store(tmp_path / "other.duckdb") as other:
        import_agreement(other, json.dumps(exported))
        before = agreement_view(store, "testland-2020", None)
        after = agreement_view(other, "testland-2020", None)
    assert after["provisions"] == before["provisions"]
    assert after["score"] == before["score"]


def test_reimport_keeps_analyst_observations(store) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from peacewatch.accords.records import StatusObservation

    import_agreement(store, TESTLAND)
    with store.transaction():
        repository.add_observation(store, StatusObservation(
            id="testland-2020/elections/obs-1", provision_id="testland-2020/elections",
            observed_on=date(2020, 10, 1), score=1, note="Voter lists opened."))
    import_agreement(store, TESTLAND.replace("Local councils are elected.", "Local councils are elected by 2021."))
    notes = [o.note for o in repository.observations(store, "testland-2020/elections")]
    assert notes == ["Voter lists opened."]
    assert repository.provision(store, "testland-2020/elections").summary.endswith("by 2021.")


def test_a_users_own_file_for_a_bundled_id_is_not_overwritten(store) -> None:  # type: ignore[no-untyped-def]
    import_agreement(store, TESTLAND.replace("id: testland-2020", "id: mali-2015"))
    ensure_bundled(store)
    assert repository.agreement(store, "mali-2015").name == "Testland Framework Agreement"


def test_the_schema_is_a_valid_json_schema() -> None:
    import jsonschema

    from peacewatch.accords.loader import json_schema

    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_cli_import_then_export_yaml(tmp_path: Path, db_path: Path) -> None:
    import yaml

    source = tmp_path / "testland.yaml"
    source.write_text(TESTLAND, "utf-8")
    imported = runner.invoke(build_app(), ["accords", "import", str(source), "--db", str(db_path)])
    assert imported.exit_code == 0, imported.output
    assert "imported testland-2020" in imported.output
    out = tmp_path / "out.yaml"
    exported = runner.invoke(build_app(), ["accords", "export", "testland-2020", "--db", str(db_path), "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    data = yaml.safe_load(out.read_text("utf-8"))
    jsc = next(p for p in data["provisions"] if p["id"] == "jsc")
    assert [m["id"] for m in jsc["milestones"]] == ["jsc-30d", "jsc-june"]
    assert jsc["milestones"][1]["supersedes"] == "jsc-30d"
    assert [r["name"] for r in jsc["rules"]] == ["jsc-attacked", "jsc-patrol"]

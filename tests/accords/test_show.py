"""``accords show --format json``: the MOC acceptance path on the bundled Mali agreement."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from peacewatch.accords.pipeline import after_resolution
from peacewatch.cli import build_app
from peacewatch.records import Event
from peacewatch.store import open_store

from .conftest import add_document, save_event, span

REPORT = (
    "Blast at Gao camp sets back joint units\n"
    "A truck loaded with explosives blew up on 18 January inside the camp of the Operational "
    "Coordination Mechanism (MOC) in Gao, where soldiers and former rebels were getting ready for "
    "their first joint patrols. Dozens of them died. Al Mourabitoun said it had sent the bomber."
)


def _seed_like_store(path: Path) -> str:
    with open_store(path) as store:
        doc = add_document(store, "doc-gao", REPORT, date(2017, 1, 25))
        save_event(store, Event(
            event_id="ev-gao", event_date=date(2017, 1, 18), event_type="Explosions/Remote violence",
            sub_event_type="Suicide bomb", actor1="Al Mourabitoun", actor2="Military Forces of Mali",
            country="Mali", iso3="MLI", admin1="Gao", location="Gao", fatalities=47, status="claimed",
            claimed_by="Al Mourabitoun", sources=[doc.id],
            evidence=[
                span(doc, "event_date", "18 January"),
                span(doc, "sub_event_type", "A truck loaded with explosives blew up"),
                span(doc, "claimed_by", "Al Mourabitoun said it had sent the bomber"),
            ],
        ))
        after_resolution(store, ["ev-gao"])
    return "ev-gao"


def _show(path: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(build_app(), ["accords", "show", "mali-2015", "--format", "json", "--db", str(path), *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_moc_due_late_and_obstructed_by_the_gao_bombing(db_path: Path) -> None:
    event_id = _seed_like_store(db_path)
    view = _show(db_path, "--as-of", "2017-02-01")
    moc = next(p for p in view["provisions"] if p["id"] == "mali-2015/moc")
    setup = moc["milestones"][0]
    assert setup["due"] == "2015-08-19" and setup["due_rule"] == "signature + 60 days"
    assert setup["state"] == "met late"
    assert 17 <= setup["days_from_anchor"] / 30.44 <= 19  # set up about 18 months after signature
    assert setup["delay_days"] > 365
    assert (moc["status"]["score"], moc["status"]["suspended"], moc["status"]["reversed"]) == (1, True, True)
    assert moc["status"]["since"] == "2017-01-18"
    (linked,) = moc["events"]
    assert (linked["event_id"], linked["event_date"], linked["relation"]) == (event_id, "2017-01-18", "obstruct")
    assert linked["event_type"] == "Explosions/Remote violence"
    assert "Operational Coordination Mechanism" in linked["reason"]
    assert {e["text"] for e in linked["evidence"]} >= {"18 January"}
    bombing = next(o for o in moc["observations"] if o["date"] == "2017-01-18")
    assert bombing["events"] == [event_id]


def test_show_json_shape(db_path: Path) -> None:
    _seed_like_store(db_path)
    view = _show(db_path)
    assert {"id", "name", "parties", "dates", "anchors", "identifiers", "score", "provisions", "allegations",
            "as_of", "structure", "bodies", "sources"} <= set(view)
    assert set(view["score"]) >= {"score", "points", "max_points", "provisions", "assessed"}
    for prov in view["provisions"]:
        assert {"id", "title", "summary", "category", "responsible", "bodies", "milestones", "status", "score",
                "delay_days", "events", "allegations", "observations"} <= set(prov)
        for ms in prov["milestones"]:
            assert {"id", "due", "due_rule", "supersedes", "superseded_by", "met_on", "state", "delay_days"} <= set(ms)
        for ev in prov["events"]:
            assert {"event_id", "event_date", "event_type", "relation", "state", "reason", "evidence"} <= set(ev)
    ceasefire = next(p for p in view["provisions"] if p["id"] == "mali-2015/ceasefire")
    assert [e["relation"] for e in ceasefire["events"]] == ["obstruct"]


def test_show_unknown_agreement_fails_clearly(db_path: Path) -> None:
    open_store(db_path).close()  # read commands need an existing store (issue 13, item 9)
    result = CliRunner().invoke(build_app(), ["accords", "show", "nowhere-1999", "--db", str(db_path)])
    assert result.exit_code == 1
    assert "mali-2015" in result.output


def test_text_views_run(db_path: Path) -> None:
    _seed_like_store(db_path)
    runner = CliRunner()
    for command in (["show", "mali-2015"], ["timeline", "mali-2015"], ["score", "mali-2015"], ["links"]):
        result = runner.invoke(build_app(), ["accords", *command, "--db", str(db_path)])
        assert result.exit_code == 0, result.output
    timeline = json.loads(runner.invoke(build_app(), ["accords", "timeline", "mali-2015", "--db", str(db_path),
                                                      "--format", "json"]).output)
    assert [i["date"] for i in timeline] == sorted(i["date"] or "9999" for i in timeline)


def test_observe_and_review_from_the_cli(db_path: Path) -> None:
    _seed_like_store(db_path)
    runner = CliRunner()
    links = json.loads(runner.invoke(build_app(), ["accords", "links", "--db", str(db_path), "--format", "json"]).output)
    moc_link = next(lk for lk in links if lk["provision_id"] == "mali-2015/moc")
    done = runner.invoke(build_app(), ["accords", "confirm", moc_link["link_id"], "--by", "ana", "--db", str(db_path)])
    assert done.exit_code == 0, done.output
    added = runner.invoke(build_app(), [
        "accords", "observe", "mali-2015/cantonment", "--date", "2016-06-01", "--score", "1",
        "--note", "First site built.", "--db", str(db_path)])
    assert added.exit_code == 0, added.output
    view = _show(db_path, "--as-of", "2017-02-01")
    moc = next(p for p in view["provisions"] if p["id"] == "mali-2015/moc")
    assert moc["events"][0]["state"] == "confirmed"
    cantonment = next(p for p in view["provisions"] if p["id"] == "mali-2015/cantonment")
    assert cantonment["status"]["score"] == 1
    assert cantonment["milestones"][0]["state"] == "overdue"


def test_links_can_be_filtered_for_review(db_path: Path) -> None:
    _seed_like_store(db_path)
    runner = CliRunner()
    found = json.loads(runner.invoke(build_app(), ["accords", "links", "--db", str(db_path), "--format", "json",
                                                   "--provision", "mali-2015/moc", "--relation", "obstruct"]).output)
    assert [(lk["provision_id"], lk["relation"]) for lk in found] == [("mali-2015/moc", "obstruct")]
    none = json.loads(runner.invoke(build_app(), ["accords", "links", "--db", str(db_path), "--format", "json",
                                                  "--state", "confirmed"]).output)
    assert none == []

"""The extract and eval commands as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from peacewatch.commands import evaluate as evaluate_command
from peacewatch.commands import extract as extract_command

REPORT = "On Monday, unidentified gunmen attacked a gendarmerie post in Diafarabé, killing two gendarmes."


def app() -> typer.Typer:
    application = typer.Typer()
    extract_command.register(application)
    evaluate_command.register(application)
    return application


def test_extract_jsonl_in_and_out(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "d1", "text": REPORT, "published": "2017-06-07", "language": "en"}) + "\n")
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(app(), ["extract", "--input", str(docs), "--output", str(out)])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(events) == 1
    event = events[0]
    assert event["doc_id"] == "d1" and event["event_type"] == "Battles"
    span = event["evidence"][0]
    assert REPORT[span["start"]:span["end"]] == span["text"] and span["document_id"] == "d1"
    assert event["event_date"] == "2017-06-05"
    assert event["fatalities"] == 2
    assert {"field", "start", "end", "text"} <= set(event["evidence"][0])


def test_extract_one_file_prints_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT + "\n")
    result = CliRunner().invoke(app(), ["extract", str(path), "--published", "2017-06-07"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines and lines[0]["location"] == "Diafarabé"


def test_eval_prints_field_scores(tmp_path: Path) -> None:
    gold = tmp_path / "gold.csv"
    gold.write_text(
        "event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,admin1,location,latitude,longitude,notes,fatalities\n"
        f'X1,2017-06-05,Battles,Armed clash,Unidentified Armed Group (Mali),Police Forces of Mali (2013-2020) Gendarmerie,'
        f'Mopti,Diafarabe,14.138,-5.018,"{REPORT}",2\n'
    )
    result = CliRunner().invoke(app(), ["eval", "--gold", str(gold), "--worst", "1"])
    assert result.exit_code == 0, result.output
    assert "event_type" in result.output and "fatalities" in result.output
    assert "1.000" in result.output

"""The resolution commands as an analyst runs them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from peacewatch.cli import build_app
from peacewatch.store.base import open_store
from tests.resolve.builders import gao_reports, ied_reports, ingest

runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(build_app(), list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_event_prints_sources_tolls_and_disagreements(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with open_store(db) as store:
        ingest(store, gao_reports())
        event_id = next(iter(store.events())).event_id
    out = run("event", event_id, "--db", str(db))
    assert "1 of 6 reports says 17 January 2017" in out
    assert "best 77" in out and "named authority" in out
    assert "Ledger E" in out and "Hebdo D" in out
    story = json.loads(run("event", event_id, "--db", str(db), "--json"))
    assert [s["published"] for s in story["sources"]] == sorted(s["published"] for s in story["sources"])
    assert all(s["evidence"] for s in story["sources"])


def test_merge_split_distinct_and_rerun_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    reports = ied_reports()
    with open_store(db) as store:
        ingest(store, reports)
        first, second = sorted(e.event_id for e in store.events())
    out = run("merge", first, second, "--db", str(db), "--note", "one incident")
    assert "merged" in out
    run("resolve", "--from-scratch", "--db", str(db))
    with open_store(db) as store:
        events = list(store.events())
        assert len(events) == 1
        merged = events[0].event_id
    run("split", merged, "--document", reports[2].doc_id, "--document", reports[3].doc_id, "--db", str(db))
    with open_store(db) as store:
        ids = sorted(e.event_id for e in store.events())
    assert len(ids) == 2
    run("distinct", ids[0], ids[1], "--db", str(db))
    out = run("resolve", "--from-scratch", "--db", str(db))
    assert "2 events in the store" in out
    gone = runner.invoke(build_app(), ["event", "EVnothing", "--db", str(db)])
    assert gone.exit_code != 0


def test_eval_resolution_scores_a_small_gold_set(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    rows = [
        {"id": "a", "text": "Police said 12 people were killed in Gao on Wednesday.", "published": "2017-01-18"},
        {"id": "b", "text": "Officials now say 14 people were killed in Gao in the market attack.", "published": "2017-01-19"},
        {"id": "c", "text": "Yesterday 4 soldiers were killed in Boni when their truck hit a mine.", "published": "2017-03-03"},
    ]
    docs.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"clusters": [
        {"id": "gao", "documents": ["a", "b"], "final_fatalities": 14},
        {"id": "boni", "documents": ["c"], "final_fatalities": 4},
    ]}), encoding="utf-8")
    scores = json.loads(run("eval-resolution", "--docs", str(docs), "--gold", str(gold), "--extractor", "killed-in", "--json"))
    assert (scores["precision"], scores["recall"], scores["f1"]) == (1.0, 1.0, 1.0)
    assert scores["predicted_events"] == scores["gold_events"] == 2
    assert scores["toll_equal"] == 2
    singleton = json.loads(run("eval-resolution", "--docs", str(docs), "--gold", str(gold), "--extractor", "killed-in", "--resolver", "singleton", "--json"))
    assert singleton["recall"] < 1.0 and singleton["predicted_events"] == 3

"""``peacewatch alerts``: a rule file added, backtested without raising, run once, listed."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from typer.testing import CliRunner

from peacewatch.cli import build_app
from peacewatch.store import open_store

from .conftest import add_event

MONDAY = date(2021, 3, 29)
RULES = """
- id: gao-surge
  name: Surge in Gao
  kind: surge
  area: {admin1: Gao}
  min_count: 3
- id: gao-record
  kind: record
  area: {admin1: Gao}
  since: 2021-01-01
  min_fatalities: 3
"""


def _cli(*args: str) -> str:
    result = CliRunner().invoke(build_app(), list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.output


def test_add_backtest_run_list(tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    store = open_store(db)
    for i in range(3):
        add_event(store, f"w{i}", MONDAY + timedelta(days=i), fatalities=i + 2)
    store.close()
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    assert "added rule gao-surge (surge)" in _cli("alerts", "add", str(rules), "--db", str(db))
    fired = json.loads(_cli("alerts", "backtest", "gao-record", "--from", "2021-01-01", "--to", "2021-12-31",
                            "--db", str(db), "--format", "json"))
    assert [f["key"] for f in fired] == ["w1", "w2"]  # w0's 2 killed is under the rule's floor
    listed = json.loads(_cli("alerts", "list", "--db", str(db), "--format", "json"))
    assert {r["id"]: r["alerts"] for r in listed} == {"gao-record": 0, "gao-surge": 0}
    assert "3 new alert(s) from 2 rule(s)" in _cli("alerts", "run", "--db", str(db), "--to", "2021-12-31")
    assert "0 new alert(s)" in _cli("alerts", "run", "--db", str(db), "--to", "2021-12-31")
    assert "removed rule gao-surge" in _cli("alerts", "remove", "gao-surge", "--db", str(db))


def test_a_rule_file_the_schema_refuses_is_reported(tmp_path: Path) -> None:
    rules = tmp_path / "bad.yaml"
    rules.write_text("id: x\nkind: surge\narea: {admin1: Gao}\nfactr: 2\n", encoding="utf-8")
    result = CliRunner().invoke(build_app(), ["alerts", "add", str(rules), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1 and "factr" in result.output

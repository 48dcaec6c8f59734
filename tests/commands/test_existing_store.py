"""Commands that write into an existing store refuse a mistyped --db in one line, exit 2, and
create nothing (issue 13, item 9): users and alert rules belong with the events they serve."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from peacewatch.auth import authenticate
from peacewatch.cli import build_app
from peacewatch.store import open_store

RULE = "id: gao-surge\nkind: surge\narea: {admin1: Gao}\nmin_count: 3\n"

COMMANDS = (
    ["users", "add", "rita"], ["users", "list"], ["users", "revoke", "rita"],
    ["alerts", "add", "RULES"], ["alerts", "list"], ["alerts", "remove", "gao-surge"], ["alerts", "run"],
    ["alerts", "backtest", "gao-surge", "--from", "2021-01-01", "--to", "2021-12-31"],
    ["alerts", "subscribe", "*", "--user", "rita", "--webhook", "http://127.0.0.1:9/hook"],
    ["alerts", "unsubscribe", "SUB1"],
)


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(build_app(), list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})


def _args(command: list[str], tmp_path: Path) -> list[str]:
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULE, encoding="utf-8")
    return [str(rules) if part == "RULES" else part for part in command]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c[:2]))
def test_a_mistyped_db_is_refused_in_one_line_and_not_created(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "mistyped.duckdb"
    result = invoke(*_args(command, tmp_path), "--db", str(missing))
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"error: no store at {missing}: check --db")
    assert not missing.exists() and not Path(f"{missing}.wal").exists()


@pytest.mark.parametrize("command", COMMANDS[:1] + COMMANDS[3:4], ids=lambda c: "-".join(c[:2]))
def test_a_file_that_is_not_a_store_is_refused_and_left_alone(tmp_path: Path, command: list[str]) -> None:
    foreign = tmp_path / "notes.txt"
    foreign.write_text("shopping list\n", encoding="utf-8")
    result = invoke(*_args(command, tmp_path), "--db", str(foreign))
    assert result.exit_code == 2, result.output
    assert result.output.strip() == f"error: {foreign} is not a peacewatch store: it is not a DuckDB database file"
    assert foreign.read_text(encoding="utf-8") == "shopping list\n"


def test_an_existing_store_takes_users_and_rules(tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    open_store(db).close()
    added = invoke("users", "add", "rita", "--role", "admin", "--db", str(db))
    assert added.exit_code == 0, added.output
    token = added.output.strip().splitlines()[0]
    rules = invoke(*_args(["alerts", "add", "RULES"], tmp_path), "--db", str(db))
    assert rules.exit_code == 0 and "added rule gao-surge" in rules.output, rules.output
    with open_store(db, create=False) as store:
        assert authenticate(store, token).role == "admin"

"""A store a command cannot use ends it with one line and exit code 2: missing, foreign, busy."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peacewatch.cli import build_app
from peacewatch.store import open_store

ROOT = Path(__file__).resolve().parents[2]

READ_COMMANDS = (
    ["events"], ["log"], ["event", "EV1"], ["compact"], ["resolve"], ["accords", "list"], ["serve"],
    ["backup", "copy.duckdb"],
)


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(build_app(), list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})


def one_line(result) -> str:  # type: ignore[no-untyped-def]
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0] if len(c) == 1 else "-".join(c))
def test_read_commands_refuse_a_missing_store(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "mistyped.duckdb"
    result = invoke(*command, "--db", str(missing))
    assert result.exit_code == 2
    assert one_line(result).startswith(f"error: no store at {missing}: check --db")
    assert not missing.exists()


@pytest.mark.parametrize("command", [["ingest", "REPORT"], ["events"], ["log"], ["accords", "import", "REPORT"]],
                         ids=lambda c: c[0] if len(c) == 1 else "-".join(c[:2]))
def test_every_command_refuses_a_file_that_is_not_a_store(tmp_path: Path, command: list[str]) -> None:
    foreign, report = tmp_path / "notes.txt", tmp_path / "report.md"
    foreign.write_text("shopping list\n", encoding="utf-8")
    report.write_text("---\npublished: 2017-01-19\n---\n3 people were killed in Gao.\n", encoding="utf-8")
    result = invoke(*[str(report) if part == "REPORT" else part for part in command], "--db", str(foreign))
    assert result.exit_code == 2
    assert one_line(result) == f"error: {foreign} is not a peacewatch store: it is not a DuckDB database file"
    assert foreign.read_text(encoding="utf-8") == "shopping list\n"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server stopped"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    pytest.fail("the server did not start")


def test_while_the_server_runs_other_commands_say_who_holds_the_store(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "peacewatch"
    if not script.exists():
        pytest.skip("the peacewatch console script is not installed next to this Python")
    db, report = tmp_path / "served.duckdb", tmp_path / "report.md"
    report.write_text("---\npublished: 2017-01-19\n---\nA quiet day in Gao.\n", encoding="utf-8")
    open_store(db).close()
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, str(script), "serve", "--db", str(db), "--port", str(port)], cwd=tmp_path,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    try:
        _wait_for_port(port, server)
        for command in (["log"], ["events"], ["ingest", str(report)], ["users", "list"],
                        ["serve", "--port", str(_free_port())], ["backup", str(tmp_path / "copy.duckdb")]):
            result = invoke(*command, "--db", str(db))
            assert result.exit_code == 2, (command, result.output)
            line = one_line(result)
            assert line.startswith(f"error: {db} is in use by process {server.pid} (peacewatch serve --db {db}"), line
            assert f"kill {server.pid}" in line
    finally:
        server.terminate()
        server.wait(timeout=60)

"""`peacewatch --help` lists every command, each with a one-line purpose."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from peacewatch.cli import build_app


def test_every_command_has_a_one_line_purpose() -> None:
    app = build_app()
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0
    names = [c.name for c in app.registered_commands] + [g.name for g in app.registered_groups]
    for name in ("ingest", "events", "log"):
        assert name in names
    for name in names:
        line = next((l for l in result.output.splitlines() if re.search(rf"│ {re.escape(name)}\s", l)), None)
        assert line is not None, f"{name} missing from --help"
        assert len(line.split(name, 1)[1].strip(" │")) > 10, f"{name} has no purpose line"


def test_bad_date_option_is_a_clear_error(tmp_path) -> None:
    result = CliRunner().invoke(build_app(), ["events", "--db", str(tmp_path / "x.duckdb"), "--since", "yesterday"])
    assert result.exit_code != 0
    assert "Invalid" in result.output or "isoformat" in result.output

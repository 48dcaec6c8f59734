"""``peacewatch log``: what past ingest runs did, file by file."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from peacewatch.cli_options import DbOption
from peacewatch.store import open_store


def register(app: typer.Typer) -> None:
    @app.command("log")
    def log_command(
        db: Path = DbOption,
        run: str = typer.Option(None, help="Show this run's log (default: the latest run)."),
        all_lines: bool = typer.Option(False, "--all", help="Include files that went in without remark."),
    ) -> None:
        """Show ingest runs and, for one run, the reason given for every file that did not go in cleanly."""
        store = open_store(db, create=False)
        store.atomic(lambda: store.mark_interrupted_runs("peacewatch log"))
        console = Console()
        runs = store.runs()
        overview = Table(title="Ingest runs")
        for column in ("run", "started", "status", "paths", "summary"):
            overview.add_column(column, overflow="fold")
        for r in runs[-10:]:
            summary = json.loads(r["summary"] or "{}")
            overview.add_row(r["run_id"], str(r["started_at"])[:19], r["status"], ", ".join(json.loads(r["paths"] or "[]")),
                             ", ".join(f"{k} {v}" for k, v in summary.items() if v))
        console.print(overview)
        run_id = run or (runs[-1]["run_id"] if runs else None)
        if run_id:
            lines = [r for r in store.ingest_log(run_id) if all_lines or r["status"] not in ("added",) or r["reason"]]
            detail = Table(title=f"Log of {run_id}")
            for column in ("file", "status", "reason"):
                detail.add_column(column, overflow="fold")
            for r in lines:
                detail.add_row(r["origin"], r["status"], r["reason"] or "")
            console.print(detail)
        store.close()

"""``peacewatch backup`` and ``peacewatch restore``: a store copied to one file and put back."""

from __future__ import annotations

from pathlib import Path

import typer

from peacewatch.cli_options import DbOption
from peacewatch.store.duckdb import DuckDBStore, restore


def _rows(counts: dict[str, int]) -> str:
    return f"{len(counts)} tables, {sum(counts.values()):,} rows"


def register(app: typer.Typer) -> None:
    @app.command("backup")
    def backup_command(
        target: Path = typer.Argument(..., help="New file to write the backup to (a complete DuckDB store)."),
        db: Path = DbOption,
    ) -> None:
        """Copy the store, consistently, into one new file that is a complete store by itself."""
        with DuckDBStore(db, create=False) as store:
            counts = store.backup(target)
        typer.echo(f"backed up {db} to {target}: {_rows(counts)}, {target.stat().st_size / 1e6:.1f} MB")

    @app.command("restore")
    def restore_command(
        backup: Path = typer.Argument(..., help="A file written by `peacewatch backup`."),
        db: Path = DbOption,
    ) -> None:
        """Make a new store from a backup (never overwrites: --db must not exist yet)."""
        counts = restore(backup, db)
        typer.echo(f"restored {backup} into {db}: {_rows(counts)}")

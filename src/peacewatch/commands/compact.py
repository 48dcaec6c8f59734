"""``peacewatch compact``: store maintenance."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from peacewatch.cli_options import DbOption
from peacewatch.store import open_store


def register(app: typer.Typer) -> None:
    @app.command("compact")
    def compact(db: Path = DbOption) -> None:
        """Rewrite the events in date order so date-filtered queries stay fast on a long-lived store."""
        started = time.perf_counter()
        with open_store(db, create=False) as store:
            count = store.compact()
        typer.echo(f"{count} events rewritten in date order in {time.perf_counter() - started:.1f} s")

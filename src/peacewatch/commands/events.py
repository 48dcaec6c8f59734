"""``peacewatch events``: list or export resolved events."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from peacewatch.cli_options import DbOption
from peacewatch.exports import formats, write_events
from peacewatch.records import Event
from peacewatch.store import open_store


def event_filter(
    since: date | None, until: date | None, event_type: str | None, country: str | None, admin1: str | None
) -> tuple[str, list[Any]]:
    """SQL condition and parameters for the common event filters."""
    clauses, params = ["TRUE"], []
    for column, op, value in (
        ("event_date", ">=", since), ("event_date", "<=", until), ("event_type", "=", event_type),
        ("country", "=", country), ("admin1", "=", admin1),
    ):
        if value is not None:
            clauses.append(f"{column} {op} ?")
            params.append(value)
    return " AND ".join(clauses), params


def _short(actor: str) -> str:
    """"JNIM: Group for Support of Islam and Muslims" -> "JNIM" for a table that must fit a terminal."""
    return actor.split(":", 1)[0] if ":" in actor else actor


def print_table(console: Console, events: list[Event]) -> None:
    table = Table(title=f"{len(events)} events", expand=False)
    widths = {"date": 10, "type": 18, "sub-type": 18, "location": 14, "admin1": 10, "killed": 11,
              "actor 1": 22, "actor 2": 22, "status": 8, "reports": 7, "review": 10}
    for column, width in widths.items():
        table.add_column(column, overflow="ellipsis", no_wrap=True, min_width=min(width, 11), max_width=width)
    for e in events:
        killed = "" if e.fatalities is None else str(e.fatalities)
        if e.fatalities_low is not None and e.fatalities_high not in (None, e.fatalities_low):
            killed += f" ({e.fatalities_low}–{e.fatalities_high})"
        table.add_row(
            str(e.event_date or "?"), e.event_type, e.sub_event_type, e.location, e.admin1, killed,
            _short(e.actor1), _short(e.actor2), e.status, str(len(e.sources)), e.review_state,
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    @app.command("events")
    def events_command(
        db: Path = DbOption,
        fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl, csv (ACLED layout), geojson or parquet."),
        output: Path = typer.Option(None, "--output", "-o", help="File to write (default: standard output)."),
        since: str = typer.Option(None, help="Only events on or after this date (YYYY-MM-DD)."),
        until: str = typer.Option(None, help="Only events on or before this date (YYYY-MM-DD)."),
        event_type: str = typer.Option(None, "--type", help="Only this ACLED event type."),
        country: str = typer.Option(None, help="Only this country (name, e.g. Mali)."),
        admin1: str = typer.Option(None, help="Only this first-level region (e.g. Gao)."),
    ) -> None:
        """List resolved events, or export them (ACLED-layout CSV, GeoJSON, Parquet, JSONL)."""
        if fmt != "table" and fmt not in formats.names():
            raise typer.BadParameter(f"unknown format {fmt!r}; use table, {', '.join(formats.names())}")
        try:
            bounds = [date.fromisoformat(v) if v else None for v in (since, until)]
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
        store = open_store(db, create=False)
        where, params = event_filter(bounds[0], bounds[1], event_type, country, admin1)
        events = store.events(where, params)
        if fmt == "table":
            print_table(Console(width=max(Console().width, 160)), list(events))
        elif output is None:
            write_events(store, events, fmt, sys.stdout.buffer)
        else:
            count = write_events(store, events, fmt, output)
            Console(stderr=True).print(f"wrote {count} events to {output} ({fmt})")
        store.close()

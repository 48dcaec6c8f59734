"""Options shared by several commands, so that ``--db`` means the same everywhere."""

from __future__ import annotations

import typer

from peacewatch import config

DbOption = typer.Option(
    config.DEFAULT_DB, "--db", envvar="PEACEWATCH_DB", help="Store: a DuckDB file (ingest creates it; other commands need an existing one)."
)

"""Options shared by several commands, so that ``--db`` means the same everywhere."""

from __future__ import annotations

import typer

from peacewatch import config
from peacewatch.sources.dates import PartialDate, parse_published

DbOption = typer.Option(
    config.DEFAULT_DB, "--db", envvar="PEACEWATCH_DB", help="Store: a DuckDB file (ingest creates it; other commands need an existing one)."
)

PublishedOption = typer.Option(
    None, "--published", help="Publication date (YYYY-MM-DD, YYYY-MM or YYYY) for documents nothing else dates."
)
DateFromMtimeOption = typer.Option(
    False, "--date-from-mtime",
    help="Date a text, Markdown or HTML file that gives no date by its modification time (never JSONL records or feed items).",
)


def published_date(value: str | None) -> PartialDate | None:
    """The ``--published`` value as a day, month or year; a usage error when it is none of them."""
    if value is None:
        return None
    found = parse_published(value.strip())
    if found is None or found.value.isoformat()[: len(value.strip())] != value.strip():
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD, YYYY-MM or YYYY form")
    return found

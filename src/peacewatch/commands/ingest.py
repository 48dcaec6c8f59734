"""``peacewatch ingest``: the main job."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from peacewatch.cli_options import DateFromMtimeOption, DbOption, PublishedOption, published_date
from peacewatch.commands.extract import WorkersOption
from peacewatch.extract.base import DEFAULT_EXTRACTOR
from peacewatch.nlp.pool import ExtractorPool
from peacewatch.pipeline import IngestSummary, ingest
from peacewatch.resolve.base import DEFAULT_RESOLVER, resolvers
from peacewatch.store import open_store


class RateColumn(TextColumn):
    """Documents per second so far."""

    def __init__(self) -> None:
        super().__init__("")

    def render(self, task):  # type: ignore[no-untyped-def]
        speed = task.finished_speed or task.speed
        return f"{speed:,.1f} docs/s" if speed else "– docs/s"


def print_summary(console: Console, summary: IngestSummary) -> None:
    table = Table(title="Ingest summary", show_header=False)
    for key, value in summary.as_dict().items():
        table.add_row(key.replace("_", " "), str(value))
    console.print(table)
    for issue in summary.issues:
        style = "red" if issue.severity == "error" else "yellow"
        console.print(f"[{style}]{issue.severity}[/{style}] {issue.origin}: {issue.reason}", highlight=False)


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest_command(
        paths: list[Path] = typer.Argument(..., help="Files or folders: text, Markdown, HTML, RSS/Atom, JSONL."),
        db: Path = DbOption,
        published: str = PublishedOption,
        date_from_mtime: bool = DateFromMtimeOption,
        extractor: str = typer.Option(DEFAULT_EXTRACTOR, help="Registered extractor to use."),
        resolver: str = typer.Option(DEFAULT_RESOLVER, help="Registered resolver to use."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
        workers: int = WorkersOption,
    ) -> None:
        """Add reports to the store, extract their events and resolve them across reports."""
        console = Console(stderr=True)
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise typer.BadParameter(f"no such file or folder: {', '.join(missing)}")
        on = published_date(published)
        store = open_store(db)
        with Progress(
            SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), RateColumn(),
            TimeElapsedColumn(), console=console, disable=quiet, transient=False,
        ) as progress, ExtractorPool(extractor, workers) as engine:
            task = progress.add_task("ingest", total=None)
            summary = ingest(
                store, paths, engine, resolvers.get(resolver)(),
                published=on, date_from_mtime=date_from_mtime, on_document=lambda n: progress.advance(task, n),
            )
        print_summary(console, summary)
        store.close()
        raise typer.Exit(1 if summary.failed else 0)

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
from peacewatch.records import IngestIssue
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
    print_report(console, summary.as_dict(), summary.issues)


def print_report(console: Console, values: dict[str, object], issues: list[IngestIssue]) -> None:
    """The summary table and one line per issue: the same for a local run and a server's run."""
    table = Table(title="Ingest summary", show_header=False)
    for key, value in values.items():
        table.add_row(key.replace("_", " "), str(value))
    console.print(table)
    for issue in issues:
        style = "red" if issue.severity == "error" else "yellow"
        console.print(f"[{style}]{issue.severity}[/{style}] {issue.origin}: {issue.reason}", highlight=False)


def ingest_remote(console: Console, server: str, token: str | None, paths: list[Path], quiet: bool) -> int:
    """Push the files to a running server, follow the run, print its summary; the exit code."""
    from peacewatch.live.client import Client, ServerError, collect_files

    client = Client(server, token)
    try:
        run = client.push(collect_files(paths))
        if not quiet:
            console.print(f"pushed to {server}: run {run['id']}", highlight=False)
        run = client.wait(run["id"])
    except ServerError as error:
        console.print(f"[red]error[/red] {error}", highlight=False)
        return 1
    issues = [IngestIssue(i["origin"], i["reason"], i["severity"]) for i in run["issues"]]  # type: ignore[arg-type]
    print_report(console, run["summary"], issues)
    if run["error"]:
        console.print(f"[red]error[/red] the server's run failed: {run['error']}", highlight=False)
    return 0 if run["state"] == "ok" else 1


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
        server: str = typer.Option(None, help="Send the files to a running `peacewatch serve` at this URL instead."),
        token: str = typer.Option(None, envvar="PEACEWATCH_TOKEN", help="API token (ingester or admin) for --server."),
    ) -> None:
        """Add reports to the store, extract their events and resolve them across reports."""
        console = Console(stderr=True)
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise typer.BadParameter(f"no such file or folder: {', '.join(missing)}")
        if server:
            if published or date_from_mtime or extractor != DEFAULT_EXTRACTOR or resolver != DEFAULT_RESOLVER:
                raise typer.BadParameter("--published, --date-from-mtime, --extractor and --resolver are the server's "
                                         "choice with --server (see `peacewatch serve --help`)")
            raise typer.Exit(ingest_remote(console, server, token, paths, quiet))
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

"""``peacewatch batch``: archives on a Ray cluster (extract to Parquet, resolve into a store)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from peacewatch.cli_options import DbOption
from peacewatch.extract.base import DEFAULT_EXTRACTOR


def register(app: typer.Typer) -> None:
    batch = typer.Typer(
        help="Archives with Ray Data: extract to Parquet partitioned by country and month, then resolve into a store.",
        no_args_is_help=True,
    )

    @batch.command("extract")
    def extract(
        input: list[Path] = typer.Option(..., "--input", "-i", help="Files, folders, DOCS JSONL or DOCS Parquet (repeatable)."),
        output: Path = typer.Option(..., "--output", "-o", help="Folder to write (EVENTS.parquet); must not exist yet."),
        address: str | None = typer.Option(None, "--address", help="Ray cluster to join ('auto', or host:port); a local instance if omitted."),
        workers: int | None = typer.Option(None, "--workers", "-w", min=1, help="Extraction workers (default: every CPU of the instance)."),
        published: str | None = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for texts without one."),
        extractor: str = typer.Option(DEFAULT_EXTRACTOR, "--extractor", help="Registered extractor name."),
    ) -> None:
        """Extract event candidates from an archive with Ray Data into partitioned Parquet."""
        from peacewatch.batch.jobs import extract_archive
        from peacewatch.batch.runtime import connect

        if output.exists() and any(output.iterdir()):
            raise typer.BadParameter(f"{output} already holds files; remove it or name another folder", param_hint="--output")
        on = date.fromisoformat(published) if published else None
        count = connect(address, workers)
        summary = extract_archive(list(input), output, count, published=on, extractor=extractor)
        for severity, reason in summary.issues:
            typer.echo(f"{severity}: {reason}", err=True)
        typer.echo(
            f"{summary.documents} documents, {summary.candidates} event candidates written to {output} "
            f"({summary.workers} workers)",
            err=True,
        )
        if summary.errors:
            raise typer.Exit(1)

    @batch.command("resolve")
    def resolve(
        events: Path = typer.Argument(..., exists=True, file_okay=False, help="A folder written by 'batch extract'."),
        db: Path = DbOption,
    ) -> None:
        """Load a batch candidate set into a store and resolve it by country and month."""
        from peacewatch.batch.jobs import resolve_archive
        from peacewatch.store import open_store

        with open_store(db) as store:
            summary = resolve_archive(store, events)
        counts = summary.as_dict()
        typer.echo(
            f"{counts['documents_new']} new documents ({counts['documents_known']} known), {counts['candidates']} candidates; "
            f"{counts['partitions']} partitions, {counts['seams']} seam components ({counts['seam_candidates']} candidates); "
            f"{counts['new_events']} new events, {counts['updated_events']} updated"
        )

    app.add_typer(batch, name="batch")

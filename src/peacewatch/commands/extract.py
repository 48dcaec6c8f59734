"""``peacewatch extract``: documents in, event candidates with evidence out (JSONL)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO

import typer

from peacewatch.cli_options import DateFromMtimeOption, PublishedOption, published_date
from peacewatch.extract.base import DEFAULT_EXTRACTOR
from peacewatch.nlp.pool import ExtractorPool, default_workers
from peacewatch.records import Document, IngestIssue

BATCH = 256

WorkersOption = typer.Option(
    default_workers(), "--workers", "-w", min=1,
    help="Processes extracting in parallel (default: this machine's cores); the output is the same for any number.",
)


def _write(handle: IO[str], documents: list[Document], extractor: object) -> int:
    many = getattr(extractor, "extract_many", None)
    outputs = many(documents) if many is not None else [extractor(d) for d in documents]  # type: ignore[operator]
    count = 0
    for document, candidates in zip(documents, outputs):
        for candidate in candidates:
            record = candidate.to_dict()
            if document.external_id:
                # DOCS ids come back unchanged so callers can join EVENTS to their own documents.
                record["doc_id"] = document.external_id
                for span in record["evidence"]:
                    span["document_id"] = document.external_id
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract(
        file: Path | None = typer.Argument(None, help="One text, Markdown or HTML file (or a DOCS JSONL file)."),
        input: Path | None = typer.Option(None, "--input", "-i", help="DOCS JSONL: {id, text, published, language?, ...} per line."),
        output: Path | None = typer.Option(None, "--output", "-o", help="EVENTS JSONL to write (standard output if omitted)."),
        published: str | None = PublishedOption,
        date_from_mtime: bool = DateFromMtimeOption,
        extractor: str = typer.Option(DEFAULT_EXTRACTOR, "--extractor", help="Registered extractor name."),
        workers: int = WorkersOption,
    ) -> None:
        """Extract ACLED-style event candidates with evidence spans from documents, as JSONL."""
        from peacewatch.sources import read_paths

        source = input or file
        if source is None:
            raise typer.BadParameter("give a FILE or --input DOCS.jsonl")
        on = published_date(published)
        engine = ExtractorPool(extractor, workers)
        handle: IO[str] = output.open("w", encoding="utf-8") if output else sys.stdout
        documents: list[Document] = []
        written = issues = 0
        try:
            for item in read_paths([source], published=on, date_from_mtime=date_from_mtime):
                if isinstance(item, IngestIssue):
                    issues += 1
                    typer.echo(f"{item.severity}: {item.origin}: {item.reason}", err=True)
                    continue
                documents.append(item)
                if len(documents) >= BATCH:
                    written += _write(handle, documents, engine)
                    documents = []
            if documents:
                written += _write(handle, documents, engine)
        finally:
            engine.close()
            if output:
                handle.close()
        if output:
            typer.echo(f"{written} event candidates written to {output}", err=True)
        if issues and not written:
            raise typer.Exit(1)

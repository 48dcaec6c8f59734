"""``peacewatch eval``: score extraction against a gold set and show where it fails."""

from __future__ import annotations

from pathlib import Path

import typer

from peacewatch.extract.base import DEFAULT_EXTRACTOR, extractors
from peacewatch.resolve.base import DEFAULT_RESOLVER


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def evaluate_command(
        gold: Path = typer.Option(..., "--gold", help="ACLED-layout CSV, malilink-layout CSV or seed gold JSON."),
        limit: int | None = typer.Option(None, "--limit", help="Score only the first N gold rows."),
        worst: int = typer.Option(10, "--worst", help="How many of the worst-scored items to print."),
        extractor: str = typer.Option(DEFAULT_EXTRACTOR, "--extractor", help="Registered extractor name."),
    ) -> None:
        """Score extraction against a gold set: per-field metrics, confusion matrix, worst errors."""
        from peacewatch.evaluate.gold import load_gold
        from peacewatch.evaluate.score import evaluate, format_report

        if not gold.is_file():
            raise typer.BadParameter(f"no such file: {gold}")
        gold_set = load_gold(gold, limit=limit)
        report = evaluate(gold_set, extractors.get(extractor)())
        typer.echo(format_report(report, worst=worst))

    @app.command("eval-news")
    def evaluate_news_command(
        docs: Path = typer.Option(..., "--docs", help="The set's docs.jsonl (id, text, url, language, published, event_ids, ...)."),
        gold: Path = typer.Option(..., "--gold", help="The set's events.json."),
        extractor: str = typer.Option(DEFAULT_EXTRACTOR, "--extractor", help="Registered extractor name."),
        resolver: str = typer.Option(DEFAULT_RESOLVER, "--resolver", help="Registered resolver name."),
        keep: Path | None = typer.Option(None, "--keep", help="Keep the store it ingests into at this path (for study)."),
    ) -> None:
        """Ingest a real-news set into a throwaway store and score it: pairs, event counts, fields."""
        from peacewatch.evaluate import news
        from peacewatch.resolve.base import resolvers

        for path in (docs, gold):
            if not path.is_file():
                raise typer.BadParameter(f"no such file: {path}")
        if keep is not None and keep.exists():
            raise typer.BadParameter(f"{keep} exists: --keep takes a new store path")
        report = news.run(docs, gold, extractors.get(extractor)(), resolvers.get(resolver)(), keep)
        typer.echo(news.format_report(report, docs.parent.name))

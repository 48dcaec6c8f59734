"""``peacewatch eval``: score extraction against a gold set and show where it fails."""

from __future__ import annotations

from pathlib import Path

import typer

from peacewatch.extract.base import DEFAULT_EXTRACTOR, extractors


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

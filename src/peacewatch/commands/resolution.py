"""Resolution commands: one event's story, analyst merge/split/distinct, re-resolution, scoring."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from peacewatch.cli_options import DbOption
from peacewatch.store import open_store


def _print_story(console: Console, story: dict[str, Any]) -> None:
    if "deleted" in story:
        gone = story["deleted"]
        target = f"; now part of {gone['merged_into']}" if gone["merged_into"] else ""
        console.print(f"[bold]{story['event_id']}[/bold] was deleted ({escape(gone['reason'])}){target}")
        return
    e = story["event"]
    console.print(f"[bold]{e['event_id']}[/bold]  {e['event_date']}  {escape(e['event_type'])} / {escape(e['sub_event_type'])}")
    console.print(f"  where: {e['location']} ({e['admin2']}, {e['admin1']}, {e['country']}), geo precision {e['geo_precision']}", markup=False, highlight=False)
    actors = " vs ".join(a for a in (e["actor1"], e["actor2"]) if a)
    claimed = f", claimed by {e['claimed_by']}" if e["claimed_by"] else ""
    console.print(f"  actors: {actors or '-'}   status: {e['status']}{claimed}", markup=False, highlight=False)
    console.print(f"  confidence {e['confidence']}   review: {e['review_state']}", markup=False, highlight=False)
    if e["notes"]:
        console.print(f"  notes: {e['notes']}", markup=False, highlight=False)
    sources = Table(title=f"{len(story['sources'])} sources, in publication order", show_lines=False)
    for column in ("published", "outlet", "lang", "document", "says"):
        sources.add_column(column)
    for s in story["sources"]:
        says = s["says"]
        summary = ", ".join(
            str(says[k]) for k in ("event_date", "location", "event_type", "fatalities") if k in says
        )
        sources.add_row(s["published"] or "?", s["outlet"] or "?", s["language"] or "?", s["document_id"], summary)
    console.print(sources)
    for kind, c in story["casualties"].items():
        if c["best"] is None:
            continue
        console.print(f"[bold]{kind}[/bold]: best {c['best']} (low {c['low']}, high {c['high']}) - {escape(c['how'])}")
        for r in c["reports"]:
            tag = "  (named authority)" if r["named_authority"] else ""
            who = f" by {r['authority']}" if r["authority"] else ""
            console.print(f"    {r['published'] or '?'}  {r['qualifier']:<9} {r['value']:>5}{who}{tag}  ({r['document_id']})", markup=False, highlight=False)
    if story["disagreements"]:
        console.print("[bold]disagreements[/bold]")
        for d in story["disagreements"]:
            console.print(f"    {d['field']}: chose {d['chosen']}; {d['text']}", markup=False, highlight=False)
    console.print("[bold]evidence per source[/bold]")
    for s in story["sources"]:
        console.print(f"  {s['document_id']} ({s['outlet'] or '?'})", markup=False, highlight=False)
        for field_name, texts in sorted(s["evidence"].items()):
            console.print(f"    {field_name}: " + " | ".join(repr(t) for t in texts), markup=False, highlight=False)
    if story["decisions"]:
        console.print("[bold]analyst decisions[/bold]")
        for d in story["decisions"]:
            state = "active" if d["active"] else "superseded"
            console.print(f"    {d['at']} {d['kind']} {', '.join(d['events'])} ({state}) {d['by']} {d['note']}", markup=False, highlight=False)


def _report(console: Console, outcome: Any, verb: str) -> None:
    s = outcome.summary
    console.print(
        f"{verb}: now {', '.join(outcome.event_ids)} "
        f"(decision {outcome.decision.decision_id}; {s.new_events} new, {s.updated_events} updated, "
        f"{s.removed_events} removed events)"
    )


def _decide_pair(decide: Callable[..., Any], verb: str, first: str, second: str, db: Path, note: str, by: str) -> None:
    """Record an analyst's decision about two events and show what resolution made of it."""
    from peacewatch.resolve.analyst import DecisionError

    with open_store(db, create=False) as store:
        try:
            _report(Console(), decide(store, first, second, note, by), verb)
        except DecisionError as exc:
            raise typer.BadParameter(str(exc)) from None


def register(app: typer.Typer) -> None:
    @app.command("event")
    def event_command(
        event_id: str = typer.Argument(..., help="Event id (a merged-away id says where it went)."),
        db: Path = DbOption,
        as_json: bool = typer.Option(False, "--json", help="Print the story as JSON."),
    ) -> None:
        """Show one event with its whole story: sources, evidence per source, tolls, disagreements."""
        from peacewatch.resolve.story import event_story

        with open_store(db, create=False) as store:
            try:
                story = event_story(store, event_id)
            except KeyError as exc:
                raise typer.BadParameter(str(exc.args[0])) from None
        if as_json:
            typer.echo(json.dumps(story, ensure_ascii=False, indent=2, default=str))
        else:
            _print_story(Console(), story)

    @app.command("merge")
    def merge_command(
        first: str = typer.Argument(..., help="Event id."),
        second: str = typer.Argument(..., help="Event id."),
        db: Path = DbOption,
        note: str = typer.Option("", help="Why (kept with the decision)."),
        by: str = typer.Option("", help="Who decides."),
    ) -> None:
        """Merge two events into one; the decision holds for later reports and re-runs."""
        from peacewatch.resolve.analyst import merge

        _decide_pair(merge, "merged", first, second, db, note, by)

    @app.command("split")
    def split_command(
        event_id: str = typer.Argument(..., help="Event id."),
        candidates: list[str] = typer.Option([], "--candidates", "-c", help="Candidate ids to split off (repeat or comma-separate)."),
        documents: list[str] = typer.Option([], "--document", "-d", help="Split off everything this document reports (repeatable)."),
        db: Path = DbOption,
        note: str = typer.Option("", help="Why (kept with the decision)."),
        by: str = typer.Option("", help="Who decides."),
    ) -> None:
        """Split candidates (or documents) off an event into an event of their own."""
        from peacewatch.resolve.analyst import DecisionError, split

        chosen = [c for item in candidates for c in item.split(",") if c]
        with open_store(db, create=False) as store:
            try:
                _report(Console(), split(store, event_id, chosen, documents, note, by), "split")
            except DecisionError as exc:
                raise typer.BadParameter(str(exc)) from None

    @app.command("distinct")
    def distinct_command(
        first: str = typer.Argument(..., help="Event id."),
        second: str = typer.Argument(..., help="Event id."),
        db: Path = DbOption,
        note: str = typer.Option("", help="Why (kept with the decision)."),
        by: str = typer.Option("", help="Who decides."),
    ) -> None:
        """Mark two events as not the same event: resolution never merges them."""
        from peacewatch.resolve.analyst import distinct

        _decide_pair(distinct, "kept apart", first, second, db, note, by)

    @app.command("resolve")
    def resolve_command(
        db: Path = DbOption,
        from_scratch: bool = typer.Option(False, "--from-scratch", help="Re-cluster every candidate, not only pending ones."),
        resolver: str = typer.Option("", help="Resolver for pending candidates (default: the configured one)."),
    ) -> None:
        """Resolve pending candidates into events, or re-run resolution over all of them."""
        from peacewatch.pipeline import resolve, resolve_all, run_hooks
        from peacewatch.resolve.base import DEFAULT_RESOLVER, resolvers

        with open_store(db, create=False) as store:
            if from_scratch:
                summary = resolve_all(store)
            else:
                summary = resolve(store, resolvers.get(resolver or DEFAULT_RESOLVER)())
            hooks = run_hooks(store)
            events = store.count("events")
        console = Console()
        console.print(
            f"{summary.candidates} candidates: {summary.new_events} new, {summary.updated_events} updated, "
            f"{summary.removed_events} removed events; {events} events in the store"
        )
        if any(hooks.values()):
            console.print(", ".join(f"{k.replace('_', ' ')} {v}" for k, v in hooks.items() if v), highlight=False)

    @app.command("eval-resolution")
    def eval_resolution_command(
        docs: Path = typer.Option(..., "--docs", help="DOCS JSONL (ids must match the gold's document ids)."),
        gold: Path = typer.Option(..., "--gold", help="Gold clustering JSON: {clusters: [{id, documents, ...}]}."),
        extractor: str = typer.Option("rules", "--extractor", help="Registered extractor name."),
        resolver: str = typer.Option("default", "--resolver", help="Registered resolver name."),
        with_background: bool = typer.Option(False, "--with-background", help="Also score documents that mention an event only in passing."),
        keep: Path = typer.Option(None, "--keep-db", help="Keep the resolved store in this DuckDB file."),
        as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    ) -> None:
        """Score resolution against a gold clustering: B-cubed P/R/F1 and event counts."""
        from peacewatch.resolve.evaluation import evaluate

        scores = evaluate(docs, gold, extractor, resolver, with_background, keep)
        if as_json:
            typer.echo(json.dumps(scores.as_dict(), indent=2))
            return
        console = Console()
        table = Table(title="per gold event")
        for column in ("gold", "docs", "events", "final", "best", "low-high"):
            table.add_column(column)
        for row in scores.per_cluster:
            span = f"{row['low']}-{row['high']}" if row["low"] is not None else "-"
            table.add_row(row["gold"], str(row["documents"]), str(row["events"]), str(row["final_fatalities"]), str(row["best"]), span)
        console.print(table)
        console.print(
            f"B-cubed precision {scores.precision:.3f}  recall {scores.recall:.3f}  F1 {scores.f1:.3f}  "
            f"({scores.items} items)"
        )
        console.print(
            f"events: {scores.predicted_events} predicted for {scores.gold_events} gold "
            f"({scores.all_events} resolved in all, background and out-of-scope mentions included)"
        )
        if scores.toll_checked:
            console.print(
                f"tolls: best equals the final figure for {scores.toll_equal} of {scores.toll_checked} gold events; "
                f"final figure within low-high for {scores.toll_in_range}"
            )

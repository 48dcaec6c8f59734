"""``peacewatch alerts``: alert rules, running them, backtests and subscriptions."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from peacewatch.alerts import repository
from peacewatch.alerts.delivery import deliver_pending
from peacewatch.alerts.evaluate import backtest, run_rules
from peacewatch.alerts.rules import Rule, RuleError, read_rules
from peacewatch.alerts.subscriptions import SubscriptionError, subscribe
from peacewatch.cli_options import DbOption
from peacewatch.store import Store, open_store

FormatOption = typer.Option("text", "--format", "-f", help="text or json.")


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint=name) from None


def _fail(message: str, code: int = 1) -> NoReturn:
    Console(stderr=True).print(f"[red]error[/red] {message}", highlight=False)
    raise typer.Exit(code)


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _rule_for(store: Store, ref: str) -> Rule:
    """A stored rule by id, or the single rule of a rule file (so thresholds can be tried unsaved)."""
    found = repository.rule(store, ref)
    if found is not None:
        return found
    path = Path(ref)
    if path.is_file():
        try:
            rules = read_rules(path)
        except RuleError as exc:
            _fail(str(exc))
        if len(rules) != 1:
            _fail(f"{ref} holds {len(rules)} rules; name one by its id after adding the file")
        return rules[0]
    _fail(f"no alert rule {ref!r} in the store, and no rule file at that path")


def register(app: typer.Typer) -> None:
    alerts = typer.Typer(help="Alert rules: add, list, remove, run, backtest, subscribe.", no_args_is_help=True)
    app.add_typer(alerts, name="alerts")

    @alerts.command("add")
    def add(
        path: Path = typer.Argument(..., exists=True, dir_okay=False, help="YAML or JSON file: one rule or a list."),
        db: Path = DbOption,
    ) -> None:
        """Add the rules of a YAML/JSON file (checked against the rule schema); same id replaces."""
        try:
            rules = read_rules(path)
        except RuleError as exc:
            _fail(str(exc))
        with open_store(db, create=False) as store:
            for rule in rules:
                new = repository.save_rule(store, rule, "cli")
                typer.echo(f"{'added' if new else 'replaced'} rule {rule.id} ({rule.kind})")

    @alerts.command("list")
    def list_(db: Path = DbOption, fmt: str = FormatOption) -> None:
        """List alert rules with their kind and how many alerts each has raised."""
        with open_store(db, create=False) as store:
            rules = repository.rules(store)
            counts = {r.id: len(repository.known_alert_ids(store, r.id)) for r in rules}
        if fmt == "json":
            _print_json([{**r.to_dict(), "alerts": counts[r.id]} for r in rules])
            return
        table = Table("id", "kind", "name", "enabled", "alerts")
        for r in rules:
            table.add_row(r.id, r.kind, r.name, "yes" if r.enabled else "no", str(counts[r.id]))
        Console().print(table)

    @alerts.command("remove")
    def remove(rule_id: str, db: Path = DbOption) -> None:
        """Remove a rule and its subscriptions (the alerts it raised are kept)."""
        with open_store(db, create=False) as store:
            if not repository.delete_rule(store, rule_id):
                _fail(f"no alert rule {rule_id!r}")
        typer.echo(f"removed rule {rule_id}")

    @alerts.command("run")
    def run(
        db: Path = DbOption,
        since: str = typer.Option(None, "--from", help="Only report what happened from this date (default: all history)."),
        until: str = typer.Option(None, "--to", help="Judge as of this date (default: today)."),
        rule: list[str] = typer.Option([], "--rule", help="Run only this rule (repeatable)."),
        deliver: bool = typer.Option(True, "--deliver/--no-deliver", help="Send webhooks and emails to subscribers."),
        fmt: str = FormatOption,
    ) -> None:
        """Run the rules now (as ingest does after every run): raise new alerts and deliver them."""
        with open_store(db, create=False) as store:
            summary = run_rules(store, _date(since, "--from"), _date(until, "--to"), rule or None)
            sent = deliver_pending(store) if deliver else None
        if fmt == "json":
            _print_json({"raised": [a.to_dict() for a in summary.raised],
                         "delivered": sent.delivered if sent else 0, "delivery_failed": sent.failed if sent else 0})
            return
        for alert in summary.raised:
            typer.echo(f"{alert.fired_on}  {alert.rule_id}  {alert.title}")
        typer.echo(f"{len(summary.raised)} new alert(s) from {summary.rules} rule(s)"
                   + (f"; {sent.delivered} delivered, {sent.failed} failed" if sent else ""))
        if sent and sent.errors:
            for error in sent.errors:
                Console(stderr=True).print(f"[yellow]delivery[/yellow] {error}", highlight=False)

    @alerts.command("backtest")
    def backtest_command(
        rule: str = typer.Argument(..., help="A stored rule's id, or a rule file."),
        since: str = typer.Option(..., "--from", help="First day to replay (YYYY-MM-DD)."),
        until: str = typer.Option(..., "--to", help="Last day to replay (YYYY-MM-DD)."),
        db: Path = DbOption,
        fmt: str = FormatOption,
    ) -> None:
        """List when a rule would have fired over the store's history; stores nothing."""
        start, end = _date(since, "--from"), _date(until, "--to")
        assert start is not None and end is not None
        if end < start:
            raise typer.BadParameter("--to is before --from", param_hint="--to")
        with open_store(db, create=False) as store:
            chosen = _rule_for(store, rule)
            findings = backtest(store, chosen, start, end)
        if fmt == "json":
            _print_json([{"fired_on": f.fired_on, "key": f.key, "title": f.title, "window_start": f.window_start,
                          "window_end": f.window_end, "events": f.event_ids, "details": f.details} for f in findings])
            return
        table = Table("fired on", "window", "events", "alert", title=f"{chosen.id}: {len(findings)} alert(s) "
                      f"from {start} to {end}")
        for f in findings:
            window = f"{f.window_start or '…'} – {f.window_end or '…'}"
            table.add_row(str(f.fired_on), window, str(len(set(f.event_ids))), f.title)
        Console(width=160).print(table)

    @alerts.command("subscribe")
    def subscribe_command(
        rule: str = typer.Argument(..., help="Rule id, or '*' for every rule."),
        user: str = typer.Option(..., "--user", help="An API user (peacewatch users add)."),
        webhook: str = typer.Option(None, "--webhook", help="POST each alert as signed JSON to this URL."),
        secret: str = typer.Option("", "--secret", help="HMAC-SHA256 key for the webhook's signature header."),
        email: str = typer.Option(None, "--email", help="Mail each alert to this address (PEACEWATCH_SMTP_HOST/PORT/FROM)."),
        db: Path = DbOption,
    ) -> None:
        """Subscribe a user to a rule's alerts by webhook or email."""
        if (webhook is None) == (email is None):
            raise typer.BadParameter("give exactly one of --webhook or --email")
        channel, target = ("webhook", webhook) if webhook else ("email", email)
        with open_store(db, create=False) as store:
            try:
                sub = subscribe(store, user, rule, channel, target, secret)
            except SubscriptionError as exc:
                _fail(str(exc))
        typer.echo(f"{sub.subscription_id}: {user} gets {rule} alerts by {channel} at {target}")

    @alerts.command("unsubscribe")
    def unsubscribe(subscription_id: str, db: Path = DbOption) -> None:
        """Remove a subscription (deliveries not yet made are dropped)."""
        with open_store(db, create=False) as store:
            if not repository.delete_subscription(store, subscription_id):
                _fail(f"no subscription {subscription_id!r}")
        typer.echo(f"removed subscription {subscription_id}")

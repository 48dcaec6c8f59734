"""``peacewatch sources``: feeds and folders the server watches and ingests on a schedule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from peacewatch.cli_options import DbOption
from peacewatch.live import sources as watched
from peacewatch.store import open_store

ServerOption = typer.Option(None, help="Manage the sources of a running `peacewatch serve` at this URL (its store is busy).")
TokenOption = typer.Option(None, envvar="PEACEWATCH_TOKEN", help="API token for --server (ingester or admin; folders: admin).")


def _fail(message: str) -> None:
    Console(stderr=True).print(f"[red]error[/red] {message}", highlight=False)
    raise typer.Exit(1)


def _table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title="Watched sources")
    for column in ("id", "kind", "location", "every", "last poll", "status", "failures", "next poll"):
        table.add_column(column, overflow="fold")
    for r in rows:
        status = r["last_status"] or "not polled yet"
        if r["last_error"]:
            status = f"{status}: {r['last_error']}"
        table.add_row(r["id"], r["kind"], r["location"], r["every"], (r["last_polled_at"] or "")[:19], status,
                      str(r["failures"]), (r["next_poll_at"] or "")[:19])
    return table


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Watched RSS/Atom feeds and folders: add, list, remove.", no_args_is_help=True)
    app.add_typer(group, name="sources")

    @group.command("add")
    def add(
        location: str = typer.Argument(..., help="An http(s) RSS/Atom feed URL, or a folder to watch for new files."),
        every: str = typer.Option(watched.DEFAULT_EVERY, help="Polling interval: 90s, 30m, 6h, 1d."),
        db: Path = DbOption, server: str = ServerOption, token: str = TokenOption,
    ) -> None:
        """Watch a feed or a folder; `peacewatch serve` polls it from then on (first poll at once)."""
        if server:
            from peacewatch.live.client import Client, ServerError

            target = location if "://" in location else str(Path(location).expanduser().resolve())
            try:
                made = Client(server, token).add_source(target, every)
            except ServerError as error:
                _fail(str(error))
        else:
            store = open_store(db, create=False)
            try:
                made = watched.add_source(store, location, every).to_dict()
            except watched.SourceError as error:
                _fail(str(error))
            finally:
                store.close()
        typer.echo(f"watching {made['kind']} {made['location']} every {made['every']} (source {made['id']})")

    @group.command("list")
    def list_command(db: Path = DbOption, server: str = ServerOption, token: str = TokenOption) -> None:
        """Show watched sources with their last poll, its outcome and the next one."""
        if server:
            from peacewatch.live.client import Client, ServerError

            try:
                rows = Client(server, token).sources()
            except ServerError as error:
                _fail(str(error))
        else:
            store = open_store(db, create=False)
            rows = [s.to_dict() for s in watched.sources(store)]
            store.close()
        if not rows:
            typer.echo("no watched sources: add one with `peacewatch sources add URL|FOLDER`")
            return
        Console().print(_table(rows))

    @group.command("remove")
    def remove(
        source: str = typer.Argument(..., help="The source's id or its location."),
        db: Path = DbOption, server: str = ServerOption, token: str = TokenOption,
    ) -> None:
        """Stop watching a source; what it ingested stays in the store."""
        if server:
            from peacewatch.live.client import Client, ServerError

            client = Client(server, token)
            try:
                known = {s["location"]: s["id"] for s in client.sources()}
                gone = client.remove_source(known.get(source, source))
            except ServerError as error:
                _fail(str(error))
        else:
            store = open_store(db, create=False)
            found = watched.remove_source(store, source)
            store.close()
            if found is None:
                _fail(f"no watched source {source!r} (see `peacewatch sources list`)")
            gone = found.to_dict()
        typer.echo(f"stopped watching {gone['location']} (source {gone['id']})")

"""``peacewatch users``: API tokens for reviewers, ingesters and admins."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from peacewatch.auth import AuthError, create_user, list_users, revoke_user, role_of, rotate_token
from peacewatch.cli_options import DbOption
from peacewatch.store import open_store


def register(app: typer.Typer) -> None:
    users = typer.Typer(help="Manage API users: create tokens (reviewer, ingester, admin), list, revoke.", no_args_is_help=True)
    app.add_typer(users, name="users")

    @users.command("add")
    def add(
        name: str = typer.Argument(..., help="User name, recorded with every review they make."),
        role: str = typer.Option(None, help="reviewer, ingester (may only push documents and manage watched sources) or admin (new users: reviewer; with --rotate: unchanged)."),
        rotate: bool = typer.Option(False, "--rotate", help="The user exists: give them a new token (the old one "
                                    "stops working; a revoked user is reactivated), and --role if given."),
        db: Path = DbOption,
    ) -> None:
        """Create a user, or with --rotate re-key an existing one, and print the token once."""
        store = open_store(db, create=False)
        try:
            token = rotate_token(store, name, role) if rotate else create_user(store, name, role or "reviewer")
            held = role_of(store, name)
        except AuthError as exc:
            raise typer.BadParameter(str(exc)) from None
        finally:
            store.close()
        typer.echo(token)
        Console(stderr=True).print(f"token for {name} ({held}); it is stored hashed and cannot be shown again")

    @users.command("list")
    def list_(db: Path = DbOption) -> None:
        """List users, their roles and whether their token is revoked."""
        store = open_store(db, create=False)
        table = Table("name", "role", "created", "revoked")
        for u in list_users(store):
            table.add_row(str(u["name"]), str(u["role"]), str(u["created_at"])[:19], str(u["revoked_at"] or "")[:19])
        Console().print(table)
        store.close()

    @users.command("revoke")
    def revoke(name: str, db: Path = DbOption) -> None:
        """Revoke a user's token."""
        store = open_store(db, create=False)
        try:
            found = revoke_user(store, name)
        except AuthError as exc:
            raise typer.BadParameter(str(exc)) from None
        finally:
            store.close()
        if not found:
            raise typer.BadParameter(f"no active user {name!r}")

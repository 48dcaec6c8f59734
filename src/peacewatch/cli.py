"""The ``peacewatch`` command: a Typer app assembled from the modules in ``peacewatch.commands``.

Each module there adds its own commands through ``register(app)``, so a component brings its
commands with it and this file never grows with them.
"""

from __future__ import annotations

import importlib
import pkgutil

import click
import typer
from typer.core import TyperGroup

from peacewatch import __version__, commands
from peacewatch.store.errors import StoreError


def _version(value: bool) -> None:
    if value:
        typer.echo(f"peacewatch {__version__}")
        raise typer.Exit()


class _Commands(TyperGroup):
    """The root command group: a store that cannot be used ends any command with one line, exit 2.

    Missing, foreign and busy stores (``store.errors``) are things a user fixes, not bugs: they
    get the store's own message, never a traceback, whichever command met them.
    """

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except StoreError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(2) from None


def build_app() -> typer.Typer:
    app = typer.Typer(
        cls=_Commands,
        name="peacewatch",
        help="Conflict reports (English, French) to verified, geocoded, deduplicated events with evidence.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )

    @app.callback()
    def root(
        version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
    ) -> None:
        """peacewatch: conflict event data with evidence."""

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
        importlib.import_module(f"{commands.__name__}.{info.name}").register(app)
    return app


def main() -> None:
    build_app()()

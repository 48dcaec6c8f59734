"""``peacewatch serve``: the dashboard and the HTTP API."""

from __future__ import annotations

from pathlib import Path

import typer

from peacewatch.cli_options import DbOption
from peacewatch.store import open_store


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        db: Path = DbOption,
        port: int = typer.Option(8000, help="Port on 127.0.0.1."),
        host: str = typer.Option("127.0.0.1", help="Interface to listen on (loopback by default)."),
        cors_origin: list[str] = typer.Option([], help="Allow this browser origin (repeatable); CORS is off by default."),
    ) -> None:
        """Serve the dashboard and the HTTP API (/api/v1/, schema at /openapi.json)."""
        import uvicorn

        from peacewatch.api import create_app

        # Refuse a mistyped, foreign or busy store here, in one line, before the server starts.
        open_store(db, create=False).close()
        typer.echo(f"peacewatch dashboard: http://{host}:{port}/  (API: /api/v1/, schema: /openapi.json)")
        uvicorn.run(create_app(db, cors_origin), host=host, port=port, log_level="warning")

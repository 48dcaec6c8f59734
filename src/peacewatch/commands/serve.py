"""``peacewatch serve``: the dashboard, the HTTP API, and the server's own ingestion."""

from __future__ import annotations

from pathlib import Path

import typer

from peacewatch.cli_options import DbOption
from peacewatch.extract.base import DEFAULT_EXTRACTOR
from peacewatch.live.service import LiveSettings
from peacewatch.live.sources import SourceError, parse_every
from peacewatch.resolve.base import DEFAULT_RESOLVER
from peacewatch.store import open_store


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        db: Path = DbOption,
        port: int = typer.Option(8000, help="Port on 127.0.0.1."),
        host: str = typer.Option("127.0.0.1", help="Interface to listen on (loopback by default)."),
        cors_origin: list[str] = typer.Option([], help="Allow this browser origin (repeatable); CORS is off by default."),
        extractor: str = typer.Option(DEFAULT_EXTRACTOR, help="Registered extractor for pushed and polled documents."),
        resolver: str = typer.Option(DEFAULT_RESOLVER, help="Registered resolver for them."),
        alerts_every: str = typer.Option("15m", help="Run the alert rules on this schedule too (e.g. 15m, 1h; 0 = only after ingests)."),
        inbox: Path = typer.Option(None, help="Folder for pushed files and polled feed items (default: <db>.inbox)."),
    ) -> None:
        """Serve the dashboard and the HTTP API (/api/v1/, schema at /openapi.json); ingest pushes and watched sources."""
        import uvicorn

        from peacewatch.api import create_app

        try:
            alerts_seconds = 0 if alerts_every.strip() in ("0", "off") else parse_every(alerts_every)
        except SourceError as error:
            raise typer.BadParameter(str(error), param_hint="--alerts-every") from None
        # Refuse a mistyped, foreign or busy store here, in one line, before the server starts.
        open_store(db, create=False).close()
        web = create_app(db, cors_origin)
        web.state.live_settings = LiveSettings(extractor=extractor, resolver=resolver,
                                               alerts_every_seconds=alerts_seconds, inbox=inbox)
        typer.echo(f"peacewatch dashboard: http://{host}:{port}/  (API: /api/v1/, schema: /openapi.json)")
        typer.echo("ingesting: POST /api/v1/documents, watched sources: `peacewatch sources` or /api/v1/sources")
        uvicorn.run(web, host=host, port=port, log_level="warning")

"""The FastAPI application: API routers under /api/v1 and the dashboard's static files.

Read-only by default: every write needs an API token with a role. Tokens travel in the
Authorization header, never in cookies, so a browser cannot be tricked into sending them
(no CSRF surface). CORS is off unless origins are given explicitly.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from peacewatch import __version__
from peacewatch.api import admin, agreements, alerts, catalog, docs, events, layers, overview, session
from peacewatch.api import ingest, sources
from peacewatch.api.cache import ResponseCache
from peacewatch.api.deps import StoreProvider, reject_unknown_query
from peacewatch.api.errors import ERROR_RESPONSES, install
from peacewatch.api.responses import SafeJSONResponse

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
"""Only our own files run or load: no inline script, no inline style, no other host, no plugin,
no framing. Document text and URLs, shown as text, can therefore never run as script."""
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class SecurityHeaders:
    """Adds the CSP and its companions to every response (API answers, dashboard files, errors)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(db: Path, cors_origins: Sequence[str] = ()) -> FastAPI:
    stores = StoreProvider(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(
        title="peacewatch API",
        version=__version__,
        description="Conflict events with evidence, the reports behind them, actors, places, agreements.",
        openapi_url="/openapi.json",
        docs_url=None,  # our own /docs (api.docs): Swagger UI would load from a CDN
        redoc_url=None,
        lifespan=lifespan,
        default_response_class=SafeJSONResponse,
        responses=ERROR_RESPONSES,
        dependencies=[Depends(reject_unknown_query)],
    )
    install(app)
    app.state.stores = stores
    app.state.cache = ResponseCache()
    app.include_router(events.router)
    app.include_router(catalog.router)
    app.include_router(admin.router)
    app.include_router(agreements.router)
    app.include_router(overview.router)
    app.include_router(layers.router)
    app.include_router(session.router)
    app.include_router(alerts.router)
    app.include_router(ingest.router)
    app.include_router(sources.router)
    app.include_router(docs.router)
    app.add_middleware(SecurityHeaders)
    if cors_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    if STATIC.is_dir():
        app.mount("/", StaticFiles(directory=STATIC, html=True), name="dashboard")
    return app

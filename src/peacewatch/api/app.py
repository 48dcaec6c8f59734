"""The FastAPI application: API routers under /api/v1 and the dashboard's static files.

Read-only by default: every write needs an API token with a role. Tokens travel in the
Authorization header, never in cookies, so a browser cannot be tricked into sending them
(no CSRF surface). CORS is off unless origins are given explicitly.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from peacewatch import __version__
from peacewatch.api import admin, agreements, alerts, catalog, events, layers, overview, session
from peacewatch.api.cache import ResponseCache
from peacewatch.api.deps import StoreProvider

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"


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
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
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
    if cors_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    if STATIC.is_dir():
        app.mount("/", StaticFiles(directory=STATIC, html=True), name="dashboard")
    return app

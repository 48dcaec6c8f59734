"""The HTTP API (FastAPI, versioned under /api/v1/) and the dashboard it serves."""

from peacewatch.api.app import create_app

__all__ = ["create_app"]

"""Why a store cannot be used, each as one line a person can act on.

The CLI prints the message alone and exits with code 2 (see ``cli.py``); the API can map these
to responses. Nothing here depends on a backend.
"""

from __future__ import annotations


class StoreError(Exception):
    """The store cannot be opened or written; ``str(error)`` is the whole message."""


class StoreMissing(StoreError):
    """A command that only reads was pointed at a store that does not exist."""


class NotAStore(StoreError):
    """The file exists but is not a peacewatch store (not DuckDB, or another program's database)."""


class StoreBusy(StoreError):
    """Another process holds the store."""

    def __init__(self, message: str, pid: int | None = None, command: str | None = None) -> None:
        super().__init__(message)
        self.pid = pid
        self.command = command


class StoreConflict(StoreError):
    """Concurrent writes kept conflicting after every retry; nothing of this write was kept."""

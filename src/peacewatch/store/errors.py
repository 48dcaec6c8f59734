"""Why a store cannot be used or written, each as one line a person can act on.

Nothing here depends on a backend; the API can map these to responses.
"""

from __future__ import annotations


class StoreError(Exception):
    """The store cannot be opened or written; ``str(error)`` is the whole message."""


class StoreConflict(StoreError):
    """Concurrent writes kept conflicting after every retry; nothing of this write was kept."""

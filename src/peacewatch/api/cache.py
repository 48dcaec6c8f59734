"""A small response cache for whole-table reads (aggregates, facets, map cells).

Dashboards ask the same questions again and again (every analyst opening the overview asks for
the same weekly counts), and at a million events each answer costs a full column scan. Entries
are keyed by the question and by the store's version: the number of events, the newest
``updated_at`` and the number of tombstones. Every write path changes one of these (saving or
reviewing an event stamps ``updated_at``; deleting one changes the count and adds a tombstone),
and reading them costs well under a millisecond, so a cached answer is never stale.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from fastapi import Request

from peacewatch.store import Store

T = TypeVar("T")


class ResponseCache:
    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def version(store: Store) -> tuple[Any, ...]:
        row = store.query(
            "SELECT COUNT(*) AS n, MAX(updated_at) AS last, "
            "(SELECT COUNT(*) FROM event_tombstones) AS gone FROM events"
        )[0]
        return row["n"], row["last"], row["gone"]

    def get(self, store: Store, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached answer to ``key`` for the store's current version, computing it if needed."""
        full = (key, self.version(store))
        with self._lock:
            if full in self._entries:
                self._entries.move_to_end(full)
                return self._entries[full]
        value = compute()
        with self._lock:
            self._entries[full] = value
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value


def get_cache(request: Request) -> ResponseCache:
    return request.app.state.cache

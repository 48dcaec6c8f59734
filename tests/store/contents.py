"""A store's contents as plain rows, to compare two stores (a backup, a rerun after a kill)."""

from __future__ import annotations

import json
from typing import Any

from peacewatch.store import Store

RUN_TABLES = frozenset({"ingest_runs", "ingest_log", "schema_migrations"})
"""Tables that record how a store was made rather than what it holds."""


def _cell(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.dumps(_without_times(json.loads(value)), sort_keys=True)
        except ValueError:
            return value
    return value if isinstance(value, (int, float, str, type(None))) else str(value)


_TIME_KEYS = frozenset({"created_at", "updated_at", "fetched_at", "ingested_at", "reviewed_at", "logged_at", "recorded_at"})


def _without_times(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _without_times(v) for k, v in data.items() if k not in _TIME_KEYS}
    if isinstance(data, list):
        return [_without_times(v) for v in data]
    return data


def store_contents(store: Store, exact: bool = True) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted. ``exact=False`` leaves out what differs between two runs of
    the same ingest by design: the run tables, timestamp columns and timestamps inside JSON."""
    contents: dict[str, list[tuple[Any, ...]]] = {}
    for table in sorted(store.table_names()):
        if not exact and table in RUN_TABLES:
            continue
        rows = store.query(f"SELECT * FROM {table}")
        columns = store.query(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
            "AND table_catalog = current_database() ORDER BY ordinal_position",
            (table,),
        )
        kept = [c["column_name"] for c in columns if exact or "TIMESTAMP" not in c["data_type"].upper()]
        cell = (lambda v: v if isinstance(v, (int, float, str, type(None))) else str(v)) if exact else _cell
        contents[table] = sorted((tuple(cell(r[name]) for name in kept) for r in rows), key=repr)
    return contents

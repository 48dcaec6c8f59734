"""Storage behind one interface: DuckDB (embedded, default) and, later, PostgreSQL."""

from peacewatch.store.base import Store, open_store

__all__ = ["Store", "open_store"]

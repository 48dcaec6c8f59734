"""The embedded default store: one DuckDB file."""

from __future__ import annotations

from pathlib import Path

import duckdb

from peacewatch.store.base import Store


class DuckDBStore(Store):
    dialect = "duckdb"

    def __init__(self, path: Path) -> None:
        self.path = path
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        super().__init__(duckdb.connect(str(path)))

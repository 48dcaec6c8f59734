"""The embedded default store: one DuckDB file."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from peacewatch.store.base import Store


class DuckDBStore(Store):
    dialect = "duckdb"

    def __init__(self, path: Path) -> None:
        self.path = path
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        super().__init__(duckdb.connect(str(path)))

    def is_conflict(self, error: BaseException) -> bool:
        return isinstance(error, duckdb.TransactionException) and "conflict" in str(error).lower()

    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Bulk insert through an Arrow table: DuckDB's executemany runs row by row."""
        rows = list(rows)
        if not rows:
            return
        batch = pa.table({name: [row[i] for row in rows] for i, name in enumerate(columns)})
        view = f"_insert_{table}"
        self._conn.register(view, batch)
        try:
            self._conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)} FROM {view}").fetchall()
        finally:
            self._conn.unregister(view)

    def compact(self) -> int:
        """Rewrite events in date order, then checkpoint so the new order reaches the file."""
        count = super().compact()
        self.execute("CHECKPOINT")
        return count

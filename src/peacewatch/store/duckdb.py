"""The embedded default store: one DuckDB file."""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from peacewatch.store.base import Store
from peacewatch.store.errors import NotAStore, StoreBusy, StoreError, StoreMissing

_LOCK_PID = re.compile(r"\(PID (\d+)\)")
CHECKPOINT_ATTEMPTS = 10
"""Tries of a CHECKPOINT that concurrent readers hold off (about 1.2 s in all)."""


def _command_of(pid: int) -> str | None:
    """The command line of a running process, shortened to what a person typed ("peacewatch serve ...")."""
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace").split("\0")
    except OSError:
        return None
    argv = [a for a in argv if a]
    if len(argv) > 1 and Path(argv[0]).name.startswith("python"):
        # "python -m peacewatch serve" or "python .venv/bin/peacewatch serve": show the command itself
        if argv[1] == "-m" and len(argv) > 2:
            argv = argv[2:]
        elif argv[1] != "-c":
            argv = argv[1:]
    if not argv:
        return None
    text = " ".join(" ".join([Path(argv[0]).name, *argv[1:]]).split())
    return text if len(text) <= 120 else text[:117] + "..."


def busy(path: Path, detail: str) -> StoreBusy:
    """The one-line message for a store another process holds, naming that process."""
    found = _LOCK_PID.search(detail)
    pid = int(found[1]) if found else None
    command = _command_of(pid) if pid is not None else None
    if pid is None:
        return StoreBusy(f"{path} is in use by another process; wait for it to finish or stop it, then run this again")
    who = f"process {pid} ({command})" if command else f"process {pid}"
    if command and " serve" in f" {command}":
        advice = f"stop the server (Ctrl-C where it runs, or `kill {pid}`), run this, then start the server again"
    else:
        advice = f"wait for it to finish (or stop it with `kill {pid}`), then run this again"
    return StoreBusy(f"{path} is in use by {who}: {advice}", pid, command)


def _explain(path: Path, error: duckdb.Error) -> StoreError:
    """A StoreError with one line for what DuckDB said when it could not open the file."""
    detail = " ".join(str(error).split())
    if "lock" in detail.lower():
        return busy(path, detail)
    if "not a valid DuckDB database" in detail:
        return NotAStore(f"{path} is not a peacewatch store: it is not a DuckDB database file")
    return StoreError(f"cannot open {path}: {detail}")


class DuckDBStore(Store):
    dialect = "duckdb"

    def __init__(self, path: Path, create: bool = True) -> None:
        self.path = path
        self._root = True
        if str(path) != ":memory:":
            if path.is_dir():
                raise NotAStore(f"{path} is a folder, not a peacewatch store (a DuckDB file)")
            if not path.exists():
                if not create:
                    raise StoreMissing(
                        f"no store at {path}: check --db (or PEACEWATCH_DB); `peacewatch ingest FILES --db {path}` creates one"
                    )
                path.parent.mkdir(parents=True, exist_ok=True)
        try:
            connection = duckdb.connect(str(path))
        except duckdb.Error as error:
            raise _explain(path, error) from None
        try:
            super().__init__(connection)
        except BaseException:
            connection.close()
            raise

    def is_conflict(self, error: BaseException) -> bool:
        return isinstance(error, duckdb.TransactionException) and "conflict" in str(error).lower()

    def describe(self) -> str:
        return str(self.path)

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

    def for_thread(self) -> Store:
        clone = super().for_thread()
        clone._root = False  # type: ignore[attr-defined]
        return clone

    def checkpoint(self) -> None:
        """Checkpoint, waiting a little for readers that hold DuckDB off; else leave it for later.

        In a server, a read on another cursor can make DuckDB refuse a CHECKPOINT ("other write
        transactions active"). The writes are committed and safe in the write-ahead log either
        way; after a few short waits the checkpoint is left to the next one (DuckDB's own, when
        the log grows, or the one at close) rather than failing the run that asked for it.
        """
        delay = 0.01
        for _ in range(CHECKPOINT_ATTEMPTS):
            try:
                super().checkpoint()
                return
            except duckdb.TransactionException as error:
                if "Cannot CHECKPOINT" not in str(error):
                    raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)

    def close(self) -> None:
        """Close; the store's own connection first checkpoints, so the .duckdb file alone is complete."""
        try:
            if self._root:
                self.checkpoint()
        finally:
            super().close()

    def backup(self, target: Path) -> dict[str, int]:
        """Copy the whole store into a new DuckDB file and check the copy; returns rows per table.

        A consistent copy even while this process serves: ``atomic`` writers wait for the copy,
        which is one statement (one snapshot) of DuckDB's COPY FROM DATABASE. The copy is a
        complete store on its own (no write-ahead log beside it), so it can be opened with
        ``--db`` or put back with ``restore``.
        """
        if target.exists():
            raise StoreError(f"{target} exists: a backup is written to a new file")
        target.parent.mkdir(parents=True, exist_ok=True)
        quoted = str(target).replace("'", "''")
        with self._writer:
            self.checkpoint()
            name = str(self.scalar("SELECT current_database()")).replace('"', '""')
            self.execute(f"ATTACH '{quoted}' AS peacewatch_backup")
            try:
                self.execute(f'COPY FROM DATABASE "{name}" TO peacewatch_backup')
                self.execute("CHECKPOINT peacewatch_backup")
            finally:
                self.execute("DETACH peacewatch_backup")
            counts = self.table_counts()
        with DuckDBStore(target, create=False) as copy:
            copied = copy.table_counts()
        if copied != counts:
            target.unlink()
            raise StoreError(f"the backup in {target} did not match the store ({copied} != {counts}); it was removed")
        return counts

    def compact(self) -> int:
        """Rewrite events in date order, then checkpoint so the new order reaches the file."""
        count = super().compact()
        self.checkpoint()
        return count


def restore(backup: Path, target: Path) -> dict[str, int]:
    """Make ``target`` a new store from a backup file (``peacewatch backup``); returns rows per table.

    Never overwrites: ``target`` must not exist. The backup is copied beside the target, opened
    there (which checks it is a peacewatch store and brings its schema up to date) and only then
    renamed into place, so a failed restore leaves neither a half store nor a changed backup.
    """
    if target.exists():
        raise StoreError(f"{target} exists: restore never overwrites a store; move it away or choose another --db")
    if not backup.is_file():
        raise StoreMissing(f"no backup at {backup}")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.restoring")
    staging.unlink(missing_ok=True)
    shutil.copyfile(backup, staging)
    try:
        with DuckDBStore(staging) as store:
            counts = store.table_counts()
    except BaseException as error:
        staging.unlink(missing_ok=True)
        Path(f"{staging}.wal").unlink(missing_ok=True)
        if isinstance(error, NotAStore):
            raise NotAStore(f"{backup} is not a peacewatch store, so it cannot be restored") from None
        raise
    os.replace(staging, target)
    return counts

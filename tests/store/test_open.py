"""Opening a store: a missing one, a file that is not ours, one another process holds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from peacewatch.store import open_store
from peacewatch.store.errors import NotAStore, StoreBusy, StoreMissing

ROOT = Path(__file__).resolve().parents[2]

HOLDER = """
import sys, time
from peacewatch.store import open_store
store = open_store(sys.argv[1])
print("holding", flush=True)
time.sleep(120)
"""


def test_a_missing_store_is_refused_when_it_must_exist(tmp_path: Path) -> None:
    path = tmp_path / "typo.duckdb"
    with pytest.raises(StoreMissing) as caught:
        open_store(path, create=False)
    assert not path.exists()
    assert str(caught.value).startswith(f"no store at {path}: check --db")


def test_a_text_file_is_not_a_store_and_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("my notes, not a database\n", encoding="utf-8")
    with pytest.raises(NotAStore) as caught:
        open_store(path)
    assert str(caught.value) == f"{path} is not a peacewatch store: it is not a DuckDB database file"
    assert path.read_text(encoding="utf-8") == "my notes, not a database\n"


def test_another_programs_duckdb_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as other:
        other.execute("CREATE TABLE prices (item VARCHAR, price DOUBLE)")
    with pytest.raises(NotAStore) as caught:
        open_store(path)
    assert "is not a peacewatch store" in str(caught.value) and "\n" not in str(caught.value)
    with duckdb.connect(str(path)) as other:
        assert [r[0] for r in other.execute("SELECT table_name FROM information_schema.tables").fetchall()] == ["prices"]


def test_a_folder_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(NotAStore):
        open_store(tmp_path)


def test_a_store_held_by_another_process_names_that_process(tmp_path: Path) -> None:
    path = tmp_path / "held.duckdb"
    open_store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(StoreBusy) as caught:
            open_store(path)
    finally:
        holder.kill()
        holder.wait()
    message = str(caught.value)
    assert caught.value.pid == holder.pid
    assert message.startswith(f"{path} is in use by process {holder.pid} (")
    assert "\n" not in message and f"kill {holder.pid}" in message

"""The store survives crashes and copies: checkpointed runs, interrupted runs, backup and restore."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from peacewatch.cli import build_app
from peacewatch.extract.base import extractors
from peacewatch.pipeline import ingest
from peacewatch.resolve.base import resolvers
from peacewatch.store import open_store

from .contents import store_contents

ROOT = Path(__file__).resolve().parents[2]

DIES_DURING_A_RUN = """
import os, sys
from peacewatch.store import open_store
open_store(sys.argv[1]).start_run(["somewhere"], "killed-in")
os.kill(os.getpid(), 9)
"""


def run(store, *paths: Path):  # type: ignore[no-untyped-def]
    return ingest(store, list(paths), extractors.get("killed-in")(), resolvers.get("singleton")())


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(build_app(), list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})


def test_after_a_run_the_duckdb_file_alone_is_the_whole_store(store, reports: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run(store, reports)  # the store stays open, as in a long-lived process
    copy = tmp_path / "copied.duckdb"
    shutil.copyfile(store.path, copy)
    with open_store(copy) as copied:
        assert (copied.count("documents"), copied.count("events")) == (3, 2)


def test_a_run_that_died_is_shown_as_interrupted_and_the_next_run_says_so(reports: Path, tmp_path: Path) -> None:
    db = tmp_path / "crashed.duckdb"
    subprocess.run([sys.executable, "-c", DIES_DURING_A_RUN, str(db)], cwd=ROOT,
                   env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, check=False)
    result = invoke("log", "--db", str(db))
    assert result.exit_code == 0 and "interrupted" in result.output and "running" not in result.output
    with open_store(db) as store:
        run(store, reports)
        assert [r["status"] for r in store.runs()] == ["interrupted", "ok"]


def test_backup_and_restore_round_trip(reports: Path, tmp_path: Path) -> None:
    db, backup, restored = tmp_path / "live.duckdb", tmp_path / "saved.duckdb", tmp_path / "restored.duckdb"
    with open_store(db) as store:
        run(store, reports)
        first = next(store.events())
        store.review_event(first.event_id, "analyst", "edit", "count checked", {"fatalities": 11})
        original = store_contents(store)
    result = invoke("backup", str(backup), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"backed up {db} to {backup}:")
    assert not Path(f"{backup}.wal").exists()
    with open_store(backup) as copy:
        assert store_contents(copy) == original

    again = invoke("backup", str(backup), "--db", str(db))
    assert again.exit_code == 2 and again.output.strip() == f"error: {backup} exists: a backup is written to a new file"

    result = invoke("restore", str(backup), "--db", str(restored))
    assert result.exit_code == 0, result.output
    with open_store(restored) as store:
        assert store_contents(store) == original
        assert store.event(first.event_id).fatalities == 11

    over = invoke("restore", str(backup), "--db", str(db))
    assert over.exit_code == 2 and "restore never overwrites a store" in over.output


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    notes, target = tmp_path / "notes.txt", tmp_path / "new.duckdb"
    notes.write_text("not a store\n", encoding="utf-8")
    result = invoke("restore", str(notes), "--db", str(target))
    assert result.exit_code == 2 and "is not a peacewatch store" in result.output
    assert not target.exists() and list(tmp_path.iterdir()) == [notes]

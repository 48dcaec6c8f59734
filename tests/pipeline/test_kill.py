"""kill -9 in the middle of an ingest, then run it again: every document and event exactly once,
and the store the same as a clean run's, whatever stage the kill hit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from peacewatch.accords.loader import import_agreement
from peacewatch.store import open_store

from ..accords.conftest import TESTLAND
from ..store.contents import store_contents
from .killing import STAGES, ingest_once, kill_at
from .tracked import clash_reports

RUNNER = """
import sys, time
import tests.conftest
from pathlib import Path
from peacewatch.extract.base import extractors
from peacewatch.pipeline import ingest
from peacewatch.resolve.base import resolvers
from peacewatch.store import open_store

def tick(n):
    tick.count += n
    print(tick.count, flush=True)
    time.sleep(0.002)
tick.count = 0
store = open_store(sys.argv[1])
ingest(store, [Path(sys.argv[2])], extractors.get("killed-in")(), resolvers.get("singleton")(),
       batch_size=50, on_document=tick)
store.close()
"""


def _write_reports(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        (folder / f"r{i:04d}.md").write_text(
            f"---\nsource: Wire {i % 7}\npublished: 2017-03-{1 + i % 28:02d}\n---\n"
            f"Report number {i}: {i % 9 + 1} people were killed in Gao on the road to Ansongo.\n",
            encoding="utf-8",
        )


def _start(db: Path, folder: Path) -> subprocess.Popen[str]:
    root = Path(__file__).resolve().parents[2]
    return subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(db), str(folder)],
        cwd=root, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(root)},
    )


def test_kill_nine_then_rerun_holds_each_document_once(tmp_path: Path) -> None:
    folder, db = tmp_path / "reports", tmp_path / "kill.duckdb"
    _write_reports(folder, 400)
    process = _start(db, folder)
    for line in process.stdout:
        if int(line) >= 180:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL

    interrupted = open_store(db)
    partial = interrupted.count("documents")
    interrupted.close()
    assert 0 < partial < 400

    rerun = _start(db, folder)
    rerun.communicate()
    assert rerun.returncode == 0

    store = open_store(db)
    assert store.count("documents") == 400
    assert store.scalar("SELECT COUNT(DISTINCT id) FROM documents") == 400
    assert store.count("candidates") == 400
    assert store.count("events") == 400
    assert store.scalar("SELECT COUNT(*) FROM candidates WHERE event_id IS NULL") == 0
    assert store.scalar("SELECT COUNT(DISTINCT event_id) FROM candidates") == 400
    store.close()


REPRESENTATIVE = {
    "documents": STAGES["documents"][1],
    "candidates": STAGES["candidates"][1],
    "resolution": STAGES["resolution"][1],
    "tracker": STAGES["tracker"][1],
}


def _tracked_store(db: Path) -> Path:
    with open_store(db) as store:
        import_agreement(store, TESTLAND)
    return db


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    root = tmp_path_factory.mktemp("clean")
    folder = clash_reports(root / "reports", 60)
    db = _tracked_store(root / "clean.duckdb")
    assert ingest_once(db, folder, "clash", "singleton") == 0
    with open_store(db) as store:
        contents = store_contents(store, exact=False)
    assert len(contents["accord_links"]) == 60
    return folder, contents


@pytest.mark.parametrize("stage", sorted(REPRESENTATIVE))
def test_kill_nine_at_each_stage_then_rerun_gives_the_clean_store(
    tmp_path: Path, clean_run: tuple[Path, dict[str, object]], stage: str
) -> None:
    folder, clean = clean_run
    db = _tracked_store(tmp_path / "killed.duckdb")
    assert kill_at(REPRESENTATIVE[stage], db, folder, "clash", "singleton")
    assert ingest_once(db, folder, "clash", "singleton") == 0
    with open_store(db) as store:
        assert store_contents(store, exact=False) == clean
        assert [r["status"] for r in store.runs()] == ["interrupted", "ok"]

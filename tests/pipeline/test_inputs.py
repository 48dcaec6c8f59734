"""Inputs that used to be lost or silent: each now has its own line in the summary and the log."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from peacewatch.extract.base import extractors
from peacewatch.lang import supported
from peacewatch.pipeline import ingest
from peacewatch.resolve.base import resolvers
from peacewatch.store import open_store

from ..sources.test_front_matter import alias_bomb

ROOT = Path(__file__).resolve().parents[2]


def run(store, *paths: Path):  # type: ignore[no-untyped-def]
    return ingest(store, list(paths), extractors.get("killed-in")(), resolvers.get("singleton")())


def logged(store, run_id: str) -> dict[str, list[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    lines: dict[str, list[tuple[str, str]]] = {}
    for r in store.ingest_log(run_id):
        if r["reason"]:
            lines.setdefault(Path(r["origin"]).name, []).append((r["status"], r["reason"]))
    return lines


def test_alias_bomb_is_reported_and_the_next_ingest_works(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "bomb.md").write_text(alias_bomb(6), encoding="utf-8")
    (first / "good.md").write_text("---\npublished: 2017-01-19\n---\n3 people were killed in Gao.\n", encoding="utf-8")
    (second / "later.md").write_text("---\npublished: 2017-01-20\n---\n2 people were killed in Boni.\n", encoding="utf-8")
    summary = run(store, first)
    assert ("warning", "front matter uses YAML aliases (*name), which are not accepted; ignored") in logged(
        store, summary.run_id
    )["bomb.md"]
    assert not summary.failed and summary.documents_new == 2
    later = run(store, second)
    assert not later.failed and later.documents_new == 1
    assert sorted(e.location for e in store.events()) == ["Boni", "Gao"]


def test_unsupported_language_is_stored_with_its_own_line(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ar.md").write_text(
        "---\npublished: 2017-01-19\n---\n"
        "قال مسؤولون محليون إن السوق في المدينة أعيد فتحه هذا الأسبوع بعد إصلاحات استمرت شهرين.\n",
        encoding="utf-8",
    )
    summary = run(store, folder)
    names = ", ".join(supported())
    assert [(i.severity, i.reason) for i in summary.issues] == [
        ("warning", f"language 'ar' is not supported (peacewatch reads {names}); stored, no events extracted")
    ]
    assert [status for status, _ in logged(store, summary.run_id)["ar.md"]] == ["warning"]
    assert store.count("documents") == 1 and not summary.failed


def test_impossible_date_keeps_the_file_with_a_line_in_the_log(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "feb30.md").write_text("---\npublished: 2017-02-30\n---\n3 people were killed in Gao.\n", encoding="utf-8")
    summary = run(store, folder)
    reasons = [r["reason"] for r in store.ingest_log(summary.run_id) if r["reason"]]
    assert "front matter date '2017-02-30' is impossible (day is out of range for month); ignored" in reasons
    assert store.count("documents") == 1 and [e.location for e in store.events()] == ["Gao"]


def _without_root_powers() -> list[str]:
    """A command prefix under which file permissions hold even for root (who bypasses them)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def test_unreadable_subfolder_gets_its_own_line(tmp_path: Path) -> None:
    folder, db = tmp_path / "in", tmp_path / "store.duckdb"
    (folder / "locked").mkdir(parents=True)
    (folder / "ok.md").write_text("---\npublished: 2017-01-19\n---\n3 people were killed in Gao.\n", encoding="utf-8")
    (folder / "locked" / "hidden.md").write_text("---\npublished: 2017-01-19\n---\nText.\n", encoding="utf-8")
    (folder / "locked").chmod(0)
    try:
        code = (
            "import sys, tests.conftest; from peacewatch.cli import main; "
            "sys.argv = ['peacewatch', 'ingest', '-q', '--extractor', 'killed-in', '--resolver', 'singleton', "
            f"'--db', {str(db)!r}, {str(folder)!r}]; main()"
        )
        result = subprocess.run(
            [*_without_root_powers(), sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
            env={**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}", "COLUMNS": "200"},
        )
    finally:
        (folder / "locked").chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert f"error {folder / 'locked'}: cannot read folder: Permission denied" in result.stderr
    with open_store(db) as store:
        [run_row] = store.runs()
        lines = {r["origin"]: (r["status"], r["reason"]) for r in store.ingest_log(run_row["run_id"])}
        assert lines[str(folder / "locked")] == ("error", "cannot read folder: Permission denied")
        assert store.count("documents") == 1
        assert json.loads(run_row["summary"])["errors"] == 1

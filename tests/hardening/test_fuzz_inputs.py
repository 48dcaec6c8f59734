"""Fifty hostile files of our own (cut and garbled HTML, binary, huge lines, bad encodings, YAML
bombs, bad JSONL, odd dates, empty files, looping links, a named pipe, unreadable files) go
through a real ingest twice: it ends, prints no traceback, names every file in its log, and the
second run adds nothing (issue 13; ``bench/fuzz_inputs.py`` runs a thousand)."""

from __future__ import annotations

from pathlib import Path

from tests.hardening.hostile import fuzz, make_corpus, unlock


def test_hostile_inputs_are_all_accounted_for_and_a_rerun_adds_nothing(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "inputs", 50, seed=7)
    try:
        report = fuzz(corpus, tmp_path / "fuzz.duckdb", timeout=900)
    finally:
        unlock(corpus)
    assert report.problems == [], "\n".join(report.problems + [report.first.output[-3000:]])
    assert report.first.exit_code == 1  # binary and malformed files are errors, and the exit code says so
    assert report.first.summary["documents_new"] > 0
    assert report.second.summary["documents_new"] == 0 and report.second.summary["new_events"] == 0
    assert report.first.statuses["error"] > 0 and report.first.statuses["added"] > 0

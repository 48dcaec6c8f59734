"""Extraction over worker processes: the same candidates, in the same order, for any number of workers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peacewatch.cli import build_app
from peacewatch.nlp.pool import ExtractorPool
from peacewatch.records import Document
from peacewatch.sources import read_paths

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "reports"


def _samples() -> list[Document]:
    return [d for d in read_paths([SAMPLES]) if isinstance(d, Document)]


def test_two_workers_find_what_one_process_finds_on_the_samples() -> None:
    documents = _samples()
    assert len(documents) >= 32  # enough for the pool to hand them to its workers
    with ExtractorPool("rules", 1) as alone, ExtractorPool("rules", 2) as pool:
        expected = [[c.to_dict() for c in found] for found in alone.extract_many(documents)]
        got = [[c.to_dict() for c in found] for found in pool.extract_many(documents)]
        assert pool._executor is not None  # the work did go to the workers
    assert got == expected
    assert sum(map(len, got)) > 0


def test_an_unknown_extractor_is_refused_before_any_work() -> None:
    with pytest.raises(Exception, match="nope"):
        ExtractorPool("nope", 2)


def test_extract_writes_the_same_lines_with_one_or_two_workers(tmp_path: Path) -> None:
    runner = CliRunner()
    outputs = []
    for workers in (1, 2):
        out = tmp_path / f"events-{workers}.jsonl"
        result = runner.invoke(build_app(), ["extract", str(SAMPLES), "--output", str(out), "--workers", str(workers)])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert all(json.loads(line)["evidence"] for line in outputs[0].splitlines())

"""``peacewatch batch``: Ray Data in local mode (one instance for the module) on small inputs.

Extraction must print what ``peacewatch extract`` prints; resolution must give the events a plain
``peacewatch ingest`` of the same documents gives.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from peacewatch.batch import parquet
from peacewatch.batch.rows import row_record
from peacewatch.cli import build_app
from peacewatch.store import open_store

ray = pytest.importorskip("ray")

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "reports"
PICKED = [
    "2017-01-18-sahel-monitor-gao-camp-bomb.md",
    "2017-01-18-echo-sahel-gao-attentat.md",
    "2017-01-19-bamako-wire-gao-toll-rises.md",
    "2017-06-18-bamako-wire-kangaba-resort.md",
    "2017-06-18-echo-sahel-campement-kangaba.md",
    "2017-07-12-sahel-monitor-anefis-clashes.md",
]
DOCS = [
    {"id": "own-1", "published": "2018-03-31", "language": "en",
     "text": "Gunmen on motorbikes attacked the market in Boni on Saturday, killing four traders, residents said."},
    {"id": "own-2", "published": "2018-04-01", "language": "fr",
     "text": "Des hommes armés ont attaqué samedi le marché de Boni, tuant quatre commerçants, selon des habitants."},
    {"id": "own-3", "published": "2018-04-02", "language": "en",
     "text": "The council met in the capital to discuss the school calendar."},
]  # fmt: skip


@pytest.fixture(scope="module", autouse=True)
def local_ray() -> Iterator[None]:
    from peacewatch.batch.runtime import connect

    connect(workers=2)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    for name in PICKED:
        shutil.copy(SAMPLES / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docs") / "docs.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCS), encoding="utf-8")
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(build_app(), list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def extracted(reports: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("out") / "events.parquet"
    run("batch", "extract", "--input", str(reports), "--output", str(output), "--workers", "2")
    return output


def records(output: Path) -> list[dict]:
    return sorted((row_record(r) for r in parquet.read_candidates(output).to_pylist()), key=lambda r: r["candidate_id"])


def printed(path: Path, tmp_path: Path) -> list[dict]:
    out = tmp_path / "plain.jsonl"
    run("extract", "--input", str(path), "--output", str(out))
    return sorted((json.loads(line) for line in out.open(encoding="utf-8")), key=lambda r: r["candidate_id"])


def test_rows_are_what_extract_prints(extracted: Path, reports: Path, tmp_path: Path) -> None:
    expected = printed(reports, tmp_path)
    assert expected and records(extracted) == expected


def test_docs_jsonl_and_parquet_give_the_same_rows_as_extract(docs: Path, tmp_path: Path) -> None:
    table = pa.Table.from_pylist(DOCS)
    pq.write_table(table, tmp_path / "docs.parquet", row_group_size=2)
    run("batch", "extract", "--input", str(docs), "--output", str(tmp_path / "a"))
    run("batch", "extract", "--input", str(tmp_path / "docs.parquet"), "--output", str(tmp_path / "b"))
    expected = printed(docs, tmp_path)
    assert any(r["doc_id"] == "own-1" for r in expected)
    assert records(tmp_path / "a") == expected
    assert records(tmp_path / "b") == expected


def test_candidates_are_filed_by_country_and_month(extracted: Path) -> None:
    rows = parquet.read_candidates(extracted).to_pylist()
    folders = {p.parent.relative_to(extracted).as_posix() for p in extracted.glob("country=*/month=*/*.parquet")}
    expected = {f"country={r['country']}/month={r['event_date'].strftime('%Y-%m') if r['event_date'] else 'undated'}" for r in rows}
    assert folders == expected
    assert "country=Mali/month=2017-01" in folders
    assert parquet.read_documents(extracted).num_rows == len(PICKED)


def test_an_existing_output_is_refused(extracted: Path, reports: Path) -> None:
    result = CliRunner().invoke(build_app(), ["batch", "extract", "--input", str(reports), "--output", str(extracted)])
    assert result.exit_code != 0 and "already holds files" in result.output


def events_of(db: Path) -> dict[str, dict]:
    with open_store(db) as store:
        found = {}
        for event in store.events():
            data = event.to_dict()
            data.pop("created_at"), data.pop("updated_at")
            found[event.event_id] = data
        return found


def test_resolve_gives_the_events_of_ingest_and_adds_nothing_twice(extracted: Path, reports: Path, tmp_path: Path) -> None:
    run("batch", "resolve", str(extracted), "--db", str(tmp_path / "batch.duckdb"))
    run("ingest", str(reports), "--db", str(tmp_path / "ingest.duckdb"), "--quiet")
    batch, plain = events_of(tmp_path / "batch.duckdb"), events_of(tmp_path / "ingest.duckdb")
    assert plain and batch == plain
    assert any(len(e["sources"]) > 1 for e in batch.values())
    again = run("batch", "resolve", str(extracted), "--db", str(tmp_path / "batch.duckdb"))
    assert "0 new documents" in again
    assert events_of(tmp_path / "batch.duckdb") == batch


def test_resolve_into_a_store_that_already_holds_reports(extracted: Path, reports: Path, tmp_path: Path) -> None:
    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(reports / PICKED[0], first / PICKED[0])
    run("ingest", str(first), "--db", str(tmp_path / "mixed.duckdb"), "--quiet")
    run("batch", "resolve", str(extracted), "--db", str(tmp_path / "mixed.duckdb"))
    run("ingest", str(reports), "--db", str(tmp_path / "ingest.duckdb"), "--quiet")
    assert events_of(tmp_path / "mixed.duckdb") == events_of(tmp_path / "ingest.duckdb")

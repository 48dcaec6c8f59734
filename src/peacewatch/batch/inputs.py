"""The job's input as a Ray Dataset of documents, read by the same readers as ``ingest``.

The input is cut into *units* that workers read in parallel: each file of a folder (recursively,
sorted, hidden files skipped, as ``ingest`` walks it) and each row group of a DOCS Parquet file
(columns ``id, text, published, language?, title?, url?, source?``). Every unit keeps its
position, so the documents can be put back in the order ``ingest`` reads them: near-duplicate
groups are named by their first document. A JSONL file is one unit; split a large set into
several files to read it on several workers.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from peacewatch.batch.rows import DOCUMENT_SCHEMA, document_row
from peacewatch.records import Document, IngestIssue
from peacewatch.sources import read_paths
from peacewatch.sources.jsonl import record_item
from peacewatch.sources.reader import _DocumentMaker

PARQUET_SUFFIXES = (".parquet", ".pq")


def _files(folder: Path) -> list[Path]:
    found: list[Path] = []
    for directory, subfolders, names in os.walk(folder):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        found.extend(Path(directory) / name for name in names if not name.startswith("."))
    return sorted(found)


def units(paths: Sequence[Path]) -> list[dict[str, Any]]:
    """The pieces of input one worker reads at a time, in reading order."""
    found: list[dict[str, Any]] = []
    for given in paths:
        # An empty folder stays a unit so that its reader reports it, as ``ingest`` does.
        for path in (_files(given) if given.is_dir() else []) or [given]:
            groups = _row_groups(path)
            for group in groups or [-1]:
                found.append({"unit": len(found), "path": str(path), "row_group": group})
    return found


def _row_groups(path: Path) -> list[int]:
    if path.suffix.lower() not in PARQUET_SUFFIXES or not path.is_file():
        return []
    try:
        return list(range(pq.ParquetFile(path).num_row_groups))
    except (OSError, pa.ArrowException):
        return []


def _parquet_documents(path: Path, group: int, published: date | None) -> Iterator[Document | IngestIssue]:
    """Documents of one row group of a DOCS Parquet file; rows are numbered across the file."""
    handle = pq.ParquetFile(path)
    first = sum(handle.metadata.row_group(g).num_rows for g in range(group))
    make = _DocumentMaker(published)
    for offset, record in enumerate(handle.read_row_group(group).to_pylist()):
        number = first + offset + 1
        item, issues = record_item(record, str(path), f"row {number}")
        yield from issues
        if item is not None:
            item.origin = f"{path}:{number}"
            yield from make(item, path)


def _unit_documents(unit: dict[str, Any], published: date | None) -> Iterator[Document | IngestIssue]:
    path = Path(unit["path"])
    if unit["row_group"] < 0:
        yield from read_paths([path], published=published)
        return
    try:
        yield from _parquet_documents(path, unit["row_group"], published)
    except (OSError, pa.ArrowException) as error:
        yield IngestIssue(str(path), f"cannot read Parquet row group {unit['row_group']}: {error}")


def read_units(batch: pa.Table, published: date | None = None) -> pa.Table:
    """Ray map_batches function: units in, document rows (and issue rows) out."""
    rows: list[dict[str, Any]] = []
    for unit in batch.to_pylist():
        for item, found in enumerate(_unit_documents(unit, published)):
            if isinstance(found, IngestIssue):
                rows.append({"id": "", "text": "", "unit": unit["unit"], "item": item,
                             "issue": f"{found.origin}: {found.reason}", "severity": found.severity})
            else:
                rows.append(document_row(found, unit["unit"], item))
    return pa.Table.from_pylist(rows, schema=DOCUMENT_SCHEMA)


def read_documents(paths: Sequence[Path], published: date | None = None) -> Any:
    """A Ray Dataset of document rows (and issue rows) from files, folders and DOCS Parquet;
    a missing path or unreadable file is an issue row, as in ``ingest``."""
    import ray.data

    found = units(paths)
    dataset = ray.data.from_items(found, override_num_blocks=max(1, len(found)))
    return dataset.map_batches(read_units, fn_kwargs={"published": published}, batch_size=1, batch_format="pyarrow")

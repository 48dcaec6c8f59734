"""The candidate set on disk: Parquet partitioned by country and month, and its documents.

``EVENTS.parquet/country=Mali/month=2017-01/*.parquet`` (hive layout; an unplaced candidate is
under ``country=``, an undated one under ``month=undated``) holds the candidate rows;
``EVENTS.parquet/_documents/`` holds every document read, with its text and near-duplicate
signature, which resolution needs. Readers that follow the hive and underscore conventions
(pyarrow, pandas, Spark, Ray) see the candidates only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute  # noqa: F401  (pa.compute)
import pyarrow.dataset as pds

from peacewatch.batch.rows import CANDIDATE_SCHEMA, STORED_DOCUMENT_SCHEMA
from peacewatch.documents import minhash_signature

DOCUMENTS = "_documents"
PARTITIONS = ("country", "month")


def with_signatures(batch: pa.Table) -> pa.Table:
    """Ray map_batches function: document rows plus their MinHash signatures."""
    rows = batch.to_pylist()
    for row in rows:
        row["minhash"] = minhash_signature(row["text"])
    return pa.Table.from_pylist(rows, schema=STORED_DOCUMENT_SCHEMA)


def write_documents(documents: Any, output: Path) -> None:
    """Write a Dataset of document rows beside the candidates, with their signatures."""
    documents.map_batches(with_signatures, batch_format="pyarrow").write_parquet(str(output / DOCUMENTS))


def write_candidates(candidates: Any, output: Path) -> None:
    """Write a Dataset of candidate rows, partitioned by country and month."""
    candidates.write_parquet(str(output), partition_cols=list(PARTITIONS))


def read_candidates(path: Path) -> pa.Table:
    """Every candidate row of a set, with the partition columns back in place."""
    keys = pa.schema([(name, pa.string()) for name in PARTITIONS])
    schema = pa.schema([f for f in CANDIDATE_SCHEMA if f.name not in PARTITIONS] + list(keys))
    partitioning = pds.HivePartitioning(keys)
    files = [str(p) for p in sorted(path.rglob("*.parquet")) if not _hidden(p.relative_to(path))]
    if not files:
        return CANDIDATE_SCHEMA.empty_table()
    table = pds.dataset(files, schema=schema, partitioning=partitioning, partition_base_dir=str(path)).to_table()
    # An unplaced candidate's folder is "country=", which reads back as null.
    country = pa.compute.fill_null(table["country"], "")
    table = table.set_column(table.schema.get_field_index("country"), "country", country)
    return table.select(CANDIDATE_SCHEMA.names).cast(CANDIDATE_SCHEMA)


def read_documents(path: Path) -> pa.Table:
    """The documents of a set, in the order the input was read."""
    folder = path / DOCUMENTS
    if not folder.is_dir():
        return STORED_DOCUMENT_SCHEMA.empty_table()
    table = pds.dataset(str(folder), schema=STORED_DOCUMENT_SCHEMA).to_table()
    return table.sort_by([("unit", "ascending"), ("item", "ascending")])


def _hidden(relative: Path) -> bool:
    return any(part.startswith((".", "_")) for part in relative.parts)

"""Arrow schemas of the batch job's rows, and conversions between rows and records.

A candidate row is what ``peacewatch extract`` prints for that candidate (every EventCandidate
field, evidence and casualty reports as lists of structs) plus its document's id, url,
publication date, language, source and title, the extractor's name and the ``month`` it is
filed under. Explicit schemas keep every block alike, so Parquet files written by different
workers read back as one table even where one block happens to hold only nulls.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pyarrow as pa

from peacewatch.records import CasualtyReport, Document, EventCandidate, Evidence

UNDATED = "undated"
"""The ``month`` partition of candidates without an event date."""

_SCALARS = {
    "str": pa.string(), "str | None": pa.string(),
    "int": pa.int64(), "int | None": pa.int64(),
    "float": pa.float64(), "float | None": pa.float64(),
    "date | None": pa.date32(), "datetime | None": pa.timestamp("us"),
}  # fmt: skip


def _arrow_type(annotation: str) -> pa.DataType:
    if annotation.startswith("Literal["):
        return pa.string()
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    raise TypeError(f"no Arrow type for a record field annotated {annotation!r}")


def _struct(record: type) -> pa.StructType:
    return pa.struct([(f.name, _arrow_type(str(f.type))) for f in dataclasses.fields(record)])


_NESTED = {
    "evidence": pa.list_(_struct(Evidence)),
    "casualty_reports": pa.list_(_struct(CasualtyReport)),
}
CANDIDATE_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(EventCandidate))

DOCUMENT_COLUMNS: dict[str, str] = {
    "document_id": "id", "document_url": "url", "document_published": "published",
    "document_language": "language", "document_source": "source", "document_title": "title",
}  # fmt: skip
"""Candidate-row column -> Document field, for the document each candidate comes from."""

CANDIDATE_SCHEMA = pa.schema(
    [
        (f.name, _NESTED[f.name] if f.name in _NESTED else _arrow_type(str(f.type)))
        for f in dataclasses.fields(EventCandidate)
    ]
    + [(column, _arrow_type(str(Document.__dataclass_fields__[name].type))) for column, name in DOCUMENT_COLUMNS.items()]
    + [("extractor", pa.string()), ("month", pa.string())]
)

DOCUMENT_SCHEMA = pa.schema(
    [(f.name, _arrow_type(str(f.type))) for f in dataclasses.fields(Document)]
    + [("unit", pa.int64()), ("item", pa.int64()), ("issue", pa.string()), ("severity", pa.string())]
)
"""A document read from the input, or (``issue`` set, ``id`` empty) a reason an input was not
read; ``unit`` and ``item`` give the reading order ``ingest`` would have followed."""

STORED_DOCUMENT_SCHEMA = pa.schema(
    [field for field in DOCUMENT_SCHEMA if field.name not in ("issue", "severity")] + [("minhash", pa.binary())]
)
"""The documents kept beside the candidates, with their near-duplicate signatures."""


def month_of(day: date | None) -> str:
    return day.strftime("%Y-%m") if day else UNDATED


def extract_record(document: Document, candidate: EventCandidate) -> dict[str, Any]:
    """The candidate as ``peacewatch extract`` prints it: a DOCS id comes back as ``doc_id``."""
    record = candidate.to_dict()
    if document.external_id:
        record["doc_id"] = document.external_id
        for span in record["evidence"]:
            span["document_id"] = document.external_id
    return record


def candidate_row(document: Document, candidate: EventCandidate, extractor: str) -> dict[str, Any]:
    """One Parquet row: the printed record with real dates, its document's columns and month."""
    row: dict[str, Any] = extract_record(document, candidate)
    row["event_date"] = candidate.event_date
    for report in row["casualty_reports"]:
        report["published"] = date.fromisoformat(report["published"]) if report["published"] else None
    for column, name in DOCUMENT_COLUMNS.items():
        row[column] = getattr(document, name)
    row["extractor"] = extractor
    row["month"] = month_of(candidate.event_date)
    return row


def row_record(row: dict[str, Any]) -> dict[str, Any]:
    """A candidate row back into the record ``peacewatch extract`` prints."""
    return EventCandidate.from_dict({name: row[name] for name in CANDIDATE_FIELDS}).to_dict()


def row_candidate(row: dict[str, Any]) -> EventCandidate:
    """A candidate row as the store keeps it: attached to its document by content id."""
    candidate = EventCandidate.from_dict({name: row[name] for name in CANDIDATE_FIELDS})
    candidate.doc_id = row["document_id"]
    for evidence in candidate.evidence:
        evidence.document_id = row["document_id"]
    return candidate


def document_row(document: Document, unit: int, item: int) -> dict[str, Any]:
    return {**{f.name: getattr(document, f.name) for f in dataclasses.fields(Document)}, "unit": unit, "item": item}


def row_document(row: dict[str, Any]) -> Document:
    return Document.from_dict({f.name: row[f.name] for f in dataclasses.fields(Document)})

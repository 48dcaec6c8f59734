"""The built-in export formats, registered by name in ``exports.base.formats``."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from peacewatch.exports.base import ACLED_COLUMNS, EXTRA_COLUMNS, export_rows, formats
from peacewatch.jsonsafe import finite
from peacewatch.records import Event
from peacewatch.store.base import Store


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else value


@formats.register("csv")
def write_csv(store: Store, events: Iterable[Event], out: IO[bytes], columns: Sequence[str] = ()) -> int:
    """ACLED columns in ACLED's order, then ours (or only ``columns``, in that order); UTF-8
    with BOM so Excel reads accents."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    names = list(columns) or [*ACLED_COLUMNS, *EXTRA_COLUMNS]
    writer = csv.DictWriter(text, fieldnames=names, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in export_rows(store, events):
        writer.writerow({k: _cell(row[k]) for k in names})
        count += 1
    text.detach()
    return count


@formats.register("jsonl")
def write_jsonl(store: Store, events: Iterable[Event], out: IO[bytes]) -> int:
    """Full events, evidence and casualty reports included, with each source's metadata."""
    count = 0
    for event in events:
        record = finite(event.to_dict())
        meta = store.document_meta(event.sources)
        record["sources"] = [
            {
                "document_id": doc_id,
                "source": (meta.get(doc_id) or {}).get("source"),
                "published": _cell((meta.get(doc_id) or {}).get("published")) or None,
                "language": (meta.get(doc_id) or {}).get("language"),
                "title": (meta.get(doc_id) or {}).get("title"),
                "url": (meta.get(doc_id) or {}).get("url"),
            }
            for doc_id in event.sources
        ]
        out.write((json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8"))
        count += 1
    return count


@formats.register("geojson")
def write_geojson(store: Store, events: Iterable[Event], out: IO[bytes]) -> int:
    """An RFC 7946 FeatureCollection: Point geometries as [longitude, latitude], WGS 84."""
    features = []
    for row in export_rows(store, events):
        lat, lon = row["latitude"], row["longitude"]
        geometry = None
        if lat is not None and lon is not None:
            geometry = {"type": "Point", "coordinates": [round(float(lon), 6), round(float(lat), 6)]}
        properties = {k: _json_value(v) for k, v in row.items() if k not in ("latitude", "longitude")}
        features.append({"type": "Feature", "id": row["event_id_cnty"], "geometry": geometry, "properties": properties})
    collection = {"type": "FeatureCollection", "features": features}
    out.write(json.dumps(collection, ensure_ascii=False, allow_nan=False).encode("utf-8"))
    return len(features)


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


_PARQUET_TYPES: dict[str, pa.DataType] = {
    "event_date": pa.date32(),
    "year": pa.int32(),
    "iso": pa.int16(),
    "time_precision": pa.int8(),
    "inter1": pa.int8(),
    "inter2": pa.int8(),
    "interaction": pa.int16(),
    "latitude": pa.float64(),
    "longitude": pa.float64(),
    "geo_precision": pa.int8(),
    "fatalities": pa.int32(),
    "timestamp": pa.int64(),
    "fatalities_low": pa.int32(),
    "fatalities_high": pa.int32(),
    "injuries": pa.int32(),
    "injuries_low": pa.int32(),
    "injuries_high": pa.int32(),
    "confidence": pa.float64(),
    "evidence_count": pa.int32(),
    "source_documents": pa.list_(pa.string()),
}

PARQUET_SCHEMA = pa.schema(
    [pa.field(name, _PARQUET_TYPES.get(name, pa.string())) for name in (*ACLED_COLUMNS, *EXTRA_COLUMNS)]
)


@formats.register("parquet")
def write_parquet(store: Store, events: Iterable[Event], out: IO[bytes]) -> int:
    """Typed columns (dates as date32, counts as integers, sources as a list) that round-trip."""
    rows = list(export_rows(store, events))
    columns = {name: [row[name] for row in rows] for name in PARQUET_SCHEMA.names}
    table = pa.table(columns, schema=PARQUET_SCHEMA)
    pq.write_table(table, out)
    return len(rows)

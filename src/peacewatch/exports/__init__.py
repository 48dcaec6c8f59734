"""Event exports in the formats analysts' tools open: ACLED-layout CSV, GeoJSON, Parquet, JSONL."""

from peacewatch.exports.base import formats, write_events

__all__ = ["formats", "write_events"]

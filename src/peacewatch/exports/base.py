"""Export rows: one flat mapping per event, shared by every format.

The ACLED columns come first, in the order of ACLED's standard event export, so that tools
written for ACLED data read our files unchanged; peacewatch's own fields (toll range, status,
review state, evidence count, source documents) follow as extra columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any, Callable

from peacewatch.jsonsafe import finite
from peacewatch.records import Event
from peacewatch.registry import Registry
from peacewatch.store.base import Store

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "timestamp", "iso3",
)
"""ACLED's export layout (column names and order)."""

EXTRA_COLUMNS: tuple[str, ...] = (
    "fatalities_low", "fatalities_high", "injuries", "injuries_low", "injuries_high",
    "civilian_targeting", "status", "claimed_by", "denied_by", "confidence", "review_state",
    "evidence_count", "source_documents",
)

REGION_BY_ISO3 = {iso: "Western Africa" for iso in ("MLI", "BFA", "NER", "MRT", "SEN", "CIV", "GIN")}
"""ACLED's region of the countries the bundled gazetteer covers."""


def export_rows(store: Store, events: Iterable[Event]) -> Iterator[dict[str, Any]]:
    """Flatten events into export rows, with outlet names looked up once per batch of sources."""
    for event in events:
        meta = store.document_meta(event.sources)
        outlets = sorted({(meta.get(d) or {}).get("source") or "" for d in event.sources} - {""})
        yield {
            "event_id_cnty": event.event_id,
            "event_date": event.event_date,
            "year": event.event_date.year if isinstance(event.event_date, date) else None,
            "time_precision": event.time_precision,
            "event_type": event.event_type,
            "sub_event_type": event.sub_event_type,
            "actor1": event.actor1,
            "assoc_actor_1": event.assoc_actor_1,
            "inter1": event.inter1,
            "actor2": event.actor2,
            "assoc_actor_2": event.assoc_actor_2,
            "inter2": event.inter2,
            "interaction": event.interaction,
            "region": REGION_BY_ISO3.get(event.iso3, ""),
            "country": event.country,
            "admin1": event.admin1,
            "admin2": event.admin2,
            "admin3": event.admin3,
            "location": event.location,
            "latitude": finite(event.latitude),
            "longitude": finite(event.longitude),
            "geo_precision": event.geo_precision,
            "source": "; ".join(outlets),
            "source_scale": "",
            "notes": event.notes,
            "fatalities": event.fatalities if event.fatalities is not None else 0,
            "timestamp": int(event.updated_at.timestamp()) if event.updated_at else None,
            "iso3": event.iso3,
            "fatalities_low": event.fatalities_low,
            "fatalities_high": event.fatalities_high,
            "injuries": event.injuries,
            "injuries_low": event.injuries_low,
            "injuries_high": event.injuries_high,
            "civilian_targeting": event.civilian_targeting,
            "status": event.status,
            "claimed_by": event.claimed_by,
            "denied_by": event.denied_by,
            "confidence": finite(event.confidence),
            "review_state": event.review_state,
            "evidence_count": len(event.evidence),
            "source_documents": list(event.sources),
        }


Writer = Callable[[Store, Iterable[Event], IO[bytes]], int]
formats: Registry[Writer] = Registry("export format", package="peacewatch.exports")
"""Writers by format name: each takes (store, events, binary stream) and returns a count."""


def write_events(store: Store, events: Iterable[Event], fmt: str, out: IO[bytes] | Path) -> int:
    """Write events in ``fmt`` to a binary stream or a file; returns the number written."""
    writer = formats.get(fmt)
    if isinstance(out, Path):
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("wb") as handle:
            return writer(store, events, handle)
    return writer(store, events, out)

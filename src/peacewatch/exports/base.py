"""Export rows: one flat mapping per event, shared by every format.

The ACLED columns come first, in the order of ACLED's current event export, so that tools
written for ACLED data read our files unchanged; peacewatch's own fields (ISO alpha-3 code, toll
range, status, review state, evidence count, source documents) follow as extra columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, Any, Callable
from urllib.parse import urlsplit

import yaml

from peacewatch import codebook, regions
from peacewatch.jsonsafe import finite
from peacewatch.records import Event
from peacewatch.registry import Registry
from peacewatch.store.base import Store

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
"""ACLED's export layout since its column changes of 20 March 2023: 31 columns, in this order.

Where we found it: acledR's reference page for its ACLED-format data frame lists the columns in
this order (https://dtacled.github.io/acledR/reference/acled_old_dummy.html), and ACLED's
"Guide to 2023 ACLED Column Changes" (https://acleddata.com/knowledge-base/guide-to-2023-acled-column-changes)
says what changed: event_id_no_cnty, data_id and iso3 removed; disorder_type, civilian_targeting
and tags added; some columns moved. ``iso`` is the ISO 3166-1 numeric code.
"""

EXTRA_COLUMNS: tuple[str, ...] = (
    "iso3", "fatalities_low", "fatalities_high", "injuries", "injuries_low", "injuries_high",
    "status", "claimed_by", "denied_by", "confidence", "review_state", "evidence_count", "source_documents",
)
"""Ours, after ACLED's: iso3 (which ACLED dropped in 2023, kept for tools that join on it) first."""


@cache
def _outlets() -> tuple[tuple[str, ...], dict[str, str], frozenset[str]]:
    text = (resources.files("peacewatch") / "data" / "outlets.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=yaml.CSafeLoader)
    outlets = {str(name).casefold(): scale for name, scale in data["outlets"].items()}
    return tuple(data["scales"]), outlets, frozenset(data["new_media_hosts"])


def outlet_scale(outlet: str | None, url: str | None) -> str | None:
    """The ACLED source scale of one report: its outlet's, from ``data/outlets.yaml``, or New
    media for a post on a social network; None when we do not know."""
    _, outlets, hosts = _outlets()
    if outlet and outlet.strip().casefold() in outlets:
        return outlets[outlet.strip().casefold()]
    host = (urlsplit(url).hostname or "").removeprefix("www.").removeprefix("m.") if url else ""
    return "New media" if host in hosts else None


def source_scale(reports: Iterable[tuple[str | None, str | None]]) -> str:
    """ACLED's source_scale for (outlet, url) reports: the scales we know, narrowest first,
    joined as ACLED joins them ("National-International")."""
    order, _, _ = _outlets()
    found = {scale for outlet, url in reports if (scale := outlet_scale(outlet, url))}
    return "-".join(s for s in order if s in found)


def _region_tables() -> tuple[dict[str, int], dict[str, str]]:
    data = regions.current().data
    return dict(data.get("iso_numeric") or {}), dict(data.get("acled_region") or {})


def export_rows(store: Store, events: Iterable[Event]) -> Iterator[dict[str, Any]]:
    """Flatten events into export rows, with outlet names looked up once per batch of sources."""
    numeric, placed = _region_tables()
    for event in events:
        meta = store.document_meta(event.sources)
        known = [meta.get(d) or {} for d in event.sources]
        outlets = sorted({m.get("source") or "" for m in known} - {""})
        yield {
            "event_id_cnty": event.event_id,
            "event_date": event.event_date,
            "year": event.event_date.year if isinstance(event.event_date, date) else None,
            "time_precision": event.time_precision,
            "disorder_type": codebook.disorder_type(event.event_type, event.sub_event_type),
            "event_type": event.event_type,
            "sub_event_type": event.sub_event_type,
            "actor1": event.actor1,
            "assoc_actor_1": event.assoc_actor_1,
            "inter1": event.inter1,
            "actor2": event.actor2,
            "assoc_actor_2": event.assoc_actor_2,
            "inter2": event.inter2,
            "interaction": event.interaction,
            "civilian_targeting": event.civilian_targeting,
            "iso": numeric.get(event.iso3),
            "region": placed.get(event.iso3, ""),
            "country": event.country,
            "admin1": event.admin1,
            "admin2": event.admin2,
            "admin3": event.admin3,
            "location": event.location,
            "latitude": finite(event.latitude),
            "longitude": finite(event.longitude),
            "geo_precision": event.geo_precision,
            "source": "; ".join(outlets),
            "source_scale": source_scale((m.get("source"), m.get("url")) for m in known),
            "notes": event.notes,
            "fatalities": event.fatalities if event.fatalities is not None else 0,
            "tags": "",
            "timestamp": int(event.updated_at.timestamp()) if event.updated_at else None,
            "iso3": event.iso3,
            "fatalities_low": event.fatalities_low,
            "fatalities_high": event.fatalities_high,
            "injuries": event.injuries,
            "injuries_low": event.injuries_low,
            "injuries_high": event.injuries_high,
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

"""Gold sets to score extraction against, read into one shape whatever their layout.

Three layouts are recognised: an ACLED export (text in ``notes``; the event date doubles as the
publication date unless a ``published`` column exists), the malilink incident list (French
``text`` + ``victims_text``, with killed/wounded/place columns) and the hand-made seed JSON (one
document, its events with 'accept' lists, and forbidden background events).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peacewatch.records import Document, parse_date

ACLED_FIELDS = (
    "event_type", "sub_event_type", "event_date", "actor1", "actor2", "admin1", "location",
    "latitude", "longitude", "fatalities",
)


@dataclass(slots=True)
class GoldItem:
    """One gold event (or one seed document) with the document to extract it from."""

    id: str
    document: Document
    expected: dict[str, Any]


@dataclass(slots=True)
class GoldSet:
    kind: str
    """acled | malilink | seed"""
    items: list[GoldItem]
    forbidden: list[dict[str, Any]] = field(default_factory=list)


def _blank(value: str | None) -> str:
    value = (value or "").strip()
    return "" if value.lower() in ("nan", "none") else value


def _number(value: str | None) -> float | None:
    value = _blank(value)
    try:
        return float(value) if value else None
    except ValueError:
        return None


def detect_layout(path: Path) -> str:
    if path.suffix.lower() == ".json":
        return "seed"
    with path.open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle), [])
    columns = {c.strip().lower() for c in header}
    if "notes" in columns and "event_type" in columns:
        return "acled"
    if {"text", "killed", "wounded"} <= columns:
        return "malilink"
    raise ValueError(f"{path}: not an ACLED-layout CSV, a malilink-layout CSV or a seed gold JSON")


def _acled(path: Path, limit: int | None) -> GoldSet:
    items: list[GoldItem] = []
    with path.open(newline="", encoding="utf-8") as handle:
        for index, row in enumerate(csv.DictReader(handle)):
            if limit is not None and len(items) >= limit:
                break
            text = _blank(row.get("notes"))
            if not text:
                continue
            published = parse_date(_blank(row.get("published")) or _blank(row.get("event_date")))
            gold_id = _blank(row.get("event_id_cnty")) or str(index)
            expected: dict[str, Any] = {name: _blank(row.get(name)) for name in ACLED_FIELDS}
            expected["event_date"] = parse_date(expected["event_date"])
            for name in ("latitude", "longitude"):
                expected[name] = _number(row.get(name))
            fatalities = _number(row.get("fatalities"))
            expected["fatalities"] = int(fatalities) if fatalities is not None else 0
            language = _blank(row.get("language")) or "en"
            items.append(GoldItem(gold_id, Document(id=f"gold-{gold_id}", text=text, published=published, language=language), expected))
    return GoldSet("acled", items)


def _malilink(path: Path, limit: int | None) -> GoldSet:
    items: list[GoldItem] = []
    with path.open(newline="", encoding="utf-8") as handle:
        for index, row in enumerate(csv.DictReader(handle)):
            if limit is not None and len(items) >= limit:
                break
            text = " ".join(t for t in (_blank(row.get("text")), _blank(row.get("victims_text"))) if t)
            if not text:
                continue
            gold_id = _blank(row.get("id")) or str(index)
            killed = _number(row.get("killed"))
            wounded = _number(row.get("wounded"))
            perpetrator = _blank(row.get("perpetrator"))
            expected = {
                "killed": int(killed) if killed is not None else 0,
                "wounded": int(wounded) if wounded is not None else 0,
                "places": [p for p in (_blank(row.get(k)) for k in ("place", "place_from", "place_to")) if p],
                "perpetrator": "" if perpetrator.upper() in ("ND", "") else perpetrator,
            }
            document = Document(id=f"gold-{gold_id}", text=text, published=parse_date(_blank(row.get("date"))), language="fr")
            items.append(GoldItem(gold_id, document, expected))
    return GoldSet("malilink", items)


def _seed(path: Path) -> GoldSet:
    data = json.loads(path.read_text(encoding="utf-8"))
    meta = data["document"]
    relative = Path(meta["path"])
    text_path = None
    for base in [path.parent, *path.parents]:
        if (base / relative).is_file():
            text_path = base / relative
            break
    if text_path is None:
        raise FileNotFoundError(f"{path}: cannot find the seed document {relative}")
    document = Document(
        id="seed",
        text=text_path.read_text(encoding="utf-8"),
        published=parse_date(meta.get("published")),
        language=meta.get("language"),
        source=meta.get("source"),
    )
    items = [GoldItem(str(event.get("id", i)), document, event) for i, event in enumerate(data.get("events", []))]
    return GoldSet("seed", items, forbidden=list(data.get("forbidden", [])))


def load_gold(path: str | Path, limit: int | None = None) -> GoldSet:
    """Read a gold file in any supported layout."""
    path = Path(path)
    layout = detect_layout(path)
    if layout == "acled":
        return _acled(path, limit)
    if layout == "malilink":
        return _malilink(path, limit)
    return _seed(path)
